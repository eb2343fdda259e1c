package org.launchbench.trajectory.ascent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The first stage's reserve sized by a recovery whose need is known in closed form: N(R) = a + b R (a need that grows
 * with the reserve kept, as a heavier stage needs more for the same burns). The sizing must find the fixed point
 * R* = a / (1 − b) from the real ascents it flies (each test's need reads the reserve off the separated stage, as the
 * engine does); its tolerance is {@value ReserveSizing#TOLERANCE_KG} kg on N(R) − R, so R is within that over (1 − b) of
 * R*.
 */
class ReserveSizingTest {

    @TempDir
    Path dir;

    private static VehicleCatalog catalog() {
        BundleContext context = FrameworkUtil.getBundle(ReserveSizingTest.class).getBundleContext();
        return context.getService(context.getServiceReference(VehicleCatalog.class));
    }

    /** A Falcon 9 flight to a 200 km orbit with a drone-ship recovery, its reserve unset unless given. */
    private MissionAscent mission(String recovery) throws Exception {
        Path file = dir.resolve("sizing.mission");
        Files.writeString(file, """
            <?xml version="1.0" encoding="UTF-8"?>
            <lb:Mission xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:lb="urn:launchbench:vehicle" formatVersion="1"
                id="sizing" name="sizing" vehicleId="falcon-9" launchSiteId="slc-40" epoch="2025-06-01T12:00:00Z" payloadAdapterId="single">
              <targetOrbit perigeeAltitude="200000" apogeeAltitude="200000" inclination="28.6"/>
              <manifest count="1"><satellite id="p" name="p" mass="10000"/></manifest>
              %s
            </lb:Mission>
            """.formatted(recovery));
        return MissionAscent.load(file, catalog());
    }

    private static final String SHIP = "<recovery mode=\"SHIP\" landingZoneId=\"ocisly\" placeShip=\"true\" boostback=\"false\""
        + " entryBurn=\"true\" maxDynamicPressure=\"110000\" propellantMargin=\"0.05\"/>";

    /** What a test's recovery needs from an ascent. */
    @FunctionalInterface
    private interface Need {
        BoosterRecovery.ReserveNeed of(org.launchbench.vehicle.model.LaunchVehicle vehicle, AscentResult ascent);
    }

    /** A recovery engine that only sizes (the sizing never asks it to fly). */
    private static BoosterRecovery recovery(Need need) {
        return new BoosterRecovery() {
            @Override
            public Report recover(org.launchbench.vehicle.model.Mission mission, org.launchbench.vehicle.model.validation.ModelReferences refs,
                                  org.launchbench.vehicle.model.LaunchVehicle vehicle, AscentResult ascent, java.util.List<String> scenarios,
                                  org.launchbench.trajectory.dynamics.DynamicsFactory fidelity, String source,
                                  org.eclipse.core.runtime.IProgressMonitor monitor) {
                throw new AssertionError("the sizing flew a recovery");
            }

            @Override
            public ReserveNeed need(org.launchbench.vehicle.model.Mission mission, org.launchbench.vehicle.model.validation.ModelReferences refs,
                                    org.launchbench.vehicle.model.LaunchVehicle vehicle, AscentResult ascent, String source) {
                return need.of(vehicle, ascent);
            }
        };
    }

    /** A recovery needing a + b R, R read from the separated stage's mass as the real engine reads it. */
    private static BoosterRecovery linear(double a, double b, double dryBelow, AtomicInteger calls) {
        return recovery((vehicle, ascent) -> {
            calls.incrementAndGet();
            Stage first = vehicle.getStages().get(0);
            double kept = ascent.booster().separationState()[6] - first.getDryMass() - first.getResidualPropellantMass();
            double need = a + b * kept;
            boolean dry = kept < dryBelow;
            return new BoosterRecovery.ReserveNeed(dry ? kept : need, Double.NaN, dry, null, 0, 0);
        });
    }

    private static BoosterRecovery unused() {
        return recovery((vehicle, ascent) -> {
            throw new AssertionError("the recovery was asked although nothing is to be sized");
        });
    }

    @Test
    void theReserveIsTheFixedPointOfTheNeed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ReserveSizing.Sized s = mission(SHIP).fly(AscentProfile.DEFAULT, linear(20_000, 0.4, 0, calls), "test", new NullProgressMonitor());
        double fixedPoint = 20_000 / (1 - 0.4);
        assertEquals(ReserveSizing.Basis.RECOVERY, s.basis());
        assertEquals(fixedPoint, s.reserveKg(), ReserveSizing.TOLERANCE_KG / (1 - 0.4), "R* = a / (1 - b)");
        Stage first = catalog().vehicle("falcon-9").orElseThrow().model().getStages().get(0);
        assertEquals(s.reserveKg(), s.ascent().booster().separationState()[6] - first.getDryMass() - first.getResidualPropellantMass(),
            1e-6, "the ascent returned is the one flown with the reserve reported");
        assertEquals(calls.get(), s.iterations(), "one need per ascent flown");
    }

    /** A need growing faster with the reserve: N's slope (0.75) must be measured, not the first guess's (0.4). */
    @Test
    void aSteepNeedIsFollowedByItsMeasuredSlope() throws Exception {
        ReserveSizing.Sized s = mission(SHIP).fly(AscentProfile.DEFAULT, linear(20_000, 0.75, 0, new AtomicInteger()), "test",
            new NullProgressMonitor());
        assertEquals(20_000 / 0.25, s.reserveKg(), ReserveSizing.TOLERANCE_KG / 0.25);
    }

    /**
     * A need that curves, N(R) = 20 t + 0.4 R + 2e-6 R² kg: its lower fixed point, R* = (0.6 − √0.2) / 4e-6 = 38,197 kg,
     * where N' = 0.55. Secant steps overshoot a curving need; the bracket's regula falsi ends within its
     * {@value ReserveSizing#BRACKET_KG} kg, or on the tolerance.
     */
    @Test
    void aCurvingNeedIsBracketedAndFound() throws Exception {
        BoosterRecovery curving = recovery((vehicle, ascent) -> {
            Stage first = vehicle.getStages().get(0);
            double kept = ascent.booster().separationState()[6] - first.getDryMass() - first.getResidualPropellantMass();
            return new BoosterRecovery.ReserveNeed(20_000 + 0.4 * kept + 2e-6 * kept * kept, Double.NaN, false, null, 0, 0);
        });
        ReserveSizing.Sized s = mission(SHIP).fly(AscentProfile.DEFAULT, curving, "test", new NullProgressMonitor());
        assertEquals((0.6 - Math.sqrt(0.2)) / 4e-6, s.reserveKg(), ReserveSizing.BRACKET_KG);
    }

    /** From no reserve at all (a vehicle file may give 0): each dry flight adds a tonne at least, then the fixed point. */
    @Test
    void fromNoReserveTheSizingClimbsOutOfTheDryRegion() throws Exception {
        MissionAscent m = mission(SHIP);
        MissionAscent fromZero = new MissionAscent(m.mission(), m.refs(), m.vehicle(), m.site(), m.pad(), m.target(), m.azimuth(),
            m.payload(), m.carried(), 0);
        BoosterRecovery dryBelow = recovery((vehicle, ascent) -> {
            Stage first = vehicle.getStages().get(0);
            double kept = ascent.booster().separationState()[6] - first.getDryMass() - first.getResidualPropellantMass();
            // as the real engine reports a flight with nothing to burn: it ran dry, and its mass ratio asks for nothing
            return kept < 5_000 ? new BoosterRecovery.ReserveNeed(0, 1, true, null, 0, 0)
                : new BoosterRecovery.ReserveNeed(20_000 + 0.4 * kept, Double.NaN, false, null, 0, 0);
        });
        ReserveSizing.Sized s = fromZero.fly(AscentProfile.DEFAULT, dryBelow, "test", new NullProgressMonitor());
        assertEquals(20_000 / 0.6, s.reserveKg(), ReserveSizing.TOLERANCE_KG / 0.6);
    }

    @Test
    void aFlightThatRanDryAsksForMore() throws Exception {
        // the vehicle's own figure (30 t) runs dry below 32 t: the sizing must climb out of the dry region to R*
        AtomicInteger calls = new AtomicInteger();
        ReserveSizing.Sized s = mission(SHIP).fly(AscentProfile.DEFAULT, linear(20_000, 0.4, 32_000, calls), "test",
            new NullProgressMonitor());
        assertEquals(20_000 / 0.6, s.reserveKg(), ReserveSizing.TOLERANCE_KG / 0.6);
        assertTrue(s.reserveKg() >= 32_000, "ends where the flight did not run dry");
    }

    @Test
    void aNeedBeyondTheStageIsRefusedNamingTheZone() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> mission(SHIP).fly(AscentProfile.DEFAULT,
            linear(450_000, 0.1, 0, new AtomicInteger()), "test", new NullProgressMonitor()));
        assertEquals("recovery/landingZoneId", e.element());
        assertEquals("ocisly", e.value());
        assertTrue(e.problem().contains("more propellant than the first stage can keep"), e.problem());
    }

    @Test
    void aRecoveryThatCannotLandIsARunFailureWithItsReason() throws Exception {
        BoosterRecovery crashing = recovery((vehicle, ascent) -> new BoosterRecovery.ReserveNeed(30_000, 2, false,
            "the stage hit the ground before its entry burn", 0, 0));
        RunFailedException e = assertThrows(RunFailedException.class, () -> mission(SHIP).fly(AscentProfile.DEFAULT, crashing, "test",
            new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("the stage hit the ground before its entry burn"), e.getMessage());
    }

    @Test
    void aMissionsOwnReserveAndAnExpendedStageAreNotSized() throws Exception {
        ReserveSizing.Sized own = mission(SHIP.replace("propellantMargin", "propellantReserve=\"41000\" propellantMargin"))
            .fly(AscentProfile.DEFAULT, unused(), "test", new NullProgressMonitor());
        assertEquals(ReserveSizing.Basis.MISSION, own.basis());
        assertEquals(41_000, own.reserveKg());
        ReserveSizing.Sized expended = mission("<recovery mode=\"EXPENDABLE\" boostback=\"false\" entryBurn=\"false\" propellantMargin=\"0\"/>")
            .fly(AscentProfile.DEFAULT, unused(), "test", new NullProgressMonitor());
        assertEquals(ReserveSizing.Basis.EXPENDED, expended.basis());
        assertEquals(0, expended.reserveKg());
        ReserveSizing.Sized noEngine = mission(SHIP).fly(AscentProfile.DEFAULT, null, "test", new NullProgressMonitor());
        assertEquals(ReserveSizing.Basis.VEHICLE, noEngine.basis());
        assertEquals(30_000, noEngine.reserveKg(), "the vehicle file's landingPropellantReserve");
    }
}
