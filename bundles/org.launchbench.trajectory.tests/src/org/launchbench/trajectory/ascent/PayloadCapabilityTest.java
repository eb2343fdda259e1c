package org.launchbench.trajectory.ascent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Payload capability against published figures. Falcon 9 Block 5 from Cape Canaveral to LEO: 22 800 kg
 * expended (SpaceX, as quoted by Wikipedia, Falcon 9 Block 5) and about 18 500 kg with the booster recovered
 * downrange (Wikipedia, citing Everyday Astronaut 2024). Tolerance 10 %: LaunchBench's Falcon 9 stage masses
 * (Spaceflight Insider) give a liftoff mass 5 % below SpaceX's, and residuals, fairing mass and the landing
 * reserve are assumptions (see falcon9.vehicle); the published LEO reference orbit is not stated, 200 km
 * circular at the Cape's latitude is assumed.
 */
class PayloadCapabilityTest {

    private static final EarthModel EARTH = EarthModel.WGS84;

    private static VehicleCatalog catalog() {
        BundleContext context = FrameworkUtil.getBundle(PayloadCapabilityTest.class).getBundleContext();
        return context.getService(context.getServiceReference(VehicleCatalog.class));
    }

    private static double payload(String vehicleId, String siteId, double reserve, InsertionTarget target) {
        LaunchVehicle vehicle = catalog().vehicle(vehicleId).orElseThrow().model();
        LaunchSite site = catalog().launchSites().stream().filter(s -> s.getId().equals(siteId)).findFirst().orElseThrow();
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(),
            Math.sqrt(EARTH.mu() / target.perigeeRadius()));
        return new PayloadCapability(new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT))
            .solve(vehicle, pad, azimuth, reserve, target, new NullProgressMonitor());
    }

    private static InsertionTarget leo200(double incDeg) {
        double r = EARTH.equatorialRadius() + 200_000;
        return new InsertionTarget(r, r, Math.toRadians(incDeg));
    }

    @ParameterizedTest(name = "reserve {0} kg: published {1} kg")
    @CsvSource({"0, 22800", "30000, 18500"})
    void falcon9ToLowEarthOrbitMatchesThePublishedPayload(double reserve, double published) {
        assertEquals(published, payload("falcon-9", "slc-40", reserve, leo200(28.6)), published * 0.10);
    }

    /**
     * Zhuque-3 Y1 from Jiuquan: 11 800 kg expended, 8 000 kg with downrange recovery (Wikipedia, Zhuque-3; LandSpace
     * quotes Zhuque-3 payloads to a 450 km LEO, the inclination is not stated: 41.1 deg, Jiuquan's latitude rounded
     * up, is assumed). Tolerance 15 %: the stage split and both dry masses are estimates (one tonne of upper-stage
     * dry mass is about one tonne of payload, 9 %), the landing reserve is estimated from a delta-v budget, and
     * whether the published figures refer to 450 km or 200 km moves them by about 1 t.
     * <p>
     * Not met: the model carries 18 % (expended) and 15.5 % (recovered) less than published. It was 13 % under (10.27 t expended) before
     * the pitch program rose along the pad's plumb line instead of the geocentric radius (a due-east ascent from
     * Jiuquan had drifted south; docs/trajectory.md); Zhuque-3's figures are estimates awaiting their own calibration
     * (docs/falcon9-validation.md does it for Falcon 9). The gap is asserted as it stands, to 1 %, so that it is seen to
     * close.
     */
    @ParameterizedTest(name = "reserve {0} kg: published {1} kg, the model {2} kg")
    @CsvSource({"0, 11800, 9630", "20000, 8000, 6760"})
    void zhuque3ToLowEarthOrbitFallsShortOfThePublishedPayload(double reserve, double published, double modelled) {
        double r = EARTH.equatorialRadius() + 450_000;
        double payload = payload("zhuque-3", "dongfeng-commercial", reserve, new InsertionTarget(r, r, Math.toRadians(41.1)));
        assertEquals(modelled, payload, modelled * 0.01);
        assertTrue(payload < published * 0.85, "still short of the published " + published + " kg: " + payload);
    }

    @Test
    void keepingARecoveryReserveCostsPayload() {
        double expended = payload("falcon-9", "slc-40", 0, leo200(28.6));
        double recovered = payload("falcon-9", "slc-40", 30_000, leo200(28.6));
        assertEquals(true, recovered < expended, recovered + " < " + expended);
    }

    @Test
    void aVehicleThatCannotReachTheOrbitEvenEmptyIsAFailedRun() {
        // Falcon 9 with a twentieth of its second-stage propellant: about 2.7 km/s of upper-stage delta-v, short of orbit
        // even on an expended first stage
        LaunchVehicle weak = org.eclipse.emf.ecore.util.EcoreUtil.copy(catalog().vehicle("falcon-9").orElseThrow().model());
        weak.getStages().get(1).setPropellantMass(weak.getStages().get(1).getPropellantMass() / 20);
        LaunchSite site = catalog().launchSites().stream().filter(s -> s.getId().equals("slc-40")).findFirst().orElseThrow();
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        InsertionTarget target = leo200(28.6);
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(),
            Math.sqrt(EARTH.mu() / target.perigeeRadius()));
        PayloadCapability capability = new PayloadCapability(new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE,
            AscentProfile.DEFAULT));
        RunFailedException e = assertThrows(RunFailedException.class,
            () -> capability.solve(weak, pad, azimuth, 0, target, new NullProgressMonitor()));
        assertEquals("Falcon 9 Block 5 cannot reach this orbit with any payload", e.getMessage());
    }
}
