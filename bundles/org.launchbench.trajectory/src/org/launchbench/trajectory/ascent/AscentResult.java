package org.launchbench.trajectory.ascent;

import java.util.List;

import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.flight.FlightSample;
import org.launchbench.trajectory.guidance.LinearTangentSteering;

/**
 * A flown ascent.
 *
 * @param events      the timeline, in time order
 * @param history     the time history
 * @param cutoffTime  final upper-stage cut-off (orbit insertion), s after liftoff
 * @param cutoffState inertial state at cut-off {x, y, z, vx, vy, vz, m} (frame: x at the prime meridian at liftoff)
 * @param kickAngle   the pitch-over angle the ascent needed, rad
 * @param insertion   how the last stage reached the orbit (never AUTO)
 * @param burns       the last stage's burns as solved, in order (what {@link AscentSimulator#replay} flies again)
 */
public record AscentResult(List<FlightEvent> events, List<FlightSample> history, double cutoffTime, double[] cutoffState,
                           double kickAngle, AscentProfile.Insertion insertion, List<Burn> burns) {

    /**
     * One solved upper-stage burn.
     *
     * @param ignition ignition time, s
     * @param cutoff   cut-off time, s
     * @param steering the steering flown
     */
    public record Burn(double ignition, double cutoff, LinearTangentSteering steering) {
    }
}
