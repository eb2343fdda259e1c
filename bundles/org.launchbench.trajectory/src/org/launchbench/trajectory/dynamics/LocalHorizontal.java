package org.launchbench.trajectory.dynamics;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The local vertical and horizontal directions at a position (geocentric: up along the position vector; or
 * {@linkplain #geodetic geodetic}), in the frame of the position, whose z axis is the Earth's rotation axis. Undefined
 * exactly at a pole.
 *
 * @param up          unit vector along the position
 * @param north       unit horizontal vector towards the north pole
 * @param east        unit horizontal vector towards the east
 * @param cosLatitude cosine of the latitude (geocentric or geodetic, as the directions)
 */
public record LocalHorizontal(Vector3D up, Vector3D north, Vector3D east, double cosLatitude) {

    /** @param r a position (not on the rotation axis); @return the local directions there */
    public static LocalHorizontal at(Vector3D r) {
        Vector3D up = r.normalize();
        Vector3D towardsPole = Vector3D.PLUS_K.subtract(up.scalarMultiply(up.getZ()));
        Vector3D north = towardsPole.normalize();
        return new LocalHorizontal(up, north, Vector3D.crossProduct(north, up), towardsPole.getNorm());
    }

    /**
     * The local directions of the ellipsoid (geodetic: up along its normal, the direction a plumb line hangs at the pad,
     * since gravity and the Earth's rotation together are normal to it), in inertial axes. Geocentric up leans 0.16 deg
     * towards the equator at 28.6 deg of latitude (0.19 at 45): a vertical rise along it drifts sideways by as much as a
     * small pitch-over moves the vehicle east, enough to turn a due-east ascent well off its azimuth.
     *
     * @param earth the Earth
     * @param t     time, s (the Earth-fixed frame is the inertial one rotated by ω t)
     * @param r     inertial position (not on the rotation axis)
     * @return the geodetic local directions there
     */
    public static LocalHorizontal geodetic(EarthModel earth, double t, Vector3D r) {
        EarthModel.Geodetic g = earth.geodetic(earth.toFixed(t, r));
        double cosLat = Math.cos(g.latitude());
        double sinLat = Math.sin(g.latitude());
        double cosLon = Math.cos(g.longitude());
        double sinLon = Math.sin(g.longitude());
        Vector3D up = earth.toInertial(t, new Vector3D(cosLat * cosLon, cosLat * sinLon, sinLat));
        Vector3D north = earth.toInertial(t, new Vector3D(-sinLat * cosLon, -sinLat * sinLon, cosLat));
        Vector3D east = earth.toInertial(t, new Vector3D(-sinLon, cosLon, 0));
        return new LocalHorizontal(up, north, east, cosLat);
    }

    /** @param azimuth rad clockwise from north; @return the unit horizontal vector along it */
    public Vector3D horizontal(double azimuth) {
        return new Vector3D(Math.cos(azimuth), north, Math.sin(azimuth), east);
    }
}
