package org.launchbench.constellation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Sidereal time against Meeus, Astronomical Algorithms, 2nd ed., examples 12.a and 12.b. */
class SiderealTimeTest {

    /** 1987 April 10, 0h UT: 13h10m46.3668s; 19h21m00s UT: 8h34m57.0896s (to 1e-6 degrees, a tenth of a millisecond of time). */
    @Test
    void greenwichMeanSiderealTimeIsMeeussExamples() {
        assertEquals(hours(13, 10, 46.3668), Math.toDegrees(SiderealTime.greenwichMean(Instant.parse("1987-04-10T00:00:00Z"))), 1e-6);
        assertEquals(hours(8, 34, 57.0896), Math.toDegrees(SiderealTime.greenwichMean(Instant.parse("1987-04-10T19:21:00Z"))), 1e-6);
    }

    /**
     * The mean Sun's right ascension is the Sun's geometric mean longitude: 201.80720° on 1992 October 13.0 TD (Meeus,
     * example 25.a; 0.01° tolerance: Meeus's series has a T² term and TD is a minute ahead of UT). A node at 12:00 local
     * time is under the mean Sun; at 18:00, 90° east of it.
     */
    @Test
    void theMeanSunAndLocalTimeOfTheNode() {
        double ra = Math.toDegrees(SiderealTime.meanSunRightAscension(Instant.parse("1992-10-13T00:00:00Z")));
        assertEquals(201.80720, ra, 0.01);
        Instant t = Instant.parse("2027-06-01T00:00:00Z");
        assertEquals(SiderealTime.meanSunRightAscension(t), SiderealTime.nodeForLocalTime(t, 12), 1e-12);
        assertEquals(Math.PI / 2, SiderealTime.wrap(SiderealTime.nodeForLocalTime(t, 18) - SiderealTime.meanSunRightAscension(t)), 1e-12);
    }

    private static double hours(int h, int m, double s) {
        return (h + m / 60.0 + s / 3600) * 15;
    }
}
