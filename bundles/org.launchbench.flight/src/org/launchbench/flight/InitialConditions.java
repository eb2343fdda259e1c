package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * A body's starting state as NASA's check-cases and flight engineers give it: geodetic position, Earth-relative
 * velocity in local NED, 3-2-1 Euler angles from NED to body, and body rates relative to inertial space or to the
 * rotating Earth (NASA/TM-2015-218675 Vol. II p. 56). The start is t = 0, when ECI and ECEF coincide.
 *
 * @param latitudeDeg      geodetic latitude, deg
 * @param longitudeDeg     longitude, deg
 * @param altitudeM        height above the ellipsoid, m
 * @param velocityNedMS    Earth-relative velocity, local NED, m/s
 * @param eulerDeg         [roll, pitch, yaw], deg
 * @param bodyRatesDegS    body rates (p, q, r), deg/s
 * @param ratesRelativeToEarth true if the rates are relative to the rotating Earth, false if to inertial space
 */
public record InitialConditions(double latitudeDeg, double longitudeDeg, double altitudeM, Vector3D velocityNedMS,
                                EulerAngles eulerDeg, Vector3D bodyRatesDegS, boolean ratesRelativeToEarth) {

    /**
     * @param earth  the Earth the body starts over
     * @param massKg its mass, kg
     * @return the inertial state at t = 0
     */
    public RigidBodyState toState(EarthModel earth, double massKg) {
        EarthModel.Geodetic g = new EarthModel.Geodetic(Math.toRadians(latitudeDeg), Math.toRadians(longitudeDeg), altitudeM);
        Vector3D r = earth.ecef(g);
        Vector3D n = g.north();
        Vector3D e = g.east();
        Vector3D d = g.up().negate();
        Vector3D relative = ned(velocityNedMS, n, e, d);
        Vector3D v = relative.add(Vector3D.crossProduct(earth.rotation(), r));
        EulerAngles rad = new EulerAngles(Math.toRadians(eulerDeg.roll()), Math.toRadians(eulerDeg.pitch()),
            Math.toRadians(eulerDeg.yaw()));
        Quaternion q = Quaternion.fromAxes(ned(rad.bodyXInNed(), n, e, d), ned(rad.bodyYInNed(), n, e, d), ned(rad.bodyZInNed(), n, e, d));
        Vector3D w = bodyRatesDegS.scalarMultiply(Math.PI / 180);
        if (ratesRelativeToEarth) {
            w = w.add(q.toBody(earth.rotation()));
        }
        return new RigidBodyState(0, r, v, q, w, massKg);
    }

    private static Vector3D ned(Vector3D v, Vector3D n, Vector3D e, Vector3D d) {
        return new Vector3D(v.getX(), n, v.getY(), e, v.getZ(), d);
    }
}
