package org.launchbench.recovery.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.AscentSimulator;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.BurnKind;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.FailureKind;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.VehicleFactory;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The Falcon 9 drone-ship recovery of the shipped example (15 t to a 200 km, 28.6 deg orbit from SLC-40): the
 * ascent flown by the trajectory engine, then the stage's way home. The acceptance figures are the
 * tolerances: a nominal recovery lands within 1 m of the target at under 2 m/s; an abnormal landing burn crashes
 * near the pad.
 */
class StageRecoveryTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final StageRecovery ENGINE = new StageRecovery(EARTH, UsStandardAtmosphere1976.INSTANCE);
    static StageRecovery.Case falcon9;
    static StageRecovery.Plan plan;

    private static VehicleCatalog catalog() {
        BundleContext context = FrameworkUtil.getBundle(StageRecoveryTest.class).getBundleContext();
        return context.getService(context.getServiceReference(VehicleCatalog.class));
    }

    /** Flies the ascent and plans the recovery, once for every test class of the package that flies this case. */
    @BeforeAll
    static void flyTheAscent() {
        if (falcon9 != null) {
            return;
        }
        LaunchVehicle vehicle = catalog().vehicle("falcon-9").orElseThrow().model();
        LaunchSite site = catalog().launchSites().stream().filter(s -> s.getId().equals("slc-40")).findFirst().orElseThrow();
        LandingZone zone = catalog().landingZones().stream().filter(z -> z.getId().equals("asds-atlantic")).findFirst().orElseThrow();
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double r = EARTH.equatorialRadius() + 200_000;
        InsertionTarget target = new InsertionTarget(r, r, Math.toRadians(28.6));
        double azimuth = OrbitGeometry.launchAzimuth(EARTH, site, target.inclination(), target.perigeeSpeed(EARTH.mu()));
        Stage first = vehicle.getStages().get(0);
        AscentResult ascent = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT)
            .flyBest(vehicle, pad, azimuth, 15_000 + 0, first.getRecovery().getLandingPropellantReserve(), target, new NullProgressMonitor());
        // the drone ship waits where the stage falls, as the example missions station it (placeShip)
        falcon9 = MissionRecovery.stationed(new StageRecovery.Case(pad, first, shipPlan(), zone,
            ascent.booster().separationTime(), ascent.booster().separationState(), "test"));
        plan = ENGINE.plan(falcon9);
    }

    private static RecoveryPlan shipPlan() {
        RecoveryPlan p = VehicleFactory.eINSTANCE.createRecoveryPlan();
        p.setMode(RecoveryMode.SHIP);
        p.setLandingZoneId("asds-atlantic");
        p.setEntryBurn(true);
        p.setMaxDynamicPressure(110_000);
        p.setPropellantMargin(0.05);
        return p;
    }

    private static StageRecovery.Case with(RecoveryPlan p) {
        StageRecovery.Case c = falcon9;
        return new StageRecovery.Case(c.launchSite(), c.stage(), p, c.zone(), c.separationTime(), c.separationState(), c.source());
    }

    @Test
    void theNominalRecoveryLandsWithinAMillimetreAtUnderTwoMetresPerSecond() {
        RecoveryResult r = ENGINE.fly(falcon9, plan, Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT);
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
        // the guidance's cone programs stop at 1e-6 relative: a millimetre on a kilometre's descent (LandingGuidance.SOLVER);
        // truth navigation and ideal actuators add nothing (0.21 mm as of 2026-12-07)
        assertTrue(r.missDistance() < 1e-3, "miss " + r.missDistance());
        assertTrue(r.touchdownVerticalSpeed() < 2 && r.touchdownHorizontalSpeed() < 2,
            r.touchdownVerticalSpeed() + " / " + r.touchdownHorizontalSpeed());
        assertEquals(List.of("entry", "landing"), r.burns().stream().map(RecoveryResult.Burn::name).toList());
        // mass bookkeeping: what the burns took and what is left add up to the reserve above the empty stage
        double burned = r.burns().stream().mapToDouble(RecoveryResult.Burn::propellant).sum();
        Stage s = falcon9.stage();
        double start = falcon9.separationState()[6] - s.getDryMass() - s.getResidualPropellantMass();
        assertEquals(start, burned + r.propellantRemaining(), 1e-6 * start);
        assertTrue(r.propellantRemaining() > 0);
        // the entry burn was sized to the limit, and the descent honours it: the peak stays under 110 kPa (validation),
        // at 109.66 kPa as of 2026-12-07 (regression: 50 Pa is a tenth of a percent of a model change's effect)
        assertTrue(r.peakDynamicPressure() <= 110_000, "peak q " + r.peakDynamicPressure());
        assertEquals(109_662, r.peakDynamicPressure(), 50, "peak q");
    }

    @Test
    void theClosedLoopLandsAStageThatIsWeakerAndDraggierThanItsModel() {
        // 3 % less thrust, 1 % less Isp, 10 % more drag, a 10 m/s wind and 0.5 s late ignition: the flight software
        // does not know; the fins, the ignition rule and the re-solves must absorb it
        Perturbation p = new Perturbation(-0.03, -0.01, 200, -300, 0.10, 10, 270, 0.5, 0, 0);
        RecoveryResult r = ENGINE.fly(falcon9, plan, p, List.of(), StageRecovery.Options.DEFAULT);
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
        // the closed loop absorbs them to the guidance's own accuracy (0.22 mm as of 2026-12-07)
        assertTrue(r.missDistance() < 1e-3, "miss " + r.missDistance());
    }

    /**
     * A small campaign: the same seed gives the same runs on one thread and on two; with the default errors all but
     * at most one run land (run 8 of seed 42 touches down at 2.1 m/s sideways, just over the legs' 2 m/s: the
     * fuel-optimal burn ends on a 45 degree diagonal and nulls its sideways speed in the last instant; a glide-slope
     * cone cures it but costs ten times the cone programs with today's solver), and the scatter is the navigation
     * error's (1 m per axis: the miss is Rayleigh-distributed with median 1.18 m; 12 runs put the sample median
     * within a factor of two of it).
     */
    @Test
    void aCampaignReproducesOnAnyThreadCountAndLandsWithinItsNavigationError() {
        Dispersion d = new Dispersion(ENGINE);
        List<Dispersion.Run> one = d.fly(falcon9, plan, Dispersion.Sigmas.DEFAULT, List.of(), 12, 42, 1, new NullProgressMonitor());
        List<Dispersion.Run> two = d.fly(falcon9, plan, Dispersion.Sigmas.DEFAULT, List.of(), 12, 42, 2, new NullProgressMonitor());
        for (int i = 0; i < 12; i++) {
            assertEquals(one.get(i).perturbation(), two.get(i).perturbation());
            assertEquals(one.get(i).result().east(), two.get(i).result().east(), 0.0);
            assertEquals(one.get(i).result().north(), two.get(i).result().north(), 0.0);
            assertEquals(one.get(i).result().propellantRemaining(), two.get(i).result().propellantRemaining(), 0.0);
        }
        Dispersion.Summary s = Dispersion.summarise(one);
        assertTrue(s.landed() >= 11, s.landed() + " of 12 landed");
        assertTrue(s.r50() > 0.59 && s.r50() < 2.4, "R50 " + s.r50());
        assertTrue(s.propellantMin() > 0);
    }

    @Test
    void anAbnormalLandingBurnCrashesNearTheShip() {
        Failure f = VehicleFactory.eINSTANCE.createFailure();
        f.setKind(FailureKind.THRUST_SHORTFALL);
        f.setBurn(BurnKind.LANDING);
        f.setTime(12);
        f.setMagnitude(0.45);
        RecoveryResult r = ENGINE.fly(falcon9, plan, Perturbation.NONE, List.of(f), StageRecovery.Options.DEFAULT);
        assertEquals(RecoveryResult.Outcome.CRASHED, r.outcome());
        // near the target, not kilometres away: the guidance kept steering for it while it could
        assertTrue(r.missDistance() < 500, "miss " + r.missDistance());
        assertTrue(r.touchdownVerticalSpeed() > 6, "speed " + r.touchdownVerticalSpeed());
    }

    @Test
    void aNavigationBiasMovesTheTouchdownByTheBias() {
        Failure f = VehicleFactory.eINSTANCE.createFailure();
        f.setKind(FailureKind.NAVIGATION_BIAS);
        f.setMagnitude(30);
        RecoveryResult r = ENGINE.fly(falcon9, plan, Perturbation.NONE, List.of(f), StageRecovery.Options.DEFAULT);
        // the guidance believes it is 30 m east of where it is: it lands 30 m west, softly (the zone is 25 m)
        assertEquals(-30, r.east(), 1.0);
        assertEquals(0, r.north(), 1.0);
        assertEquals(RecoveryResult.Outcome.CRASHED, r.outcome());
        assertTrue(r.reason().contains("outside the zone"), r.reason());
    }

    private static Failure failure(FailureKind kind, BurnKind burn, double time, double magnitude, int index) {
        Failure f = VehicleFactory.eINSTANCE.createFailure();
        f.setKind(kind);
        f.setBurn(burn);
        f.setTime(time);
        f.setMagnitude(magnitude);
        f.setEngineIndex(index);
        return f;
    }

    /**
     * An engine out 10 s into the entry burn leaves 2 of 3: the rest of the burn, cut off on the velocity gained,
     * takes the same propellant at two thirds of the flow, so it lasts exactly 1.5 times as long (the cut-off mass
     * depends on the exhaust speed only); the stage still lands. (Out at ignition, the burn's 50 % longer gravity loss
     * leaves the stage 10 km lower and 200 m/s faster at the landing burn, which then needs all 10.8 t left: a
     * knife-edge case, landing or not by a few kilograms, so not the one tested.)
     */
    @Test
    void anEngineOutOnTheEntryBurnMakesItHalfAsLongAgainAndTheStageStillLands() {
        RecoveryResult nominal = ENGINE.fly(falcon9, plan, Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT);
        RecoveryResult out = ENGINE.fly(falcon9, plan, Perturbation.NONE, List.of(failure(FailureKind.ENGINE_OUT, BurnKind.ENTRY, 10, 0, 1)),
            StageRecovery.Options.DEFAULT);
        RecoveryResult.Burn a = nominal.burns().get(0);
        RecoveryResult.Burn b = out.burns().get(0);
        assertEquals("entry", b.name());
        assertEquals(10 + 1.5 * (a.duration() - 10), b.duration(), 1e-3 * a.duration());
        assertEquals(a.propellant(), b.propellant(), 1e-6 * a.propellant());
        assertEquals(RecoveryResult.Outcome.LANDED, out.outcome(), out.reason());
        // an engine that is not lit for the burn (index 5 of a 3-engine burn) changes nothing
        RecoveryResult unlit = ENGINE.fly(falcon9, plan, Perturbation.NONE, List.of(failure(FailureKind.ENGINE_OUT, BurnKind.ENTRY, 0, 0, 5)),
            StageRecovery.Options.DEFAULT);
        assertEquals(a.duration(), unlit.burns().get(0).duration(), 1e-9);
    }

    /**
     * The ignition rule's margin: lit 6 s late, 2.6 km lower, the stage still lands; 12 s late no descent can stop it in
     * the height left and it crashes, 14 s late farther from the ship, and 16 s late it hits harder (it has 600 m less to
     * brake in). (Near the margin how a flight ends depends on the guidance's searches more than on the physics: 9 s late
     * crashed sliding in across at 37 m/s with under 1 m/s down while 10 and 11 s late landed; not asserted.)
     */
    @Test
    void aLateLandingBurnLandsWithinTheIgnitionMarginAndCrashesBeyondIt() {
        RecoveryResult nominal = ENGINE.fly(falcon9, plan, Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT);
        RecoveryResult six = late(6);
        assertEquals(6, six.burns().get(1).ignitionTime() - nominal.burns().get(1).ignitionTime(), 1e-6);
        assertEquals(RecoveryResult.Outcome.LANDED, six.outcome(), six.reason());
        assertTrue(six.burns().get(1).ignitionAltitude() < nominal.burns().get(1).ignitionAltitude() - 1000);
        RecoveryResult twelve = late(12);
        RecoveryResult fourteen = late(14);
        RecoveryResult sixteen = late(16);
        assertEquals(RecoveryResult.Outcome.CRASHED, twelve.outcome());
        assertEquals(RecoveryResult.Outcome.CRASHED, fourteen.outcome());
        assertEquals(RecoveryResult.Outcome.CRASHED, sixteen.outcome());
        assertTrue(fourteen.missDistance() > twelve.missDistance() && twelve.missDistance() > 100,
            twelve.missDistance() + " m then " + fourteen.missDistance() + " m");
        assertTrue(twelve.touchdownHorizontalSpeed() > 20 && fourteen.touchdownHorizontalSpeed() > 20,
            twelve.touchdownHorizontalSpeed() + " and " + fourteen.touchdownHorizontalSpeed() + " m/s across");
        // measured 104 and 208 m/s down: the later stop has less height, so hits harder by far more than the guidance's
        // own scatter between neighbouring delays (tens of m/s)
        assertTrue(sixteen.touchdownVerticalSpeed() > twelve.touchdownVerticalSpeed() + 50 && twelve.touchdownVerticalSpeed() > 20,
            twelve.touchdownVerticalSpeed() + " then " + sixteen.touchdownVerticalSpeed() + " m/s down");
    }

    private static RecoveryResult late(double seconds) {
        return ENGINE.fly(falcon9, plan, Perturbation.NONE, List.of(failure(FailureKind.LATE_IGNITION, BurnKind.LANDING, 0, seconds, 0)),
            StageRecovery.Options.DEFAULT);
    }

    /**
     * The fins' cross-range capability comes from their area and deflection: the lateral force is linear in the
     * area, but the displacement grows less than linearly (the sideways speed the fins build tilts the fall, whose
     * lift acts across the air-relative velocity, and changes the time to the ignition height): twice the area moves
     * the stage farther, but less than twice as far (measured 1.76). A stage without fins has none. Falcon 9's four
     * 4 ft x 5 ft fins give kilometres.
     */
    @Test
    void finCrossRangeScalesWithFinArea() {
        assertTrue(plan.finCrossRange() > 1000 && plan.finCrossRange() < 30_000, "cross-range " + plan.finCrossRange());
        Stage bigger = EcoreUtil.copy(falcon9.stage());
        bigger.getRecovery().getGridFins().setArea(2 * bigger.getRecovery().getGridFins().getArea());
        StageRecovery.Plan doubled = ENGINE.plan(new StageRecovery.Case(falcon9.launchSite(), bigger, falcon9.plan(), falcon9.zone(),
            falcon9.separationTime(), falcon9.separationState(), "test"));
        double ratio = doubled.finCrossRange() / plan.finCrossRange();
        assertTrue(ratio > 1.5 && ratio < 2, "ratio " + ratio);
        Stage finless = EcoreUtil.copy(falcon9.stage());
        finless.getRecovery().setGridFins(null);
        assertEquals(0, ENGINE.plan(new StageRecovery.Case(falcon9.launchSite(), finless, falcon9.plan(), falcon9.zone(),
            falcon9.separationTime(), falcon9.separationState(), "test")).finCrossRange());
    }

    /**
     * A heating limit below what the pressure-sized burn leaves makes the entry burn larger, and the burn then keeps
     * the predicted peak heat flux to the limit (the bisection stops within 1 m/s, a fraction of a percent of it).
     * Without a limit nothing changes.
     */
    @Test
    void aHeatingLimitEnlargesTheEntryBurnToMeetIt() {
        assertTrue(plan.peakHeatFlux() > 0);
        RecoveryPlan p = shipPlan();
        double limit = 0.8 * plan.peakHeatFlux();
        p.setMaxHeatFlux(limit);
        StageRecovery.Plan hot = ENGINE.plan(with(p));
        assertTrue(hot.entryDv() > plan.entryDv() + 10, hot.entryDv() + " vs " + plan.entryDv());
        assertEquals(limit, hot.peakHeatFlux(), 0.01 * limit);
        assertTrue(hot.peakHeatFlux() <= limit * 1.0001, hot.peakHeatFlux() + " over " + limit);
        p.setMaxHeatFlux(-1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ENGINE.plan(with(p)));
        assertEquals("recovery/maxHeatFlux", e.element());
    }

    @Test
    void anEntryBurnWithoutAPressureLimitIsBadInputNamingIt() {
        RecoveryPlan p = shipPlan();
        p.unsetMaxDynamicPressure();
        Stage copy = EcoreUtil.copy(falcon9.stage());
        copy.getRecovery().unsetMaxDescentDynamicPressure();
        StageRecovery.Case c = new StageRecovery.Case(falcon9.launchSite(), copy, p, falcon9.zone(), falcon9.separationTime(),
            falcon9.separationState(), "test");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ENGINE.plan(c));
        assertEquals("recovery/maxDynamicPressure", e.element());
    }

    /** A plan without its own limit sizes the entry burn to the stage's (the Falcon 9 file's 110 kPa), as one with it. */
    @Test
    void anEntryBurnWithoutTheMissionsLimitTakesTheStages() {
        RecoveryPlan own = shipPlan();
        own.setMaxDynamicPressure(110_000);
        RecoveryPlan stages = shipPlan();
        stages.unsetMaxDynamicPressure();
        assertEquals(110_000, falcon9.stage().getRecovery().getMaxDescentDynamicPressure());
        assertEquals(ENGINE.plan(with(own)).entryDv(), ENGINE.plan(with(stages)).entryDv());
        own.setMaxDynamicPressure(60_000);
        assertTrue(ENGINE.plan(with(own)).entryDv() > ENGINE.plan(with(stages)).entryDv() + 50, "a lower limit needs a longer entry burn");
    }

    @Test
    void aStageWithoutADescentDragTableIsBadInputNamingIt() {
        Stage copy = EcoreUtil.copy(falcon9.stage());
        copy.getRecovery().setDescentDrag(null);
        StageRecovery.Case c = new StageRecovery.Case(falcon9.launchSite(), copy, falcon9.plan(), falcon9.zone(), falcon9.separationTime(),
            falcon9.separationState(), "test");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ENGINE.plan(c));
        assertTrue(e.element().endsWith("recovery/descentDrag"), e.element());
    }

    @Test
    void anExpendablePlanIsExpended() {
        RecoveryPlan p = shipPlan();
        p.setMode(RecoveryMode.EXPENDABLE);
        RecoveryResult r = ENGINE.fly(with(p), ENGINE.plan(with(p)), Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT);
        assertEquals(RecoveryResult.Outcome.EXPENDED, r.outcome());
    }
}
