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
 */
public record LoopStatistics(double rateHz, long cycles, long deadlineMisses, double latencyP50Us, double latencyP99Us, double latencyMaxUs,
                             long answered, double silentAt, long sensorsRefused, LinkStatistics link) {
}
