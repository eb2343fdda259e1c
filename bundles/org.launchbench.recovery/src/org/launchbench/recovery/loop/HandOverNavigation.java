package org.launchbench.recovery.loop;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.WhiteNoise;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.recovery.navigation.ErrorStateFilter;
import org.launchbench.recovery.navigation.NavigationEstimate;

/**
 * The flight software's navigation at the hand-over: converged since launch, off the truth by an error drawn from its
 * covariance (2 m and 0.1 m/s per axis, 1 mrad, the IMU grade's biases, scale factors and misalignments), its estimates
 * of the unit's own errors at zero.
 */
final class HandOverNavigation {

    private HandOverNavigation() {
    }

    /**
     * @param s    the truth at the hand-over
     * @param imu  the IMU's grade
     * @param seed the error's seed
     * @return the estimate
     */
    static NavigationEstimate drawn(RigidBodyState s, ImuErrors imu, long seed) {
        double[] sigma = new double[ErrorStateFilter.N];
        double[] head = {2, 2, 2, 0.1, 0.1, 0.1, 1e-3, 1e-3, 1e-3, imu.accelBiasMS2(), imu.accelBiasMS2(),
            imu.accelBiasMS2(), imu.gyroBiasRadS(), imu.gyroBiasRadS(), imu.gyroBiasRadS()};
        System.arraycopy(head, 0, sigma, 0, head.length);
        for (int i = 15; i < ErrorStateFilter.N; i++) {
            boolean diagonal = (i - 15) % 9 % 4 == 0;
            sigma[i] = i < 24 ? (diagonal ? imu.accelScaleFactor() : imu.accelMisalignmentRad())
                : (diagonal ? imu.gyroScaleFactor() : imu.gyroMisalignmentRad());
        }
        double[][] p = new double[ErrorStateFilter.N][ErrorStateFilter.N];
        WhiteNoise draw = new WhiteNoise(seed);
        double[] e = new double[ErrorStateFilter.N];
        for (int i = 0; i < ErrorStateFilter.N; i++) {
            p[i][i] = Math.max(sigma[i] * sigma[i], 1e-24);
            e[i] = sigma[i] * draw.nextGaussian();
        }
        // the biases and error matrices start at zero: the unit's own are unknown to it beyond their spread
        return new NavigationEstimate(s.timeS(), s.positionEciM().add(new Vector3D(e[0], e[1], e[2])),
            s.velocityEciMS().add(new Vector3D(e[3], e[4], e[5])),
            s.attitude().multiply(Quaternion.fromRotationVector(new Vector3D(e[6], e[7], e[8]))).normalized(),
            Vector3D.ZERO, Vector3D.ZERO, new double[3][3], new double[3][3], p);
    }
}
