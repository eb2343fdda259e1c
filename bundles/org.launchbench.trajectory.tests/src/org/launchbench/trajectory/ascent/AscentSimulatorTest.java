package org.launchbench.trajectory.ascent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.core.OrekitData;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.guidance.ShortOfOrbitException;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
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
        Stage last = vehicle.getStages().get(vehicle.getStages().size() - 1);
        if (last.getPropulsion() == org.launchbench.vehicle.model.Propulsion.SOLID) {
            // a solid motor is not cut off: it burns out, its excess spent by steering
            assertEquals(payload + last.getDryMass() + last.getResidualPropellantMass(), result.cutoffState()[6], 1e-3, "burnt out");
        }
        // the separated first stage flies on in the same run: up to its apogee and down to the ground, with exactly
        // its dry mass, residuals and reserve
        AscentResult.Booster booster = result.booster();
        Stage first = vehicle.getStages().get(vehicle.getStages().get(0).isStrapOn() ? 1 : 0);
        FlightEvent separation = result.events().stream().filter(e -> e.name().endsWith("separation") && !e.name().startsWith("boosters"))
            .findFirst().orElseThrow();
        FlightEvent apogee = booster.events().stream().filter(e -> e.name().equals("booster-apogee")).findFirst().orElseThrow();
        FlightEvent impact = booster.events().stream().filter(e -> e.name().equals("booster-impact")).findFirst().orElseThrow();
        assertEquals(first.getDryMass() + first.getResidualPropellantMass() + reserve, apogee.mass(), 1e-6);
        assertTrue(apogee.altitude() > separation.altitude() && apogee.time() > separation.time(), apogee + " after " + separation);
        assertTrue(impact.downrange() > apogee.downrange() && Math.abs(impact.altitude() - pad.height()) < 1, impact.toString());
        FlightEvent fairing = result.events().stream().filter(e -> e.name().equals("fairing-jettison")).findFirst().orElseThrow();
        assertEquals(vehicle.getFairing().getJettisonAltitude(), fairing.altitude(), 1.0, "jettisoned at the model's altitude");
    }

    private static LaunchSite site(String id) {
        return catalog().launchSites().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    private static AscentResult fly(String vehicleId, String siteId, double reserve, double payload, InsertionTarget target) {
        LaunchVehicle vehicle = catalog().vehicle(vehicleId).orElseThrow().model();
        LaunchSite site = site(siteId);
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(), target.perigeeSpeed(EARTH.mu()));
        return new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT)
            .fly(vehicle, pad, azimuth, payload, reserve, target, new NullProgressMonitor());
    }

    private static KeplerianOrbit orbit(double[] y) {
        var ctx = OrekitData.bundled().context();
        return new KeplerianOrbit(new PVCoordinates(new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5])),
            ctx.getFrames().getGCRF(), new AbsoluteDate(2025, 1, 1, 0, 0, 0.0, ctx.getTimeScales().getTAI()), EARTH.mu());
    }

    private static double time(AscentResult r, String event) {
        return r.events().stream().filter(e -> e.name().equals(event)).findFirst().orElseThrow(() -> new AssertionError(
            "no " + event + " in " + r.events().stream().map(FlightEvent::name).toList())).time();
    }

    /**
     * A geostationary transfer orbit at 27 deg from SLC-40 (latitude 28.56 deg), Falcon 9's standard from the Cape, with
     * 5.5 t and a drone ship's 30 t kept: no direct ascent reaches that plane, so the second stage burns into a 200 km
     * parking orbit due east, coasts to the equator and turns the plane there in the burn that raises the apogee. The
     * achieved orbit by Orekit from the cut-off state; the burn straddles the node (half its duration from the equator
     * each side); the plane turned is the parking plane's inclination less 27 deg; and its cost checks against the
     * small-angle expansion of the law of cosines, v1 v2 Δi² / (2 (v2 - v1)), to 1 %.
     */
    @Test
    void aTransferOrbitBelowTheSitesLatitudeTurnsItsPlaneAtTheNode() {
        LaunchVehicle f9 = catalog().vehicle("falcon-9").orElseThrow().model();
        LaunchSite site = site("slc-40");
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double re = EARTH.equatorialRadius();
        InsertionTarget gto = new InsertionTarget(re + 200_000, re + 35_786_000, Math.toRadians(27));
        double flown = PlaneChange.ascentInclination(f9, pad.latitude(), gto);
        assertEquals(pad.latitude(), flown, 0, "the lowest plane the site reaches");
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), flown, gto.perigeeSpeed(EARTH.mu()));
        AscentResult r = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT)
            .fly(f9, pad, azimuth, 5_500, 30_000, gto, new NullProgressMonitor());
        assertEquals(AscentProfile.Insertion.NODE, r.insertion());
        KeplerianOrbit o = orbit(r.cutoffState());
        assertEquals(gto.perigeeRadius(), o.getA() * (1 - o.getE()), 1000, "perigee");
        assertEquals(gto.apogeeRadius(), o.getA() * (1 + o.getE()), 1000, "apogee");
        assertEquals(27, Math.toDegrees(o.getI()), 0.01, "inclination");
        double ignition = time(r, "stage-2-ignition-2");
        double cutoff = r.cutoffTime();
        double coast = time(r, "coast-end") - time(r, "coast-start");
        double latitude = r.history().stream().filter(h -> h.time() >= (ignition + cutoff) / 2).findFirst().orElseThrow().latitude();
        assertEquals(0, latitude, 0.5, "the burn's middle is at the equator");
        // regression, frozen beside the checks above (the telemetry we hold stops before a second burn)
        assertEquals(1058, coast, 5, "coast to the node, s");
        assertEquals(39.5, cutoff - ignition, 0.5, "the burn at the node, s");
        assertEquals(12.6, r.planeChange().deltaVMs(), 0.2, "the plane change's cost, m/s");
        double parkingInclination = Math.toDegrees(o.getI()) + r.planeChange().angleDeg();
        assertEquals(Math.toDegrees(pad.latitude()), parkingInclination, 0.2, "the parking plane's inclination, due east from the site");
        double v1 = Math.sqrt(EARTH.mu() / gto.perigeeRadius());
        double v2 = gto.perigeeSpeed(EARTH.mu());
        double di = Math.toRadians(r.planeChange().angleDeg());
        assertEquals(v1 * v2 * di * di / (2 * (v2 - v1)), r.planeChange().deltaVMs(), 0.01 * r.planeChange().deltaVMs(), "cost");
    }

    /**
     * Below the site's latitude, what the vehicle cannot do is refused saying so: a circular orbit (no perigee burn to
     * turn it in) before anything is flown, naming the inclinations reachable; a transfer orbit at 5 deg, whose 23.6 deg
     * turn costs more than the second stage has, fails the run saying how many m/s it lacks; an insertion forced to one
     * that cannot turn the plane (direct) is refused naming the option.
     */
    @Test
    void aPlaneTheVehicleCannotTurnIsRefusedSayingByHowMuch() {
        LaunchVehicle f9 = catalog().vehicle("falcon-9").orElseThrow().model();
        LaunchSite site = site("slc-40");
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double re = EARTH.equatorialRadius();
        InsertionTarget circular = new InsertionTarget(re + 400_000, re + 400_000, Math.toRadians(20));
        assertEquals(circular.inclination(), PlaneChange.ascentInclination(f9, pad.latitude(), circular), 0);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> OrbitGeometry.launchAzimuth(EARTH, site,
            PlaneChange.ascentInclination(f9, pad.latitude(), circular), circular.perigeeSpeed(EARTH.mu())));
        assertTrue(refused.allowed().startsWith("28.56 to 151.44 deg"), refused.allowed());
        assertTrue(refused.fix().contains("transfer orbit"), refused.fix());
        InsertionTarget low = new InsertionTarget(re + 200_000, re + 35_786_000, Math.toRadians(5));
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), PlaneChange.ascentInclination(f9, pad.latitude(), low),
            low.perigeeSpeed(EARTH.mu()));
        RunFailedException e = assertThrows(RunFailedException.class, () -> new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE,
            AscentProfile.DEFAULT).fly(f9, pad, azimuth, 5_500, 30_000, low, new NullProgressMonitor()));
        assertTrue(e.getMessage().startsWith("stage-2-ignition-2") && e.getMessage().contains("m/s short"), e.getMessage());
        // an insertion forced to one that cannot turn the plane is refused before anything is flown
        InsertionTarget gto = new InsertionTarget(re + 200_000, re + 35_786_000, Math.toRadians(27));
        InvalidInputException direct = assertThrows(InvalidInputException.class, () -> new AscentSimulator(EARTH,
            UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT.with(AscentProfile.Insertion.DIRECT)).fly(f9, pad, azimuth, 5_500,
                30_000, gto, new NullProgressMonitor()));
        assertEquals("--insertion", direct.element());
        assertTrue(direct.value().startsWith("direct (27.00 deg from latitude 28.56 deg)"), direct.value());
        assertEquals(612, ShortOfOrbitException.shortfallOf(e), 10, e.getMessage());
    }

    /**
     * A restartable upper stage going to 450 km: a burn into a 200 x 450 km transfer orbit, a coast of half its
     * period (Hohmann: π sqrt(a³/μ)), and a relight at apogee. The coast plus half the second burn must equal
     * half the transfer period to 20 s (J2 changes the anomalistic period by about 0.1 %, 3 s here; the second
     * burn is centred on apogee).
     */
    @Test
    void aRestartableUpperStageCoastsHalfATransferOrbitAndRelightsAtApogee() {
        double re = EARTH.equatorialRadius();
        InsertionTarget target = new InsertionTarget(re + 450_000, re + 450_000, Math.toRadians(57));
        AscentResult r = fly("zhuque-3", "dongfeng-commercial", 20_000, 4_000, target);
        assertEquals(AscentProfile.Insertion.PARKING_ORBIT, r.insertion());
        List<String> order = List.of("stage-2-ignition", "stage-2-cutoff", "coast-start", "coast-end", "stage-2-ignition-2",
            "orbit-insertion");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(time(r, order.get(i)) >= time(r, order.get(i - 1)), order.get(i) + " before " + order.get(i - 1));
        }
        double a = re + (200_000 + 450_000) / 2.0;
        double halfPeriod = Math.PI * Math.sqrt(a * a * a / EARTH.mu());
        double toApogee = time(r, "stage-2-ignition-2") - time(r, "stage-2-cutoff")
            + (time(r, "orbit-insertion") - time(r, "stage-2-ignition-2")) / 2;
        assertEquals(halfPeriod, toApogee, 20);
        KeplerianOrbit o = orbit(r.cutoffState());
        assertEquals(re + 450_000, o.getA() * (1 - o.getE()), 1000, "perigee");
        assertEquals(re + 450_000, o.getA() * (1 + o.getE()), 1000, "apogee");
        assertEquals(57, Math.toDegrees(o.getI()), 0.05, "inclination");
        // the same with the second stage's engine 2 % weak and 1 % less efficient than its guidance knows: the first burn is
        // corrected in flight, the 1.4 s circularisation held as solved (too short to steer its radius), and the orbit
        // is reached as closely (52 m in each apsis measured, the nominal example's are 72 m: 150 m)
        LaunchVehicle z3 = catalog().vehicle("zhuque-3").orElseThrow().model();
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site("dongfeng-commercial"));
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(), target.perigeeSpeed(EARTH.mu()));
        AscentResult weak = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT)
            .withUpperStageDeviation(0.98, 0.99).fly(z3, pad, azimuth, 4_000, 20_000, target, new NullProgressMonitor());
        KeplerianOrbit w = orbit(weak.cutoffState());
        assertEquals(re + 450_000, w.getA() * (1 - w.getE()), 150, "perigee, weak engine");
        assertEquals(re + 450_000, w.getA() * (1 + w.getE()), 150, "apogee, weak engine");
        assertEquals(57, Math.toDegrees(w.getI()), 0.01, "inclination, weak engine");
    }

    /**
     * Ceres-1's hydrazine fourth stage (thrust-to-weight about 0.15) is a kick stage: the solid stages put the
     * apogee at the target, the stack coasts up and the fourth stage circularises there.
     */
    @Test
    void aKickStageCoastsToTheApogeeTheSolidStagesGaveAndCircularisesThere() {
        double re = EARTH.equatorialRadius();
        double r535 = re + 535_000;
        InsertionTarget target = new InsertionTarget(r535, r535, OrbitGeometry.sunSynchronousInclination(EARTH, r535, 0));
        AscentResult r = fly("ceres-1", "jiuquan", 0, 270, target);
        assertEquals(AscentProfile.Insertion.COAST_TO_APOGEE, r.insertion());
        assertTrue(time(r, "coast-end") - time(r, "coast-start") > 300, "a long coast up to apogee");
        assertTrue(time(r, "stage-4-ignition") > time(r, "stage-3-separation"));
        KeplerianOrbit o = orbit(r.cutoffState());
        assertEquals(r535, o.getA() * (1 - o.getE()), 1000, "perigee");
        assertEquals(r535, o.getA() * (1 + o.getE()), 1000, "apogee");
        assertEquals(Math.toDegrees(target.inclination()), Math.toDegrees(o.getI()), 0.05, "inclination");
    }

    /**
     * A replay flies the flown ascent again without solving: it must land on the same cut-off state to the integrator's
     * tolerance (a decimetre, a millimetre per second): the replay flies the same steering, part by part, through the same equations and
     * events.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"falcon-9, slc-40, 0, 10000, 200, 28.6", "zhuque-3, dongfeng-commercial, 20000, 4000, 450, 57"})
    void aReplayOfASolvedAscentReachesTheSameCutoff(String vehicleId, String siteId, double reserve, double payload, double km,
                                                   double incDeg) {
        double r0 = EARTH.equatorialRadius() + km * 1000;
        InsertionTarget target = new InsertionTarget(r0, r0, Math.toRadians(incDeg));
        LaunchVehicle vehicle = catalog().vehicle(vehicleId).orElseThrow().model();
        LaunchSite site = catalog().launchSites().stream().filter(s -> s.getId().equals(siteId)).findFirst().orElseThrow();
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(), target.perigeeSpeed(EARTH.mu()));
        AscentSimulator simulator = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT);
        AscentResult solved = simulator.fly(vehicle, pad, azimuth, payload, reserve, target, new NullProgressMonitor());
        AscentResult replayed = simulator.replay(vehicle, pad, azimuth, payload, reserve, solved);
        double[] a = solved.cutoffState();
        double[] b = replayed.cutoffState();
        // the same equations and events; the flight restarted its integration at every 2 s guidance cycle where the replay
        // integrates each burn in one go, so the two agree to the integrator's tolerance (1e-10 of 7,000 km a step,
        // accumulated over the burns and coasts), not to rounding
        assertEquals(solved.cutoffTime(), replayed.cutoffTime(), 1e-6);
        assertEquals(0, new Vector3D(a[0], a[1], a[2]).distance(new Vector3D(b[0], b[1], b[2])), 0.1, "position");
        assertEquals(0, new Vector3D(a[3], a[4], a[5]).distance(new Vector3D(b[3], b[4], b[5])), 1e-3, "velocity");
        assertEquals(a[6], b[6], 1e-3, "mass");
    }

    @Test
    void aFirstStageWithoutADragTableIsBadInputNotADraglessAscent() {
        LaunchVehicle f9 = org.eclipse.emf.ecore.util.EcoreUtil.copy(catalog().vehicle("falcon-9").orElseThrow().model());
        f9.getStages().get(0).setDrag(null);
        double r0 = EARTH.equatorialRadius() + 200_000;
        InsertionTarget target = new InsertionTarget(r0, r0, Math.toRadians(28.6));
        EarthModel.Geodetic pad = new EarthModel.Geodetic(Math.toRadians(28.562106), Math.toRadians(-80.57718), 5);
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
            () -> new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT)
                .fly(f9, pad, Math.toRadians(90), 1000, 0, target, new NullProgressMonitor()));
        assertTrue(e.userMessage().contains("stages[stage-1]/drag") && e.userMessage().contains("has no drag table"), e.userMessage());
    }
}
