package org.launchbench.recovery.loop;

import org.launchbench.recovery.descent.BrakingGuidance;

/**
 * The braking's lateral acceleration per radian of tilt off the retrograde, as the trimmed stage gives it, from its own
 * force models (the flight software's aerodynamic database) at the navigated state: the body tilted a degree either way
 * in the plane asked about, its gimbals and fins set by the control allocation to hold it there (their side forces
 * included), the engines at the braking's thrust, and the whole force across the velocity differenced
 * ({@link TrimmedForces}). The thrust tilts one way; the body's normal force at the incidence (Jorgensen's, with its
 * crossflow part) and the gimbals' and fins' trimming forces push the other. In the thick air at the start of a Falcon 9
 * landing burn the sum is negative, and a braking that reckoned with the thrust and the normal-force slope alone
 * steered its rest point the wrong way (docs/gnc.md). Not thread-safe: one per flight.
 */
final class TrimmedTilt implements BrakingGuidance.TiltAuthority {

    /** Each way's tilt for the difference, rad (1°). */
    static final double STEP_RAD = Math.toRadians(1);

    private final TrimmedForces forces;
    private double timeS;

    /** @param forces the trimmed stage's forces */
    TrimmedTilt(TrimmedForces forces) {
        this.forces = forces;
    }

    /** @param t the flight's time now, s (the frame's rotation) */
    void at(double t) {
        timeS = t;
    }

    @Override
    public double perRadian(double[] local, double mass, double thrustN, double[] direction) {
        double[] va = forces.air().airVelocity(new double[] {local[3], local[4], local[5]});
        double speed = Math.sqrt(va[0] * va[0] + va[1] * va[1] + va[2] * va[2]);
        if (speed == 0) {
            return thrustN / mass;
        }
        double[] retro = {-va[0] / speed, -va[1] / speed, -va[2] / speed};
        double plus = lateral(local, mass, thrustN, retro, direction, STEP_RAD);
        double minus = lateral(local, mass, thrustN, retro, direction, -STEP_RAD);
        return (plus - minus) / (2 * STEP_RAD);
    }

    /** The whole specific force along the direction, the body tilted by an angle toward it and trimmed there, m/s². */
    private double lateral(double[] local, double mass, double thrustN, double[] retro, double[] direction, double tilt) {
        double c = Math.cos(tilt);
        double s = Math.sin(tilt);
        double[] axis = {c * retro[0] + s * direction[0], c * retro[1] + s * direction[1], c * retro[2] + s * direction[2]};
        return forces.along(timeS, local, mass, thrustN, axis, direction);
    }
}
