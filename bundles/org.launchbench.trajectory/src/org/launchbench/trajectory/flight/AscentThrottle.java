package org.launchbench.trajectory.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.atmosphere.AtmosphereState;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;

/**
 * A lower stage's throttle on the way up: its steering's setting, lowered where full thrust would take the stack past
 * the dynamic-pressure limit through max-Q (the throttle bucket) or past the acceleration limit as the propellant burns
 * off (Falcon 9: "the engines are throttled down to limit acceleration", SpaceX's vehicle description).
 * <ul>
 * <li>The dynamic pressure is held by a proportional limiter, τ ≤ 1 − {@value #Q_GAIN} (q − q_max) / q_max: the steering's
 * setting up to the limit (a setting below full thrust a little past it), then as much less as the excess asks. It holds q within (1 − τ) / {@value #Q_GAIN} of the limit
 * (3 % for a bucket at 70 %), as a flight's planned bucket holds it within a few percent of its design value.</li>
 * <li>The sensed acceleration (thrust less drag, over mass, what an accelerometer reads) is held exactly:
 * τ ≤ (a_max m + D + p A_e) / T_vac, the thrust being τ T_vac − p A_e.</li>
 * </ul>
 * The engines' own range then clips the setting ({@code PointMassDynamics}); a solid motor's fixed range ignores both.
 * The air is calm here, as in the rest of the ascent.
 *
 * @param steering           the pitch program (its direction is kept)
 * @param earth              the Earth
 * @param atmosphere         the atmosphere
 * @param propulsion         the engines burning in this phase
 * @param drag               the stack's drag in this phase
 * @param maxDynamicPressure the limit through max-Q, Pa (NaN: none)
 * @param maxAcceleration    the sensed-acceleration limit, m/s² (NaN: none)
 */
public record AscentThrottle(Steering steering, EarthModel earth, Atmosphere atmosphere, Propulsion propulsion, Aerodynamics drag,
                             double maxDynamicPressure, double maxAcceleration) implements Steering {

    /** How hard the limiter throttles per fraction of the limit exceeded. */
    public static final double Q_GAIN = 10;

    /**
     * @return the steering itself when neither limit is set, else the steering with its throttle limited
     */
    public static Steering of(Steering steering, EarthModel earth, Atmosphere atmosphere, Propulsion propulsion, Aerodynamics drag,
                              double maxDynamicPressure, double maxAcceleration) {
        if (Double.isNaN(maxDynamicPressure) && Double.isNaN(maxAcceleration)) {
            return steering;
        }
        return new AscentThrottle(steering, earth, atmosphere, propulsion, drag, maxDynamicPressure, maxAcceleration);
    }

    @Override
    public double throttle(double t, Vector3D r, Vector3D v, double mass) {
        double throttle = steering.throttle(t, r, v, mass);
        if (throttle <= 0) {
            return throttle;
        }
        double height = earth.geodetic(earth.toFixed(t, r)).height();
        if (height > atmosphere.maxAltitude()) {
            // no air: no dynamic pressure, no drag, vacuum thrust
            return Double.isNaN(maxAcceleration) ? throttle : lit(Math.min(throttle, maxAcceleration * mass / propulsion.vacuumThrust()));
        }
        AtmosphereState air = atmosphere.at(Math.max(height, atmosphere.minAltitude()));
        double speed = v.subtract(Vector3D.crossProduct(earth.rotation(), r)).getNorm();
        double q = 0.5 * air.density() * speed * speed;
        if (!Double.isNaN(maxDynamicPressure)) {
            throttle = Math.min(throttle, 1 - Q_GAIN * (q - maxDynamicPressure) / maxDynamicPressure);
        }
        if (!Double.isNaN(maxAcceleration)) {
            double mach = air.speedOfSound() > 0 ? speed / air.speedOfSound() : 0;
            double dragForce = q * drag.dragCoefficient(mach) * drag.referenceArea();
            throttle = Math.min(throttle, (maxAcceleration * mass + dragForce + air.pressure() * propulsion.exitArea())
                / propulsion.vacuumThrust());
        }
        return lit(throttle);
    }

    /** A limit asks for less, never for the engines to go out: the engines' floor clips a tiny setting. */
    private static double lit(double throttle) {
        return Math.max(throttle, 1e-9);
    }

    @Override
    public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
        return steering.direction(t, r, v, mass);
    }
}
