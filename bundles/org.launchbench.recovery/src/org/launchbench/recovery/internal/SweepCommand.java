package org.launchbench.recovery.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignInterruptedException;
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
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code launchbench sweep SPEC.json [--cluster ...] [--csv FILE] [--json]}: a trade study over a grid of a mission's
 * figures, each point flown and dispersed, one row per point and the points on the payload-versus-landing-probability
 * Pareto front; on this machine's cores or on a cluster's workers.
 */
@Component(service = CliCommand.class)
public final class SweepCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of("--csv", "--threads", "--cluster", "--cluster-name",
        "--secret-file"));

    @Reference
    private VehicleCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterCampaigns cluster;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DynamicsFactory> fidelities;

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "Trade study: a mission flown over a grid of payload, landing zone, ignition altitude, margin and orbit";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench sweep SPEC.json [--csv FILE] [--json] [--threads T]
                                     [--cluster HOST:PORT,... --secret-file F [--cluster-name NAME]]

            Flies a mission at every point of a grid of its figures (payload_kg, landing_zone,
            landing_ignition_altitude_m, propellant_margin, target_orbit; schema in docs/campaigns.md), each point as
            simulate flies it (the first stage's reserve sized for that point) and then dispersed over the spec's
            runs, and prints one row per point and the points on the Pareto front of payload against landing
            probability. A point that cannot be flown is a row saying why.
              --csv FILE      one line per point (written atomically)
              --threads T     points flown at once (default: the machine's cores)
              --cluster ...   fly the points on a cluster's workers (launchbench worker): the same rows
              --secret-file F the cluster's shared secret (required with --cluster)
              --cluster-name  the cluster's name (default launchbench)
              --json          {"spec", "mission", "points", "runs_per_point", "seed", "fidelity", "rows": [{"point",
                               "payload_kg", "landing_zone", "landing_ignition_altitude_m", "propellant_margin",
                               "target_orbit", "first_stage_reserve_kg", "nominal_outcome", "miss_m",
                               "propellant_remaining_kg", "runs", "landed", "landing_probability", "error"}],
                               "pareto", "members", "runs_per_member", "reassigned_runs", "elapsed_s"}
            Exit 0 when the sweep ran (whatever each point gave), 1 when it could not, 2 for bad input.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "SPEC.json");
        Path specFile = Path.of(args.positionals().get(0));
        SweepSpec spec = SweepSpec.read(specFile);
        int threads = args.integer("--threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        args.value("--csv").ifPresent(f -> AtomicTextFile.checkTarget(Path.of(f), "--csv"));
        ClusterCampaigns backend = cluster; // a dynamic reference: read once
        ClusterAccess access = Campaigns.access(args, backend);
        Path missionFile;
        try {
            missionFile = specFile.toAbsolutePath().getParent().resolve(spec.mission());
        } catch (java.nio.file.InvalidPathException e) {
            throw org.launchbench.core.InvalidInputException.because("is not a file path").source(specFile.toString()).element("mission")
                .value(spec.mission()).build(e);
        }
        MissionAscent m = MissionAscent.load(missionFile, catalog);
        Sweep sweep = new Sweep(spec, m, fidelities == null ? List.of() : fidelities, missionFile.toString());
        int points = (int) spec.size();
        SweepRow[] rows = new SweepRow[points];
        ProgressLine line = new ProgressLine(invocation.err(), "sweep", points);
        long start = System.nanoTime();
        ClusterCampaigns.Flown flown;
        if (access == null) {
            LocalCampaigns.fly(sweep::fly, points, threads, (i, row) -> {
                rows[i] = row;
                line.tick();
            }, invocation.monitor());
            flown = ClusterCampaigns.Flown.local(points);
        } else {
            CampaignDefinition d = SweepWork.definition(specFile, spec, missionFile, m, ProductVersion.current());
            try (ClusterCampaigns.Connection connection = backend.connect(access)) {
                flown = connection.fly(d, SweepWork.fingerprint(d, m), points, new java.util.BitSet(), (i, bytes, member) -> {
                    rows[i] = SweepRow.decode(bytes);
                    line.tick();
                }, invocation.monitor());
            } catch (CampaignInterruptedException e) {
                throw new RunFailedException(e.getMessage(), e);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Integer> pareto = pareto(rows);
        java.util.Set<Integer> onFront = new java.util.HashSet<>(pareto);
        args.value("--csv").ifPresent(f -> writeCsv(Path.of(f), spec, rows, onFront));
        if (args.flag("--json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("spec", specFile.toString());
            doc.put("mission", m.mission().getId());
            doc.put("points", points);
            doc.put("runs_per_point", spec.runs());
            doc.put("seed", spec.seed());
            doc.put("fidelity", sweep.fidelity().name());
            List<Map<String, Object>> list = new ArrayList<>();
            for (SweepRow r : rows) {
                list.add(json(spec.point(r.index()), r));
            }
            doc.put("rows", list);
            doc.put("pareto", pareto);
            doc.put("members", flown.members());
            doc.put("runs_per_member", flown.runsPerMember());
            doc.put("reassigned_runs", flown.reassignedRuns());
            doc.put("elapsed_s", JsonNumbers.round(elapsed, 2));
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        var out = invocation.out();
        out.printf(Locale.ROOT, "%s (%s): %d points, %d dispersion runs each (seed %d), fidelity %s, %.1f s%n", m.mission().getName(),
            missionFile.getFileName(), points, spec.runs(), spec.seed(), sweep.fidelity().name(), elapsed);
        out.printf(Locale.ROOT, "%5s %10s %-12s %10s %9s %-18s %10s %-8s %8s %9s %8s%n", "POINT", "PAYLOAD_KG", "ZONE", "IGNITION_M", "MARGIN",
            "ORBIT_KM_DEG", "RESERVE_KG", "NOMINAL", "MISS_M", "LEFT_KG", "P_LAND");
        for (SweepRow r : rows) {
            SweepSpec.Point p = spec.point(r.index());
            if (r.error() != null) {
                out.printf(Locale.ROOT, "%5d not flown: %s%n", r.index(), r.error());
                continue;
            }
            out.printf(Locale.ROOT, "%5d %10.0f %-12s %10s %9s %-18s %10.0f %-8s %8.1f %9.0f %8.3f%s%n", r.index(), r.payloadKg(),
                p.zone() == null ? "(mission)" : p.zone(), p.ignitionM() == null ? "(mission)" : String.format(Locale.ROOT, "%.0f", p.ignitionM()),
                p.margin() == null ? "(mission)" : String.format(Locale.ROOT, "%.2f", p.margin()), p.orbit() == null ? "(mission)" : p.orbit().toString(),
                r.firstStageReserveKg(), r.outcome(), r.missM(), r.propellantRemainingKg(), r.landingProbability(), onFront.contains(r.index()) ? " *" : "");
        }
        out.println("* on the Pareto front of payload against landing probability: " + pareto);
        return ExitCode.OK;
    }

    /**
     * The points no other point beats on both payload and landing probability (at least as much of both and more of one),
     * in O(n log n): by payload, heaviest first, a point is on the front when it is the most likely of its payload and
     * more likely than every heavier point.
     *
     * @return their indexes, in increasing order
     */
    static List<Integer> pareto(SweepRow[] rows) {
        List<SweepRow> flown = new ArrayList<>(java.util.Arrays.stream(rows).filter(r -> r.error() == null).toList());
        flown.sort(java.util.Comparator.comparingDouble(SweepRow::payloadKg).reversed());
        List<Integer> front = new ArrayList<>();
        double heavier = Double.NEGATIVE_INFINITY; // the best probability of the heavier points
        for (int i = 0; i < flown.size();) {
            int j = i;
            double group = Double.NEGATIVE_INFINITY;
            while (j < flown.size() && flown.get(j).payloadKg() == flown.get(i).payloadKg()) {
                group = Math.max(group, flown.get(j++).landingProbability());
            }
            for (int k = i; k < j; k++) {
                if (flown.get(k).landingProbability() == group && group > heavier) {
                    front.add(flown.get(k).index());
                }
            }
            heavier = Math.max(heavier, group);
            i = j;
        }
        front.sort(null);
        return front;
    }

    private static Map<String, Object> json(SweepSpec.Point p, SweepRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", r.index());
        m.put("payload_kg", JsonNumbers.roundOrNull(r.payloadKg(), 1));
        m.put("landing_zone", p.zone());
        m.put("landing_ignition_altitude_m", p.ignitionM());
        m.put("propellant_margin", p.margin());
        Map<String, Object> orbit = null;
        if (p.orbit() != null) {
            orbit = new LinkedHashMap<>();
            orbit.put("perigee_km", p.orbit().perigeeKm());
            orbit.put("apogee_km", p.orbit().apogeeKm());
            orbit.put("inclination_deg", p.orbit().inclinationDeg());
        }
        m.put("target_orbit", orbit);
        m.put("first_stage_reserve_kg", JsonNumbers.roundOrNull(r.firstStageReserveKg(), 1));
        m.put("nominal_outcome", r.outcome());
        m.put("miss_m", JsonNumbers.roundOrNull(r.missM(), 3));
        m.put("propellant_remaining_kg", JsonNumbers.roundOrNull(r.propellantRemainingKg(), 1));
        m.put("runs", r.runs());
        m.put("landed", r.landed());
        m.put("landing_probability", JsonNumbers.roundOrNull(r.landingProbability(), 5));
        m.put("error", r.error());
        return m;
    }

    private static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"").replace("\n", " ") + "\"" : s;
    }

    private static void writeCsv(Path file, SweepSpec spec, SweepRow[] rows, java.util.Set<Integer> pareto) {
        AtomicTextFile.write(file, w -> {
            w.write("point,payload_kg,landing_zone,landing_ignition_altitude_m,propellant_margin,perigee_km,apogee_km,inclination_deg,"
                + "first_stage_reserve_kg,nominal_outcome,miss_m,propellant_remaining_kg,runs,landed,landing_probability,pareto,error\n");
            for (SweepRow r : rows) {
                SweepSpec.Point p = spec.point(r.index());
                List<Object> cells = new ArrayList<>(List.of(r.index()));
                cells.add(r.error() == null ? String.format(Locale.ROOT, "%.1f", r.payloadKg()) : null);
                cells.add(p.zone());
                cells.add(p.ignitionM());
                cells.add(p.margin());
                cells.add(p.orbit() == null ? null : p.orbit().perigeeKm());
                cells.add(p.orbit() == null ? null : p.orbit().apogeeKm());
                cells.add(p.orbit() == null ? null : p.orbit().inclinationDeg());
                boolean flown = r.error() == null;
                cells.add(flown ? String.format(Locale.ROOT, "%.1f", r.firstStageReserveKg()) : null);
                cells.add(r.outcome());
                cells.add(flown ? String.format(Locale.ROOT, "%.3f", r.missM()) : null);
                cells.add(flown ? String.format(Locale.ROOT, "%.1f", r.propellantRemainingKg()) : null);
                cells.add(r.runs());
                cells.add(r.landed());
                cells.add(flown ? String.format(Locale.ROOT, "%.5f", r.landingProbability()) : null);
                cells.add(pareto.contains(r.index()));
                cells.add(r.error());
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < cells.size(); k++) {
                    b.append(k == 0 ? "" : ",").append(csvCell(cells.get(k)));
                }
                w.write(b.append('\n').toString());
            }
        });
    }
}
