package org.launchbench.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Gaussian source's first, second and fourth moments and lag-one correlation over N = 2²⁰ draws, each within
 * four standard errors of a standard normal white sequence: mean of x SE 1/√N, of x² SE √(2/N), of x⁴ SE √(96/N)
 * (E x⁸ − (E x⁴)² = 105 − 9), lag-one correlation SE 1/√N.
 */
class WhiteNoiseTest {

    @Test
    void drawsAreStandardNormalAndUncorrelated() {
        int n = 1 << 20;
        WhiteNoise noise = new WhiteNoise(123);
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        double lag = 0;
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double x = noise.nextGaussian();
            s1 += x;
            s2 += x * x;
            s4 += x * x * x * x;
            lag += x * previous;
            previous = x;
        }
        assertEquals(0, s1 / n, 4 / Math.sqrt(n));
        assertEquals(1, s2 / n, 4 * Math.sqrt(2.0 / n));
        assertEquals(3, s4 / n, 4 * Math.sqrt(96.0 / n));
        assertEquals(0, lag / n, 4 / Math.sqrt(n));
    }
}
