package org.launchbench.constellation;

import java.time.Instant;

import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * A vehicle flying from a site at a cadence: the launch opportunities a deployment can use.
 *
 * @param vehicle           vehicle id (the catalog's)
 * @param vehicleName       for reports
 * @param site              launch site id
 * @param position          the site's geodetic position
 * @param dispenser         the payload adapter or dispenser used (id)
 * @param satellites        satellites a launch carries: the dispenser's limit, or fewer when the payload mass limits it
 * @param payload           payload mass to the insertion orbit, kg (the vehicle's capability, dispenser included)
 * @param cadenceDays       days between launches
 * @param firstLaunch       the first opportunity (a date: the launch instant is set by the window that day)
 * @param maxLaunches       opportunities at most
 * @param cost              cost of a launch in the spec's currency unit (NaN when not given)
 * @param separationMinutes time from liftoff to the satellites' separation, min
 * @param northbound        whether the site may launch on the planes' northbound (ascending) pass
 * @param southbound        whether it may launch on the southbound (descending) pass
 * @param planeSatellites   per plane, the satellites a launch into it carries (null: {@code satellites} for every plane);
 *                          0 where the launcher cannot serve the plane
 * @param planeNorthbound   per plane, the northbound pass allowed (null: {@code northbound} for every plane)
 * @param planeSouthbound   per plane, the southbound pass allowed (null: {@code southbound} for every plane)
 */
public record Launcher(String vehicle, String vehicleName, String site, EarthModel.Geodetic position, String dispenser, int satellites,
                       double payload, double cadenceDays, Instant firstLaunch, int maxLaunches, double cost, double separationMinutes,
                       boolean northbound, boolean southbound, int[] planeSatellites, boolean[] planeNorthbound, boolean[] planeSouthbound) {

    /** A launcher alike for every plane. */
    public Launcher(String vehicle, String vehicleName, String site, EarthModel.Geodetic position, String dispenser, int satellites,
                    double payload, double cadenceDays, Instant firstLaunch, int maxLaunches, double cost, double separationMinutes,
                    boolean northbound, boolean southbound) {
        this(vehicle, vehicleName, site, position, dispenser, satellites, payload, cadenceDays, firstLaunch, maxLaunches, cost,
            separationMinutes, northbound, southbound, null, null, null);
    }

    /** @return the satellites a launch into that plane carries (0: it cannot serve the plane) */
    public int satellitesFor(int plane) {
        return planeSatellites == null ? satellites : planeSatellites[plane];
    }

    /** @return whether the northbound pass into that plane is allowed */
    public boolean northboundFor(int plane) {
        return planeNorthbound == null ? northbound : planeNorthbound[plane];
    }

    /** @return whether the southbound pass into that plane is allowed */
    public boolean southboundFor(int plane) {
        return planeSouthbound == null ? southbound : planeSouthbound[plane];
    }

    /** A launcher whose site may launch on either pass. */
    public Launcher(String vehicle, String vehicleName, String site, EarthModel.Geodetic position, String dispenser, int satellites,
                    double payload, double cadenceDays, Instant firstLaunch, int maxLaunches, double cost, double separationMinutes) {
        this(vehicle, vehicleName, site, position, dispenser, satellites, payload, cadenceDays, firstLaunch, maxLaunches, cost,
            separationMinutes, true, true, null, null, null);
    }
}
