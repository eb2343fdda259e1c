package org.launchbench.recovery.descent;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * The landing zone's frame, in which a landing is guided: [up, east, north] from the zone's centre, velocities
 * relative to the ground (as {@link DescentProblem} takes them). Immutable.
 *
 * @param earth    the Earth
 * @param zoneEcef the zone's centre, Earth-fixed, m
 * @param up       its vertical, Earth-fixed, unit
 * @param east     its east, unit
 * @param north    its north, unit
 */
public record LandingFrame(EarthModel earth, Vector3D zoneEcef, Vector3D up, Vector3D east, Vector3D north) {

    /** @param earth the Earth; @param zone the zone's centre; @return its frame */
    public static LandingFrame at(EarthModel earth, EarthModel.Geodetic zone) {
        return new LandingFrame(earth, earth.ecef(zone), zone.up(), zone.east(), zone.north());
    }

    /**
     * @param t  time, s
     * @param rI inertial position, m
     * @param vI inertial velocity, m/s
     * @return {up, east, north, v_up, v_east, v_north} relative to the zone and the ground
     */
    public double[] local(double t, Vector3D rI, Vector3D vI) {
        Vector3D rf = earth.toFixed(t, rI);
        Vector3D vf = earth.toFixed(t, vI).subtract(Vector3D.crossProduct(earth.rotation(), rf));
        Vector3D d = rf.subtract(zoneEcef);
        return new double[] {Vector3D.dotProduct(d, up), Vector3D.dotProduct(d, east), Vector3D.dotProduct(d, north),
            Vector3D.dotProduct(vf, up), Vector3D.dotProduct(vf, east), Vector3D.dotProduct(vf, north)};
    }

    /** @param t time, s; @param upC, eastC, northC components in this frame; @return the vector, inertial */
    public Vector3D inertial(double t, double upC, double eastC, double northC) {
        return earth.toInertial(t, new Vector3D(upC, up, eastC, east, northC, north));
    }

    /** @return the gravity felt at the zone along its vertical (gravitation less the centrifugal), m/s², positive down */
    public double effectiveGravity() {
        Vector3D w = earth.rotation();
        Vector3D effective = earth.gravity(zoneEcef).subtract(Vector3D.crossProduct(w, Vector3D.crossProduct(w, zoneEcef)));
        return -Vector3D.dotProduct(effective, up);
    }
}
