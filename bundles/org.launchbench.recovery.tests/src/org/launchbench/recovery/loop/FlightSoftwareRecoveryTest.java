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
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.recovery.stage.StageRecoveryTestAccess;
import org.launchbench.trajectory.ascent.RecoveryResult;
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
 * of {@code StageRecoveryTest} with a boostback: the boostback aimed at the flight software's own rest point, the fall
 * steered by the trimmed body's lift, the air measured, the braking diverted by the trimmed stage's authority; it
 * lands, and absorbs the dispersions' thrust, drag and ignition errors; the shipped plan without a boostback it cannot
 * reach; what the loop does not yet absorb is frozen as findings.
 */
class FlightSoftwareRecoveryTest {

    private static StageRecovery sixDof;
    private static FlightSoftwareRecovery software;
    private static StageRecovery.Case withBoostback;
    private static StageRecovery.Plan plan;
    private static RecoveryResult landed;

    @BeforeAll
    static void fly() {
        StageRecoveryTestAccess.falcon9();
        LandingBurnLoopTest.approach();
        sixDof = new StageRecovery(EarthModel.WGS84, UsStandardAtmosphere1976.INSTANCE).withDynamics(new RigidBodyFidelity());
        software = new FlightSoftwareRecovery(sixDof, EarthModel.WGS84, UsStandardAtmosphere1976.INSTANCE, FlightSoftwareRecovery.Settings.DEFAULT);
        withBoostback = LandingBurnLoopTest.withBoostback();
        plan = software.plan(withBoostback);
        landed = fly(Perturbation.NONE, List.of(), 1);
    }

    private static RecoveryResult fly(Perturbation p, List<Failure> failures, long seed) {
        return software.fly(withBoostback, plan, p, failures, StageRecovery.Options.DEFAULT, seed);
    }

    /** @return the flight with a perturbation (seed 1), checked to land this far from the centre, to a centimetre */
    private static RecoveryResult landsOff(Perturbation p, double missM) {
        RecoveryResult r = fly(p, List.of(), 1);
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
        assertEquals(missM, r.missDistance(), 0.01);
        return r;
    }

    /** @return a perturbation of the wind alone: a speed, m/s, from a direction, deg clockwise from north */
    private static Perturbation wind(double speedMS, double fromDeg) {
        return new Perturbation(0, 0, 0, 0, 0, speedMS, fromDeg, 0, 0, 0);
    }

    private static FlightEvent event(RecoveryResult r, String name) {
        return r.events().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + r.events()));
    }

    /**
     * The targeting at 6-DOF aims the flight software's own prediction from the entry burn's cut-off (the rigid body
     * flown there) at the zone: the rest point within a metre. The ship is stationed where the stage falls with its fins
     * neutral, so the point-mass targeting needs no boostback; the flight software's braking comes to rest short of that
     * fall, and its boostback (6.7 m/s downrange) moves its rest point onto the deck. Regression values of the
     * deterministic targeting.
     */
    @Test
    void theBoostbackIsAimedAtTheFlightSoftwaresRestPoint() {
        assertTrue(plan.predictedMiss() < 1, plan.toString());
        assertTrue(plan.notes().isEmpty(), plan.notes().toString());
        StageRecovery.Plan pointMass = sixDof.plan(withBoostback);
        assertEquals(6.66, plan.boostbackDv(), 0.01);
        assertEquals(0, pointMass.boostbackDv(), 0.01);
        assertEquals(91.8, Math.toDegrees(plan.boostbackAzimuth()), 0.1);
    }

    /**
     * The whole descent on the estimate: the fall steered by the trimmed body's lift, the engines lit by the software's
     * own rule at 4.9 km (after the descent's peak dynamic pressure, 110 kPa, which the loop's part of the flight
     * records), the braking, the vertical descent. It lands on the deck and inside the legs' envelope, within the
     * issue's touchdown figures; the actuators stay within their limits (the fins reach 19.96 of their 20 deg in the
     * vertical descent's last seconds); seed 1 is frozen as this deterministic flight's regression (to a centimetre and a
     * tenth of a degree).
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
        assertEquals(19.96, fs.maxFinDeflectionDeg(), 0.01);
        assertTrue(fs.rcsPropellantKg() < 0.1 * fs.rcsPropellantCapacityKg(), fs.rcsPropellantKg() + " kg of RCS");
        // navigation from sensors alone, within 4 times the GNSS's 3-D sigma (1.5 m per axis: 2.6 m)
        assertTrue(fs.navigationErrorAtTouchdownM() < 4 * 2.6, fs.navigationErrorAtTouchdownM() + " m");
        // the flight's record runs on through the loop: the events in order, the history to the touchdown
        double cutoff = event(r, "entry-cutoff").time();
        double lit = event(r, "landing-ignition").time();
        double down = event(r, "touchdown").time();
        assertTrue(cutoff < event(r, "max-q").time() && event(r, "max-q").time() < lit && lit < down, r.events().toString());
        assertEquals(110_303, r.peakDynamicPressure(), 1);
        assertEquals(down, r.history().get(r.history().size() - 1).time(), 1.0);
        RecoveryResult.Burn landing = r.burns().get(2);
        assertEquals("landing", landing.name());
        // regression values of this deterministic flight (seed 1)
        assertEquals(4866, landing.ignitionAltitude(), 1);
        assertEquals(0.33, r.missDistance(), 0.01);
        assertEquals(0.56, r.touchdownVerticalSpeed(), 0.01);
        assertEquals(0.26, r.touchdownHorizontalSpeed(), 0.01);
        assertEquals(0.69, r.touchdownTiltDeg(), 0.1);
        assertEquals(2852, r.propellantRemaining(), 1);
    }

    /**
     * Another seed draws other sensor errors and another initial estimate, and lands as well, elsewhere (measured: 1.22
     * m from the centre, 0.12 m from the first seed's touchdown).
     */
    @Test
    void anotherSeedLandsToo() {
        RecoveryResult r = fly(Perturbation.NONE, List.of(), 2);
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
        double apart = Math.hypot(r.east() - landed.east(), r.north() - landed.north());
        assertTrue(apart > 0.05, "the seed changed nothing: " + apart + " m apart");
        assertEquals(0.06, r.missDistance(), 0.01);
    }

    /**
     * The shipped plan has no boostback: its ship is stationed where the stage falls with its fins neutral. The flight
     * software's own rest point is short of that (its braking brakes earlier than the fins-off fall ends), within what
     * the trimmed body's lift moves it: it lands without a boostback. (With the ship 8 km from the fall, as a fixed
     * station once had it, the body could not reach it: it came down upright 6 km short.) Regression value of this
     * deterministic flight.
     */
    @Test
    void theShipStationedWhereTheStageFallsIsWithinTheBodysReach() {
        StageRecovery.Case shipped = StageRecoveryTestAccess.falcon9();
        RecoveryResult r = software.fly(shipped, software.plan(shipped), Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT, 1);
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
        assertEquals(1.39, r.missDistance(), 0.01);
    }

    /**
     * What the flight software measures and absorbs (each, before, a finding: docs/gnc.md): 3 % less thrust than
     * modelled (the {@link ThrustEstimator}; before it, 27.6 m off at 4.2 m/s down) and 3 % more (208 m short before),
     * half a second's late ignition (sliding at 2.7 m/s before the lag in its predictions), 10 % more drag (the
     * {@link AirDataEstimator}'s axial factor; 835 m short without it), a 10 m/s wind along the track (from the east)
     * and across it (from the north: 189 m off before the wind was measured, 24 m with one measured scale of the
     * crosswind's push for the whole braking, 3 m with its table against the airspeed). Each lands.
     * Regression values of these deterministic flights.
     */
    @Test
    void thrustIgnitionDragAndWindErrorsAreMeasuredAndLanded() {
        landsOff(new Perturbation(-0.03, 0, 0, 0, 0, 0, 0, 0, 0, 0), 2.12);
        landsOff(new Perturbation(0.03, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0.10);
        landsOff(new Perturbation(0, 0, 0, 0, 0, 0, 0, 0.5, 0, 0), 1.16);
        RecoveryResult draggy = landsOff(new Perturbation(0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0), 0.13);
        // the plant flies the draw: slowed more by the air, the stage reaches the rule's ignition lower
        assertTrue(draggy.burns().get(2).ignitionAltitude() < landed.burns().get(2).ignitionAltitude() - 500,
            draggy.burns().get(2).ignitionAltitude() + " m");
        RecoveryResult east = landsOff(wind(10, 90), 3.63);
        // what is left of the wind's push is upwind, as in the stronger winds below: the predictions count a little more
        // push than the stage meets at the end (before the wind was measured it landed downwind, west)
        assertTrue(east.east() > 0, "an east wind, the miss upwind: " + east.east() + " m");
        landsOff(wind(10, 0), 2.00);
    }

    /**
     * The crosswind as the trimmed stage feels it ({@link TrimmedCrossflow}): 12 and 15 m/s from the north land 4 and 9 m
     * from the centre; 15 m/s along the track, from the east, lands 15 m upwind. That headwind was a finding (31 m
     * upwind, off the 25 m deck) while the ship's fixed station asked the fall for an 8 km correction; with the ship
     * waiting where the stage falls it lands. Regression values of these deterministic flights.
     */
    @Test
    void aStrongWindAcrossOrAlongTheTrackIsAbsorbed() {
        landsOff(wind(12, 0), 4.25);
        landsOff(wind(15, 0), 8.51);
        RecoveryResult head = landsOff(wind(15, 90), 15.31);
        assertTrue(head.east() > 0, "upwind: " + head.east() + " m");
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
     * A campaign's specific-impulse draw reaches the plant, which the flight software is not told: with 1 % less
     * specific impulse the landing burn's mean flow is about 1 % higher for the thrust it measures (measured 0.97 %;
     * the throttle the guidance flies differs a little between the two flights, hence the half-point either way).
     */
    @Test
    void aCampaignsSpecificImpulseDrawIsFlown() {
        RecoveryResult lowIsp = fly(new Perturbation(0, -0.01, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), 1);
        RecoveryResult.Burn nominal = landed.burns().get(2);
        RecoveryResult.Burn low = lowIsp.burns().get(2);
        double ratio = low.propellant() / low.duration() / (nominal.propellant() / nominal.duration());
        assertTrue(ratio > 1.005 && ratio < 1.015, "mean flow ratio " + ratio);
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
