package org.launchbench.trajectory.guidance;

/**
 * Where an upper-stage burn must end: at perigee of the target orbit, in its plane.
 *
 * @param perigeeRadius geocentric perigee radius, m
 * @param apogeeRadius  geocentric apogee radius, m
 * @param inclination   rad
 */
public record InsertionTarget(double perigeeRadius, double apogeeRadius, double inclination) {

    /** @return the target semi-major axis, m */
    public double semiMajorAxis() {
        return (perigeeRadius + apogeeRadius) / 2;
    }
}
