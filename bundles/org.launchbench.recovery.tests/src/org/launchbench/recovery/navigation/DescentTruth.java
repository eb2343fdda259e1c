package org.launchbench.recovery.navigation;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.Quaternion;
import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * A known descent for testing navigation: above a zone at 28.5° N, 80.6° W, in the zone's frame, the height falls
 * from 4 km at 100 m/s decelerating at 3 m/s², the stage weaves east (200 m at 0.2 rad/s) and drifts north at
 * 20 m/s, while it turns at a constant (0.02, 0.05, −0.03) rad/s in body axes. Position, velocity and acceleration are
 * exact (the Earth's rotation included: a_I = C (a_E + 2 ω × v_E + ω × (ω × r_E))), so the IMU's inputs are too.
 */
final class DescentTruth {

    static final EarthModel EARTH = EarthModel.WGS84;
    static final EarthModel.Geodetic ZONE = new EarthModel.Geodetic(Math.toRadians(28.5), Math.toRadians(-80.6), 0);
    static final Vector3D ZONE_ECEF = EARTH.ecef(ZONE);
    static final Vector3D UP = ZONE.up();
    static final Vector3D EAST = ZONE.east();
    static final Vector3D NORTH = ZONE.north();
    static final Vector3D BODY_RATE = new Vector3D(0.02, 0.05, -0.03);
    static final Quaternion Q0 = Quaternion.fromRotationVector(new Vector3D(0.3, -1.2, 0.5));

    private DescentTruth() {
    }

    /** @return {height, east, north} and their first and second derivatives in the zone's frame */
    private static double[][] local(double t) {
        return new double[][] {{4000 - 100 * t + 1.5 * t * t, 300 + 200 * Math.sin(0.2 * t), -500 + 20 * t},
            {-100 + 3 * t, 40 * Math.cos(0.2 * t), 20}, {3, -8 * Math.sin(0.2 * t), 0}};
    }

    private static Vector3D frame(double[] hen) {
        return new Vector3D(hen[0], UP, hen[1], EAST, hen[2], NORTH);
    }

    static Vector3D positionEcef(double t) {
        return ZONE_ECEF.add(frame(local(t)[0]));
    }

    static Vector3D velocityEcef(double t) {
        return frame(local(t)[1]);
    }

    static double height(double t) {
        return local(t)[0][0];
    }

    static Vector3D positionEci(double t) {
        return EARTH.toInertial(t, positionEcef(t));
    }

    static Vector3D velocityEci(double t) {
        return EARTH.toInertial(t, velocityEcef(t).add(Vector3D.crossProduct(EARTH.rotation(), positionEcef(t))));
    }

    static Vector3D accelerationEci(double t) {
        Vector3D w = EARTH.rotation();
        Vector3D r = positionEcef(t);
        Vector3D aE = frame(local(t)[2]).add(Vector3D.crossProduct(w, velocityEcef(t)).scalarMultiply(2))
            .add(Vector3D.crossProduct(w, Vector3D.crossProduct(w, r)));
        return EARTH.toInertial(t, aE);
    }

    static Quaternion attitude(double t) {
        return Q0.multiply(Quaternion.fromRotationVector(BODY_RATE.scalarMultiply(t))).normalized();
    }

    /** @return the true specific force in body axes, m/s² */
    static Vector3D specificForceBody(double t) {
        Vector3D r = positionEci(t);
        return attitude(t).toBody(accelerationEci(t).subtract(EARTH.gravity(r)));
    }
}
