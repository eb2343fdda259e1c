package org.launchbench.trajectory.guidance;

/**
 * Where an upper-stage burn must end: at the insertion radius (perigee of the target orbit for a direct
 * ascent, apogee for a circularisation after a coast) with zero flight-path angle, with the target orbit's
 * energy, in its plane.
 *
 * @param perigeeRadius   geocentric perigee radius, m
 * @param apogeeRadius    geocentric apogee radius, m
 * @param inclination     rad
 * @param insertionRadius geocentric radius at engine cut-off, m: the perigee or the apogee radius
 */
public record InsertionTarget(double perigeeRadius, double apogeeRadius, double inclination, double insertionRadius) {

    /**
     * Insertion at perigee.
     *
     * @param perigeeRadius geocentric perigee radius, m
     * @param apogeeRadius  geocentric apogee radius, m
     * @param inclination   rad
     */
    public InsertionTarget(double perigeeRadius, double apogeeRadius, double inclination) {
        this(perigeeRadius, apogeeRadius, inclination, perigeeRadius);
    }

    /** @return the same orbit, entered at its apogee (a burn that raises the perigee at the end of a coast) */
    public InsertionTarget atApogee() {
        return new InsertionTarget(perigeeRadius, apogeeRadius, inclination, apogeeRadius);
    }

    /** @return the target semi-major axis, m */
    public double semiMajorAxis() {
        return (perigeeRadius + apogeeRadius) / 2;
    }

    /**
     * @param mu gravitational parameter, m³/s²
     * @return the speed at perigee by the vis-viva equation, v² = μ (2/r - 1/a), m/s
     */
    public double perigeeSpeed(double mu) {
        return speedAt(mu, perigeeRadius);
    }

    /**
     * @param mu gravitational parameter, m³/s²
     * @param r  geocentric radius, m
     * @return the target orbit's speed at that radius (vis-viva), m/s
     */
    public double speedAt(double mu, double r) {
        return Math.sqrt(mu * (2 / r - 1 / semiMajorAxis()));
    }
}
