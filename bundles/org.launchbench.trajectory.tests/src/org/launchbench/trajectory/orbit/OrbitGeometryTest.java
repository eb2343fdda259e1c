package org.launchbench.trajectory.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.OrekitData;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

class OrbitGeometryTest {

    private static final EarthModel EARTH = EarthModel.WGS84;

    /**
     * Sun-synchronous inclinations of circular orbits as tabulated by Wertz &amp; Larson (Space Mission Analysis
     * and Design) and quoted in shared/reference-figures.md (about 97.4 deg at 500 km), to their printed 0.1 deg.
     */
    @ParameterizedTest(name = "{0} km")
    @CsvSource({"500, 97.4", "600, 97.8", "700, 98.2", "800, 98.6"})
    void sunSynchronousInclinationMatchesTheTabulatedValues(double km, double deg) {
        double i = OrbitGeometry.sunSynchronousInclination(EARTH, EARTH.equatorialRadius() + km * 1000, 0);
        assertEquals(deg, Math.toDegrees(i), 0.05);
    }

    @Test
    void tooHighForSunSynchronismIsBadInput() {
        assertThrows(InvalidInputException.class,
            () -> OrbitGeometry.sunSynchronousInclination(EARTH, EARTH.equatorialRadius() + 8_000_000, 0));
    }

    /** Flying the inertial azimuth from the site puts the velocity in a plane of exactly the target inclination. */
    @ParameterizedTest(name = "lat {0}, i {1}")
    @CsvSource({"28.56, 51.6", "40.96, 97.4", "19.6, 19.6", "40.96, 57", "-33, 120"})
    void theInertialAzimuthGivesTheInclination(double latDeg, double incDeg) {
        double lat = Math.toRadians(latDeg);
        double beta = OrbitGeometry.inertialAzimuth(lat, Math.toRadians(incDeg));
        // a position at the latitude and a horizontal velocity along beta; the inclination by Orekit's elements
        Vector3D r = new Vector3D(Math.cos(lat), 0, Math.sin(lat)).scalarMultiply(EARTH.equatorialRadius() + 200_000);
        Vector3D east = Vector3D.PLUS_J;
        Vector3D north = new Vector3D(-Math.sin(lat), 0, Math.cos(lat));
        Vector3D v = new Vector3D(Math.sin(beta), east, Math.cos(beta), north).scalarMultiply(7_790);
        var ctx = OrekitData.bundled().context();
        KeplerianOrbit orbit = new KeplerianOrbit(new PVCoordinates(r, v), ctx.getFrames().getGCRF(),
            new AbsoluteDate(2025, 1, 1, 0, 0, 0.0, ctx.getTimeScales().getTAI()), EARTH.mu());
        assertEquals(incDeg, Math.toDegrees(orbit.getI()), 1e-9);
    }

    @Test
    void theRotatingAzimuthAddsBackTheEarthsRotationToTheInertialAzimuth() {
        double lat = Math.toRadians(28.56);
        double inc = Math.toRadians(51.6);
        double speed = 7_790;
        double ground = OrbitGeometry.rotatingAzimuth(EARTH, lat, inc, speed);
        double inertial = OrbitGeometry.inertialAzimuth(lat, inc);
        // ground velocity along 'ground' plus the site's rotation speed east points along 'inertial'
        double siteSpeed = EARTH.rotationRate() * EARTH.equatorialRadius() * Math.cos(lat);
        double groundSpeed = Math.hypot(speed * Math.sin(inertial) - siteSpeed, speed * Math.cos(inertial));
        double east = groundSpeed * Math.sin(ground) + siteSpeed;
        double north = groundSpeed * Math.cos(ground);
        assertEquals(inertial, Math.atan2(east, north), 1e-12);
        assertEquals(45.008, Math.toDegrees(inertial), 0.001, "asin(cos 51.6 deg / cos 28.56 deg) = asin(0.70720)");
        assertEquals(true, ground < inertial, "launching into the Earth's rotation turns the ground azimuth north");
    }

    @Test
    void anInclinationBelowTheLatitudeCannotBeReachedDirectly() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> OrbitGeometry.inertialAzimuth(Math.toRadians(40.96), Math.toRadians(30)));
        assertEquals("40.96 to 139.04 deg from latitude 40.96 deg", e.allowed());
    }

    @ParameterizedTest(name = "mean anomaly {0} rad")
    @CsvSource({"0.3", "2.0", "3.5", "5.9"})
    void theApoapsisAndTheTimeToItFollowKeplersEquation(double meanAnomaly) {
        var ctx = OrekitData.bundled().context();
        double a = 8_000_000;
        double e = 0.1;
        KeplerianOrbit o = new KeplerianOrbit(a, e, Math.toRadians(51.6), 0.4, 1.1, meanAnomaly, org.orekit.orbits.PositionAngleType.MEAN,
            ctx.getFrames().getGCRF(), AbsoluteDate.J2000_EPOCH, EARTH.mu());
        PVCoordinates pv = o.getPVCoordinates();
        double[] apo = OrbitGeometry.apoapsis(EARTH.mu(), pv.getPosition(), pv.getVelocity());
        assertEquals(a * (1 + e), apo[0], 1e-3);
        // Orekit's own Kepler solution, shifted by the time found, must sit at apoapsis (mean anomaly pi)
        double m = ((o.shiftedBy(apo[1]).getMeanAnomaly() % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        assertEquals(Math.PI, m, 1e-9);
        assertEquals(true, apo[1] > 0 && apo[1] < o.getKeplerianPeriod(), "the next apoapsis");
    }

    @Test
    void anEscapeTrajectoryHasNoApoapsis() {
        double r = 7_000_000;
        double escape = Math.sqrt(2 * EARTH.mu() / r);
        double[] apo = OrbitGeometry.apoapsis(EARTH.mu(), new Vector3D(r, 0, 0), new Vector3D(0, escape * 1.01, 0));
        assertEquals(Double.POSITIVE_INFINITY, apo[0]);
    }

    /**
     * The mean Sun against the true one: their difference in right ascension is the equation of time, whose
     * extremes the almanacs tabulate: about -14.2 min on 11 February and +16.4 min on 3 November (e.g. the
     * Astronomical Almanac's tables; they move by seconds from year to year). The true Sun is Orekit's analytical
     * solar position (Montenbruck and Gill) in the true-of-date frame. Tolerance 0.5 min (0.125 deg of right
     * ascension): that analytical Sun is itself a low-precision model (here 0.09 deg from the almanac's Sun in
     * November), the mean-longitude formula is good to 0.01 deg, and the extremes drift by seconds from year to
     * year. An error in the epoch or the rate of the mean Sun shows as minutes or hours.
     */
    @ParameterizedTest(name = "{0}: {1} min")
    @CsvSource({"2025-02-11T12:00:00Z, -14.2", "2025-11-03T12:00:00Z, 16.4"})
    void theMeanSunLeadsTheTrueOneByTheEquationOfTime(String date, double minutes) {
        var ctx = OrekitData.bundled().context();
        AbsoluteDate d = new AbsoluteDate(date, ctx.getTimeScales().getUTC());
        var tod = ctx.getFrames().getTOD(org.orekit.utils.IERSConventions.IERS_2010, true);
        Vector3D sun = new org.orekit.bodies.AnalyticalSolarPositionProvider(ctx).getPosition(d, tod);
        double days = d.durationFrom(AbsoluteDate.J2000_EPOCH) / 86_400;
        double diff = Math.toDegrees(OrbitGeometry.meanSunRightAscension(days) - Math.atan2(sun.getY(), sun.getX()));
        diff = ((diff % 360) + 540) % 360 - 180;
        assertEquals(minutes, 4 * diff, 0.5);
    }

    @Test
    void aNodeSixHoursEastOfTheMeanSunIsAtSixInTheEvening() {
        double days = 9_000.25;
        double raan = OrbitGeometry.meanSunRightAscension(days) + Math.toRadians(90);
        assertEquals(18, OrbitGeometry.localTimeOfAscendingNode(raan, days), 1e-9);
        assertEquals(10.5, OrbitGeometry.localTimeOfAscendingNode(raan - Math.toRadians(112.5), days), 1e-9);
    }

    private static org.launchbench.vehicle.model.LaunchSite site(double latDeg, double min, double max) {
        var f = org.launchbench.vehicle.model.VehicleFactory.eINSTANCE;
        var site = f.createLaunchSite();
        site.setId("test-site");
        site.setName("Test site");
        site.setLatitude(latDeg);
        var range = f.createAzimuthRange();
        range.setMin(min);
        range.setMax(max);
        site.getAzimuthRanges().add(range);
        return site;
    }

    @Test
    void theLaunchAzimuthTakesThePassTheSiteAllows() {
        double v = 7600;
        double sso = Math.toRadians(97.5);
        // Jiuquan (40.96 deg N, 95 to 200 deg): sun-synchronous launches fly south, a little west
        double south = Math.toDegrees(OrbitGeometry.launchAzimuth(EARTH, site(40.96, 95, 200), sso, v));
        double southExpected = Math.toDegrees(OrbitGeometry.rotatingAzimuth(EARTH, Math.toRadians(40.96), sso, v, false));
        assertEquals(southExpected, south, 1e-9);
        assertEquals(true, ((south % 360) + 360) % 360 > 180 && ((south % 360) + 360) % 360 < 200, south + " deg");
        // both passes allowed: the northbound one
        double north = OrbitGeometry.launchAzimuth(EARTH, site(28.56, 0, 360), Math.toRadians(28.6), v);
        assertEquals(OrbitGeometry.rotatingAzimuth(EARTH, Math.toRadians(28.56), Math.toRadians(28.6), v, true), north, 1e-12);
        // the Cape's 35 to 120 deg cannot reach a sun-synchronous plane either way
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> OrbitGeometry.launchAzimuth(EARTH, site(28.56, 35, 120), sso, v));
        assertEquals(true, e.allowed().contains("35 to 120 deg"), e.allowed());
    }
}
