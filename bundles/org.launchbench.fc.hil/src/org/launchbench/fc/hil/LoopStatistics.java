package org.launchbench.fc.hil;

import org.launchbench.fc.api.LinkStatistics;

/**
 * How a real-time loop kept time.
 *
 * @param rateHz          the loop's rate
 * @param cycles          cycles run
 * @param deadlineMisses  cycles that started more than a period late
 * @param latencyP50Us    median time from a cycle's sensor packets to the command answering them, µs (NaN: none)
 * @param latencyP99Us    99th percentile of that, µs
 * @param latencyMaxUs    the largest, µs
 * @param answered        cycles whose sensors were answered by a command
 * @param silentAt        simulation time the flight computer went silent, s (NaN when it never did)
 * @param sensorsRefused  sensor packets the link could not carry (a value outside its field's type)
 * @param link            the link's counts
 * @param timing          where the loop's own time went: its wake-ups and its work
 */
public record LoopStatistics(double rateHz, long cycles, long deadlineMisses, double latencyP50Us, double latencyP99Us, double latencyMaxUs,
                             long answered, double silentAt, long sensorsRefused, LinkStatistics link, CycleTiming timing) {

    /**
     * The loop thread's own time per cycle, µs: how late it woke for the cycle (from the cycle's due time to its start:
     * the scheduler's share, and the previous cycle's overrun), and how long the cycle's work took (the plant's step,
     * its sensors, encoding and sending).
     *
     * @param wakeP50Us  median lateness at the start
     * @param wakeP99Us  its 99th percentile
     * @param wakeMaxUs  the largest
     * @param workP50Us  median work
     * @param workP99Us  its 99th percentile
     * @param workMaxUs  the largest
     */
    public record CycleTiming(double wakeP50Us, double wakeP99Us, double wakeMaxUs, double workP50Us, double workP99Us, double workMaxUs) {
    }

    /** @return these statistics with the link's counts taken later */
    public LoopStatistics withLink(LinkStatistics later) {
        return new LoopStatistics(rateHz, cycles, deadlineMisses, latencyP50Us, latencyP99Us, latencyMaxUs, answered, silentAt, sensorsRefused,
            later, timing);
    }
}
