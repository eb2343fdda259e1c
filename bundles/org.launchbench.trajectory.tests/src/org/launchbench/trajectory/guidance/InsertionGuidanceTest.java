package org.launchbench.trajectory.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.launchbench.core.OrekitData;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * Upper-stage guidance from a first-stage cut-off state like Falcon 9's (about 70 km up, 2.3 km/s, climbing at
 * 20 degrees, from Cape Canaveral) with Falcon 9's second stage (934 kN, 348 s, 92.67 t of propellant) and a
 * 10 t payload. The achieved orbit is computed independently by Orekit from the cut-off state. Tolerances:
 * 100 m in perigee and apogee radius (the guidance stops at 1 m and 1e-6 rad of flight-path angle, worth
 * about 13 m of apogee) and 0.02 deg in inclination (the plane is steered, not shot for).
 */
class InsertionGuidanceTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final Propulsion MVAC = new Propulsion(934_000, 0, 934_000 / (348 * PhysicalConstants.STANDARD_GRAVITY), 0.6, 1);
    private static final double LAT = Math.toRadians(28.56);

    private static double[] meco(double speed, double gammaDeg) {
        Vector3D r = EARTH.ecef(new EarthModel.Geodetic(LAT, 0, 70_000));
        Vector3D up = r.normalize();
        Vector3D north = Vector3D.PLUS_K.subtract(up.scalarMultiply(up.getZ())).normalize();
        Vector3D east = Vector3D.crossProduct(north, up);
        double g = Math.toRadians(gammaDeg);
        Vector3D ground = new Vector3D(speed * Math.cos(g), east, speed * Math.sin(g), up);
        Vector3D v = ground.add(Vector3D.crossProduct(EARTH.rotation(), r));
        return new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), 3_900 + 92_670 + 10_000};
    }

    private static KeplerianOrbit orbit(double[] y) {
        var ctx = OrekitData.bundled().context();
        return new KeplerianOrbit(new PVCoordinates(new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5])),
            ctx.getFrames().getGCRF(), new AbsoluteDate(2025, 1, 1, 0, 0, 0.0, ctx.getTimeScales().getTAI()), EARTH.mu());
    }

    @ParameterizedTest(name = "{0} x {1} km, i = {2} deg")
    @CsvSource({"200, 200, 28.6", "200, 200, 30", "250, 600, 29", "300, 300, 28.56"})
    void theBurnEndsInTheTargetOrbit(double perigeeKm, double apogeeKm, double incDeg) {
        InsertionTarget target = new InsertionTarget(EARTH.equatorialRadius() + perigeeKm * 1000,
            EARTH.equatorialRadius() + apogeeKm * 1000, Math.toRadians(incDeg));
        InsertionGuidance guidance = new InsertionGuidance(EARTH, UsStandardAtmosphere1976.INSTANCE, MVAC, Aerodynamics.NONE);
        double[] y0 = meco(2_300, 20);
        double burnout = y0[6] - (92_670 - 500);
        InsertionGuidance.Solution s = guidance.solve(150, y0, burnout, target, 1);
        KeplerianOrbit o = orbit(s.cutoff());
        double rp = o.getA() * (1 - o.getE());
        double ra = o.getA() * (1 + o.getE());
        assertEquals(target.perigeeRadius(), rp, 100, "perigee radius");
        assertEquals(target.apogeeRadius(), ra, 100, "apogee radius");
        assertEquals(incDeg, Math.toDegrees(o.getI()), 0.02, "inclination");
        assertTrue(s.cutoff()[6] > burnout, "propellant left at cut-off");
        // the second stage burns for a few minutes (Falcon 9's burns about 6 min to LEO)
        assertTrue(s.cutoffTime() - 150 > 120 && s.cutoffTime() - 150 < 420, "burn " + (s.cutoffTime() - 150) + " s");
    }

    @Test
    void anOrbitBeyondTheStagesPropellantIsAClearFailure() {
        // 10 t to a 20 000 km apogee is far beyond this stage
        InsertionTarget target = new InsertionTarget(EARTH.equatorialRadius() + 200_000, EARTH.equatorialRadius() + 20_000_000,
            LAT);
        InsertionGuidance guidance = new InsertionGuidance(EARTH, UsStandardAtmosphere1976.INSTANCE, MVAC, Aerodynamics.NONE);
        double[] y0 = meco(2_300, 20);
        RunFailedException e = assertThrows(RunFailedException.class,
            () -> guidance.solve(150, y0, y0[6] - (92_670 - 500), target, 1));
        assertTrue(e.getMessage().contains("runs out of propellant") || e.getMessage().contains("did not converge"), e.getMessage());
    }
}
