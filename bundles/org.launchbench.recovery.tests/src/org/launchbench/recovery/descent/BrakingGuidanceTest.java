package org.launchbench.recovery.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The braking's rule and commands in vacuum, with no propellant flow, where the stops are closed forms. */
class BrakingGuidanceTest {

    private static final double G = VacuumStage.G;

    /** Braking from 20 m/s² (the floor) to 40 m/s² at 1 t; no drag, no flow; no normal force. */
    private static final RetrogradeBraking.Stage VACUUM = new VacuumStage(20, 40_000);

    /**
     * Lit where halfway through the range (30 m/s²) stops a vertical fall at the ground: at 200 m/s that is
     * 200²/(2 · 20.2) = 990.1 m; the rule's excess is that less the height: exactly when the stop is above the ground
     * (a constant deceleration's stop is exact in the prediction), to 0.4 m when it is continued below it (the cut of
     * the step that crosses the ground, RetrogradeBrakingTest); far above it is negative by the cheap bound.
     */
    @Test
    void itLightsWhereHalfTheRangeStopsAtTheGround() {
        BrakingGuidance b = new BrakingGuidance(VACUUM, (h, v) -> 0);
        double stop = 200.0 * 200 / (2 * (30 - G));
        assertEquals(stop - 980, b.ignitionExcess(new double[] {980, 0, 0, -200, 0, 0}, 1000), 0.4);
        assertEquals(stop - 995, b.ignitionExcess(new double[] {995, 0, 0, -200, 0, 0}, 1000), 1e-6);
        assertTrue(b.light(new double[] {985, 0, 0, -200, 0, 0}, 1000));
        assertFalse(b.light(new double[] {995, 0, 0, -200, 0, 0}, 1000));
        assertTrue(b.ignitionExcess(new double[] {5000, 0, 0, -200, 0, 0}, 1000) < -3000);
        // rising, never
        assertFalse(b.light(new double[] {10, 0, 0, 5, 0, 0}, 1000));
    }

    /**
     * A 30 t stage with 8 t of propellant, 480 to 1,200 kN, Isp 300 s, in an exponential atmosphere (1.2 kg/m³, scale
     * height 7 km) with Falcon 9's descent drag (C_D S = 8.4 m²), falling straight down.
     */
    private static final RetrogradeBraking.Stage IN_AIR = new RetrogradeBraking.Stage() {
        @Override
        public double[] drag(double height, double[] velocity, double mass) {
            double speed = Math.sqrt(velocity[0] * velocity[0] + velocity[1] * velocity[1] + velocity[2] * velocity[2]);
            double k = 0.5 * 1.2 * Math.exp(-height / 7000) * 8.4 * speed / mass;
            return new double[] {-k * velocity[0], -k * velocity[1], -k * velocity[2]};
        }

        @Override
        public double brakingThrust(double mass) {
            return 480_000;
        }

        @Override
        public double brakingFlow(double mass) {
            return 480_000 / (9.80665 * 300);
        }

        @Override
        public double fullThrust() {
            return 1_200_000;
        }

        @Override
        public double emptyMass() {
            return 22_000;
        }

        @Override
        public double gravity() {
            return G;
        }
    };

    /**
     * High up the rule waits for the air. At 20 km and 900 m/s a braking lit at once would not stop the stage (its 8 t
     * last some 28 s at half thrust and the air is thin; the prediction reaches the ground at speed), so a rule without
     * the wait would light there and crash; yet falling on, the air slows the stage towards its terminal speed for free.
     * Flown down unpowered (Runge-Kutta, 0.1 s), the rule lights where the plain rule does: where a braking at half
     * thrust from there stops at the ground (to the 2 m the stop is solved to, and the 0.1 s step's 30 m).
     */
    @Test
    void highUpItWaitsForTheAirToBrakeTheStage() {
        BrakingGuidance b = new BrakingGuidance(IN_AIR, (h, v) -> 0);
        RetrogradeBraking plain = new RetrogradeBraking(IN_AIR);
        double[] high = {20_000, 0, 0, -900, 0, 0};
        assertTrue(plain.at(high, 30_000, BrakingGuidance.IGNITION_RAISE).heightM() < 0, "the plain rule would light at 20 km");
        assertTrue(b.ignitionExcess(high, 30_000) <= -1);
        assertFalse(b.light(high, 30_000));
        double[] x = {20_000, 0, 0, -900, 0, 0, 30_000};
        double[] before = x;
        while (!b.light(new double[] {x[0], 0, 0, x[3], 0, 0}, 30_000) && x[0] > 0) {
            before = x;
            x = RetrogradeBraking.rk4(x, 0.1, RetrogradeBraking.fall(IN_AIR, x), z -> RetrogradeBraking.fall(IN_AIR, z));
        }
        assertTrue(plain.at(new double[] {before[0], 0, 0, before[3], 0, 0}, 30_000, BrakingGuidance.IGNITION_RAISE).heightM() > 0,
            "a step earlier the braking stopped above the ground");
        double litAt = x[0];
        assertTrue(litAt > 500 && litAt < 10_000, "lit at " + litAt + " m");
        // there, a braking at half thrust stops at the ground; a step earlier it stopped above it
        assertEquals(0, plain.at(new double[] {x[0], 0, 0, x[3], 0, 0}, 30_000, BrakingGuidance.IGNITION_RAISE).heightM(), 2 + 0.1 * -x[3]);
    }

    /**
     * Falling straight down onto the point, the braking thrust points straight up and is the constant deceleration that
     * stops at the ground, g + v²/2h (to the 2 m the stop is solved to: 0.5 % here, at 800 m).
     */
    @Test
    void overThePointItBrakesStraightUpAtTheStoppingDeceleration() {
        BrakingGuidance b = new BrakingGuidance(VACUUM, (h, v) -> 0);
        double[] a = b.thrust(0, new double[] {800, 0, 0, -150, 0, 0}, 1000);
        double need = G + 150.0 * 150 / (2 * 800);
        assertEquals(need, a[0], need * 2 / 800 * (need - G) / need + 1e-9);
        assertEquals(0, a[1], 1e-12);
        assertEquals(0, a[2], 1e-12);
    }

    /**
     * Slow and off the point, the vertical descent leans towards it, within its limit: 10 m east and still, 50 m up at
     * 20 m/s down, it asks to drift back west and so thrusts west.
     */
    @Test
    void theDescentLeansBackTowardsThePointWithinItsLimit() {
        BrakingGuidance b = new BrakingGuidance(VACUUM, (h, v) -> 0);
        double[] a = b.thrust(0, new double[] {50, 10, 0, -20, 0, 0}, 1000);
        assertTrue(a[1] < 0, "east " + a[1]);
        assertEquals(0, a[2], 1e-12);
        double tilt = Math.toDegrees(Math.atan2(Math.hypot(a[1], a[2]), a[0]));
        assertTrue(tilt > 0 && tilt <= BrakingGuidance.DESCENT_TILT_DEG + 1e-9, tilt + "°");
        // the vertical part meets the ground at the touchdown speed: (20² − 1²)/(2 · 50) + g
        assertEquals((400.0 - 1) / 100 + G, a[0], 1e-9);
    }
}
