package org.launchbench.trajectory.ascent;

import java.util.List;

import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.flight.FlightSample;

/**
 * A flown ascent.
 *
 * @param events      the timeline, in time order
 * @param history     the time history
 * @param cutoffTime  final upper-stage cut-off (orbit insertion), s after liftoff
 * @param cutoffState inertial state at cut-off {x, y, z, vx, vy, vz, m} (frame: x at the prime meridian at liftoff)
 * @param kickAngle   the pitch-over angle the ascent needed, rad
 * @param insertion   how the last stage reached the orbit (never AUTO)
 */
public record AscentResult(List<FlightEvent> events, List<FlightSample> history, double cutoffTime, double[] cutoffState,
                           double kickAngle, AscentProfile.Insertion insertion) {
}
