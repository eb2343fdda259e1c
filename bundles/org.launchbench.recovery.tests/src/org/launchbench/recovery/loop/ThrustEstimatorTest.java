package org.launchbench.recovery.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The measured thrust's filter, on constant samples where its response is a closed form. */
class ThrustEstimatorTest {

    /**
     * Engines giving 3 % more than a 600 kN model at 30 t (20 m/s² modelled), in air pushing 15 m/s² along the axis: the
     * accelerometers read 15 + 20.6 m/s², and the estimate moves to 1.03 as a first-order filter of 1 s at 100 Hz,
     * 1 + 0.03 (1 − (1 − 0.01)^n): 63.4 % of the way after 1 s, 99.3 % after 5 s (to 1e-12: the recursion is exact).
     */
    @Test
    void itMovesToTheMeasuredRatioAsAOneSecondFilter() {
        ThrustEstimator e = new ThrustEstimator();
        for (int n = 1; n <= 500; n++) {
            e.update(15 + 20 * 1.03, 15, 600_000, 30_000, 0.01);
            if (n == 100 || n == 500) {
                assertEquals(1 + 0.03 * (1 - Math.pow(0.99, n)), e.factor(), 1e-12, "after " + n + " samples");
            }
        }
    }

    /**
     * Engines off or starting (under 2 m/s² modelled) teach it nothing, and a reading beyond 30 % either way (an engine
     * lost out of one is a failure, not an error to trim) is held at 30 %.
     */
    @Test
    void itIgnoresEnginesOffAndHoldsItsRange() {
        ThrustEstimator e = new ThrustEstimator();
        e.update(50, 0, 30_000, 30_000, 0.01);
        assertEquals(1, e.factor(), 0);
        for (int n = 0; n < 2000; n++) {
            e.update(0, 0, 600_000, 30_000, 0.01);
        }
        assertEquals(0.7, e.factor(), 1e-6);
    }
}
