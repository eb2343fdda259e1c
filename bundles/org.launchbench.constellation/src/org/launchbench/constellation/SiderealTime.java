package org.launchbench.constellation;

import java.time.Duration;
import java.time.Instant;

/**
 * The Earth's orientation and the mean Sun, as far as launch windows and sun-synchronous planes need them: Greenwich
 * mean sidereal time (IAU 1982, Meeus, Astronomical Algorithms, 2nd ed., eq. 12.4, UT1 taken as UTC: under a second
 * of time, 0.004 degrees) and the right ascension of the fictitious mean Sun, whose hour angle defines mean local
 * solar time (its mean longitude 280.460° + 0.9856474° a day from J2000, Astronomical Almanac).
 */
public final class SiderealTime {

    /** J2000.0, 2000-01-01T12:00 (UT). */
    public static final Instant J2000 = Instant.parse("2000-01-01T12:00:00Z");
    /** The Earth's rotation rate relative to the vernal equinox, rad/s (360.98564736629° a day). */
    public static final double EARTH_RATE = Math.toRadians(360.98564736629) / 86_400;

    private SiderealTime() {
    }

    /** @param t an instant (UTC); @return days since J2000.0 */
    public static double daysSinceJ2000(Instant t) {
        Duration d = Duration.between(J2000, t);
        return d.getSeconds() / 86_400.0 + d.getNano() / 86_400e9;
    }

    /** @param t an instant (UTC as UT1); @return Greenwich mean sidereal time, rad in [0, 2π) */
    public static double greenwichMean(Instant t) {
        double d = daysSinceJ2000(t);
        double c = d / 36_525;
        double deg = 280.46061837 + 360.98564736629 * d + 0.000387933 * c * c - c * c * c / 38_710_000;
        return wrap(Math.toRadians(deg));
    }

    /** @param t an instant; @return the right ascension of the mean Sun, rad in [0, 2π) */
    public static double meanSunRightAscension(Instant t) {
        return wrap(Math.toRadians(280.460 + 0.9856474 * daysSinceJ2000(t)));
    }

    /**
     * @param t                  an instant
     * @param localTimeHours     mean local solar time of the ascending node, h (10.5 for 10:30)
     * @return the right ascension of the ascending node that has that local time then, rad in [0, 2π)
     */
    public static double nodeForLocalTime(Instant t, double localTimeHours) {
        return wrap(meanSunRightAscension(t) + Math.toRadians((localTimeHours - 12) * 15));
    }

    /** @param angle rad; @return the same angle in [0, 2π) */
    public static double wrap(double angle) {
        double a = angle % (2 * Math.PI);
        return a < 0 ? a + 2 * Math.PI : a;
    }
}
