package org.launchbench.trajectory.ascent;

/**
 * The open-loop part of an ascent.
 *
 * @param riseTime                     vertical rise before the pitch-over, s
 * @param kickDuration                 duration of the pitch-over, s
 * @param upperStageFlightPathAngleDeg flight-path angle (relative to the ground) at which the last stage should
 *                                     ignite, degrees; the pitch-over angle is solved to meet it
 * @param sampleInterval               time-history interval, s
 */
public record AscentProfile(double riseTime, double kickDuration, double upperStageFlightPathAngleDeg, double sampleInterval) {

    /** A rise of 10 s, a 10 s pitch-over, the last stage igniting at 20 degrees, samples every second. */
    public static final AscentProfile DEFAULT = new AscentProfile(10, 10, 20, 1);
}
