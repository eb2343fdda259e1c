package org.launchbench.trajectory.dynamics;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The local vertical and horizontal directions at a position (geocentric: up along the position vector),
 * in the frame of the position, whose z axis is the Earth's rotation axis. Undefined exactly at a pole.
 *
 * @param up          unit vector along the position
 * @param north       unit horizontal vector towards the north pole
 * @param east        unit horizontal vector towards the east
 * @param cosLatitude cosine of the geocentric latitude
 */
public record LocalHorizontal(Vector3D up, Vector3D north, Vector3D east, double cosLatitude) {

    /** @param r a position (not on the rotation axis); @return the local directions there */
    public static LocalHorizontal at(Vector3D r) {
        Vector3D up = r.normalize();
        Vector3D towardsPole = Vector3D.PLUS_K.subtract(up.scalarMultiply(up.getZ()));
        Vector3D north = towardsPole.normalize();
        return new LocalHorizontal(up, north, Vector3D.crossProduct(north, up), towardsPole.getNorm());
    }

    /** @param azimuth rad clockwise from north; @return the unit horizontal vector along it */
    public Vector3D horizontal(double azimuth) {
        return new Vector3D(Math.cos(azimuth), north, Math.sin(azimuth), east);
    }
}
