package org.launchbench.flight.sensors;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.WhiteNoise;

/**
 * An inertial measurement unit: the true specific force and angular rate in body axes become what a real unit reports
 * (the sensor error model of Groves, 2013, ch. 4): f̃ = b_a + (I + M_a) f + w_a and ω̃ = b_g + (I + M_g) ω + w_g, with M the
 * scale-factor (diagonal) and misalignment (off-diagonal) errors and b the fixed bias plus its random walk, drawn
 * from the seed at switch-on, and each output quantised to the unit's resolution. Sampled at its rate: the caller
 * asks once a period. Not thread-safe; one unit per flight.
 */
public final class Imu {

    private final ImuErrors errors;
    private final WhiteNoise noise;
    private final double[][] accelMatrix;
    private final double[][] gyroMatrix;
    private final double[] accelBias = new double[3];
    private final double[] gyroBias = new double[3];

    /** @param errors the unit's grade; @param seed its errors' seed (same seed, same unit, same outputs) */
    public Imu(ImuErrors errors, long seed) {
        this.errors = errors;
        this.noise = new WhiteNoise(seed);
        this.accelMatrix = errorMatrix(errors.accelScaleFactor(), errors.accelMisalignmentRad());
        this.gyroMatrix = errorMatrix(errors.gyroScaleFactor(), errors.gyroMisalignmentRad());
        for (int i = 0; i < 3; i++) {
            accelBias[i] = errors.accelBiasMS2() * noise.nextGaussian();
            gyroBias[i] = errors.gyroBiasRadS() * noise.nextGaussian();
        }
    }

    private double[][] errorMatrix(double scale, double misalignment) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = (i == j ? 1 + scale * noise.nextGaussian() : misalignment * noise.nextGaussian());
            }
        }
        return m;
    }

    /** @return the grade */
    public ImuErrors errors() {
        return errors;
    }

    /** @return the accelerometers' bias now (the truth the navigation estimates), m/s² */
    public Vector3D accelBiasMS2() {
        return new Vector3D(accelBias);
    }

    /** @return the gyros' bias now, rad/s */
    public Vector3D gyroBiasRadS() {
        return new Vector3D(gyroBias);
    }

    /** @return the accelerometers' scale-factor and misalignment errors M_a (the truth navigation estimates) */
    public double[][] accelErrorMatrix() {
        return minusIdentity(accelMatrix);
    }

    /** @return the gyros' M_g */
    public double[][] gyroErrorMatrix() {
        return minusIdentity(gyroMatrix);
    }

    private static double[][] minusIdentity(double[][] m) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = m[i][j] - (i == j ? 1 : 0);
            }
        }
        return out;
    }

    /**
     * @param t                   time, s
     * @param specificForceBody   the true specific force, body axes, m/s²
     * @param angularRateBody     the true angular velocity relative to inertial space, body axes, rad/s
     * @return what the unit reports; its biases then walk one period
     */
    public ImuSample measure(double t, Vector3D specificForceBody, Vector3D angularRateBody) {
        double dt = errors.periodS();
        double[] f = specificForceBody.toArray();
        double[] w = angularRateBody.toArray();
        double[] fm = new double[3];
        double[] wm = new double[3];
        for (int i = 0; i < 3; i++) {
            double fi = accelBias[i] + errors.velocityRandomWalkMSPerRootS() / Math.sqrt(dt) * noise.nextGaussian();
            double wi = gyroBias[i] + errors.angleRandomWalkRadPerRootS() / Math.sqrt(dt) * noise.nextGaussian();
            for (int j = 0; j < 3; j++) {
                fi += accelMatrix[i][j] * f[j];
                wi += gyroMatrix[i][j] * w[j];
            }
            fm[i] = quantise(fi, errors.accelQuantumMS2());
            wm[i] = quantise(wi, errors.gyroQuantumRadS());
        }
        for (int i = 0; i < 3; i++) {
            accelBias[i] += errors.accelBiasWalkMS2PerRootS() * Math.sqrt(dt) * noise.nextGaussian();
            gyroBias[i] += errors.gyroBiasWalkRadSPerRootS() * Math.sqrt(dt) * noise.nextGaussian();
        }
        return new ImuSample(t, new Vector3D(fm), new Vector3D(wm));
    }

    private static double quantise(double x, double quantum) {
        return quantum > 0 ? quantum * Math.rint(x / quantum) : x;
    }
}
