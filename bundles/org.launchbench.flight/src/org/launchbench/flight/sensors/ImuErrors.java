package org.launchbench.flight.sensors;

/**
 * The error figures of an inertial measurement unit (one-sigma values; each axis independent), in the model of Groves,
 * <i>Principles of GNSS, Inertial, and Multisensor Integrated Navigation Systems</i>, 2nd ed., 2013, ch. 4: a fixed bias
 * drawn at switch-on, a bias random walk (its in-run instability), scale-factor and misalignment errors drawn at
 * switch-on, white noise (velocity and angle random walk) and quantisation of each sample.
 *
 * @param accelBiasMS2               accelerometer fixed bias, m/s²
 * @param accelBiasWalkMS2PerRootS   accelerometer bias random walk, m/s² per √s
 * @param velocityRandomWalkMSPerRootS accelerometer white noise, m/s per √s (its density: the sample's sigma is this / √dt)
 * @param accelScaleFactor           accelerometer scale-factor error, fraction
 * @param accelMisalignmentRad       accelerometer axis misalignment, rad
 * @param accelQuantumMS2            accelerometer output resolution, m/s² (0: none)
 * @param gyroBiasRadS               gyro fixed bias, rad/s
 * @param gyroBiasWalkRadSPerRootS   gyro bias random walk, rad/s per √s
 * @param angleRandomWalkRadPerRootS gyro white noise, rad per √s
 * @param gyroScaleFactor            gyro scale-factor error, fraction
 * @param gyroMisalignmentRad        gyro axis misalignment, rad
 * @param gyroQuantumRadS            gyro output resolution, rad/s (0: none)
 * @param rateHz                     samples per second
 */
public record ImuErrors(double accelBiasMS2, double accelBiasWalkMS2PerRootS, double velocityRandomWalkMSPerRootS,
                        double accelScaleFactor, double accelMisalignmentRad, double accelQuantumMS2, double gyroBiasRadS,
                        double gyroBiasWalkRadSPerRootS, double angleRandomWalkRadPerRootS, double gyroScaleFactor,
                        double gyroMisalignmentRad, double gyroQuantumRadS, double rateHz) {

    private static final double G0 = 9.80665;
    private static final double DEG_PER_H = Math.toRadians(1) / 3600;

    /**
     * A tactical-grade unit, the grade launch vehicles fly: values within the tactical-grade ranges of Groves (2013,
     * ch. 4: accelerometer bias 1 to 10 mg, gyro bias 1 to 100 deg/h, angle random walk 0.05 to 0.5 deg/√h, scale
     * factor and misalignment of the order of 1e-4 to 1e-3): 1 mg and 1 deg/h fixed biases, 0.05 mg and 0.1 deg/h of
     * in-run instability over a minute, 0.1 m/s/√h and 0.1 deg/√h random walks, 300 ppm and 0.3 mrad, at 200 Hz.
     */
    public static final ImuErrors TACTICAL = new ImuErrors(1e-3 * G0, 0.05e-3 * G0 / Math.sqrt(60), 0.1 / 60, 300e-6, 0.3e-3,
        1e-4, 1 * DEG_PER_H, 0.1 * DEG_PER_H / Math.sqrt(60), Math.toRadians(0.1) / 60, 300e-6, 0.3e-3, 1e-6, 200);

    /** A perfect unit at 200 Hz: the truth, sampled. */
    public static final ImuErrors PERFECT = new ImuErrors(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 200);

    /** Checks the figures: every error non-negative and finite, the rate positive. */
    public ImuErrors {
        double[] all = {accelBiasMS2, accelBiasWalkMS2PerRootS, velocityRandomWalkMSPerRootS, accelScaleFactor, accelMisalignmentRad,
            accelQuantumMS2, gyroBiasRadS, gyroBiasWalkRadSPerRootS, angleRandomWalkRadPerRootS, gyroScaleFactor, gyroMisalignmentRad,
            gyroQuantumRadS};
        for (double x : all) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("an IMU error figure is negative or not finite: " + x);
            }
        }
        if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("an IMU's rate must be positive: " + rateHz);
        }
    }

    /** @param hz samples per second; @return the same unit sampled at that rate */
    public ImuErrors atRate(double hz) {
        return new ImuErrors(accelBiasMS2, accelBiasWalkMS2PerRootS, velocityRandomWalkMSPerRootS, accelScaleFactor, accelMisalignmentRad,
            accelQuantumMS2, gyroBiasRadS, gyroBiasWalkRadSPerRootS, angleRandomWalkRadPerRootS, gyroScaleFactor, gyroMisalignmentRad,
            gyroQuantumRadS, hz);
    }

    /** @return the interval between samples, s */
    public double periodS() {
        return 1 / rateHz;
    }
}
