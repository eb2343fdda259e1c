package org.launchbench.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A long command's progress on standard error: runs done, their rate and the time left, a line at most every
 * {@value #INTERVAL_S} s and none for a command that ends sooner, so that standard output stays the result's alone.
 * Thread-safe: campaign runs end on worker threads.
 */
public final class ProgressLine {

    /** Seconds between two lines (and before the first). */
    public static final double INTERVAL_S = 2;

    private final PrintStream err;
    private final String what;
    private final long total;
    private long last = System.nanoTime();
    private long first;
    private long done;

    /**
     * @param err   standard error
     * @param what  the command, as the line starts
     * @param total runs in all
     */
    public ProgressLine(PrintStream err, String what, long total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    /**
     * Counts one run done, and prints a line when one is due. The rate is measured from the first run's end, so that a
     * campaign's set-up (an ascent, a cluster's members setting it up) does not make the time left look longer.
     */
    public synchronized void tick() {
        done++;
        long now = System.nanoTime();
        if (done == 1) {
            first = now;
        }
        if ((now - last) / 1e9 < INTERVAL_S || (now - first) / 1e9 < 1 || done >= total) {
            return;
        }
        last = now;
        double rate = (done - 1) / ((now - first) / 1e9);
        err.printf(Locale.ROOT, "%s: %d of %d runs, %.1f runs/s, about %s left%n", what, done, total, rate, duration((total - done) / rate));
        err.flush();
    }

    /** @return seconds as the line says them: "40 s", "3 min 20 s", "2 h 5 min" */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
