package org.launchbench.trajectory.orbit;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import java.util.Locale;

import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.vehicle.model.AzimuthRange;
import org.launchbench.vehicle.model.LaunchSite;

/**
 * Closed-form orbit geometry a launch is planned with: sun-synchronous inclination and launch azimuth.
 */
public final class OrbitGeometry {

    /**
     * Mean motion of the mean Sun, rad/s: 360 degrees per tropical year of 365.242190 days.
     */
    public static final double SUN_MEAN_MOTION = 2 * Math.PI / (365.242190 * 86_400);

    private OrbitGeometry() {
    }

    /**
     * The inclination at which J2 turns the orbit plane at the Sun's mean rate: dΩ/dt = -3/2 n J2 (Re/p)² cos i
     * equal to the Sun's mean motion (the secular J2 nodal rate; Vallado, Fundamentals of Astrodynamics and
     * Applications, 4th ed., chapter 9 (perturbations) and section 11.4.1).
     *
     * @param earth         the Earth (μ, Re, J2)
     * @param semiMajorAxis m
     * @param eccentricity  e (0 for circular)
     * @return the inclination, rad (retrograde, between 90 and 180 degrees)
     * @throws InvalidInputException when no inclination can do it (orbits above about 5970 km altitude)
     */
    public static double sunSynchronousInclination(EarthModel earth, double semiMajorAxis, double eccentricity) {
        double n = Math.sqrt(earth.mu() / (semiMajorAxis * semiMajorAxis * semiMajorAxis));
        double p = semiMajorAxis * (1 - eccentricity * eccentricity);
        double ratio = earth.equatorialRadius() / p;
        double cosI = -SUN_MEAN_MOTION / (1.5 * n * earth.j2() * ratio * ratio);
        if (cosI < -1) {
            throw InvalidInputException.because("is too high for a sun-synchronous orbit: J2 cannot turn its plane fast enough")
                .element("semi-major axis").value(String.format("%.0f m", semiMajorAxis))
                .allowed("altitudes below about 5970 km").build();
        }
        return Math.acos(cosI);
    }

    /**
     * Inertial launch azimuth for a direct ascent into an orbit of inclination i from latitude φ: sin β = cos i /
     * cos φ (spherical trigonometry of the right triangle formed by the equator, the site's meridian and the
     * ground track, as in Curtis, Orbital Mechanics for Engineering Students). Of the two solutions, the one that
     * crosses the site going
     * north (ascending pass): β between -90 and 90 degrees.
     *
     * @param latitude    site geodetic latitude, rad (geocentric and geodetic differ by under 0.2 deg: the
     *                    residual is corrected by closed-loop guidance)
     * @param inclination target inclination, rad
     * @return the azimuth, rad clockwise from north
     * @throws InvalidInputException when the orbit cannot pass over the site (inclination below the latitude,
     *                               or above 180 degrees minus the latitude)
     */
    public static double inertialAzimuth(double latitude, double inclination) {
        double s = Math.cos(inclination) / Math.cos(latitude);
        if (Math.abs(s) > 1) {
            throw InvalidInputException.because("cannot be reached by a direct ascent from this site")
                .element("inclination").value(String.format("%.2f deg", Math.toDegrees(inclination)))
                .allowed(String.format("%.2f to %.2f deg from latitude %.2f deg", Math.abs(Math.toDegrees(latitude)),
                    180 - Math.abs(Math.toDegrees(latitude)), Math.toDegrees(latitude)))
                .fix("choose an orbit whose inclination is at least the site's latitude, or a transfer orbit (apogee 1,000 km or more"
                    + " above perigee) with a restartable last stage, whose perigee burn turns the plane at the node").build();
        }
        return Math.asin(s);
    }

    /**
     * The azimuth to fly relative to the rotating Earth so that the inertial velocity at orbital speed has the
     * inertial azimuth: subtract the site's eastward rotation speed from the inertial velocity's east component.
     *
     * @param earth         the Earth (rotation, radius)
     * @param latitude      site latitude, rad
     * @param inclination   target inclination, rad
     * @param orbitalSpeed  inertial speed at insertion, m/s
     * @return the azimuth relative to the ground, rad clockwise from north
     */
    public static double rotatingAzimuth(EarthModel earth, double latitude, double inclination, double orbitalSpeed) {
        return rotatingAzimuth(earth, latitude, inclination, orbitalSpeed, true);
    }

    /**
     * @param earth        the Earth (rotation rate, equatorial radius)
     * @param latitude     geodetic latitude of the site, rad
     * @param inclination  target inclination, rad
     * @param orbitalSpeed inertial speed at insertion, m/s
     * @param northbound   true for the ascending pass (heading north of east or west), false for the descending one
     * @return launch azimuth relative to the ground, rad clockwise from north, in (-π, π]
     */
    public static double rotatingAzimuth(EarthModel earth, double latitude, double inclination, double orbitalSpeed,
                                         boolean northbound) {
        double beta = inertialAzimuth(latitude, inclination);
        if (!northbound) {
            beta = Math.PI - beta;
        }
        double east = orbitalSpeed * Math.sin(beta) - earth.rotationRate() * earth.equatorialRadius() * Math.cos(latitude);
        double north = orbitalSpeed * Math.cos(beta);
        return Math.atan2(east, north);
    }

    /**
     * The launch azimuth from a site into a plane: the northbound or the southbound pass, whichever the site's
     * azimuth ranges allow (northbound when both do, or when the site states no ranges).
     *
     * @param earth        the Earth
     * @param site         the launch site (its latitude and azimuth ranges)
     * @param inclination  target inclination, rad
     * @param orbitalSpeed inertial speed at insertion, m/s
     * @return launch azimuth relative to the ground, rad clockwise from north
     * @throws InvalidInputException when the inclination is below the site's latitude, or neither pass is in the
     *                               site's ranges
     */
    public static double launchAzimuth(EarthModel earth, LaunchSite site, double inclination, double orbitalSpeed) {
        double latitude = Math.toRadians(site.getLatitude());
        double north = rotatingAzimuth(earth, latitude, inclination, orbitalSpeed, true);
        double south = rotatingAzimuth(earth, latitude, inclination, orbitalSpeed, false);
        if (site.getAzimuthRanges().isEmpty() || allowed(site, north)) {
            return north;
        }
        if (allowed(site, south)) {
            return south;
        }
        StringBuilder ranges = new StringBuilder();
        for (AzimuthRange r : site.getAzimuthRanges()) {
            ranges.append(ranges.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f to %.0f deg", r.getMin(), r.getMax()));
        }
        throw InvalidInputException.because("cannot be launched into from " + site.getName())
            .element("inclination").value(String.format(Locale.ROOT, "%.2f deg (launch azimuth %.1f or %.1f deg)",
                Math.toDegrees(inclination), degrees(north), degrees(south)))
            .allowed("launch azimuths " + ranges + " at " + site.getId())
            .fix("choose another site or inclination, or plan a dog-leg (set the mission's launchAzimuth)").build();
    }

    private static double degrees(double azimuth) {
        double d = Math.toDegrees(azimuth) % 360;
        return d < 0 ? d + 360 : d;
    }

    /**
     * @param site    a launch site
     * @param azimuth rad clockwise from north
     * @return whether the site's azimuth ranges allow it (true when it states none)
     */
    public static boolean allowsAzimuth(LaunchSite site, double azimuth) {
        return site.getAzimuthRanges().isEmpty() || allowed(site, azimuth);
    }

    private static boolean allowed(LaunchSite site, double azimuth) {
        double d = degrees(azimuth);
        for (AzimuthRange r : site.getAzimuthRanges()) {
            boolean in = r.getMin() <= r.getMax() ? d >= r.getMin() && d <= r.getMax() : d >= r.getMin() || d <= r.getMax();
            if (in) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two-body osculating apoapsis of a state: its radius and how long until the vehicle gets there (Kepler's
     * equation, M = E - e sin E; Vallado, section 2.2).
     *
     * @param mu gravitational parameter, m³/s²
     * @param r  position, m
     * @param v  velocity, m/s
     * @return {apoapsis radius (m), time to the next apoapsis (s)}; both infinite when the orbit is not an
     *         ellipse; for a circle (e below 1e-9) the radius and 0
     */
    public static double[] apoapsis(double mu, Vector3D r, Vector3D v) {
        double rn = r.getNorm();
        double energy = v.getNormSq() / 2 - mu / rn;
        if (energy >= 0) {
            return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        double a = -mu / (2 * energy);
        double rv = Vector3D.dotProduct(r, v);
        double eCos = 1 - rn / a;
        double eSin = rv / Math.sqrt(mu * a);
        double e = Math.hypot(eCos, eSin);
        if (e < 1e-9) {
            return new double[] {a, 0};
        }
        double bigE = Math.atan2(eSin, eCos);
        double meanAnomaly = bigE - eSin;
        if (meanAnomaly < 0) {
            meanAnomaly += 2 * Math.PI;
        }
        double n = Math.sqrt(mu / (a * a * a));
        double toGo = Math.PI - meanAnomaly;
        if (toGo < 0) {
            toGo += 2 * Math.PI;
        }
        return new double[] {a * (1 + e), toGo / n};
    }

    /**
     * Right ascension of the mean Sun: its mean longitude L = 280.460 deg + 0.9856474 deg/day since J2000
     * (Astronomical Almanac, low-precision solar coordinates, section C; good to about 0.01 deg from 1950 to 2050).
     *
     * @param daysSinceJ2000 days since 2000-01-01 12:00 (UT; TT differs by about a minute, 0.0003 deg)
     * @return rad, in [0, 2π)
     */
    public static double meanSunRightAscension(double daysSinceJ2000) {
        double l = Math.toRadians(280.460 + 0.9856474 * daysSinceJ2000) % (2 * Math.PI);
        return l < 0 ? l + 2 * Math.PI : l;
    }

    /**
     * Mean local time of the ascending node: the mean solar time at the node's longitude, 12 h plus the node's
     * right ascension east of the mean Sun's, at 15 deg per hour.
     *
     * @param raan           right ascension of the ascending node (true-of-date), rad
     * @param daysSinceJ2000 days since 2000-01-01 12:00
     * @return hours, in [0, 24)
     */
    public static double localTimeOfAscendingNode(double raan, double daysSinceJ2000) {
        double h = (12 + Math.toDegrees(raan - meanSunRightAscension(daysSinceJ2000)) / 15) % 24;
        return h < 0 ? h + 24 : h;
    }
}
