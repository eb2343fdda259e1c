package org.launchbench.trajectory.ascent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.launchbench.core.OrekitData;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Whole ascents of the shipped vehicles, from the pad to insertion, as the catalog gives them. The achieved
 * orbit is computed by Orekit from the cut-off state; tolerances: 1 km in perigee and apogee (the guidance
 * converges to metres, the margin covers the pitch-over solve), 0.05 deg in inclination.
 */
class AscentSimulatorTest {

    private static final EarthModel EARTH = EarthModel.WGS84;

    private static VehicleCatalog catalog() {
        BundleContext context = FrameworkUtil.getBundle(AscentSimulatorTest.class).getBundleContext();
        return context.getService(context.getServiceReference(VehicleCatalog.class));
    }

    @ParameterizedTest(name = "{0} from {1}: {3} kg to {4} km at {5} deg")
    @CsvSource({
        "falcon-9, slc-40, 0,     10000, 200, 28.6",
        "zhuque-3, dongfeng-commercial, 35000, 1000, 300, 57",
        "gravity-1, haiyang-sea, 0, 1000, 500, 45",
    })
    void theVehicleReachesItsTargetOrbit(String vehicleId, String siteId, double reserve, double payload, double km, double incDeg) {
        LaunchVehicle vehicle = catalog().vehicle(vehicleId).orElseThrow().model();
        LaunchSite site = catalog().launchSites().stream().filter(s -> s.getId().equals(siteId)).findFirst().orElseThrow();
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double radius = EARTH.equatorialRadius() + km * 1000;
        InsertionTarget target = new InsertionTarget(radius, radius, Math.toRadians(incDeg));
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(), Math.sqrt(EARTH.mu() / radius));
        AscentResult result = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT)
            .fly(vehicle, pad, azimuth, payload, reserve, target, new NullProgressMonitor());

        double[] y = result.cutoffState();
        var ctx = OrekitData.bundled().context();
        KeplerianOrbit o = new KeplerianOrbit(new PVCoordinates(new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5])),
            ctx.getFrames().getGCRF(), new AbsoluteDate(2025, 1, 1, 0, 0, 0.0, ctx.getTimeScales().getTAI()), EARTH.mu());
        assertEquals(radius, o.getA() * (1 - o.getE()), 1000, "perigee");
        assertEquals(radius, o.getA() * (1 + o.getE()), 1000, "apogee");
        assertEquals(incDeg, Math.toDegrees(o.getI()), 0.05, "inclination");

        List<String> names = result.events().stream().map(FlightEvent::name).toList();
        assertEquals("liftoff", names.get(0));
        assertEquals("orbit-insertion", names.get(names.size() - 1));
        assertTrue(names.contains("max-q"), names.toString());
        for (int i = 1; i < result.events().size(); i++) {
            assertTrue(result.events().get(i).time() >= result.events().get(i - 1).time(), "time order");
        }
        FlightEvent insertion = result.events().get(result.events().size() - 1);
        assertEquals(km * 1000, insertion.altitude(), 25_000, "geodetic altitude at insertion (the ellipsoid is not a sphere)");
        assertTrue(result.history().size() > 100, "a time history");
    }
}
