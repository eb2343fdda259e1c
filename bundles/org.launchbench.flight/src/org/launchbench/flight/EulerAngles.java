package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The 3-2-1 (yaw ψ, then pitch θ, then roll φ) Euler angles of body axes relative to local North-East-Down, the
 * convention of aircraft and of NASA's check-cases (NASA/TM-2015-218675 Vol. II p. 56; B. L. Stevens, F. L. Lewis,
 * Aircraft Control and Simulation, 3rd ed., eq. 1.3-20). Angles in radians.
 *
 * @param roll  φ, rad, in (-π, π]
 * @param pitch θ, rad, in [-π/2, π/2]
 * @param yaw   ψ, rad, in (-π, π]
 */
public record EulerAngles(double roll, double pitch, double yaw) {

    /**
     * @param bodyX body x in NED components (unit)
     * @param bodyY body y in NED components (unit)
     * @param bodyZ body z in NED components (unit)
     * @return the angles; at θ = ±90° roll and yaw are not separable and roll carries all of it
     */
    public static EulerAngles ofBodyAxesInNed(Vector3D bodyX, Vector3D bodyY, Vector3D bodyZ) {
        // rows of C_body<-NED are the body axes in NED: C[0][2] = -sin θ, C[1][2] = sin φ cos θ, C[2][2] = cos φ cos θ,
        // C[0][1] = cos θ sin ψ, C[0][0] = cos θ cos ψ
        double sinPitch = -bodyX.getZ();
        if (Math.abs(sinPitch) > 1 - 1e-12) {
            // nose straight up or down: roll and yaw turn about the same axis; yaw is set to 0 and roll carries the
            // angle, read from body y (at θ = ±90°, y_NED = (sin φ sin θ cos ψ - cos φ sin ψ, sin φ sin θ sin ψ + cos φ cos ψ, 0)
            // with ψ = 0 gives (±sin φ, cos φ, 0))
            double pitch = Math.copySign(Math.PI / 2, sinPitch);
            double roll = Math.atan2(Math.signum(sinPitch) * bodyY.getX(), bodyY.getY());
            return new EulerAngles(roll, pitch, 0);
        }
        double pitch = Math.asin(sinPitch);
        double roll = Math.atan2(bodyY.getZ(), bodyZ.getZ());
        double yaw = Math.atan2(bodyX.getY(), bodyX.getX());
        return new EulerAngles(roll, pitch, yaw);
    }

    /** @return body x in NED components */
    public Vector3D bodyXInNed() {
        double cp = Math.cos(pitch);
        return new Vector3D(cp * Math.cos(yaw), cp * Math.sin(yaw), -Math.sin(pitch));
    }

    /** @return body y in NED components */
    public Vector3D bodyYInNed() {
        double sr = Math.sin(roll);
        double cr = Math.cos(roll);
        double sp = Math.sin(pitch);
        double sy = Math.sin(yaw);
        double cy = Math.cos(yaw);
        return new Vector3D(sr * sp * cy - cr * sy, sr * sp * sy + cr * cy, sr * Math.cos(pitch));
    }

    /** @return body z in NED components */
    public Vector3D bodyZInNed() {
        double sr = Math.sin(roll);
        double cr = Math.cos(roll);
        double sp = Math.sin(pitch);
        double sy = Math.sin(yaw);
        double cy = Math.cos(yaw);
        return new Vector3D(cr * sp * cy + sr * sy, cr * sp * sy - sr * cy, cr * Math.cos(pitch));
    }
}
