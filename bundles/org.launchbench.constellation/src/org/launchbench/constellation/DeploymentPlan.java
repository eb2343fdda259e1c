package org.launchbench.constellation;

import java.time.Instant;
import java.util.List;

/**
 * A deployment: the launches, each satellite's way to its slot, each plane's completion.
 *
 * @param design     the constellation
 * @param strategy   how satellites reach their slots
 * @param objective  what the planner preferred
 * @param launches   in date order
 * @param satellites one per slot, by plane then slot
 * @param planes     one per plane, by index
 * @param totals     the summary
 */
public record DeploymentPlan(ConstellationDesign design, Strategy strategy, Objective objective, List<Launch> launches,
                             List<SatellitePlan> satellites, List<PlaneCompletion> planes, Totals totals) {

    /**
     * One launch.
     *
     * @param index          0-based, in date order
     * @param launcher       vehicle and site
     * @param time           liftoff, when the site passes under the insertion plane that day
     * @param ascendingPass  true when launched on the plane's northbound pass over the site
     * @param satellites     satellites carried
     * @param targetPlane    the plane it is launched into (drifting satellites go on to the next ones)
     * @param planes         the planes its satellites fill, with how many each, in drift order
     * @param insertionRaan  the insertion orbit's node at liftoff, rad
     * @param insertionAltitude m (the parking altitude when drifting)
     * @param insertionInclination rad (the plane's plus the strategy's offset when drifting)
     */
    public record Launch(int index, Launcher launcher, Instant time, boolean ascendingPass, int satellites, int targetPlane,
                         List<Group> planes, double insertionRaan, double insertionAltitude, double insertionInclination) {
    }

    /**
     * Satellites of one launch bound for one plane.
     *
     * @param plane      the plane's index
     * @param satellites how many
     * @param driftDays  how long they wait in the parking orbit before raising
     */
    public record Group(int plane, int satellites, double driftDays) {
    }

    /**
     * One satellite's way to its slot.
     *
     * @param plane       plane index
     * @param slot        slot index in the plane
     * @param launch      the launch's index
     * @param separation  when it separates from the launcher
     * @param driftDays   waiting in the parking orbit, days
     * @param raiseDays   raising to the operational altitude, days
     * @param phasingDays moving along the plane to its slot, days
     * @param onStation   when it is in its slot
     * @param deltaV      m/s (raise and phasing)
     * @param propellant  kg
     */
    public record SatellitePlan(int plane, int slot, int launch, Instant separation, double driftDays, double raiseDays,
                                double phasingDays, Instant onStation, double deltaV, double propellant) {
    }

    /**
     * @param plane     the plane
     * @param launches  launches that put satellites into it
     * @param complete  when its last satellite is on station
     */
    public record PlaneCompletion(Plane plane, int launches, Instant complete) {
    }

    /**
     * @param satellites     deployed
     * @param launches       flown
     * @param start          the first liftoff
     * @param complete       the last satellite on station
     * @param daysToComplete from the design's epoch to completion, days
     * @param maxDeltaV      the largest Δv a satellite needs, m/s
     * @param maxPropellant  the largest propellant mass a satellite needs, kg
     * @param maxDriftDays   the longest drift, days
     * @param cost           sum of the launches' costs (NaN when a launcher has none)
     */
    public record Totals(int satellites, int launches, Instant start, Instant complete, double daysToComplete, double maxDeltaV,
                         double maxPropellant, double maxDriftDays, double cost) {
    }
}
