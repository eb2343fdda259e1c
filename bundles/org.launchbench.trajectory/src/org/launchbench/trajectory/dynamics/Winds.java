package org.launchbench.trajectory.dynamics;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/** Winds aloft: the air's velocity relative to the ground, as a function of position. */
public interface Winds {

    /** No wind. */
    Winds CALM = g -> Vector3D.ZERO;

    /**
     * @param position geodetic position
     * @return wind velocity in the Earth-fixed frame, m/s
     */
    Vector3D at(EarthModel.Geodetic position);

    /**
     * A horizontal wind the same everywhere, given by its components.
     *
     * @param eastMS  the air's velocity east over the ground, m/s
     * @param northMS the same north, m/s
     * @return the wind field
     */
    static Winds horizontal(double eastMS, double northMS) {
        return g -> new Vector3D(eastMS, g.east(), northMS, g.north());
    }

    /**
     * A horizontal wind that blows from one direction at a speed depending on height only.
     *
     * @param fromAzimuthDeg direction the wind blows from, degrees clockwise from north
     * @param speedAt        speed against height above the ellipsoid, m/s
     * @return the wind field
     */
    static Winds fromDirection(double fromAzimuthDeg, java.util.function.DoubleUnaryOperator speedAt) {
        double az = Math.toRadians(fromAzimuthDeg);
        return g -> {
            double speed = speedAt.applyAsDouble(g.height());
            // blowing towards az + 180 deg: north and east components in the local horizontal plane
            double north = -speed * Math.cos(az);
            double east = -speed * Math.sin(az);
            return new Vector3D(east, g.east(), north, g.north());
        };
    }
}
