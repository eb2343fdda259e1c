package org.launchbench.flight.phase;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.Loads;
import org.launchbench.flight.PlainVectorAlgebra;
import org.launchbench.flight.Quaternion;

/**
 * An attitude loop with ideal actuation: the moment that turns the body's x axis toward a target direction, as a
 * cascade of an attitude loop (rate command k_θ θ about the axis x_b × d, at most {@link #MAX_RATE_RAD_S}) and a rate
 * loop (M = I k_ω (ω_cmd − ω) + ω × I ω), roll rate held at zero. The moment has no limit and no actuator behind it:
 * it stands for the gimbal, fins and RCS until the recovery GNC flies them (docs/flight-dynamics.md). The closed loop
 * is critically damped: ω_n² = k_θ k_ω = 4 s⁻², 2 ζ ω_n = k_ω, ζ = 1, a 1 s time constant, fast beside the guidance's
 * 4 s re-plans and slow beside the integrator's reach. Every other moment (aerodynamic, thrust off the axis) acts on
 * the body and the loop answers it, so the body lags its command as a real one does.
 *
 * @param target where the body's x axis should point, inertial, any length (zero: the rates are damped to zero, and the
 *               attitude then drifts under any moment)
 */
public record IdealAttitudeLoop(Target target) implements ForceModel {

    /** The attitude gain k_θ, rad/s per rad. */
    public static final double ATTITUDE_GAIN_PER_S = 1.0;
    /** The rate gain k_ω, 1/s. */
    public static final double RATE_GAIN_PER_S = 4.0;
    /**
     * The largest rate the loop commands, rad/s: 30°/s turns a stage over (180°) in 6 s plus the loop's 1 s, inside
     * the 10 s the recovery's point-mass model allows for the flip after separation (StageRecovery.FLIP_DURATION).
     */
    public static final double MAX_RATE_RAD_S = Math.toRadians(30);

    /** Where the loop points the body, from its conditions. */
    @FunctionalInterface
    public interface Target {
        /** @param c the body's conditions; @return the direction for its x axis, inertial (zero: damp the rates only) */
        Vector3D direction(FlightConditions c);
    }

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        Vector3D w = c.state().bodyRatesInertialRadS();
        Vector3D command = rateCommand(c.state().attitude(), target.direction(c), ATTITUDE_GAIN_PER_S, MAX_RATE_RAD_S);
        InertiaTensor inertia = c.massProperties().inertiaKgM2();
        Vector3D accel = command.subtract(w).scalarMultiply(RATE_GAIN_PER_S);
        loads.addMomentBody(inertia.times(accel).add(PlainVectorAlgebra.cross(w, inertia.times(w))));
    }

    /**
     * The cascade's outer loop, shared with the flight software's attitude controller: a body rate k_θ θ about
     * x_b × d, at most a limit, no roll.
     *
     * @param attitude    body to inertial
     * @param axisEci     where the body's x axis should point, inertial, any length (zero or not finite: no rate)
     * @param gainPerS    k_θ, rad/s per rad
     * @param maxRateRadS the largest rate commanded, rad/s
     * @return the rate command, body axes, rad/s
     */
    public static Vector3D rateCommand(Quaternion attitude, Vector3D axisEci, double gainPerS, double maxRateRadS) {
        double n = axisEci.getNorm();
        if (!(n > 0) || !Double.isFinite(n)) {
            return Vector3D.ZERO;
        }
        Vector3D db = attitude.toBody(axisEci.scalarMultiply(1 / n));
        // the rotation from x_b to d: axis x_b × d = (0, -d_z, d_y), angle atan2(|x × d|, x · d); opposite d, any
        // axis across will do (body z)
        double sy = -db.getZ();
        double sz = db.getY();
        double s = Math.hypot(sy, sz);
        double angle = Math.atan2(s, db.getX());
        double rate = Math.min(maxRateRadS, gainPerS * angle);
        return s > 1e-12 ? new Vector3D(0, rate * (sy / s), rate * (sz / s)) : new Vector3D(0, 0, rate);
    }
}
