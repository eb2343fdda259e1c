package org.launchbench.trajectory.ascent;

import java.util.List;
import java.util.Locale;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;

/**
 * The plane an ascent turns at its last burn, and what that costs. A site cannot launch directly into a plane
 * inclined less than its latitude; a restartable last stage going to a transfer orbit flies a parking orbit in the
 * lowest plane the site reaches (due east) and turns the plane at the node, in the perigee burn that raises the apogee
 * ({@link AscentProfile.Insertion#NODE}): the geostationary transfer orbits flown from the Cape at 27 deg, where
 * the site is at 28.5 deg.
 * <p>
 * The cost of turning the plane in that burn is the law of cosines on the burn's velocities, less the coplanar burn
 * (Curtis, Orbital Mechanics for Engineering Students, 3rd ed., 2014, section 6.12, "combined plane change and
 * speed change"): Δv = √(v₁² + v₂² − 2 v₁ v₂ cos Δi) − |v₂ − v₁|.
 *
 * @param angleDeg   the angle between the orbit's plane before the last burn and after it, degrees (0 for a burn
 *                   with no orbit before it)
 * @param deltaVMs   what turning the plane cost over the same burn in the plane, m/s (impulsive)
 */
public record PlaneChange(double angleDeg, double deltaVMs) {

    /** No plane turned. */
    public static final PlaneChange NONE = new PlaneChange(0, 0);

    /** A target orbit whose apogee is this far above its perigee is a transfer orbit, m (its perigee burn can turn it). */
    static final double MIN_TRANSFER_SPAN = 1_000_000;

    /**
     * @param before the state at the last burn's ignition {x, y, z, vx, vy, vz, ...}
     * @param after  the state at its cut-off
     * @return the plane turned between them and its cost
     */
    static PlaneChange between(double[] before, double[] after) {
        Vector3D r1 = new Vector3D(before[0], before[1], before[2]);
        Vector3D v1 = new Vector3D(before[3], before[4], before[5]);
        Vector3D r2 = new Vector3D(after[0], after[1], after[2]);
        Vector3D v2 = new Vector3D(after[3], after[4], after[5]);
        double angle = Vector3D.angle(Vector3D.crossProduct(r1, v1), Vector3D.crossProduct(r2, v2));
        double s1 = v1.getNorm();
        double s2 = v2.getNorm();
        double combined = Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - 2 * s1 * s2 * Math.cos(angle)));
        return new PlaneChange(Math.toDegrees(angle), combined - Math.abs(s2 - s1));
    }

    /**
     * @param siteLatitude the site's geodetic latitude, rad
     * @param target       the orbit
     * @return whether its plane is inclined less than the site's latitude (no direct ascent reaches it)
     */
    public static boolean needed(double siteLatitude, InsertionTarget target) {
        return target.inclination() < Math.abs(siteLatitude);
    }

    /**
     * @param vehicle the vehicle
     * @param target  the orbit
     * @return whether the vehicle turns the plane at the node: its last stage relights, and the orbit is a transfer
     *         orbit whose perigee burn can turn it
     */
    public static boolean possible(LaunchVehicle vehicle, InsertionTarget target) {
        List<Stage> stages = vehicle.getStages();
        Stage upper = stages.get(stages.size() - 1);
        boolean restartable = upper.getEngines().stream().allMatch(c -> c.getEngine() != null && c.getEngine().getRestarts() > 0);
        return restartable && stages.size() > 1 && target.apogeeRadius() - target.perigeeRadius() >= MIN_TRANSFER_SPAN;
    }

    /**
     * Refuses an insertion chosen on the command line that cannot reach the target's plane: any but {@code node} (or
     * auto) below the site's latitude, and {@code node} where the vehicle cannot turn the plane at the node.
     *
     * @param chosen       the insertion asked for ({@code AUTO}: nothing to check)
     * @param vehicle      the vehicle
     * @param siteLatitude the site's geodetic latitude, rad
     * @param target       the orbit
     * @param source       where the choice came from, for the message (null: not known)
     * @throws InvalidInputException naming {@code --insertion}
     */
    public static void check(AscentProfile.Insertion chosen, LaunchVehicle vehicle, double siteLatitude, InsertionTarget target,
                             String source) {
        String where = String.format(Locale.ROOT, " (%.2f deg from latitude %.2f deg)", Math.toDegrees(target.inclination()),
            Math.toDegrees(siteLatitude));
        if (chosen != AscentProfile.Insertion.AUTO && chosen != AscentProfile.Insertion.NODE && needed(siteLatitude, target)) {
            throw InvalidInputException.because("cannot reach an inclination below the site's latitude").source(source)
                .element("--insertion").value(chosen.label() + where)
                .allowed("node (or auto): the plane turned at the node, for a transfer orbit with a restartable last stage").build();
        }
        if (chosen == AscentProfile.Insertion.NODE && !possible(vehicle, target)) {
            throw InvalidInputException.because("needs a restartable last stage and a transfer orbit (apogee 1,000 km or more above"
                + " perigee), whose perigee burn is made at the node").source(source).element("--insertion").value("node" + where)
                .allowed("auto, direct, parking, coast").build();
        }
    }

    /**
     * The inclination of the plane the lower stages fly into: the target's, or, where the site cannot reach it and the
     * vehicle turns the plane at the node, the lowest the site reaches (its latitude: due east).
     *
     * @param vehicle      the vehicle
     * @param siteLatitude the site's geodetic latitude, rad
     * @param target       the orbit
     * @return rad
     */
    public static double ascentInclination(LaunchVehicle vehicle, double siteLatitude, InsertionTarget target) {
        // the geodetic latitude: a due-east ascent's plane is inclined at about the geocentric one (0.17 deg less at the
        // Cape), which the parking burn's steering reaches; the node burn turns the rest (about 2.6 m/s more at the Cape)
        return needed(siteLatitude, target) && possible(vehicle, target) ? Math.abs(siteLatitude) : target.inclination();
    }
}
