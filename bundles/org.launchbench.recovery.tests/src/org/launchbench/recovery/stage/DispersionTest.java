package org.launchbench.recovery.stage;

import org.launchbench.trajectory.ascent.RecoveryResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
            Double.NaN, null);
        return new Dispersion.Run(i, Perturbation.NONE, r);
    }

    /** A run flown by flight software: it landed at (east, north), believing itself (navEast, navNorth) further on. */
    private static Dispersion.Run software(int i, double east, double north, double navEast, double navNorth, String crash) {
        return software(i, east, north, navEast, navNorth, crash, 6);
    }

    /** The same, its navigation's NEES at touchdown given. */
    private static Dispersion.Run software(int i, double east, double north, double navEast, double navNorth, String crash, double nees) {
        RecoveryResult.FlightSoftware fs = new RecoveryResult.FlightSoftware(1, 5, 2, 20, 3, 200, Math.hypot(navEast, navNorth), navEast,
            navNorth, nees, 10, 0.1, 0.2, 0.3);
        RecoveryResult r = new RecoveryResult(crash == null ? RecoveryResult.Outcome.LANDED : RecoveryResult.Outcome.CRASHED, crash,
            Math.hypot(east, north), east, north, 0.5, 0.1, 1000, List.of(), List.of(), List.of(), 0, 0, 10, 1, 0.1, fs);
        return new Dispersion.Run(i, Perturbation.NONE, r);
    }

    /**
     * The miss's shares: the navigation's is the estimate's horizontal error; the guidance and control's the believed
     * landing point's distance from the centre (touchdown plus that error). 100 runs that believed they landed on the
     * centre, their navigation off by i/10 m east: every miss is navigation's, R95 9.505 m (type 7 over 0.1 to 10),
     * guidance's 0; and runs that knew where they were but landed i/10 m north: the reverse.
     */
    @Test
    void theMissIsSplitIntoNavigationAndGuidanceShares() {
        List<Dispersion.Run> nav = new ArrayList<>();
        List<Dispersion.Run> gnc = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            nav.add(software(i, -i / 10.0, 0, i / 10.0, 0, null));
            gnc.add(software(i, 0, i / 10.0, 0, 0, null));
        }
        Dispersion.MissShares a = Dispersion.shares(nav);
        assertEquals(9.505, a.navigationR95M(), 1e-9);
        assertEquals(0, a.guidanceControlR95M(), 1e-12);
        Dispersion.MissShares b = Dispersion.shares(gnc);
        assertEquals(0, b.navigationR95M(), 1e-12);
        assertEquals(9.505, b.guidanceControlR95M(), 1e-9);
        assertEquals(100, b.runs());
        // point-mass runs have no flight software: no shares, not zero ones
        assertTrue(Double.isNaN(Dispersion.shares(List.of(run(0, 1, 1, 1, true))).navigationR95M()));
    }

    /**
     * The navigation's consistency over a campaign: the mean of the runs' NEES against the two-sided 95 % band of
     * χ²(6 N) / N, here 100 runs (scipy.stats.chi2.ppf(0.025 and 0.975, 600) / 100: 5.340186 and 6.697692; Wilson and
     * Hilferty's quantiles agree to 4e-6 there). Runs whose NEES are 0.12 i, i = 1 to 100 (mean 6.06), are consistent;
     * the same 1.2 times larger (mean 7.27, an error 10 % larger than the filter believes) are not; runs without flight
     * software give none.
     */
    @Test
    void theNavigationsConsistencyIsItsMeanNeesAgainstTheChiSquareBand() {
        List<Dispersion.Run> good = new ArrayList<>();
        List<Dispersion.Run> over = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            good.add(software(i, 0, 0, 0, 0, null, 0.12 * i));
            over.add(software(i, 0, 0, 0, 0, null, 1.2 * 0.12 * i));
        }
        Dispersion.NavigationConsistency a = Dispersion.consistency(good);
        assertEquals(100, a.runs());
        assertEquals(6.06, a.meanNees(), 1e-12);
        assertEquals(5.340186, a.low(), 1e-4);
        assertEquals(6.697692, a.high(), 1e-4);
        assertTrue(a.consistent());
        Dispersion.NavigationConsistency b = Dispersion.consistency(over);
        assertEquals(7.272, b.meanNees(), 1e-12);
        assertFalse(b.consistent());
        Dispersion.NavigationConsistency none = Dispersion.consistency(List.of(run(1, 1, 1, 1000, true)));
        assertEquals(0, none.runs());
        assertTrue(Double.isNaN(none.meanNees()));
    }

    /** Crashes are counted by the kind of their reason, as the recovery words them; landings are not counted. */
    @Test
    void crashesAreCountedByReason() {
        List<Dispersion.Run> runs = List.of(software(0, 0, 0, 0, 0, "touched down at 2.8 m/s horizontal, more than the legs' 2.0 m/s"),
            software(1, 0, 0, 0, 0, "touched down 189.2 m from the centre, outside the zone's 25 m"),
            software(2, 0, 0, 0, 0, "touched down at 3.1 m/s horizontal, more than the legs' 2.0 m/s"),
            software(3, 0, 0, 0, 0, "the landing burn ran out of propellant"), software(4, 0, 0, 0, 0, null));
        assertEquals(java.util.Map.of("horizontal_speed", 2, "outside_zone", 1, "propellant", 1), Dispersion.crashesByReason(runs));
        assertEquals(List.of("horizontal_speed", "outside_zone", "propellant"), List.copyOf(Dispersion.crashesByReason(runs).keySet()));
        assertEquals("other", Dispersion.reasonKind("something new"));
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
