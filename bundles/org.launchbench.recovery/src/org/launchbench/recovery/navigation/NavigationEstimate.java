package org.launchbench.recovery.navigation;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
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

    /**
     * The normalised estimation error squared of the position and velocity (Bar-Shalom, Li and Kirubarajan,
     * <i>Estimation with Applications to Tracking and Navigation</i>, 2001, §5.4.2): e<sup>T</sup> P<sup>−1</sup> e over
     * the six states, e = estimate − truth, P their block of the covariance. For a consistent filter its mean over
     * Monte Carlo runs is χ²(6 N) / N.
     *
     * @param truePositionEciM  the truth's position, ECI, m
     * @param trueVelocityEciMS the truth's inertial velocity, m/s
     * @return the NEES (NaN when the block is not positive definite)
     */
    public double positionVelocityNees(Vector3D truePositionEciM, Vector3D trueVelocityEciMS) {
        Vector3D dp = positionEciM.subtract(truePositionEciM);
        Vector3D dv = velocityEciMS.subtract(trueVelocityEciMS);
        double[] e = {dp.getX(), dp.getY(), dp.getZ(), dv.getX(), dv.getY(), dv.getZ()};
        RealMatrix p = new Array2DRowRealMatrix(6, 6);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                // symmetrised: the filter's products leave rounding asymmetry the decomposition would refuse
                p.setEntry(i, j, 0.5 * (covariance[i][j] + covariance[j][i]));
            }
        }
        try {
            double[] x = new CholeskyDecomposition(p, 1e-12, 0).getSolver().solve(new ArrayRealVector(e)).toArray();
            double s = 0;
            for (int i = 0; i < 6; i++) {
                s += e[i] * x[i];
            }
            return s;
        } catch (org.hipparchus.exception.MathIllegalArgumentException notPositive) {
            return Double.NaN;
        }
    }
}
