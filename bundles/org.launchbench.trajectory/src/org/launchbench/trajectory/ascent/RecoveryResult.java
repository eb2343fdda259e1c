package org.launchbench.trajectory.ascent;

import java.util.List;

import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.flight.FlightSample;

/**
 * How a recovery ended.
 *
 * @param outcome                    landed, crashed or expended
 * @param reason                     why it crashed (null when it landed or was expended)
 * @param missDistance               horizontal distance of the touchdown (or impact) from the zone's centre, m
 * @param east                       touchdown east of the centre, m
 * @param north                      touchdown north of the centre, m
 * @param touchdownVerticalSpeed     downward speed at touchdown, m/s (relative to the ground)
 * @param touchdownHorizontalSpeed   horizontal speed at touchdown, m/s
 * @param propellantRemaining        usable propellant left, kg
 * @param burns                      the burns flown, in order
 * @param events                     the stage's timeline from separation
 * @param history                    its time history (empty when not recorded)
 * @param landingIgnitionMargin      the landing-burn ignition altitude above the lowest one full thrust could still
 *                                   stop from (1-D, no drag), m; NaN when there was no landing burn
 * @param peakDynamicPressure        the largest dynamic pressure between the entry burn and the landing burn, Pa
 * @param guidanceSolves             cone programs the landing guidance solved
 * @param touchdownTiltDeg           the stage's axis from the local vertical at touchdown, deg (NaN: a point mass has none)
 * @param touchdownAngularRateDegS   its angular rate relative to the ground at touchdown, deg/s (NaN: a point mass)
 * @param software                   what the flight software in the loop did and how close its actuators came to their
 *                                   limits (null: no flight software flew the landing, as in the point-mass recovery)
 */
public record RecoveryResult(Outcome outcome, String reason, double missDistance, double east, double north,
                             double touchdownVerticalSpeed, double touchdownHorizontalSpeed, double propellantRemaining,
                             List<Burn> burns, List<FlightEvent> events, List<FlightSample> history,
                             double landingIgnitionMargin, double peakDynamicPressure, int guidanceSolves, double touchdownTiltDeg,
                             double touchdownAngularRateDegS, FlightSoftware software) {

    /**
     * The flight software's landing: its actuators' use, its navigation's error and its guidance's cost.
     *
     * @param maxGimbalDeg              the largest gimbal angle on either axis, deg
     * @param gimbalLimitDeg            the gimbals' limit, deg
     * @param maxFinDeflectionDeg       the largest grid-fin deflection, deg
     * @param finLimitDeg               the fins' limit, deg (NaN: no fins)
     * @param rcsPropellantKg           propellant the RCS thrusters spent, kg
     * @param rcsPropellantCapacityKg   what they carry, kg (the plant does not run them dry: a use above it is a
     *                                  flight the hardware could not fly)
     * @param navigationErrorAtTouchdownM |estimate − truth| of the position at touchdown, m
     * @param navigationEastM           its horizontal part east (estimate − truth), m: where the flight software believed
     *                                  it landed is the touchdown plus this
     * @param navigationNorthM          its part north, m
     * @param navigationNees            the navigation's normalised estimation error squared of position and velocity
     *                                  at touchdown (six states; its mean over a campaign is χ²(6 N) / N when the filter
     *                                  is consistent)
     * @param guidanceSolves            the guidance's solves
     * @param solveTimeP50Ms            their median wall-clock time, ms (NaN: none)
     * @param solveTimeP99Ms            their 99th percentile, ms
     * @param solveTimeMaxMs            the longest, ms
     */
    public record FlightSoftware(double maxGimbalDeg, double gimbalLimitDeg, double maxFinDeflectionDeg, double finLimitDeg,
                                 double rcsPropellantKg, double rcsPropellantCapacityKg, double navigationErrorAtTouchdownM, double navigationEastM,
                                 double navigationNorthM, double navigationNees, int guidanceSolves, double solveTimeP50Ms,
                                 double solveTimeP99Ms, double solveTimeMaxMs) {
    }

    /** How the stage ended. */
    public enum Outcome {
        /** On its legs, in the zone, within the legs' touchdown limits. */
        LANDED,
        /** Anything else that reached the ground. */
        CRASHED,
        /** No recovery planned. */
        EXPENDED;

        /** @return the JSON spelling */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One burn.
     *
     * @param name             boostback, entry or landing
     * @param ignitionTime     s after liftoff
     * @param ignitionAltitude above the landing zone, m
     * @param duration         s
     * @param propellant       kg
     */
    public record Burn(String name, double ignitionTime, double ignitionAltitude, double duration, double propellant) {
    }
}
