package org.launchbench.trajectory.guidance;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.dynamics.LocalHorizontal;
import org.launchbench.trajectory.dynamics.Steering;

/**
 * Linear-tangent steering in the target orbit plane: the thrust's pitch above the local horizontal follows
 * tan θ = A - B (t - t0), the fuel-optimal law for a vacuum burn in a uniform field (Bryson &amp; Ho, Applied
 * Optimal Control, 1975, section 2.7; the basis of Saturn's Iterative Guidance Mode). The horizontal component
 * lies in the plane of the target inclination through the vehicle's position (ascending or descending pass as
 * the vehicle flies), yawed out of it in proportion to the velocity still out of that plane over the velocity
 * still to be gained (a cross-range feedback that nulls the out-of-plane velocity by cut-off).
 *
 * @param a            tan θ at ignition
 * @param b            rate of change of tan θ, 1/s
 * @param ignition     ignition time t0, s
 * @param inclination  target inclination, rad
 * @param throttle     throttle setting while burning (fraction of full thrust)
 * @param mu           gravitational parameter, m³/s²
 * @param targetEnergy specific orbital energy at cut-off, J/kg
 */
public record LinearTangentSteering(double a, double b, double ignition, double inclination, double throttle,
                                    double mu, double targetEnergy) implements Steering {

    /** Floor of the velocity to be gained in the yaw feedback, m/s: keeps the yaw bounded near cut-off. */
    static final double MIN_VELOCITY_TO_GAIN = 150;
    /**
     * Gain of the cross-range feedback: with gain k the out-of-plane velocity falls as the k-th power of the velocity
     * still to gain, so 2 leaves a quarter of what gain 1 leaves when the burn is short (a kick stage's few hundred
     * m/s against a plane error the lower stages left).
     */
    static final double YAW_GAIN = 2;
    /** Largest yaw out of the plane (sine). */
    static final double MAX_YAW_SINE = 0.5;

    @Override
    public double throttle(double t, Vector3D r, Vector3D v, double mass) {
        return throttle;
    }

    @Override
    public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
        Vector3D up = r.normalize();
        Vector3D horizontal = planeHorizontal(up, v, inclination);
        Vector3D normal = Vector3D.crossProduct(up, horizontal);
        double outOfPlane = Vector3D.dotProduct(v, normal);
        double targetSpeed = Math.sqrt(Math.max(0, 2 * (targetEnergy + mu / r.getNorm())));
        double toGain = Math.max(MIN_VELOCITY_TO_GAIN, targetSpeed - v.getNorm());
        double yaw = Math.max(-MAX_YAW_SINE, Math.min(MAX_YAW_SINE, -YAW_GAIN * outOfPlane / toGain));
        Vector3D heading = new Vector3D(Math.sqrt(1 - yaw * yaw), horizontal, yaw, normal);
        double tanTheta = a - b * (t - ignition);
        double cos = 1 / Math.sqrt(1 + tanTheta * tanTheta);
        return new Vector3D(cos, heading, tanTheta * cos, up);
    }

    /**
     * The local horizontal direction, in the plane of inclination i through the position, closest to the
     * current direction of motion.
     *
     * @param up          unit position vector
     * @param v           velocity
     * @param inclination target inclination, rad
     * @return unit horizontal direction
     */
    static Vector3D planeHorizontal(Vector3D up, Vector3D v, double inclination) {
        LocalHorizontal local = LocalHorizontal.at(up);
        double s = Math.cos(inclination) / local.cosLatitude();
        if (Math.abs(s) > 1) {
            // the plane cannot pass over this latitude: fly as close to it as possible (due east or west)
            s = Math.signum(s);
        }
        double c = Math.sqrt(1 - s * s);
        // same sense of north-south motion as now
        double sign = Vector3D.dotProduct(v, local.north()) >= 0 ? 1 : -1;
        return new Vector3D(sign * c, local.north(), s, local.east()).normalize();
    }
}
