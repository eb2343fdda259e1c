package org.launchbench.recovery.stage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.campaign.LocalCampaigns;
import org.launchbench.recovery.navigation.ChiSquare;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.vehicle.model.Failure;

/**
 * Monte Carlo landing dispersion: N flights of one recovery, each with its own {@link Perturbation} drawn from
 * {@link Sigmas}, flown in parallel. Run i draws from a generator seeded by (seed, i) alone, so a campaign gives
 * the same runs, in the same order, on any number of threads.
 */
public final class Dispersion {

    /** Guidance for campaign runs: as {@code simulate} flies it (a re-solve every 4 s, 20 intervals), no history kept, integrator tolerance 1e-8. */
    public static final StageRecovery.Options OPTIONS = new StageRecovery.Options(StageRecovery.Options.DEFAULT.rate(), 20, false, 1e-8);

    private final RecoveryFlight flight;

    /** @param engine the recovery engine (its point-mass sequencer flies each run) */
    public Dispersion(StageRecovery engine) {
        this((c, plan, p, failures, o, seed) -> engine.fly(c, plan, p, failures, o));
    }

    /** @param flight how each run is flown (its sensors seeded by {@link #sensorSeed}) */
    public Dispersion(RecoveryFlight flight) {
        this.flight = flight;
    }

    /**
     * @param seed the campaign's seed
     * @param run  the run's index
     * @return the seed of run's flight-software sensors: a function of seed and index only, unrelated to the stream its
     *         errors are drawn from
     */
    public static long sensorSeed(long seed, int run) {
        return mix(mix(seed * 0x9E3779B97F4A7C15L + run) ^ 0x5DEECE66DL);
    }

    /**
     * One-sigma errors (normal distributions, zero mean; the wind speed is Rayleigh-distributed from a normal
     * east and north component of this sigma, its direction uniform).
     *
     * @param thrust        relative thrust
     * @param isp           relative specific impulse
     * @param dryMass       dry mass, kg
     * @param propellant    propellant at separation, kg
     * @param drag          relative drag coefficient
     * @param wind          wind component below {@link StageRecovery#WIND_CEILING}, m/s
     * @param ignitionDelay landing-burn ignition time, s (only delays are flown: negative draws count as 0)
     * @param navigation    navigation position error per horizontal axis, m
     */
    public record Sigmas(double thrust, double isp, double dryMass, double propellant, double drag, double wind, double ignitionDelay,
                         double navigation) {

        /**
         * Defaults of the order of launch-vehicle dispersion analyses (engine thrust 1 %, Isp 0.3 %, masses 0.5 %
         * of a Falcon 9-class stage's dry mass, drag 5 %, winds 5 m/s, ignition 0.1 s, GPS/INS 1 m); a mission's own
         * figures belong in {@code --sigma}.
         */
        public static final Sigmas DEFAULT = new Sigmas(0.01, 0.003, 150, 150, 0.05, 5, 0.1, 1);

        /** @return the names and values, in the order of the record */
        public Map<String, Double> asMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("thrust", thrust);
            m.put("isp", isp);
            m.put("dry_mass_kg", dryMass);
            m.put("propellant_kg", propellant);
            m.put("drag", drag);
            m.put("wind_m_s", wind);
            m.put("ignition_delay_s", ignitionDelay);
            m.put("navigation_m", navigation);
            return m;
        }

        /** @param values names as {@link #asMap()}; @return these sigmas with those replaced */
        public static Sigmas of(Map<String, Double> values) {
            return new Sigmas(values.get("thrust"), values.get("isp"), values.get("dry_mass_kg"), values.get("propellant_kg"),
                values.get("drag"), values.get("wind_m_s"), values.get("ignition_delay_s"), values.get("navigation_m"));
        }
    }

    /**
     * @param seed the campaign's seed
     * @param run  the run's index
     * @param s    the sigmas
     * @return the run's errors (a function of seed and index only)
     */
    public static Perturbation sample(long seed, int run, Sigmas s) {
        SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + run));
        double we = r.nextGaussian() * s.wind();
        double wn = r.nextGaussian() * s.wind();
        return new Perturbation(r.nextGaussian() * s.thrust(), r.nextGaussian() * s.isp(), r.nextGaussian() * s.dryMass(),
            r.nextGaussian() * s.propellant(), r.nextGaussian() * s.drag(), Math.hypot(we, wn),
            (Math.toDegrees(Math.atan2(-we, -wn)) + 360) % 360, Math.max(0, r.nextGaussian() * s.ignitionDelay()),
            r.nextGaussian() * s.navigation(), r.nextGaussian() * s.navigation());
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser: nearby seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One run.
     *
     * @param index        the run's index
     * @param perturbation its errors
     * @param result       how it ended
     */
    public record Run(int index, Perturbation perturbation, RecoveryResult result) {
    }

    /**
     * One run of a campaign, as {@link #fly} flies it: what a cluster member flies for run i.
     *
     * @param c        the recovery
     * @param plan     its nominal targeting
     * @param sigmas   the errors' sigmas
     * @param failures failures injected
     * @param seed     the campaign's seed
     * @param index    the run's index
     * @return the run (a function of the arguments only)
     */
    public Run run(StageRecovery.Case c, StageRecovery.Plan plan, Sigmas sigmas, List<Failure> failures, long seed, int index) {
        Perturbation p = sample(seed, index, sigmas);
        return new Run(index, p, flight.fly(c, plan, p, failures, OPTIONS, sensorSeed(seed, index)));
    }

    /**
     * Flies the campaign.
     *
     * @param c        the recovery
     * @param plan     its nominal targeting
     * @param sigmas   the errors' sigmas
     * @param failures failures injected into every run
     * @param runs     N
     * @param seed     the campaign's seed
     * @param threads  worker threads (≥ 1)
     * @param monitor  progress (one unit a run) and cancellation
     * @return the runs in index order
     */
    public List<Run> fly(StageRecovery.Case c, StageRecovery.Plan plan, Sigmas sigmas, List<Failure> failures, int runs, long seed,
                         int threads, IProgressMonitor monitor) {
        return fly(c, plan, sigmas, failures, runs, seed, threads, monitor, r -> { });
    }

    /**
     * As {@link #fly(StageRecovery.Case, StageRecovery.Plan, Sigmas, List, int, long, int, IProgressMonitor)}, with each
     * run handed over as it ends (in completion order, on the worker's thread), for views that show a campaign as it
     * goes.
     *
     * @param onRun takes each finished run; it must be quick and thread-safe
     */
    public List<Run> fly(StageRecovery.Case c, StageRecovery.Plan plan, Sigmas sigmas, List<Failure> failures, int runs, long seed,
                         int threads, IProgressMonitor monitor, java.util.function.Consumer<Run> onRun) {
        Run[] out = new Run[runs];
        LocalCampaigns.fly(i -> run(c, plan, sigmas, failures, seed, i), runs, threads, (i, r) -> {
            out[i] = r;
            onRun.accept(r);
        }, SubMonitor.convert(monitor, "Landing dispersion", runs));
        return Arrays.asList(out);
    }

    /**
     * What a campaign says.
     *
     * @param runs                    N
     * @param landed                  runs that landed
     * @param successProbability      landed / N
     * @param successStandardError    √(p(1-p)/N)
     * @param missMean                mean miss distance, m
     * @param missStandardError       its standard error, m
     * @param r50                     median miss (CEP), m
     * @param r90                     90th percentile, m
     * @param r95                     95th percentile, m
     * @param missMax                 largest, m
     * @param meanEast                mean touchdown east of the centre, m
     * @param meanNorth               mean north, m
     * @param ellipseMajor            1-σ semi-major axis of the touchdown points, m (2σ and 3σ: twice and three times;
     *                                they hold 39.3 %, 86.5 % and 98.9 % of a normal scatter)
     * @param ellipseMinor            1-σ semi-minor axis, m
     * @param ellipseAzimuth          azimuth of the major axis, degrees clockwise from north (0 to 180)
     * @param propellantMean          mean propellant left, kg
     * @param propellantSd            its standard deviation, kg
     * @param propellantMin           least, kg
     * @param propellantP5            5th percentile, kg
     * @param propellantP50           median, kg
     * @param propellantP95           95th percentile, kg
     * @param verticalSpeedP95        95th percentile of the touchdown vertical speed, m/s
     */
    public record Summary(int runs, int landed, double successProbability, double successStandardError, double missMean,
                          double missStandardError, double r50, double r90, double r95, double missMax, double meanEast,
                          double meanNorth, double ellipseMajor, double ellipseMinor, double ellipseAzimuth, double propellantMean,
                          double propellantSd, double propellantMin, double propellantP5, double propellantP50, double propellantP95,
                          double verticalSpeedP95) {
    }

    /** @param runs a campaign's runs; @return its statistics */
    public static Summary summarise(List<Run> runs) {
        int n = runs.size();
        double[] miss = new double[n];
        double[] prop = new double[n];
        double[] vz = new double[n];
        double se = 0, sn = 0;
        int landed = 0;
        for (int i = 0; i < n; i++) {
            RecoveryResult r = runs.get(i).result();
            miss[i] = r.missDistance();
            prop[i] = r.propellantRemaining();
            vz[i] = r.touchdownVerticalSpeed();
            se += r.east();
            sn += r.north();
            if (r.outcome() == RecoveryResult.Outcome.LANDED) {
                landed++;
            }
        }
        double me = se / n, mn = sn / n;
        double cee = 0, cnn = 0, cen = 0;
        for (Run run : runs) {
            double de = run.result().east() - me, dn = run.result().north() - mn;
            cee += de * de;
            cnn += dn * dn;
            cen += de * dn;
        }
        double div = Math.max(1, n - 1);
        cee /= div;
        cnn /= div;
        cen /= div;
        // principal axes of the 2x2 covariance
        double tr = (cee + cnn) / 2, dd = Math.sqrt(Math.max(0, (cee - cnn) * (cee - cnn) / 4 + cen * cen));
        double major = Math.sqrt(Math.max(0, tr + dd)), minor = Math.sqrt(Math.max(0, tr - dd));
        double angle = 0.5 * Math.atan2(2 * cen, cnn - cee); // from north towards east
        double azimuth = (Math.toDegrees(angle) + 180) % 180;
        double p = (double) landed / n;
        double missMean = mean(miss), propMean = mean(prop);
        double[] sortedMiss = miss.clone(), sortedProp = prop.clone(), sortedVz = vz.clone();
        Arrays.sort(sortedMiss);
        Arrays.sort(sortedProp);
        Arrays.sort(sortedVz);
        return new Summary(n, landed, p, Math.sqrt(p * (1 - p) / n), missMean, sd(miss, missMean) / Math.sqrt(n),
            quantile(sortedMiss, 0.5), quantile(sortedMiss, 0.9), quantile(sortedMiss, 0.95), sortedMiss[n - 1], me, mn, major, minor,
            azimuth, propMean, sd(prop, propMean), sortedProp[0], quantile(sortedProp, 0.05), quantile(sortedProp, 0.5),
            quantile(sortedProp, 0.95), quantile(sortedVz, 0.95));
    }

    /**
     * The miss split by its sources, for campaigns flown by flight software in the loop: the navigation's error at
     * touchdown (estimate − truth, horizontal) and the guidance and control's (where the flight software believed it
     * landed, from the zone's centre), each as the 95th percentile over the runs. As vectors, the miss is the believed
     * landing point less the navigation's error.
     *
     * @param navigationR95M     95th percentile of the navigation's horizontal error at touchdown, m
     * @param guidanceControlR95M 95th percentile of the believed landing point's distance from the centre, m
     * @param runs               the runs that had flight software (0: none, and both are NaN)
     */
    public record MissShares(double navigationR95M, double guidanceControlR95M, int runs) {
    }

    /** @param runs a campaign's runs; @return its miss shares (NaN when no run had flight software) */
    public static MissShares shares(List<Run> runs) {
        double[] nav = new double[runs.size()];
        double[] gnc = new double[runs.size()];
        int n = 0;
        for (Run run : runs) {
            RecoveryResult r = run.result();
            RecoveryResult.FlightSoftware fs = r.software();
            if (fs != null) {
                nav[n] = Math.hypot(fs.navigationEastM(), fs.navigationNorthM());
                gnc[n] = Math.hypot(r.east() + fs.navigationEastM(), r.north() + fs.navigationNorthM());
                n++;
            }
        }
        if (n == 0) {
            return new MissShares(Double.NaN, Double.NaN, 0);
        }
        double[] a = Arrays.copyOf(nav, n);
        double[] b = Arrays.copyOf(gnc, n);
        Arrays.sort(a);
        Arrays.sort(b);
        return new MissShares(quantile(a, 0.95), quantile(b, 0.95), n);
    }

    /**
     * The navigation's consistency over a campaign flown by flight software in the loop (Bar-Shalom, Li and Kirubarajan,
     * <i>Estimation with Applications to Tracking and Navigation</i>, 2001, §5.4.2): the mean over the runs of the
     * normalised estimation error squared of position and velocity at touchdown, and the two-sided 95 % band a
     * consistent filter's mean falls in, χ²(6 N) / N ({@link ChiSquare}).
     *
     * @param meanNees the mean NEES over the runs
     * @param low      the band's lower end
     * @param high     its upper end
     * @param runs     the runs with flight software (0: none, and all are NaN)
     */
    public record NavigationConsistency(double meanNees, double low, double high, int runs) {
        /** @return whether the mean lies in the band */
        public boolean consistent() {
            return meanNees >= low && meanNees <= high;
        }
    }

    /** The states of the NEES: position and velocity. */
    static final int NEES_STATES = 6;

    /** The standard normal's 97.5 % quantile. */
    static final double Z_975 = 1.959963984540054;

    /** @param runs a campaign's runs; @return the navigation's consistency over those flown by flight software */
    public static NavigationConsistency consistency(List<Run> runs) {
        double sum = 0;
        int n = 0;
        for (Run run : runs) {
            RecoveryResult.FlightSoftware fs = run.result().software();
            if (fs != null && Double.isFinite(fs.navigationNees())) {
                sum += fs.navigationNees();
                n++;
            }
        }
        if (n == 0) {
            return new NavigationConsistency(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int k = NEES_STATES * n;
        return new NavigationConsistency(sum / n, ChiSquare.quantile(-Z_975, k) / n, ChiSquare.quantile(Z_975, k) / n, n);
    }

    /**
     * The crashes counted by their kind of reason: {@code vertical_speed}, {@code horizontal_speed}, {@code outside_zone}
     * (the touchdown's judges, in that order), {@code propellant}, {@code no_descent} (the guidance found none),
     * {@code hit_ground_early} (before a burn), {@code not_lit}, {@code still_flying} and {@code other}.
     *
     * @param runs a campaign's runs
     * @return the counts, in that order, kinds with none left out
     */
    public static Map<String, Integer> crashesByReason(List<Run> runs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : List.of("vertical_speed", "horizontal_speed", "outside_zone", "propellant", "no_descent", "hit_ground_early",
            "not_lit", "still_flying", "other")) {
            counts.put(k, 0);
        }
        for (Run run : runs) {
            RecoveryResult r = run.result();
            if (r.outcome() == RecoveryResult.Outcome.CRASHED) {
                counts.merge(reasonKind(r.reason()), 1, Integer::sum);
            }
        }
        counts.values().removeIf(c -> c == 0);
        return counts;
    }

    /** @param reason a crash's reason, as the recovery words it @return its kind ({@link #crashesByReason}) */
    public static String reasonKind(String reason) {
        String r = reason == null ? "" : reason;
        if (r.contains("m/s vertical")) {
            return "vertical_speed";
        }
        if (r.contains("m/s horizontal")) {
            return "horizontal_speed";
        }
        if (r.contains("outside the zone")) {
            return "outside_zone";
        }
        if (r.contains("out of propellant")) {
            return "propellant";
        }
        if (r.contains("found no descent")) {
            return "no_descent";
        }
        if (r.contains("before its")) {
            return "hit_ground_early";
        }
        if (r.contains("never lit")) {
            return "not_lit";
        }
        if (r.contains("still in the air")) {
            return "still_flying";
        }
        return "other";
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x, double mean) {
        if (x.length < 2) {
            return 0;
        }
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** Linear interpolation between order statistics (type 7, the default of R and NumPy). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
