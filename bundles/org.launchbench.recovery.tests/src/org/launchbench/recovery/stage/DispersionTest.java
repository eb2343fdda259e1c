package org.launchbench.recovery.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sampling and statistics of a dispersion campaign, on constructed runs whose answers are known. */
class DispersionTest {

    @Test
    void aRunsErrorsDependOnTheSeedAndItsIndexOnly() {
        Dispersion.Sigmas s = Dispersion.Sigmas.DEFAULT;
        assertEquals(Dispersion.sample(3, 5, s), Dispersion.sample(3, 5, s));
        assertNotEquals(Dispersion.sample(3, 5, s), Dispersion.sample(3, 6, s));
        assertNotEquals(Dispersion.sample(3, 5, s), Dispersion.sample(4, 5, s));
    }

    @Test
    void theDrawsHaveTheSigmasAsked() {
        // 20,000 draws: the sample standard deviation is within 3 % of sigma (its relative standard error is
        // 1/sqrt(2N) = 0.5 %); the wind is Rayleigh with mean sigma sqrt(pi/2)
        Dispersion.Sigmas s = new Dispersion.Sigmas(0.02, 0.004, 100, 200, 0.1, 6, 0.2, 2);
        int n = 20_000;
        double st = 0, sd = 0, sw = 0, sn = 0;
        for (int i = 0; i < n; i++) {
            Perturbation p = Dispersion.sample(11, i, s);
            st += p.thrust() * p.thrust();
            sd += p.drag() * p.drag();
            sw += p.windSpeed();
            sn += p.navNorth() * p.navNorth();
        }
        assertEquals(0.02, Math.sqrt(st / n), 0.03 * 0.02);
        assertEquals(0.1, Math.sqrt(sd / n), 0.03 * 0.1);
        assertEquals(2, Math.sqrt(sn / n), 0.03 * 2);
        assertEquals(6 * Math.sqrt(Math.PI / 2), sw / n, 0.03 * 6);
    }

    private static Dispersion.Run run(int i, double east, double north, double propellant, boolean landed) {
        RecoveryResult r = new RecoveryResult(landed ? RecoveryResult.Outcome.LANDED : RecoveryResult.Outcome.CRASHED, null,
            Math.hypot(east, north), east, north, 0.5, 0.1, propellant, List.of(), List.of(), List.of(), 0, 0, 0, Double.NaN,
            Double.NaN);
        return new Dispersion.Run(i, Perturbation.NONE, r);
    }

    @Test
    void missQuantilesAreTheOrderStatistics() {
        // misses 1 to 100 m straight east: type-7 quantiles are 50.5, 90.1 and 95.05 m
        List<Dispersion.Run> runs = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            runs.add(run(i, i, 0, 1000 + i, i <= 80));
        }
        Dispersion.Summary s = Dispersion.summarise(runs);
        assertEquals(50.5, s.r50(), 1e-12);
        assertEquals(90.1, s.r90(), 1e-12);
        assertEquals(95.05, s.r95(), 1e-12);
        assertEquals(100, s.missMax());
        assertEquals(0.8, s.successProbability(), 1e-12);
        assertEquals(Math.sqrt(0.8 * 0.2 / 100), s.successStandardError(), 1e-12);
        assertEquals(1001, s.propellantMin());
        // the points lie on the east axis: the ellipse has no width and points east (90 deg)
        assertEquals(0, s.ellipseMinor(), 1e-9);
        assertEquals(90, s.ellipseAzimuth(), 1e-9);
        assertEquals(Math.sqrt(100 * 101 / 12.0), s.ellipseMajor(), 1e-9); // sd of 1..100
    }

    @Test
    void theEllipseIsThePrincipalAxesOfTheScatter() {
        // points on a north-east line (+1,+1) and a short perpendicular scatter: major axis at 45 deg
        List<Dispersion.Run> runs = new ArrayList<>();
        int i = 0;
        for (double a : new double[] {-2, -1, 0, 1, 2}) {
            for (double b : new double[] {-0.1, 0.1}) {
                runs.add(run(i++, a + b, a - b, 1, true));
            }
        }
        Dispersion.Summary s = Dispersion.summarise(runs);
        assertEquals(45, s.ellipseAzimuth(), 1e-9);
        // variance along (1,1)/sqrt2 of points a*sqrt2: 2 * var(a) = 2 * 2.5 * 10/9 ... computed from the definition
        double along = 0;
        double across = 0;
        for (Dispersion.Run r : runs) {
            double u = (r.result().east() + r.result().north()) / Math.sqrt(2);
            double w = (r.result().east() - r.result().north()) / Math.sqrt(2);
            along += u * u;
            across += w * w;
        }
        assertEquals(Math.sqrt(along / 9), s.ellipseMajor(), 1e-9);
        assertEquals(Math.sqrt(across / 9), s.ellipseMinor(), 1e-9);
    }
}
