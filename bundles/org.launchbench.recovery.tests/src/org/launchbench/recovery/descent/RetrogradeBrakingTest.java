package org.launchbench.recovery.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The retrograde braking in vacuum with no propellant flow, where a vertical stop is the closed form v²/(2(a − g)). */
class RetrogradeBrakingTest {

    private static final double G = VacuumStage.G;

    /** Braking from 20 m/s² (raise 0) to 60 m/s² (raise 1) at 1 t; no drag, no flow. */
    private static final RetrogradeBraking.Stage VACUUM = new VacuumStage(20, 60_000);

    /**
     * From 2 km at 250 m/s straight down the stop needs 250²/(2 · 2000) + g = 25.43 m/s², a raise of 0.1356; found by
     * regula falsi to a stop within 2 m of the ground. The stop's height moves by v²/(2(a − g)²) · 40 m/s² = 5,100 m
     * per unit of raise there, so 2 m is a raise within 0.0004.
     */
    @Test
    void theThrustThatStopsAtTheGroundIsTheClosedForms() {
        double need = 250.0 * 250 / (2 * 2000) + G;
        double raise = (need - 20) / 40;
        RetrogradeBraking.Stop stop = new RetrogradeBraking(VACUUM).toTheGround(new double[] {2000, 0, 0, -250, 0, 0}, 1000);
        assertEquals(raise, stop.raise(), 4e-4);
        assertTrue(Math.abs(stop.heightM()) <= RetrogradeBraking.STOP_TOLERANCE_M, "stops at " + stop.heightM() + " m");
    }

    /**
     * At a fixed thrust the stop's height is the closed form, and below the ground it is continued by the deceleration
     * at the ground: from 2 km at 250 m/s, 20 m/s² stops 3,064 m down (1,064 m below the ground); the continuation
     * gives that, but for where the step that crosses the ground is cut: linearly in its height, whose curvature over
     * the 0.5 s step at 10.2 m/s² puts the chord 0.3 m off it, 0.0025 s of the 130 m/s fall, which moves the continued
     * stop by v δv / a = 0.3 m.
     */
    @Test
    void theStopsHeightIsContinuedBelowTheGround() {
        RetrogradeBraking b = new RetrogradeBraking(VACUUM);
        RetrogradeBraking.Stop low = b.at(new double[] {2000, 0, 0, -250, 0, 0}, 1000, 0);
        assertEquals(2000 - 250.0 * 250 / (2 * (20 - G)), low.heightM(), 0.4);
        assertEquals(Math.sqrt(250.0 * 250 - 2 * (20 - G) * 2000), low.speedMS(), 0.03);
        RetrogradeBraking.Stop full = b.at(new double[] {2000, 0, 0, -250, 0, 0}, 1000, 1);
        assertEquals(0, full.speedMS(), 0);
        // the last step's cut at the deceleration at its start is exact for a constant one
        assertEquals(2000 - 250.0 * 250 / (2 * (60 - G)), full.heightM(), 1e-6);
    }
}
