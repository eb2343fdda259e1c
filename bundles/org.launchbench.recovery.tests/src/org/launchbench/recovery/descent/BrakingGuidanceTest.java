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
     * Slow and off the point, the vertical descent leans towards it, at most 10°: 10 m east and still, 50 m up at
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
