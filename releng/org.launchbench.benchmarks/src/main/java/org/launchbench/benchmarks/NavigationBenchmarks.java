package org.launchbench.benchmarks;

import java.util.concurrent.TimeUnit;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.sensors.GnssErrors;
import org.launchbench.flight.sensors.GnssFix;
import org.launchbench.flight.sensors.Imu;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.recovery.navigation.ErrorStateFilter;
import org.launchbench.recovery.navigation.NavigationEstimate;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The navigation filter's cost: 40 s of a stage hovering over a pad (the cost does not depend on the path), a
 * tactical IMU at 200 Hz (8,000 propagations of the 33-state covariance), GNSS fixes at 10 Hz (400 six-row updates)
 * and radar heights at 20 Hz (800 one-row updates).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class NavigationBenchmarks {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final EarthModel.Geodetic PAD = new EarthModel.Geodetic(Math.toRadians(28.5), Math.toRadians(-80.6), 0);

    @Benchmark
    public NavigationEstimate fortySecondsOfNavigation() {
        Vector3D padEcef = EARTH.ecef(PAD);
        Vector3D hoverEcef = padEcef.add(1000, PAD.up());
        double[][] p0 = new double[ErrorStateFilter.N][ErrorStateFilter.N];
        double[] sigma = {5, 5, 5, 0.5, 0.5, 0.5, 2e-3, 2e-3, 2e-3, 1e-2, 1e-2, 1e-2, 5e-6, 5e-6, 5e-6};
        for (int i = 0; i < ErrorStateFilter.N; i++) {
            p0[i][i] = i < sigma.length ? sigma[i] * sigma[i] : 3e-4 * 3e-4;
        }
        Vector3D r0 = EARTH.toInertial(0, hoverEcef);
        Vector3D v0 = Vector3D.crossProduct(EARTH.rotation(), r0);
        ErrorStateFilter filter = new ErrorStateFilter(EARTH, ErrorStateFilter.Tuning.of(ImuErrors.TACTICAL),
            new NavigationEstimate(0, r0, v0, Quaternion.IDENTITY, Vector3D.ZERO, Vector3D.ZERO, new double[3][3], new double[3][3], p0));
        Imu imu = new Imu(ImuErrors.TACTICAL, 1);
        // hovering: the specific force holds the stage against gravity and the centripetal pull (approximately)
        Vector3D f = Quaternion.IDENTITY.toBody(EARTH.gravity(r0).negate());
        Vector3D w = new Vector3D(0, 0, EARTH.rotationRate());
        for (int k = 0; k <= 8000; k++) {
            double t = k * 0.005;
            filter.propagate(imu.measure(t, f, w));
            if (k % 20 == 0) {
                filter.updateGnss(new GnssFix(t, t, hoverEcef, Vector3D.ZERO), GnssErrors.SINGLE_FREQUENCY);
            }
            if (k % 10 == 0) {
                filter.updateHeight(1000, 5.5, padEcef, PAD.up());
            }
        }
        return filter.estimate();
    }
}
