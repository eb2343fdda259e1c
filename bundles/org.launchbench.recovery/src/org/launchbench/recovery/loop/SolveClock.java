package org.launchbench.recovery.loop;

import java.util.Arrays;

/** The wall-clock time of the guidance's calls that solved, ms: what a flight reports of its guidance's cost. */
final class SolveClock {
    private double[] ms = new double[64];
    private int n;

    long start() {
        return System.nanoTime();
    }

    void stop(long start, boolean solved) {
        if (solved) {
            if (n == ms.length) {
                ms = Arrays.copyOf(ms, 2 * n);
            }
            ms[n++] = (System.nanoTime() - start) / 1e6;
        }
    }

    /** @param p percent (100: the longest) @return that percentile by nearest rank, ms (NaN: no solve) */
    double percentileMs(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(ms, n);
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * n) - 1)];
    }
}
