package org.launchbench.recovery.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;
import org.launchbench.flight.phase.RigidBodyFidelity;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.RecoveryResult;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.recovery.stage.StageRecoveryTestAccess;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.vehicle.model.BurnKind;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.FailureKind;
import org.launchbench.vehicle.model.LandingLegs;
import org.launchbench.vehicle.model.Scenario;
import org.launchbench.vehicle.model.VehicleFactory;

/**
 * The 6-DOF recovery with the flight software in the loop from the entry burn's cut-off, on the Falcon 9 drone-ship case
 * of {@code StageRecoveryTest}: with a boostback (34 m/s) it lands on the estimate, steering its fall by the body's
 * lift; the shipped plan without one, which the point mass reaches only by thrusting far off its axis, it cannot; and
 * what the loop does not yet absorb is frozen as findings.
 */
class FlightSoftwareRecoveryTest {

    private static StageRecovery sixDof;
    private static FlightSoftwareRecovery software;
    private static StageRecovery.Case withBoostback;
    private static RecoveryResult landed;

    @BeforeAll
    static void fly() {
        StageRecoveryTestAccess.falcon9();
        LandingBurnLoopTest.approach();
        sixDof = new StageRecovery(EarthModel.WGS84, UsStandardAtmosphere1976.INSTANCE).withDynamics(new RigidBodyFidelity());
        software = new FlightSoftwareRecovery(sixDof, EarthModel.WGS84, UsStandardAtmosphere1976.INSTANCE, FlightSoftwareRecovery.Settings.DEFAULT);
        withBoostback = LandingBurnLoopTest.withBoostback();
        landed = fly(Perturbation.NONE, List.of(), 1);
    }

    private static RecoveryResult fly(Perturbation p, List<Failure> failures, long seed) {
        return software.fly(withBoostback, sixDof.plan(withBoostback), p, failures, StageRecovery.Options.DEFAULT, seed);
    }

    private static FlightEvent event(RecoveryResult r, String name) {
        return r.events().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + r.events()));
    }

    /**
     * The whole descent on the estimate: the fall steered by the body's lift (10 deg of incidence at most), the engines
     * lit by the software's own rule at 2.8 km (after the descent's peak dynamic pressure, 137 kPa at 11 km, which the
     * loop's part of the flight records), the braking, the vertical descent. It lands on the deck and inside the legs'
     * envelope, within the touchdown figures; the actuators stay within their limits, and reach them: the fins
     * and the RCS hold the incidence (the RCS spends 184 of its 200 kg), which is what this stage's lift costs. Seeds 1
     * and 2 measured 7.9 and 8.5 m from the centre, 1.1 and 1.5 m/s down, 0.2 m/s across; seed 1 is frozen as this
     * deterministic flight's regression (to a centimetre and a tenth of a degree).
     */
    @Test
    void theFlightSoftwareFliesTheWholeDescentAndLandsTheStage() {
        RecoveryResult r = landed;
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
        LandingLegs legs = withBoostback.stage().getRecovery().getLandingLegs();
        assertTrue(r.missDistance() < withBoostback.zone().getRadius(), r.missDistance() + " m");
        assertTrue(r.touchdownVerticalSpeed() < 2 && r.touchdownHorizontalSpeed() < 1,
            r.touchdownVerticalSpeed() + " / " + r.touchdownHorizontalSpeed() + " m/s");
        assertTrue(r.touchdownVerticalSpeed() < legs.getMaxTouchdownVerticalSpeed());
        assertTrue(r.touchdownTiltDeg() < 5, r.touchdownTiltDeg() + " deg");
        RecoveryResult.FlightSoftware fs = r.software();
        assertTrue(fs.maxGimbalDeg() <= fs.gimbalLimitDeg() + 1e-9 && fs.maxFinDeflectionDeg() <= fs.finLimitDeg() + 1e-9,
            fs.maxGimbalDeg() + " / " + fs.maxFinDeflectionDeg());
        assertTrue(fs.rcsPropellantKg() < fs.rcsPropellantCapacityKg() && fs.rcsPropellantKg() > 150, fs.rcsPropellantKg() + " kg of RCS");
        // navigation from sensors alone, within 4 times the GNSS's 3-D sigma (1.5 m per axis: 2.6 m)
        assertTrue(fs.navigationErrorAtTouchdownM() < 4 * 2.6, fs.navigationErrorAtTouchdownM() + " m");
        // the flight's record runs on through the loop: the events in order, the history to the touchdown
        double cutoff = event(r, "entry-cutoff").time();
        double lit = event(r, "landing-ignition").time();
        double down = event(r, "touchdown").time();
        assertTrue(cutoff < event(r, "max-q").time() && event(r, "max-q").time() < lit && lit < down, r.events().toString());
        assertEquals(137_495, r.peakDynamicPressure(), 1);
        assertEquals(down, r.history().get(r.history().size() - 1).time(), 1.0);
        RecoveryResult.Burn landing = r.burns().get(2);
        assertEquals("landing", landing.name());
        // regression values of this deterministic flight (seed 1)
        assertEquals(2831, landing.ignitionAltitude(), 1);
        assertEquals(7.86, r.missDistance(), 0.01);
        assertEquals(1.14, r.touchdownVerticalSpeed(), 0.01);
        assertEquals(0.16, r.touchdownHorizontalSpeed(), 0.01);
        assertEquals(0.82, r.touchdownTiltDeg(), 0.1);
        assertEquals(4988, r.propellantRemaining(), 1);
    }

    /** Another seed draws other sensor errors and another initial estimate, and lands as well (measured: 8.5 m). */
    @Test
    void anotherSeedLandsToo() {
        RecoveryResult r = fly(Perturbation.NONE, List.of(), 2);
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
        assertTrue(Math.abs(r.missDistance() - landed.missDistance()) > 0.1, "the seed changed nothing: " + r.missDistance() + " m");
        assertEquals(8.46, r.missDistance(), 0.01);
    }

    /**
     * The shipped plan has no boostback, and its ship lies 8.8 km from where the stage falls, beyond what the body's lift
     * can move it: the point mass lands there only by thrusting 78 deg off its axis (docs/gnc.md). The flight software
     * brings the stage down upright and slow (6 m/s, at the legs' limit), 4.5 km short, in the sea. Regression value of this deterministic flight, to a metre.
     */
    @Test
    void theShippedPlanWithoutABoostbackIsBeyondTheBodysReach() {
        StageRecovery.Case shipped = StageRecoveryTestAccess.falcon9();
        RecoveryResult r = software.fly(shipped, sixDof.plan(shipped), Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT, 1);
        assertEquals(RecoveryResult.Outcome.CRASHED, r.outcome());
        assertTrue(r.touchdownTiltDeg() < 5 && r.touchdownVerticalSpeed() < 7, r.touchdownTiltDeg() + " deg, " + r.touchdownVerticalSpeed() + " m/s");
        assertEquals(4599, r.missDistance(), 1);
    }

    /**
     * The thrust the flight software measures ({@link ThrustEstimator}): with 3 % less thrust than modelled the braking,
     * its thrusts scaled by the estimate, lands the stage 8.6 m from the centre (without the estimate: 27.6 m off, 4.2
     * m/s down). Regression value of this deterministic flight.
     */
    @Test
    void aWeakerEngineIsMeasuredAndLanded() {
        RecoveryResult weak = fly(new Perturbation(-0.03, 0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), 1);
        assertEquals(RecoveryResult.Outcome.LANDED, weak.outcome(), weak.reason());
        assertEquals(8.60, weak.missDistance(), 0.01);
    }

    /**
     * What the loop does not absorb yet, frozen as findings (docs/gnc.md). 3 % more thrust than modelled: the
     * predicted rest point is 340 m short at ignition and the braking's tilt, 8 deg at most, leaves it some 210 m
     * short (measured or not, the stronger engine's braking is shorter); half a second's late ignition leaves the
     * stage sliding at 2.7 m/s onto the deck, over the legs' 2; a 10 m/s north wind, which the predictions do not know,
     * blows it 189 m south. A campaign with the default dispersions therefore does not yet land 99 %. Regression values
     * of these deterministic flights, to a metre and a tenth of a metre per second.
     */
    @Test
    void thrustErrorsLateIgnitionAndWindAreNotYetAbsorbed() {
        RecoveryResult hot = fly(new Perturbation(0.03, 0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), 1);
        assertEquals(RecoveryResult.Outcome.CRASHED, hot.outcome());
        assertEquals(208, hot.missDistance(), 1);
        RecoveryResult late = fly(new Perturbation(0, 0, 0, 0, 0, 0, 0, 0.5, 0, 0), List.of(), 1);
        assertEquals(RecoveryResult.Outcome.CRASHED, late.outcome());
        assertTrue(late.reason().contains("horizontal"), late.reason());
        assertEquals(2.7, late.touchdownHorizontalSpeed(), 0.1);
        RecoveryResult wind = fly(new Perturbation(0, 0, 0, 0, 0, 10, 0, 0, 0, 0), List.of(), 1);
        assertEquals(RecoveryResult.Outcome.CRASHED, wind.outcome());
        assertTrue(wind.north() < -150, "a north wind blows it south: " + wind.north() + " m");
        assertEquals(189, wind.missDistance(), 1);
    }

    /**
     * A landing-burn failure flies on the plant, which the flight software is not told: an engine lost 5 s into a
     * one-engine landing burn leaves no thrust, and the stage falls into the sea at some 200 m/s.
     */
    @Test
    void aLandingBurnFailureIsFlownByThePlant() {
        Failure out = VehicleFactory.eINSTANCE.createFailure();
        out.setKind(FailureKind.ENGINE_OUT);
        out.setBurn(BurnKind.LANDING);
        out.setTime(5);
        RecoveryResult r = fly(Perturbation.NONE, List.of(out), 1);
        assertEquals(RecoveryResult.Outcome.CRASHED, r.outcome());
        assertTrue(r.touchdownVerticalSpeed() > 150, r.touchdownVerticalSpeed() + " m/s");
        // the burn lit where the nominal one did, and ended with its engine
        assertEquals(landed.burns().get(2).ignitionAltitude(), r.burns().get(2).ignitionAltitude(), 1e-6);
        assertTrue(r.burns().get(2).duration() < landed.burns().get(2).duration(), r.burns().get(2).toString());
    }

    /**
     * A campaign's specific-impulse and drag draws reach the plant, which the flight software is not told: 1 % less
     * specific impulse burns more for the same thrust (the landing burn takes more propellant, about 1 % of its 5.5 t);
     * 5 % more axial drag moves the flight.
     */
    @Test
    void aCampaignsSpecificImpulseAndDragDrawsAreFlown() {
        RecoveryResult lowIsp = fly(new Perturbation(0, -0.01, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), 1);
        double nominal = landed.burns().get(2).propellant();
        double more = lowIsp.burns().get(2).propellant() - nominal;
        assertTrue(more > 0.005 * nominal && more < 0.03 * nominal, "the landing burn took " + more + " kg more of " + nominal);
        RecoveryResult draggy = fly(new Perturbation(0, 0, 0, 0, 0.05, 0, 0, 0, 0, 0), List.of(), 1);
        assertTrue(Math.abs(draggy.missDistance() - landed.missDistance()) > 0.01
            || Math.abs(draggy.burns().get(2).ignitionTime() - landed.burns().get(2).ignitionTime()) > 0.01, "the drag changed nothing");
    }

    /** A failure the loop has no model for is refused, naming it and its scenario, rather than silently dropped. */
    @Test
    void aFailureTheLoopDoesNotFlyIsRefused() {
        Scenario s = VehicleFactory.eINSTANCE.createScenario();
        s.setName("stuck");
        Failure stuck = VehicleFactory.eINSTANCE.createFailure();
        stuck.setKind(FailureKind.STUCK_FIN);
        s.getFailures().add(stuck);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> fly(Perturbation.NONE, List.of(stuck), 1));
        assertTrue(e.getMessage().contains("STUCK_FIN") && e.getMessage().contains("scenario stuck") && e.getMessage().contains("3dof"),
            e.getMessage());
    }
}
