package org.launchbench.trajectory.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.LocalHorizontal;
import org.launchbench.trajectory.dynamics.Steering;

/**
 * Open-loop first-stage steering: a vertical rise, a pitch-over by a small kick angle towards the launch
 * azimuth (held until the velocity has tilted as far), then a gravity turn (thrust along the air-relative
 * velocity, zero angle of attack), the classic
 * profile that keeps aerodynamic loads low through max-Q (e.g. Wiesel, Spaceflight Dynamics, section on
 * gravity-turn ascents).
 *
 * @param earth           the Earth (for its rotation: the air moves with the ground)
 * @param riseTime        end of the vertical rise, s
 * @param kickDuration    duration of the pitch-over, s
 * @param kickAngle       pitch-over angle from the vertical, rad
 * @param azimuth         launch azimuth relative to the ground, rad clockwise from north
 * @param throttle        throttle setting as a function of time (a throttle bucket through max-Q, say)
 */
public record PitchProgram(EarthModel earth, double riseTime, double kickDuration, double kickAngle, double azimuth,
                           java.util.function.DoubleUnaryOperator throttle) implements Steering {

    @Override
    public double throttle(double t, Vector3D r, Vector3D v, double mass) {
        return throttle.applyAsDouble(t);
    }

    @Override
    public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
        // the pad's vertical, not the geocentric one (LocalHorizontal#geodetic says why)
        LocalHorizontal local = LocalHorizontal.geodetic(earth, t, r);
        Vector3D up = local.up();
        if (t < riseTime) {
            return up;
        }
        Vector3D airVelocity = v.subtract(Vector3D.crossProduct(earth.rotation(), r));
        // after the kick, the attitude is held until the velocity has tilted as far, then follows it
        if (t >= riseTime + kickDuration && airVelocity.getNorm() > 1
            && Vector3D.angle(airVelocity, up) >= kickAngle) {
            return airVelocity.normalize();
        }
        double angle = kickAngle * Math.min(1, (t - riseTime) / kickDuration);
        return new Vector3D(Math.cos(angle), up, Math.sin(angle), local.horizontal(azimuth));
    }
}
