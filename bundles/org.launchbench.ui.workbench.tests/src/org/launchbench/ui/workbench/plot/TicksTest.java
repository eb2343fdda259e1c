package org.launchbench.ui.workbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The plots' axes and line drawing, without a display. */
class TicksTest {

    /**
     * Heckbert, "Nice numbers for graph labels", Graphics Gems I (1990), p. 61: data from -0.3 to 7.1 with about five
     * ticks gives -2 to 8 by 2 (the range's nice number 10, over 4 intervals, rounds to 2).
     */
    @Test
    void heckbertsExampleGivesMinusTwoToEightByTwo() {
        Ticks t = Ticks.of(-0.3, 7.1, 5);
        assertEquals(-2, t.min(), 1e-12);
        assertEquals(8, t.max(), 1e-12);
        assertEquals(2, t.step(), 1e-12);
        assertArrayEquals(new double[] {-2, 0, 2, 4, 6, 8}, t.values(), 1e-12);
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTenAndCoverTheData() {
        double[][] cases = {{0, 100}, {0, 1}, {3.2, 3.9}, {-1234, 98765}, {0.001, 0.0042}, {417, 418}};
        for (double[] c : cases) {
            Ticks t = Ticks.of(c[0], c[1], 6);
            assertTrue(t.min() <= c[0] && t.max() >= c[1], java.util.Arrays.toString(c) + " " + t);
            double mantissa = t.step() / Math.pow(10, Math.floor(Math.log10(t.step())));
            assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9, t.toString());
            int n = t.values().length;
            assertTrue(n >= 3 && n <= 12, n + " ticks for " + java.util.Arrays.toString(c));
        }
        assertEquals("0.2", Ticks.of(0, 1, 6).label(0.2));
        assertEquals("20", Ticks.of(0, 100, 6).label(20));
    }

    @Test
    void aFlatSeriesGetsAnAxisAroundIt() {
        Ticks t = Ticks.of(5, 5, 5);
        assertTrue(t.min() < 5 && t.max() > 5, t.toString());
    }

    /** 10,000 points over 100 pixel columns: at most four coordinates a column, and a one-sample spike survives. */
    @Test
    void longSeriesAreDrawnAtScreenResolutionKeepingTheirPeaks() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 500.0);
        }
        y[5_000] = 10;
        Ticks xt = Ticks.of(0, n - 1, 6);
        Ticks yt = Ticks.of(-1, 10, 5);
        java.util.List<int[]> pieces = Polylines.screen(x, y, xt, yt, 0, 100, 0, 100);
        assertEquals(1, pieces.size());
        int[] pts = pieces.get(0);
        assertTrue(pts.length <= 4 * 101, pts.length + " coordinates");
        int top = Integer.MAX_VALUE;
        for (int i = 1; i < pts.length; i += 2) {
            top = Math.min(top, pts[i]);
        }
        // y = 10 is the axis' top (yt.max() = 10): pixel row 0
        assertEquals(0, top);
    }

    /** A point that is not finite breaks the line in two. */
    @Test
    void aGapBreaksTheLine() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 1, Double.NaN, 3, 4};
        java.util.List<int[]> pieces = Polylines.screen(x, y, Ticks.of(0, 4, 5), Ticks.of(0, 4, 5), 0, 400, 0, 400);
        assertEquals(2, pieces.size());
        assertEquals(4, pieces.get(0).length);
        assertEquals(4, pieces.get(1).length);
    }

    /** Ten values in five bars of equal width: the counts, and the outline closed at zero on both ends. */
    @Test
    void aHistogramCountsTheValuesInEqualBars() {
        double[] v = {0, 0.1, 1.2, 2.5, 2.6, 2.7, 3.9, 4.4, 4.9, 5.0};
        double[][] h = Polylines.histogram(v, 5);
        // bars of width 1 from 0 to 5: [0,1) 2, [1,2) 1, [2,3) 3, [3,4) 1, [4,5] 3 (the greatest value in the last bar)
        double[] counts = {h[1][1], h[1][3], h[1][5], h[1][7], h[1][9]};
        assertArrayEquals(new double[] {2, 1, 3, 1, 3}, counts, 0);
        assertEquals(0, h[1][0]);
        assertEquals(0, h[1][h[1].length - 1]);
        assertEquals(5, h[0][h[0].length - 1], 1e-12);
    }
}
