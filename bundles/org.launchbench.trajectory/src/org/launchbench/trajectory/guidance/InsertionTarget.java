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

    /**
     * @param mu gravitational parameter, m³/s²
     * @return the speed at perigee by the vis-viva equation, v² = μ (2/r - 1/a), m/s
     */
    public double perigeeSpeed(double mu) {
        return Math.sqrt(mu * (2 / perigeeRadius - 1 / semiMajorAxis()));
    }
}
