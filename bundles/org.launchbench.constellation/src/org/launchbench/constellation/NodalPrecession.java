package org.launchbench.constellation;

import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * Secular J2 effects on circular orbits, the physics of plane separation by drift: the node's regression
 * dΩ/dt = -3/2 n J2 (Re/a)² cos i, and the mean motion a satellite's phase drifts by (Vallado, Fundamentals of
 * Astrodynamics and Applications, 4th ed., section 9.6; Wertz, Space Mission Engineering, 2011, table 9-13).
 * <p>
 * Two orbits at different altitudes (or inclinations) regress at different rates, so a satellite left in a
 * parking orbit drifts away from the plane it was launched into, and reaches the next plane of the constellation
 * for free; it then raises to the operational altitude. The differential rate d(dΩ/dt)/da = −7/2 (dΩ/dt)/a scales
 * with cos i: strong at mid inclinations, weak near the poles and sun-synchronous orbits.
 */
public final class NodalPrecession {

    private final EarthModel earth;

    /** @param earth the Earth (μ, Re, J2) */
    public NodalPrecession(EarthModel earth) {
        this.earth = earth;
    }

    /** @return the Earth model */
    public EarthModel earth() {
        return earth;
    }

    /**
     * @param semiMajorAxis m (circular orbit)
     * @param inclination   rad
     * @return the node's secular rate dΩ/dt, rad/s (negative for prograde orbits)
     */
    public double nodalRate(double semiMajorAxis, double inclination) {
        double n = meanMotion(semiMajorAxis);
        double ratio = earth.equatorialRadius() / semiMajorAxis;
        return -1.5 * n * earth.j2() * ratio * ratio * Math.cos(inclination);
    }

    /** @param semiMajorAxis m; @return the Keplerian mean motion, rad/s */
    public double meanMotion(double semiMajorAxis) {
        return Math.sqrt(earth.mu() / (semiMajorAxis * semiMajorAxis * semiMajorAxis));
    }

    /**
     * The rate at which the argument of latitude advances, J2 included (mean motion plus the secular drifts of the
     * perigee and the mean anomaly, which for a circular orbit add up to 3/4 n J2 (Re/a)² (5 cos² i - 1) +
     * 3/4 n J2 (Re/a)² (3 cos² i - 1)): satellites in one plane at different altitudes phase apart at the
     * difference of this rate.
     *
     * @param semiMajorAxis m
     * @param inclination   rad
     * @return du/dt, rad/s
     */
    public double latitudeArgumentRate(double semiMajorAxis, double inclination) {
        double n = meanMotion(semiMajorAxis);
        double ratio = earth.equatorialRadius() / semiMajorAxis;
        double c2 = Math.cos(inclination) * Math.cos(inclination);
        return n * (1 + 0.75 * earth.j2() * ratio * ratio * ((5 * c2 - 1) + (3 * c2 - 1)));
    }

    /** @param altitude m above the equatorial radius; @return the circular orbit's radius, m */
    public double radius(double altitude) {
        return earth.equatorialRadius() + altitude;
    }

    /** @param radius m; @return the circular speed, m/s */
    public double circularSpeed(double radius) {
        return Math.sqrt(earth.mu() / radius);
    }

    /**
     * @param from m (circular radius)
     * @param to   m
     * @return the two-impulse Hohmann transfer's total Δv, m/s
     */
    public double hohmannDeltaV(double from, double to) {
        return hohmannDeltaV(from, to, 0);
    }

    /**
     * A Hohmann transfer with a plane change in its second burn, √(p² + v² − 2 p v cos Δi) there (p the transfer
     * orbit's speed; for from = to, a single burn of 2 v sin(Δi/2)).
     *
     * @param from              m (circular radius)
     * @param to                m
     * @param inclinationChange rad
     * @return the total Δv, m/s
     */
    public double hohmannDeltaV(double from, double to, double inclinationChange) {
        double mu = earth.mu();
        double a = (from + to) / 2;
        double v1 = Math.sqrt(mu / from);
        double v2 = Math.sqrt(mu / to);
        double p1 = Math.sqrt(mu * (2 / from - 1 / a));
        double p2 = Math.sqrt(mu * (2 / to - 1 / a));
        return Math.abs(p1 - v1) + Math.sqrt(p2 * p2 + v2 * v2 - 2 * p2 * v2 * Math.cos(inclinationChange));
    }

    /** @param from m; @param to m; @return the Hohmann transfer's duration (half the transfer orbit), s */
    public double hohmannTime(double from, double to) {
        double a = (from + to) / 2;
        return Math.PI * Math.sqrt(a * a * a / earth.mu());
    }
}
