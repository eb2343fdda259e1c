package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The state of a rigid body at one instant, in the Earth-centred inertial frame (ECI: the Earth-fixed frame
 * frozen at t = 0, z along the rotation axis).
 *
 * @param timeS               time since the start, s
 * @param positionEciM        centre of mass, m
 * @param velocityEciMS       inertial velocity of the centre of mass, m/s
 * @param attitude            rotation from body axes to ECI
 * @param bodyRatesInertialRadS angular velocity relative to inertial space, in body axes (p, q, r), rad/s
 * @param massKg              mass, kg
 */
public record RigidBodyState(double timeS, Vector3D positionEciM, Vector3D velocityEciMS, Quaternion attitude,
                             Vector3D bodyRatesInertialRadS, double massKg) {

    /** The length of {@link #toArray()}: position 3, velocity 3, quaternion 4, rates 3, mass 1. */
    public static final int SIZE = 14;

    /** @return the state as the integrator's vector */
    public double[] toArray() {
        return new double[] {positionEciM.getX(), positionEciM.getY(), positionEciM.getZ(), velocityEciMS.getX(),
            velocityEciMS.getY(), velocityEciMS.getZ(), attitude.w(), attitude.x(), attitude.y(), attitude.z(),
            bodyRatesInertialRadS.getX(), bodyRatesInertialRadS.getY(), bodyRatesInertialRadS.getZ(), massKg};
    }

    /**
     * @param t time, s
     * @param y the integrator's vector; its quaternion is normalised here, so a state always holds a rotation
     * @return the state
     */
    public static RigidBodyState ofArray(double t, double[] y) {
        return new RigidBodyState(t, new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5]),
            new Quaternion(y[6], y[7], y[8], y[9]).normalized(), new Vector3D(y[10], y[11], y[12]), y[13]);
    }
}
