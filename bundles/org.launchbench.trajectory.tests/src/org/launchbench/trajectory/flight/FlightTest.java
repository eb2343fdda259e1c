package org.launchbench.trajectory.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Jettison;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;

/** Phases, events and histories of a flight. */
class FlightTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final EarthModel.Geodetic CAPE = new EarthModel.Geodetic(Math.toRadians(28.562106), Math.toRadians(-80.57718), 5);
    private static final double G0 = PhysicalConstants.STANDARD_GRAVITY;

    /** 9 x (845.2 kN sea level, 914.1 kN vacuum, 311 s): Falcon 9's first-stage engines. */
    private static final Propulsion NINE = new Propulsion(9 * 914_100, 9 * (914_100 - 845_200) / 101_325.0,
        9 * 914_100 / (311 * G0), 0.57, 1);

    private static final Aerodynamics BODY = new Aerodynamics(new double[] {0, 0.8, 1.0, 1.2, 2, 5},
        new double[] {0.30, 0.34, 0.52, 0.58, 0.42, 0.28}, Math.PI * 3.7 * 3.7 / 4);

    private static Steering gravityTurn() {
        return new PitchProgram(EARTH, 10, 10, Math.toRadians(4), Math.toRadians(45), t -> 1);
    }

    @Test
    void burnoutIsLocatedExactlyWhereTheUsablePropellantRunsOut() {
        double m0 = 520_000;
        double mf = 130_000;
        Flight f = new Flight(EARTH, CAPE, m0, 1);
        PointMassDynamics d = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, NINE, BODY, gravityTurn(), Winds.CALM);
        assertEquals(Flight.End.BURNOUT, f.fly(d, mf, 1000, "meco"));
        FlightEvent meco = f.events().stream().filter(e -> e.name().equals("meco")).findFirst().orElseThrow();
        // full throttle all the way: burn time = propellant / mass flow, to the event solver's 1e-6 s
        assertEquals((m0 - mf) / NINE.massFlow(1), meco.time(), 1e-5);
        assertEquals(mf, meco.mass(), 1e-3);
        assertTrue(meco.altitude() > 30_000 && meco.downrange() > 10_000, meco.toString());
    }

    @Test
    void maxQIsTheLargestDynamicPressureOfTheFlight() {
        Flight f = new Flight(EARTH, CAPE, 520_000, 0.5);
        PointMassDynamics d = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, NINE, BODY, gravityTurn(), Winds.CALM);
        f.fly(d, 130_000, 1000, "meco");
        FlightEvent maxQ = f.events().stream().filter(e -> e.name().equals("max-q")).findFirst().orElseThrow();
        List<FlightSample> history = f.samples();
        double sampledMax = history.stream().mapToDouble(FlightSample::dynamicPressure).max().orElseThrow();
        assertTrue(maxQ.dynamicPressure() >= sampledMax, maxQ.dynamicPressure() + " < sampled " + sampledMax);
        // the 0.5 s samples straddle the true maximum: they miss it by at most the curvature over 0.25 s
        assertEquals(sampledMax, maxQ.dynamicPressure(), sampledMax * 1e-3);
        // launchers pass max-Q roughly a minute into flight, near Mach 1-1.5, in the tens of kPa
        assertTrue(maxQ.time() > 40 && maxQ.time() < 100, "max-q at " + maxQ.time() + " s");
        assertTrue(maxQ.dynamicPressure() > 15_000 && maxQ.dynamicPressure() < 60_000, maxQ.toString());
    }

    @Test
    void aVehicleTooHeavyToLiftOffReachesTheGround() {
        double m = NINE.thrust(1, 101_325) / G0 / 0.9; // thrust-to-weight 0.9
        Flight f = new Flight(EARTH, CAPE, m, 1);
        PointMassDynamics d = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, NINE, BODY, gravityTurn(), Winds.CALM);
        assertEquals(Flight.End.GROUND, f.fly(d, 0, 600, "meco"));
        assertTrue(f.events().stream().anyMatch(e -> e.name().equals("ground")), f.events().toString());
        assertTrue(f.time() < 2, "it never leaves: " + f.time());
    }

    @Test
    void theHistoryIsSampledAtTheRequestedInterval() {
        Flight f = new Flight(EARTH, CAPE, 520_000, 2);
        PointMassDynamics d = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, NINE, BODY, gravityTurn(), Winds.CALM);
        f.fly(d, -1, 20, null);
        List<FlightSample> s = f.samples();
        assertEquals(11, s.size(), "0, 2, ... 20 s");
        assertEquals(20, s.get(10).time(), 1e-12);
        // on the pad the sensed acceleration is thrust / mass
        assertEquals(NINE.thrust(1, 101_325) / 520_000, s.get(0).acceleration(), 0.01);
        assertEquals(1.0, s.get(0).throttle());
        assertTrue(s.get(10).altitude() > s.get(5).altitude());
    }

    @Test
    void droppingAStageRemovesItsMass() {
        Flight f = new Flight(EARTH, CAPE, 500_000, 1);
        PointMassDynamics coast = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE,
            Aerodynamics.NONE, Steering.COAST, Winds.CALM);
        f.drop(400_000);
        assertEquals(100_000, f.state()[6]);
        f.mark("separation", coast);
        assertEquals(List.of("separation"), f.events().stream().map(FlightEvent::name).toList());
    }

    @Test
    void aJettisonDropsItsMassExactlyAtItsAltitudeWithoutStoppingThePhase() {
        double m0 = 520_000;
        double fairing = 1_900;
        Flight with = new Flight(EARTH, CAPE, m0, 1);
        with.jettison(new Jettison(EARTH, UsStandardAtmosphere1976.INSTANCE, fairing, 40_000, 0), "fairing-jettison");
        Flight without = new Flight(EARTH, CAPE, m0, 1);
        PointMassDynamics d = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, NINE, BODY, gravityTurn(), Winds.CALM);
        // a time-limited phase: both burn the same propellant (the flow does not depend on the mass)
        with.fly(d, -1, 120, "end");
        without.fly(d, -1, 120, "end");
        FlightEvent drop = with.events().stream().filter(e -> e.name().equals("fairing-jettison")).findFirst().orElseThrow();
        assertEquals(40_000, drop.altitude(), 0.01, "located at the jettison altitude (1e-6 s event accuracy)");
        assertEquals(without.state()[6] - fairing, with.state()[6], 1e-6, "exactly the fairing's mass gone");
        assertTrue(with.pendingJettison() == null, "fired once");
        // lighter after the drop: the same thrust accelerates it more
        double vWith = new org.hipparchus.geometry.euclidean.threed.Vector3D(with.state()[3], with.state()[4], with.state()[5]).getNorm();
        double vWithout = new org.hipparchus.geometry.euclidean.threed.Vector3D(without.state()[3], without.state()[4],
            without.state()[5]).getNorm();
        assertTrue(vWith > vWithout, vWith + " <= " + vWithout);
    }

    @Test
    void aBurnoutAfterAJettisonStillEndsWhenThePropellantIsGone() {
        double m0 = 520_000;
        double mf = 130_000;
        Flight f = new Flight(EARTH, CAPE, m0, 1);
        f.jettison(new Jettison(EARTH, UsStandardAtmosphere1976.INSTANCE, 2_000, 30_000, 0), "fairing-jettison");
        PointMassDynamics d = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, NINE, BODY, gravityTurn(), Winds.CALM);
        assertEquals(Flight.End.BURNOUT, f.fly(d, mf, 1000, "meco"));
        FlightEvent meco = f.events().stream().filter(e -> e.name().equals("meco")).findFirst().orElseThrow();
        // the burnout mass moves down with the dropped mass: the burn time is unchanged
        assertEquals((m0 - mf) / NINE.massFlow(1), meco.time(), 1e-5);
        // the burnout is located to 1e-6 s (Flight): to that time at the engines' flow, 2.7 g
        assertEquals(mf - 2_000, meco.mass(), 1e-6 * NINE.massFlow(1));
    }

    @Test
    void aHeatFluxJettisonHappensWhereTheFreeMolecularHeatingFallsToItsLimit() {
        double limit = 1135;
        Flight f = new Flight(EARTH, CAPE, 520_000, 1);
        f.jettison(new Jettison(EARTH, UsStandardAtmosphere1976.INSTANCE, 1_900, 0, limit), "fairing-jettison");
        PointMassDynamics d = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, NINE, BODY, gravityTurn(), Winds.CALM);
        f.fly(d, 130_000, 1000, "meco");
        f.fly(new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE, BODY, Steering.COAST, Winds.CALM),
            -1, 300, null);
        FlightEvent drop = f.events().stream().filter(e -> e.name().equals("fairing-jettison")).findFirst().orElseThrow();
        assertTrue(drop.altitude() > Jettison.HEAT_FLUX_FLOOR, drop.toString());
        // q_heat = 1/2 rho v^3 with the atmosphere's density there and the air-relative speed (event speed is Earth-relative)
        double rho = UsStandardAtmosphere1976.INSTANCE.at(drop.altitude()).density();
        assertEquals(limit, 0.5 * rho * Math.pow(drop.speed(), 3), limit * 1e-3);
    }
}
