package org.launchbench.trajectory.ascent;

import java.util.List;

import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.flight.FlightSample;
import org.launchbench.trajectory.dynamics.Steering;

/**
 * A flown ascent.
 *
 * @param events      the timeline, in time order
 * @param history     the time history
 * @param cutoffTime  final upper-stage cut-off (orbit insertion), s after liftoff
 * @param cutoffState inertial state at cut-off {x, y, z, vx, vy, vz, m} (frame: x at the prime meridian at liftoff)
 * @param kickAngle   the pitch-over angle the ascent needed, rad
 * @param insertion   how the last stage reached the orbit (never AUTO)
 * @param burns       the last stage's burns as flown, in order (what {@link AscentSimulator#replay} flies again)
 * @param booster     the first stage after separation, flown in the same run: ballistic (no burns) to its apogee and
 *                    to the ground; null when the ascent was not flown with it (replays)
 * @param propellantLeftKg the last stage's usable propellant left at orbit insertion, kg (0 for a solid stage burned to
 *                    depletion; NaN for a replay): what a heavier payload would have used
 * @param planeChange the plane the last burn turned from the orbit before it, and its cost ({@link PlaneChange#NONE} for a
 *                    direct ascent, which has no orbit before its burn)
 */
public record AscentResult(List<FlightEvent> events, List<FlightSample> history, double cutoffTime, double[] cutoffState,
                           double kickAngle, AscentProfile.Insertion insertion, List<Burn> burns, Booster booster,
                           double propellantLeftKg, PlaneChange planeChange) {

    /**
     * The separated first stage's flight.
     *
     * @param events     booster-apogee, booster-impact (when it comes down within the hour)
     * @param history    its time history
     * @param finalTime  time of its last state, s
     * @param finalState its last state (at impact, if any) {x, y, z, vx, vy, vz, m}
     * @param separationTime  stage separation, s after liftoff
     * @param separationState its state then {x, y, z, vx, vy, vz, m} (where a recovery starts)
     */
    public record Booster(List<FlightEvent> events, List<FlightSample> history, double finalTime, double[] finalState,
                          double separationTime, double[] separationState) {
    }

    /** @return the last stage's guidance cycles over all its burns, the solves at ignition included */
    public int guidanceCycles() {
        return burns.stream().mapToInt(Burn::guidanceCycles).sum();
    }

    /**
     * One upper-stage burn as flown.
     *
     * @param ignition       ignition time, s
     * @param cutoff         cut-off time, s
     * @param steering       the steering flown (part by part where the closed loop corrected it)
     * @param guidanceCycles the guidance's cycles during the burn, the solve at ignition included
     */
    public record Burn(double ignition, double cutoff, Steering steering, int guidanceCycles) {
    }
}
