package org.launchbench.trajectory.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.launchbench.core.OrekitData;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.frames.Frame;
import org.orekit.time.AbsoluteDate;

/**
 * Geodetic conversion against Orekit's OneAxisEllipsoid on the same WGS-84 ellipsoid (an independent, exact
 * closed-form algorithm). Tolerances: 1e-11 rad (0.06 mm) in angles and 1 mm in height, Bowring's stated accuracy.
 */
class EarthModelTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final Frame FRAME = OrekitData.bundled().context().getFrames().getGCRF();
    private static final OneAxisEllipsoid OREKIT = new OneAxisEllipsoid(EARTH.equatorialRadius(), EARTH.flattening(), FRAME);
    private static final AbsoluteDate DATE = new AbsoluteDate(2025, 12, 3, 4, 2, 0.0,
        OrekitData.bundled().context().getTimeScales().getUTC());

    @ParameterizedTest(name = "lat {0}, lon {1}, h {2}")
    @CsvSource({
        "40.9581, 100.2912, 1000",      // Jiuquan
        "28.562106, -80.57718, 5",      // SLC-40
        "0, 0, 0",
        "-33.9, 151.2, -100",
        "89.9999, 45, 3000",            // next to the pole
        "-90, 0, 10",                   // on it
        "51.6, -120, 400000",           // LEO
        "10, 20, 35786000",             // GEO altitude
    })
    void geodeticRoundTripAgreesWithOrekit(double latDeg, double lonDeg, double h) {
        Vector3D p = EARTH.ecef(new EarthModel.Geodetic(Math.toRadians(latDeg), Math.toRadians(lonDeg), h));
        GeodeticPoint ref = OREKIT.transform(p, FRAME, DATE);
        EarthModel.Geodetic g = EARTH.geodetic(p);
        assertEquals(ref.getLatitude(), g.latitude(), 1e-11);
        if (Math.abs(latDeg) < 90) {
            assertEquals(ref.getLongitude(), g.longitude(), 1e-11);
        }
        assertEquals(ref.getAltitude(), g.height(), 1e-3);
        assertEquals(h, g.height(), 1e-3);
        Vector3D back = OREKIT.transform(new GeodeticPoint(Math.toRadians(latDeg), Math.toRadians(lonDeg), h));
        assertEquals(0, back.distance(p), 1e-6, "ecef() agrees with Orekit's geodetic-to-Cartesian");
    }

    @org.junit.jupiter.api.Test
    void theEarthFixedFrameIsTheInertialOneTurnedByTheRotation() {
        // a quarter of a sidereal day later, the fixed x axis points along inertial y
        double quarter = Math.PI / 2 / EARTH.rotationRate();
        Vector3D fixedX = EARTH.toInertial(quarter, Vector3D.PLUS_I);
        assertEquals(0, fixedX.distance(Vector3D.PLUS_J), 1e-12);
        Vector3D p = new Vector3D(1, 2, 3);
        assertEquals(0, EARTH.toInertial(1234, EARTH.toFixed(1234, p)).distance(p), 1e-12);
        assertEquals(p.getZ(), EARTH.toFixed(999, p).getZ(), 0, "the rotation axis is z");
    }
}
