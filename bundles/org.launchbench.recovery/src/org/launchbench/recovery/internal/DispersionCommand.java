package org.launchbench.recovery.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignInterruptedException;
import org.launchbench.campaign.CampaignJournal;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ClusterCampaigns;
import org.launchbench.campaign.LocalCampaigns;
import org.launchbench.campaign.ProductVersion;
import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.cli.JsonNumbers;
import org.launchbench.cli.ProgressLine;
import org.launchbench.core.AtomicTextFile;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.flight.phase.RigidBodyFidelity;
import org.launchbench.recovery.stage.ClusterDispersion;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.recovery.stage.DispersionCampaign;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.ascent.ReserveSizing;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.Fidelities;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.figures.VehicleFigures;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code launchbench dispersion MISSION -n N [--seed S] [--csv FILE] [--json]}: Monte Carlo landing dispersion. */
@Component(service = CliCommand.class)
public final class DispersionCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"),
        Set.of("-n", "--runs", "--seed", "--csv", "--threads", "--sigma", "--scenario", Fidelities.OPTION, "--cluster", "--cluster-name",
            "--secret-file", "--resume"));
    /** The most runs one campaign takes (a 10,000-run campaign is the benchmark's). */
    static final int MAX_RUNS = 1_000_000;

    @Reference
    private VehicleCatalog catalog;

    /** The cluster back end, when one is installed ({@code --cluster}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterCampaigns cluster;

    /** The fidelities installed besides the point mass. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DynamicsFactory> fidelities;

    @Override
    public String name() {
        return "dispersion";
    }

    @Override
    public String summary() {
        return "Monte Carlo landing dispersion of a mission's first-stage recovery";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench dispersion MISSION_FILE -n N [--seed S] [--csv FILE] [--json] [--threads T]
                                          [--sigma NAME=VALUE,...] [--scenario NAME|none] [--fidelity 3dof|6dof]
                                          [--cluster HOST:PORT,... --secret-file F [--cluster-name NAME]] [--resume FILE.partial]

            Flies the mission's ascent once, solves the recovery's nominal targeting, then flies the recovery N
            times, each with its own errors drawn from normal distributions (docs/recovery.md), on all cores.
            Run i's errors depend on the seed and i only: the same seed gives the same runs on any thread count.
              -n N, --runs N  number of runs (1 to 1000000)
              --seed S        the campaign's seed (an integer; default 1)
              --threads T     worker threads (default: the machine's cores)
              --sigma ...     one-sigma errors, comma-separated; names and defaults:
                              thrust=0.01, isp=0.003 (relative), dry_mass_kg=150, propellant_kg=150,
                              drag=0.05 (relative), wind_m_s=5 (per horizontal component, below 20 km),
                              ignition_delay_s=0.1 (landing burn, delays only), navigation_m=1 (per axis);
                              largest: thrust and isp 0.1, drag 0.2, dry_mass_kg 2000, propellant_kg 5000,
                              wind_m_s 30, ignition_delay_s 5, navigation_m 1000
              --scenario      inject this scenario's failures into every run ('none', the default: none)
              --fidelity      how each run is flown: 3dof (point mass) or 6dof (rigid body under an ideal
                              attitude loop, several times the cost); default: the mission's, else 3dof
              --csv FILE      one line per run: errors drawn and outcome (written atomically)
              --cluster ...   fly the runs on the workers of a cluster (launchbench worker) reached at these
                              members, not on this machine: the same runs, byte for byte (docs/campaigns.md)
              --secret-file F the cluster's shared secret (required with --cluster)
              --cluster-name  the cluster's name (default launchbench)
              --resume F      fly only the runs a campaign that lost its cluster did not finish, from the journal it
                              kept (FILE.partial beside --csv FILE, else dispersion-DIGEST.partial): the same output as
                              an uninterrupted campaign
              --json          {"mission", "fidelity", "runs", "seed", "threads", "sigmas", "scenarios", "landed",
                               "success_probability", "success_standard_error", "miss_distance_m": {"mean",
                               "standard_error", "r50", "cep", "r90", "r95", "max"}, "mean_landing_point_m":
                               {"east", "north"}, "ellipses_m": [{"sigma": 1|2|3, "semi_major", "semi_minor",
                               "azimuth_deg", "containment"}], "propellant_remaining_kg": {"mean", "sd", "min", "p5",
                               "p50", "p95"}, "touchdown_vertical_speed_p95_m_s", "members", "runs_per_member",
                               "reassigned_runs", "elapsed_s"}
            Progress goes to standard error (runs done, rate, time left) on campaigns longer than 2 s.
            Exit 0 when the campaign ran (whatever the landings), 1 when it could not, 2 for bad input.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "MISSION_FILE");
        Path file = Path.of(args.positionals().get(0));
        int runs = (int) integer(args, args.value("-n").isPresent() ? "-n" : "--runs", -1, 1, MAX_RUNS);
        long seed = integer(args, "--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        int threads = (int) integer(args, "--threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        Dispersion.Sigmas sigmas = sigmas(args.value("--sigma").orElse(""));
        // the output is checked before the campaign, so a bad one costs nothing (issue 28)
        args.value("--csv").ifPresent(f -> AtomicTextFile.checkTarget(Path.of(f), "--csv"));
        ClusterCampaigns backend = cluster; // a dynamic reference: read once
        ClusterAccess access = Campaigns.access(args, backend);
        try (ClusterCampaigns.Connection connection = access == null ? null : backend.connect(access)) {
            return run(invocation, args, file, runs, seed, threads, sigmas, connection);
        }
    }

    private int run(CommandInvocation invocation, Arguments args, Path file, int runs, long seed, int threads, Dispersion.Sigmas sigmas,
                    ClusterCampaigns.Connection connection) {
        SubMonitor progress = SubMonitor.convert(invocation.monitor(), 100);
        MissionAscent m = MissionAscent.load(file, catalog);
        if (m.mission().getRecovery() == null || m.mission().getRecovery().getMode() == RecoveryMode.EXPENDABLE) {
            throw InvalidInputException.because("the mission's first stage is expendable: there is no landing to disperse")
                .source(file.toString()).element("recovery").value(m.mission().getRecovery() == null ? "none" : "EXPENDABLE")
                .allowed("RETURN_TO_LAUNCH_SITE, DOWNRANGE_PAD or SHIP").build();
        }
        // five sigma of dry mass must leave the recovered stage a structure (the absolute cap cannot know the stage)
        double stageDry = VehicleFigures.coreStage(m.vehicle()).getDryMass();
        if (5 * sigmas.dryMass() >= stageDry) {
            throw InvalidInputException.because("five sigma of it would take the recovered stage's whole dry mass")
                .element("--sigma dry_mass_kg").value(sigmas.dryMass()).allowed("less than a fifth of " + (long) stageDry + " kg")
                .fix("give the stage's dry-mass uncertainty, a few percent of it").build();
        }
        List<String> scenarios = m.scenarios(args.value("--scenario"), false, file.toString());
        DynamicsFactory fidelity = Fidelities.choose(fidelities, args.value(Fidelities.OPTION), m.mission(), file.toString());
        long start = System.nanoTime();
        DispersionCampaign campaign = DispersionCampaign.prepare(m, scenarios, fidelity, sigmas, seed, file.toString(), progress.split(5));
        ReserveSizing.Sized sized = campaign.sized();
        ProgressLine line = new ProgressLine(invocation.err(), "dispersion", runs);
        Dispersion.Run[] byIndex = new Dispersion.Run[runs];
        // the campaign as a cluster's members get it: its digest also names its journal
        CampaignDefinition d = ClusterDispersion.definition(file, args.value("--scenario"), campaign, ProductVersion.current());
        SortedMap<Integer, byte[]> kept = new TreeMap<>();
        BitSet finished = new BitSet(runs);
        if (args.value("--resume").isPresent()) {
            kept.putAll(CampaignJournal.read(Path.of(args.value("--resume").get()), d.digest(), runs, "--resume"));
            kept.forEach((i, bytes) -> {
                byIndex[i] = ClusterDispersion.decoded(campaign, i, bytes);
                finished.set(i);
            });
        }
        ClusterCampaigns.Flown flown;
        if (connection == null) {
            int[] todo = IntStream.range(0, runs).filter(i -> !finished.get(i)).toArray();
            LocalCampaigns.fly(k -> campaign.run(todo[k]), todo.length, threads, (k, r) -> {
                byIndex[r.index()] = r;
                line.tick();
            }, progress.split(95));
            flown = ClusterCampaigns.Flown.local(todo.length);
        } else {
            try {
                flown = ClusterDispersion.fly(connection, d, campaign, runs, finished, (r, bytes) -> {
                    byIndex[r.index()] = r;
                    kept.put(r.index(), bytes);
                    line.tick();
                }, progress.split(95));
            } catch (CampaignInterruptedException e) {
                throw interrupted(e, d, runs, kept, args.value("--csv"));
            }
        }
        List<Dispersion.Run> all = Arrays.asList(byIndex);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Dispersion.Summary s = Dispersion.summarise(all);
        if (args.value("--csv").isPresent()) {
            writeCsv(Path.of(args.value("--csv").get()), all);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mission", m.mission().getId());
        doc.put("fidelity", fidelity.name());
        doc.put("runs", runs);
        doc.put("first_stage_reserve_kg", org.launchbench.cli.JsonNumbers.round(sized.reserveKg(), 1));
        doc.put("seed", seed);
        doc.put("threads", connection == null ? threads : null); // the workers' own on a cluster
        doc.put("sigmas", sigmas.asMap());
        doc.put("scenarios", scenarios);
        if (fidelity instanceof RigidBodyFidelity) {
            doc.put("notes", List.of(NAVIGATION_AT_6DOF));
        }
        doc.put("landed", s.landed());
        doc.put("success_probability", JsonNumbers.roundOrNull(s.successProbability(), 5));
        doc.put("success_standard_error", JsonNumbers.roundOrNull(s.successStandardError(), 5));
        Map<String, Object> miss = new LinkedHashMap<>();
        miss.put("mean", JsonNumbers.roundOrNull(s.missMean(), 3));
        miss.put("standard_error", JsonNumbers.roundOrNull(s.missStandardError(), 3));
        miss.put("r50", JsonNumbers.roundOrNull(s.r50(), 3));
        miss.put("cep", JsonNumbers.roundOrNull(s.r50(), 3));
        miss.put("r90", JsonNumbers.roundOrNull(s.r90(), 3));
        miss.put("r95", JsonNumbers.roundOrNull(s.r95(), 3));
        miss.put("max", JsonNumbers.roundOrNull(s.missMax(), 3));
        doc.put("miss_distance_m", miss);
        // a LinkedHashMap: Map.of iterates in an order that changes from run to run, and refuses a null (no run landed)
        Map<String, Object> mean = new LinkedHashMap<>();
        mean.put("east", JsonNumbers.roundOrNull(s.meanEast(), 3));
        mean.put("north", JsonNumbers.roundOrNull(s.meanNorth(), 3));
        doc.put("mean_landing_point_m", mean);
        double[] containment = {0.3935, 0.8647, 0.9889};
        List<Map<String, Object>> ellipses = new java.util.ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("sigma", k);
            e.put("semi_major", JsonNumbers.roundOrNull(k * s.ellipseMajor(), 3));
            e.put("semi_minor", JsonNumbers.roundOrNull(k * s.ellipseMinor(), 3));
            e.put("azimuth_deg", JsonNumbers.roundOrNull(s.ellipseAzimuth(), 2));
            e.put("containment", containment[k - 1]);
            ellipses.add(e);
        }
        doc.put("ellipses_m", ellipses);
        Map<String, Object> prop = new LinkedHashMap<>();
        prop.put("mean", JsonNumbers.roundOrNull(s.propellantMean(), 1));
        prop.put("sd", JsonNumbers.roundOrNull(s.propellantSd(), 1));
        prop.put("min", JsonNumbers.roundOrNull(s.propellantMin(), 1));
        prop.put("p5", JsonNumbers.roundOrNull(s.propellantP5(), 1));
        prop.put("p50", JsonNumbers.roundOrNull(s.propellantP50(), 1));
        prop.put("p95", JsonNumbers.roundOrNull(s.propellantP95(), 1));
        doc.put("propellant_remaining_kg", prop);
        doc.put("touchdown_vertical_speed_p95_m_s", JsonNumbers.roundOrNull(s.verticalSpeedP95(), 3));
        Dispersion.MissShares shares = Dispersion.shares(all);
        doc.put("navigation_share_r95_m", JsonNumbers.roundOrNull(shares.navigationR95M(), 3));
        doc.put("guidance_control_share_r95_m", JsonNumbers.roundOrNull(shares.guidanceControlR95M(), 3));
        Dispersion.NavigationConsistency nees = Dispersion.consistency(all);
        if (nees.runs() > 0) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("mean", JsonNumbers.roundOrNull(nees.meanNees(), 3));
            n.put("band_95", List.of(JsonNumbers.roundOrNull(nees.low(), 3), JsonNumbers.roundOrNull(nees.high(), 3)));
            n.put("states", "position, velocity at touchdown");
            n.put("runs", nees.runs());
            n.put("consistent", nees.consistent());
            doc.put("navigation_nees", n);
        } else {
            doc.put("navigation_nees", null);
        }
        doc.put("crashes_by_reason", Dispersion.crashesByReason(all));
        doc.put("members", flown.members());
        doc.put("runs_per_member", flown.runsPerMember());
        doc.put("reassigned_runs", flown.reassignedRuns());
        doc.put("elapsed_s", JsonNumbers.roundOrNull(elapsed, 2));
        if (args.flag("--json")) {
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        var out = invocation.out();
        out.printf(Locale.ROOT, "%s: %d runs (seed %d, %s, %.1f s, fidelity %s)%n", m.mission().getName(), runs, seed, connection == null
            ? threads + " threads" : flown.members() + " cluster members",
            elapsed, fidelity.name());
        if (fidelity instanceof RigidBodyFidelity) {
            out.println("Note: " + NAVIGATION_AT_6DOF);
        }
        out.printf(Locale.ROOT, "Landed: %d of %d, P = %.4f ± %.4f (standard error)%n", s.landed(), runs, s.successProbability(),
            s.successStandardError());
        out.printf(Locale.ROOT, "Miss distance: mean %.2f ± %.2f m, R50 (CEP) %.2f m, R90 %.2f m, R95 %.2f m, max %.2f m%n", s.missMean(),
            s.missStandardError(), s.r50(), s.r90(), s.r95(), s.missMax());
        out.printf(Locale.ROOT, "Touchdown ellipse (1 sigma): %.2f x %.2f m, major axis at %.1f deg; 2 and 3 sigma: x2, x3%n",
            s.ellipseMajor(), s.ellipseMinor(), s.ellipseAzimuth());
        out.printf(Locale.ROOT, "Propellant left: mean %.0f kg, sd %.0f kg, min %.0f kg, 5th percentile %.0f kg%n", s.propellantMean(),
            s.propellantSd(), s.propellantMin(), s.propellantP5());
        if (shares.runs() > 0) {
            out.printf(Locale.ROOT, "Miss by source (R95): navigation %.2f m, guidance and control %.2f m%n", shares.navigationR95M(),
                shares.guidanceControlR95M());
        }
        if (nees.runs() > 0) {
            out.printf(Locale.ROOT, "Navigation NEES (position, velocity at touchdown): mean %.2f over %d runs, %s the 95 %% band %.2f to %.2f%n",
                nees.meanNees(), nees.runs(), nees.consistent() ? "inside" : "OUTSIDE", nees.low(), nees.high());
        }
        Map<String, Integer> crashes = Dispersion.crashesByReason(all);
        if (!crashes.isEmpty()) {
            out.println("Crashes by reason: " + crashes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
        }
        return ExitCode.OK;
    }

    /**
     * A campaign whose members all left: the runs finished (this time and before) are kept exactly in a journal, beside
     * the CSV asked for ({@code FILE.partial}) or in the working folder ({@code dispersion-DIGEST.partial}), and the
     * message says how to resume from them.
     */
    private static RunFailedException interrupted(CampaignInterruptedException e, CampaignDefinition d, int runs,
                                                  SortedMap<Integer, byte[]> kept, java.util.Optional<String> csv) {
        if (kept.isEmpty()) {
            return new RunFailedException(e.getMessage(), e);
        }
        Path journal = Path.of(csv.map(c -> c + ".partial").orElse("dispersion-" + d.digest().substring(0, 12) + ".partial"));
        CampaignJournal.write(journal, d.digest(), runs, kept);
        return new RunFailedException(e.getMessage() + "; the " + kept.size() + " runs finished are kept in " + journal
            + ": run the same command with --resume " + journal + " to fly only the others", e);
    }

    /** What the navigation sigma is at 6-DOF, said in the output rather than left to be guessed. */
    static final String NAVIGATION_AT_6DOF = "at 6dof the navigation sigma is not flown (its draws stay in the CSV): the flight"
        + " software's navigation errors come from its own sensors and filter, seeded per run";

    private static long integer(Arguments args, String option, long fallback, long min, long max) {
        var v = args.value(option);
        if (v.isEmpty()) {
            if (fallback < 0 && min > 0) {
                throw InvalidInputException.because("the number of runs is missing").element("-n").value("none")
                    .allowed("-n N, N from 1 to " + MAX_RUNS).build();
            }
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get().trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw InvalidInputException.because("not a whole number in range").element(option).value(v.get())
                .allowed(min == Long.MIN_VALUE ? "an integer" : min + " to " + max).build();
        }
    }

    /**
     * The largest sigma of each error: a run draws up to about five sigma, and the draws are applied as factors
     * (1 + x) or offsets, so a larger sigma would fly negative thrust, Isp, drag or mass (issue 28: thrust=1e308 ended in
     * an internal error).
     */
    static final Map<String, Double> MAX_SIGMA = Map.of("thrust", 0.1, "isp", 0.1, "dry_mass_kg", 2_000.0, "propellant_kg", 5_000.0,
        "drag", 0.2, "wind_m_s", 30.0, "ignition_delay_s", 5.0, "navigation_m", 1_000.0);

    static Dispersion.Sigmas sigmas(String text) {
        Map<String, Double> values = Dispersion.Sigmas.DEFAULT.asMap();
        if (text.isBlank()) {
            return Dispersion.Sigmas.DEFAULT;
        }
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            String key = kv[0].trim();
            if (!values.containsKey(key) || kv.length < 2) {
                throw InvalidInputException.because("unknown error name or missing value").element("--sigma").value(part.trim())
                    .allowed("NAME=VALUE with NAME one of " + String.join(", ", values.keySet())).build();
            }
            double x;
            try {
                x = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            double max = MAX_SIGMA.get(key);
            if (!(x >= 0 && x <= max)) {
                throw InvalidInputException.because("a sigma is a number from zero to its largest").element("--sigma " + key).value(kv[1].trim())
                    .allowed("0 to " + max + " (draws reach five sigma: larger ones make negative thrust, mass or drag)").build();
            }
            values.put(key, x);
        }
        return Dispersion.Sigmas.of(values);
    }

    /** A CSV cell: the number rounded, or empty where there is none. */
    private static String cell(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "";
    }

    private static void writeCsv(Path file, List<Dispersion.Run> runs) {
        AtomicTextFile.write(file, w -> {
            // the recovery JSON's per-flight figures, less the guidance's solve times (wall clock: a CSV is reproduced byte
            // for byte from its seed); empty where a point-mass flight has none
            w.write("run,outcome,east_m,north_m,miss_m,touchdown_vertical_m_s,touchdown_horizontal_m_s,propellant_remaining_kg,"
                + "thrust,isp,dry_mass_kg,propellant_kg,drag,wind_m_s,wind_from_deg,ignition_delay_s,nav_east_m,nav_north_m,"
                + "crash_reason,touchdown_tilt_deg,touchdown_angular_rate_deg_s,max_gimbal_deg,max_fin_deflection_deg,rcs_propellant_kg,"
                + "navigation_error_at_touchdown_m,navigation_nees,guidance_solves\n");
            for (Dispersion.Run r : runs) {
                RecoveryResult x = r.result();
                var p = r.perturbation();
                var fs = x.software();
                w.write(String.format(Locale.ROOT, "%d,%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f,%.6f,%.6f,%.2f,%.2f,%.5f,%.3f,%.2f,%.4f,%.3f,%.3f,%s,%s,%s,%s,%s,%s,%s,%s,%d%n",
                    r.index(), x.outcome().json(), x.east(), x.north(), x.missDistance(), x.touchdownVerticalSpeed(),
                    x.touchdownHorizontalSpeed(), x.propellantRemaining(), p.thrust(), p.isp(), p.dryMass(), p.propellant(), p.drag(),
                    p.windSpeed(), p.windFromDeg(), p.ignitionDelay(), p.navEast(), p.navNorth(),
                    x.outcome() == RecoveryResult.Outcome.CRASHED ? Dispersion.reasonKind(x.reason()) : "", cell(x.touchdownTiltDeg(), 2),
                    cell(x.touchdownAngularRateDegS(), 2), cell(fs == null ? Double.NaN : fs.maxGimbalDeg(), 3),
                    cell(fs == null ? Double.NaN : fs.maxFinDeflectionDeg(), 3), cell(fs == null ? Double.NaN : fs.rcsPropellantKg(), 3),
                    cell(fs == null ? Double.NaN : fs.navigationErrorAtTouchdownM(), 3), cell(fs == null ? Double.NaN : fs.navigationNees(), 3),
                    x.guidanceSolves()));
            }
        });
    }
}
