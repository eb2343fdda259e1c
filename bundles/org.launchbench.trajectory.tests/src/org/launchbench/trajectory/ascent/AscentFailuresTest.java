package org.launchbench.trajectory.ascent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.BurnKind;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.FailureKind;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.VehicleFactory;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Failures injected into the Falcon 9 first stage's burn (10 t to 200 km at 28.6 deg from SLC-40, 30 t kept), flown
 * with the nominal plan's pitch-over and lofting: the stage burns to the same reserve on what is left, and the second
 * stage's steering is solved from the state it ignites in.
 */
class AscentFailuresTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final double PAYLOAD = 10_000;
    private static final double RESERVE = 30_000;
    private static LaunchVehicle f9;
    private static EarthModel.Geodetic pad;
    private static double azimuth;
    private static InsertionTarget target;
    private static AscentSimulator planned;
    private static AscentResult nominal;

    @BeforeAll
    static void fly() {
        BundleContext context = FrameworkUtil.getBundle(AscentFailuresTest.class).getBundleContext();
        VehicleCatalog catalog = context.getService(context.getServiceReference(VehicleCatalog.class));
        f9 = catalog.vehicle("falcon-9").orElseThrow().model();
        LaunchSite site = catalog.launchSites().stream().filter(s -> s.getId().equals("slc-40")).findFirst().orElseThrow();
        pad = EarthModel.Geodetic.of(site);
        double radius = EARTH.equatorialRadius() + 200_000;
        target = new InsertionTarget(radius, radius, Math.toRadians(28.6));
        azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(), Math.sqrt(EARTH.mu() / radius));
        AscentSimulator simulator = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT);
        double deg = simulator.bestFlightPathAngle(f9, pad, azimuth, PAYLOAD, RESERVE, target, new NullProgressMonitor());
        planned = simulator.withFlightPathAngle(deg);
        nominal = planned.fly(f9, pad, azimuth, PAYLOAD, RESERVE, target, new NullProgressMonitor());
    }

    private static Failure failure(FailureKind kind, double time, double magnitude) {
        Failure f = VehicleFactory.eINSTANCE.createFailure();
        f.setKind(kind);
        f.setBurn(BurnKind.ASCENT);
        f.setTime(time);
        f.setMagnitude(magnitude);
        return f;
    }

    private static AscentResult failing(Failure... failures) {
        return planned.withFailures(new AscentFailures(List.of(failures)), nominal.kickAngle())
            .fly(f9, pad, azimuth, PAYLOAD, RESERVE, target, new NullProgressMonitor());
    }

    private static double time(AscentResult r, String event) {
        return r.events().stream().filter(e -> e.name().equals(event)).mapToDouble(FlightEvent::time).findFirst()
            .orElseThrow(() -> new AssertionError("no " + event + " in " + r.events()));
    }

    /** @return the apoapsis radius of the orbit at cut-off, m */
    private static double apoapsis(AscentResult r) {
        double[] y = r.cutoffState();
        return OrbitGeometry.apoapsis(EARTH.mu(), new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5]))[0];
    }

    /**
     * One of nine engines out at 60 s: the same propellant to the same reserve on eight engines burns longer, by at most
     * an eighth of the nominal burn left after 60 s (9/8 as long; less where the acceleration limit had throttled the
     * nine); the second
     * stage, solved from where it ignites, still inserts (to the guidance's tolerance) with less propellant left.
     */
    @Test
    void anEngineOutIsFlownThroughToOrbit() {
        AscentResult out = failing(failure(FailureKind.ENGINE_OUT, 60, 1));
        assertEquals(60, time(out, "engine-out"), 1e-9);
        double left = time(nominal, "meco") - 60;
        double later = time(out, "meco") - time(nominal, "meco");
        assertTrue(later > 0 && later <= left / 8 + 0.1, "cut-off " + later + " s later, at most " + left / 8);
        assertEquals(9.75, later, 0.3);
        assertEquals(target.apogeeRadius(), apoapsis(out), 1_000);
        assertTrue(out.propellantLeftKg() < nominal.propellantLeftKg() - 500,
            out.propellantLeftKg() + " kg left against " + nominal.propellantLeftKg());
        assertEquals(nominal.kickAngle(), out.kickAngle(), 0, "the plan's pitch-over, not one solved for the failure");
    }

    /** A 5 % shortfall from 30 s: the burn after it lasts 1/0.95 as long at most. */
    @Test
    void aThrustShortfallLengthensTheBurn() {
        AscentResult weak = failing(failure(FailureKind.THRUST_SHORTFALL, 30, 0.05));
        double left = time(nominal, "meco") - 30;
        double later = time(weak, "meco") - time(nominal, "meco");
        assertTrue(later > 0 && later <= left * (1 / 0.95 - 1) + 0.1, later + " s later, at most " + left * (1 / 0.95 - 1));
        assertEquals(5.26, later, 0.3);
    }

    @Test
    void aStageThatLosesItsThrustFallsBack() {
        RunFailedException e = assertThrows(RunFailedException.class, () -> failing(failure(FailureKind.THRUST_LOSS, 30, 1)));
        assertTrue(e.getMessage().contains("falls back"), e.getMessage());
    }

    /** Two engines out of nine: seven ninths of thrust, flow and nozzle area. */
    @Test
    void enginesOutTakeTheirShare() {
        Propulsion all = Propulsion.of(f9.getStages().get(0));
        AscentFailures two = new AscentFailures(List.of(failure(FailureKind.ENGINE_OUT, 10, 1), failure(FailureKind.ENGINE_OUT, 20, 1)));
        assertEquals(all.vacuumThrust(), two.at(all, 9, 9.9).vacuumThrust(), 0);
        assertEquals(all.vacuumThrust() * 8 / 9, two.at(all, 9, 10).vacuumThrust(), 1e-6);
        Propulsion seven = two.at(all, 9, 20);
        assertEquals(all.vacuumThrust() * 7 / 9, seven.vacuumThrust(), 1e-6);
        assertEquals(all.massFlow() * 7 / 9, seven.massFlow(), 1e-9);
        assertEquals(all.exitArea() * 7 / 9, seven.exitArea(), 1e-12);
    }

    /** What the ascent cannot inject is refused naming the failure, before anything is flown. */
    @Test
    void failuresOutsideTheFirstStagesBurnAreRefused() {
        double meco = time(nominal, "meco");
        InvalidInputException late = assertThrows(InvalidInputException.class,
            () -> new AscentFailures(List.of(failure(FailureKind.ENGINE_OUT, 200, 1))).check(false, meco, "m.mission"));
        assertTrue(late.element().endsWith("/time"), late.element());
        assertTrue(late.allowed().startsWith("0 to "), late.allowed());
        InvalidInputException fin = assertThrows(InvalidInputException.class,
            () -> new AscentFailures(List.of(failure(FailureKind.STUCK_FIN, 30, 1))).check(false, meco, "m.mission"));
        assertEquals("STUCK_FIN", fin.value());
        assertThrows(InvalidInputException.class,
            () -> new AscentFailures(List.of(failure(FailureKind.ENGINE_OUT, 30, 1))).check(true, meco, "m.mission"));
    }
}
