package org.launchbench.recovery.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.WhiteNoise;
import org.launchbench.flight.sensors.GnssErrors;
import org.launchbench.flight.sensors.GnssFix;
import org.launchbench.flight.sensors.GnssReceiver;
import org.launchbench.flight.sensors.Imu;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.flight.sensors.RadarAltimeter;

/** The error-state filter on a known descent ({@link DescentTruth}). */
class ErrorStateFilterTest {

    private static final double DURATION = 40;

    /** One flight's outcome: the ensemble statistics need the NEES at each whole second and the errors at the end. */
    private record Run(double[] nees, double[] finalError, double[] finalSigma, double[] positionSigma, double[] positionError) {
    }

    /** 5 m, 0.5 m/s and 2 mrad per axis, the grade's fixed biases, scale factors and misalignments. */
    private static double[][] initialCovariance(ImuErrors imu) {
        double[] sigma = new double[ErrorStateFilter.N];
        double[] head = {5, 5, 5, 0.5, 0.5, 0.5, 2e-3, 2e-3, 2e-3, imu.accelBiasMS2(), imu.accelBiasMS2(), imu.accelBiasMS2(),
            imu.gyroBiasRadS(), imu.gyroBiasRadS(), imu.gyroBiasRadS()};
        System.arraycopy(head, 0, sigma, 0, head.length);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sigma[ErrorStateFilter.MA + 3 * i + j] = i == j ? imu.accelScaleFactor() : imu.accelMisalignmentRad();
                sigma[ErrorStateFilter.MG + 3 * i + j] = i == j ? imu.gyroScaleFactor() : imu.gyroMisalignmentRad();
            }
        }
        double[][] p = new double[ErrorStateFilter.N][ErrorStateFilter.N];
        for (int i = 0; i < ErrorStateFilter.N; i++) {
            // a perfect unit's errors are known exactly; the covariance stays invertible
            p[i][i] = Math.max(sigma[i] * sigma[i], 1e-24);
        }
        return p;
    }

    /** Error = estimate − truth, the attitude's as the rotation from the estimate to the truth (body axes). */
    private static double[] error(NavigationEstimate e, double t, Imu imu) {
        Vector3D dp = e.positionEciM().subtract(DescentTruth.positionEci(t));
        Vector3D dv = e.velocityEciMS().subtract(DescentTruth.velocityEci(t));
        Vector3D dth = e.attitude().conjugate().multiply(DescentTruth.attitude(t)).rotationVector().negate();
        Vector3D dba = e.accelBiasMS2().subtract(imu.accelBiasMS2());
        Vector3D dbg = e.gyroBiasRadS().subtract(imu.gyroBiasRadS());
        double[] out = new double[ErrorStateFilter.N];
        double[] head = {dp.getX(), dp.getY(), dp.getZ(), dv.getX(), dv.getY(), dv.getZ(), dth.getX(), dth.getY(), dth.getZ(),
            dba.getX(), dba.getY(), dba.getZ(), dbg.getX(), dbg.getY(), dbg.getZ()};
        System.arraycopy(head, 0, out, 0, head.length);
        double[][] ma = imu.accelErrorMatrix();
        double[][] mg = imu.gyroErrorMatrix();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[ErrorStateFilter.MA + 3 * i + j] = e.accelErrorMatrix()[i][j] - ma[i][j];
                out[ErrorStateFilter.MG + 3 * i + j] = e.gyroErrorMatrix()[i][j] - mg[i][j];
            }
        }
        return out;
    }

    private static double nees(double[] e, double[][] p) {
        double[][] inv = MatrixUtils.inverse(new Array2DRowRealMatrix(p)).getData();
        double s = 0;
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e.length; j++) {
                s += e[i] * inv[i][j] * e[j];
            }
        }
        return s;
    }

    private static double[][] offBy(double[][] m, double[] e, int from) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = m[i][j] + e[from + 3 * i + j];
            }
        }
        return out;
    }

    /**
     * Flies the descent: the IMU at its rate, GNSS fixes at theirs delivered after their latency, the radar at 20 Hz;
     * the filter starts off the truth by an error drawn from its own initial covariance.
     */
    private static Run fly(long seed, ImuErrors grade, List<GnssReceiver.Outage> outages, boolean aided, boolean startOff) {
        Imu imu = new Imu(grade, seed);
        GnssReceiver gnss = new GnssReceiver(GnssErrors.SINGLE_FREQUENCY, outages, seed + 1_000_000);
        RadarAltimeter radar = RadarAltimeter.landing(seed + 2_000_000);
        double[][] p0 = initialCovariance(grade);
        WhiteNoise draw = new WhiteNoise(seed + 3_000_000);
        double[] e0 = new double[ErrorStateFilter.N];
        for (int i = 0; i < e0.length; i++) {
            e0[i] = startOff ? Math.sqrt(p0[i][i]) * draw.nextGaussian() : 0;
        }
        Quaternion q0 = DescentTruth.attitude(0).multiply(Quaternion.fromRotationVector(new Vector3D(e0[6], e0[7], e0[8])).conjugate());
        NavigationEstimate start = new NavigationEstimate(0, DescentTruth.positionEci(0).add(new Vector3D(e0[0], e0[1], e0[2])),
            DescentTruth.velocityEci(0).add(new Vector3D(e0[3], e0[4], e0[5])), q0,
            imu.accelBiasMS2().add(new Vector3D(e0[9], e0[10], e0[11])), imu.gyroBiasRadS().add(new Vector3D(e0[12], e0[13], e0[14])),
            offBy(imu.accelErrorMatrix(), e0, ErrorStateFilter.MA), offBy(imu.gyroErrorMatrix(), e0, ErrorStateFilter.MG), p0);
        ErrorStateFilter filter = new ErrorStateFilter(DescentTruth.EARTH, ErrorStateFilter.Tuning.of(grade), start);
        double dt = grade.periodS();
        int steps = (int) Math.round(DURATION / dt);
        int perFix = (int) Math.round(grade.rateHz() / GnssErrors.SINGLE_FREQUENCY.rateHz());
        int perRadar = (int) Math.round(grade.rateHz() / 20);
        int perSecond = (int) Math.round(grade.rateHz());
        ArrayDeque<GnssFix> pending = new ArrayDeque<>();
        double[] nees = new double[(int) DURATION];
        double[] positionSigma = new double[(int) DURATION];
        double[] positionError = new double[(int) DURATION];
        for (int k = 0; k <= steps; k++) {
            double t = k * dt;
            filter.propagate(imu.measure(t, DescentTruth.specificForceBody(t), DescentTruth.BODY_RATE));
            if (aided) {
                if (k % perFix == 0) {
                    gnss.measure(t, DescentTruth.positionEcef(t), DescentTruth.velocityEcef(t)).ifPresent(pending::addLast);
                }
                while (!pending.isEmpty() && pending.peekFirst().availableAtS() <= t + 1e-9) {
                    filter.updateGnss(pending.removeFirst(), GnssErrors.SINGLE_FREQUENCY);
                }
                if (k % perRadar == 0) {
                    Optional<Double> h = radar.measure(DescentTruth.height(t));
                    if (h.isPresent()) {
                        filter.updateHeight(h.get(), radar.sigmaM(h.get()), DescentTruth.ZONE_ECEF, DescentTruth.UP);
                    }
                }
            }
            if (k > 0 && k % perSecond == 0) {
                NavigationEstimate e = filter.estimate();
                double[] er = error(e, t, imu);
                nees[k / perSecond - 1] = nees(er, e.covariance());
                positionSigma[k / perSecond - 1] = Math.sqrt(e.covariance()[0][0] + e.covariance()[1][1] + e.covariance()[2][2]);
                positionError[k / perSecond - 1] = Math.sqrt(er[0] * er[0] + er[1] * er[1] + er[2] * er[2]);
            }
        }
        NavigationEstimate end = filter.estimate();
        double[] sigma = new double[ErrorStateFilter.N];
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = end.sigma(i);
        }
        return new Run(nees, error(end, steps * dt, imu), sigma, positionSigma, positionError);
    }

    /**
     * The strapdown equations alone (a perfect IMU, the truth to start from, no aiding): the mean of consecutive samples
     * and the attitude at mid-interval make the integration second order, so halving the step divides the 40 s drift by
     * 4 (3 to 5 allows for the higher-order terms); at 200 Hz the drift is a tenth of a millimetre.
     */
    @Test
    void theStrapdownEquationsAreSecondOrderInTheirStep() {
        double[] e200 = fly(1, ImuErrors.PERFECT, List.of(), false, false).finalError();
        double[] e400 = fly(1, ImuErrors.PERFECT.atRate(400), List.of(), false, false).finalError();
        double d200 = Math.sqrt(e200[0] * e200[0] + e200[1] * e200[1] + e200[2] * e200[2]);
        double d400 = Math.sqrt(e400[0] * e400[0] + e400[1] * e400[1] + e400[2] * e400[2]);
        assertTrue(d200 < 1e-3, "drift " + d200 + " m");
        assertTrue(d200 / d400 > 3 && d200 / d400 < 5, d200 + " / " + d400);
    }

    /**
     * Consistency (Bar-Shalom, Li and Kirubarajan, <i>Estimation with Applications to Tracking and Navigation</i>, 2001,
     * §5.4.2): over 100 descents with the tactical IMU (every error of its grade), each started off the truth by an
     * error drawn from the filter's own initial covariance, the mean normalised estimation error squared of the 33
     * error states is χ²(3300)/100 at each second if the filter is consistent. All 40 seconds must lie in the two-sided
     * band whose family-wise level is 5 % by Bonferroni (each second at 0.125 %: 30.44 to 35.68), which holds whatever
     * the seconds' correlation. Measured: 32.3 to 33.8, inside even each second's own 95 % band (31.43 to 34.61).
     */
    @Test
    void theFilterIsConsistentOverAHundredDescents() {
        int runs = 100;
        double[] mean = new double[(int) DURATION];
        for (int r = 0; r < runs; r++) {
            double[] nees = fly(r, ImuErrors.TACTICAL, List.of(), true, true).nees();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += nees[i] / runs;
            }
        }
        double z = 3.2272184; // the normal quantile at 1 - 0.05 / 80 (scipy.stats.norm.ppf)
        double low = ChiSquare.quantile(-z, ErrorStateFilter.N * runs) / runs;
        double high = ChiSquare.quantile(z, ErrorStateFilter.N * runs) / runs;
        // scipy.stats.chi2.ppf(0.05 / 80 and 1 - 0.05 / 80, 3300) / 100
        assertEquals(30.44081, low, 1e-3);
        assertEquals(35.68472, high, 1e-3);
        for (int i = 0; i < mean.length; i++) {
            assertTrue(mean[i] >= low && mean[i] <= high, "at " + (i + 1) + " s: " + mean[i]);
        }
    }

    /**
     * A 15 s GNSS outage (10 to 25 s; the radar still reads the height): the position's uncertainty more than doubles
     * while the filter coasts on the IMU, and falls back by more than half within a second of the first fix; the true
     * error stays inside three times the uncertainty throughout (a three-dimensional Gaussian error passes that at
     * one instant with odds between 1 in 370, all the uncertainty on one axis, and 1 in 170,000, spread evenly).
     */
    @Test
    void aGnssOutageGrowsTheUncertaintyAndTheErrorStaysInsideIt() {
        Run run = fly(7, ImuErrors.TACTICAL, List.of(new GnssReceiver.Outage(10, 25)), true, true);
        double[] sigma = run.positionSigma();
        assertTrue(sigma[24] > 2 * sigma[9], sigma[9] + " m at 10 s, " + sigma[24] + " m at 25 s");
        assertTrue(sigma[25] < 0.5 * sigma[24], sigma[24] + " m at 25 s, " + sigma[25] + " m at 26 s");
        for (int i = 0; i < sigma.length; i++) {
            assertTrue(run.positionError()[i] < 3 * sigma[i], "at " + (i + 1) + " s: " + run.positionError()[i] + " m against " + sigma[i]);
        }
    }

    /** The same seeds fly the same estimate, to the bit. */
    @Test
    void aSeedReproducesItsFlight() {
        assertEquals(java.util.Arrays.toString(fly(3, ImuErrors.TACTICAL, List.of(), true, true).finalError()),
            java.util.Arrays.toString(fly(3, ImuErrors.TACTICAL, List.of(), true, true).finalError()));
    }
}
