package org.launchbench.recovery.navigation;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.Quaternion;

/**
 * What navigation believes at one instant, and how sure it is.
 *
 * @param timeS            s
 * @param positionEciM     centre of mass, ECI, m
 * @param velocityEciMS    inertial velocity, m/s
 * @param attitude         body to ECI
 * @param accelBiasMS2     the accelerometers' bias, body axes, m/s²
 * @param gyroBiasRadS     the gyros' bias, body axes, rad/s
 * @param accelErrorMatrix the accelerometers' scale-factor (diagonal) and misalignment (off-diagonal) errors M_a, the
 *                         measurement being b_a + (I + M_a) f
 * @param gyroErrorMatrix  the gyros' M_g
 * @param covariance       of the error state {δp, δv, δθ, δb_a, δb_g, δM_a, δM_g} (33 × 33, SI; δθ the attitude error in
 *                         body axes, the truth being this attitude turned by it; the matrices row by row)
 */
public record NavigationEstimate(double timeS, Vector3D positionEciM, Vector3D velocityEciMS, Quaternion attitude, Vector3D accelBiasMS2,
                                 Vector3D gyroBiasRadS, double[][] accelErrorMatrix, double[][] gyroErrorMatrix, double[][] covariance) {

    /**
     * @param i an error-state index (0-2 position, 3-5 velocity, 6-8 attitude, 9-11 and 12-14 biases, 15-23 and 24-32 the
     *          error matrices)
     * @return its sigma
     */
    public double sigma(int i) {
        return Math.sqrt(covariance[i][i]);
    }
}
