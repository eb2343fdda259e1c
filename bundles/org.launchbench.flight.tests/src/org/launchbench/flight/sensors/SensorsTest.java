package org.launchbench.flight.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/** The sensors' error models against their definitions. */
class SensorsTest {

    private static final Vector3D F = new Vector3D(3, -1, 12);
    private static final Vector3D W = new Vector3D(0.1, -0.05, 0.02);

    private static ImuErrors only(double vrw, double arw, double accelWalk, double gyroWalk) {
        return new ImuErrors(0, accelWalk, vrw, 0, 0, 0, 0, gyroWalk, arw, 0, 0, 0, 200);
    }

    @Test
    void aPerfectUnitReportsTheTruth() {
        ImuSample s = new Imu(ImuErrors.PERFECT, 1).measure(0, F, W);
        assertEquals(F, s.specificForceBodyMS2());
        assertEquals(W, s.angularRateBodyRadS());
    }

    /**
     * White noise: a sample's sigma is the random walk's density over √dt (Groves 2013, ch. 4). Over 60,000 samples
     * (three axes, 20,000 each) the sample sigma's own relative spread is 1/√(2n) = 0.3 %; 1.5 % is five of those.
     */
    @Test
    void theWhiteNoiseHasTheDensityOfItsRandomWalk() {
        double vrw = ImuErrors.TACTICAL.velocityRandomWalkMSPerRootS();
        double arw = ImuErrors.TACTICAL.angleRandomWalkRadPerRootS();
        Imu imu = new Imu(only(vrw, arw, 0, 0), 42);
        double sf = 0;
        double sw = 0;
        int n = 20_000;
        for (int k = 0; k < n; k++) {
            ImuSample s = imu.measure(k * 0.005, F, W);
            sf += s.specificForceBodyMS2().subtract(F).getNormSq();
            sw += s.angularRateBodyRadS().subtract(W).getNormSq();
        }
        assertEquals(vrw / Math.sqrt(0.005), Math.sqrt(sf / (3 * n)), 0.015 * vrw / Math.sqrt(0.005));
        assertEquals(arw / Math.sqrt(0.005), Math.sqrt(sw / (3 * n)), 0.015 * arw / Math.sqrt(0.005));
    }

    /**
     * The bias walks as a random walk: after 60 s its spread over 300 units (1,800 values: 3 accelerometer and 3 gyro
     * axes each) is the walk's coefficient times √60 s; the sample sigma's relative spread is 1/√(2 × 1800) = 1.7 %,
     * and 8 % is nearly five of those.
     */
    @Test
    void theBiasWalksAsARandomWalk() {
        double walk = 1e-3;
        double sum = 0;
        int units = 300;
        for (int u = 0; u < units; u++) {
            Imu imu = new Imu(only(0, 0, walk, walk), 1000 + u);
            for (int k = 0; k < 12_000; k++) {
                imu.measure(k * 0.005, F, W);
            }
            sum += imu.accelBiasMS2().getNormSq() + imu.gyroBiasRadS().getNormSq();
        }
        assertEquals(walk * Math.sqrt(60), Math.sqrt(sum / (6 * units)), 0.08 * walk * Math.sqrt(60));
    }

    @Test
    void outputsAreWholeQuantaAndASeedIsAUnit() {
        ImuErrors q = new ImuErrors(0.01, 0, 0.01, 1e-3, 1e-3, 0.05, 1e-4, 0, 1e-4, 1e-3, 1e-3, 0.001, 200);
        ImuSample s = new Imu(q, 5).measure(0, F, W);
        for (double x : s.specificForceBodyMS2().toArray()) {
            assertEquals(0, Math.IEEEremainder(x, 0.05), 1e-12);
        }
        for (double x : s.angularRateBodyRadS().toArray()) {
            assertEquals(0, Math.IEEEremainder(x, 0.001), 1e-12);
        }
        assertEquals(new Imu(ImuErrors.TACTICAL, 9).measure(0, F, W), new Imu(ImuErrors.TACTICAL, 9).measure(0, F, W));
        assertTrue(!new Imu(ImuErrors.TACTICAL, 9).measure(0, F, W).equals(new Imu(ImuErrors.TACTICAL, 10).measure(0, F, W)));
    }

    /**
     * A fix is the truth plus its noise, valid at its epoch and in the flight software's hands after the latency; an
     * outage gives nothing and leaves the later fixes' noise as it would have been.
     */
    @Test
    void gnssFixesArriveAfterTheirLatencyAndNotDuringAnOutage() {
        GnssErrors e = GnssErrors.SINGLE_FREQUENCY;
        Vector3D r = new Vector3D(1.1e6, -5.5e6, 3.0e6);
        Vector3D v = new Vector3D(10, 20, -30);
        GnssReceiver plain = new GnssReceiver(e, List.of(), 4);
        GnssReceiver gapped = new GnssReceiver(e, List.of(new GnssReceiver.Outage(0.05, 0.15)), 4);
        GnssFix first = plain.measure(0, r, v).orElseThrow();
        assertEquals(0.1, first.availableAtS(), 1e-15);
        assertTrue(first.positionEcefM().distance(r) < 5 * 1.732 * e.positionSigmaM());
        assertEquals(first, gapped.measure(0, r, v).orElseThrow());
        plain.measure(0.1, r, v);
        assertEquals(Optional.empty(), gapped.measure(0.1, r, v));
        assertEquals(plain.measure(0.2, r, v), gapped.measure(0.2, r, v));
        assertThrows(IllegalArgumentException.class, () -> new GnssErrors(-1, 0, 0, 10));
    }

    @Test
    void theRadarReadsWithinItsRangeOnly() {
        RadarAltimeter radar = RadarAltimeter.landing(3);
        assertEquals(Optional.empty(), radar.measure(6000));
        assertEquals(Optional.empty(), radar.measure(-1));
        assertEquals(0.5 + 0.005 * 1000, radar.sigmaM(1000), 1e-12);
        double h = radar.measure(1000).orElseThrow();
        assertTrue(Math.abs(h - 1000) < 5 * radar.sigmaM(1000), "reading " + h);
    }
}
