package org.launchbench.constellation.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.cli.JsonNumbers;
import org.launchbench.constellation.ConstellationSpec;
import org.launchbench.constellation.DeploymentPlan;
import org.launchbench.constellation.DeploymentPlanner;
import org.launchbench.constellation.Plane;
import org.launchbench.constellation.TrajectoryPayload;
import org.launchbench.core.AtomicTextFile;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code launchbench constellation plan SPEC [--json] [--csv FILE]}: a constellation's deployment plan. */
@Component(service = CliCommand.class)
public final class ConstellationPlanCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of("--csv"));
    private static final EarthModel EARTH = EarthModel.WGS84;

    @Reference
    private VehicleCatalog catalog;

    @Override
    public String name() {
        return "constellation plan";
    }

    @Override
    public String summary() {
        return "Plan a constellation's deployment: launches, planes, drift, timeline";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench constellation plan SPEC [--json] [--csv FILE]

            Assigns the constellation's satellites to launch opportunities (vehicles, sites, cadences), each launch to
            its plane(s), and times every satellite from launch to its slot (docs/constellation.md). SPEC is a JSON
            file (examples/constellations/).
              --json      {"name", "launches": [{"index", "vehicle", "site", "date", "satellites", "target_plane",
                           "planes": [{"plane", "satellites", "drift_days"}], "ascending_pass", "insertion_raan_deg",
                           "insertion_altitude_km", "insertion_inclination_deg"}],
                           "planes": [{"index", "inclination_deg", "altitude_km", "raan_deg", "local_time_h",
                           "satellites", "launches", "complete_date"}],
                           "totals": {"satellites", "launches", "days_to_complete", "max_delta_v_m_s",
                           "max_propellant_kg", "max_drift_days", "first_launch_date", "complete_date", "cost"},
                           "launchers": [...], "notes": [...]}
              --csv FILE  one line per satellite: plane, slot, launch, separation, drift, raise and phasing days,
                          on-station date, delta-v, propellant (written atomically)
            Exit 2 for a spec that cannot be planned (with the numbers: an orbit no launcher reaches, too few
            launches, an inconsistent T/P/F, a deadline the plan misses).
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "SPEC");
        Path file = Path.of(args.positionals().get(0));
        // a bad output is refused before the plan is made
        args.value("--csv").ifPresent(f -> AtomicTextFile.checkTarget(Path.of(f), "--csv"));
        ConstellationSpec spec = ConstellationSpec.read(file, catalog, new TrajectoryPayload(EARTH, invocation.monitor()), EARTH);
        DeploymentPlan plan = new DeploymentPlanner(EARTH).plan(spec.design(), spec.launchers(), spec.satellite(), spec.strategy(),
            spec.objective(), spec.deadline(), file.toString());
        if (args.value("--csv").isPresent()) {
            writeCsv(Path.of(args.value("--csv").get()), plan);
        }
        if (args.flag("--json")) {
            invocation.printJson(json(spec, plan));
        } else {
            print(invocation.out(), spec, plan);
        }
        return ExitCode.OK;
    }

    static Map<String, Object> json(ConstellationSpec spec, DeploymentPlan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", spec.name());
        List<Object> launches = new ArrayList<>();
        for (DeploymentPlan.Launch l : plan.launches()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", l.index());
            m.put("vehicle", l.launcher().vehicle());
            m.put("site", l.launcher().site());
            m.put("date", time(l.time()));
            m.put("satellites", l.satellites());
            m.put("target_plane", l.targetPlane());
            List<Object> groups = new ArrayList<>();
            for (DeploymentPlan.Group g : l.planes()) {
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("plane", g.plane());
                gm.put("satellites", g.satellites());
                gm.put("drift_days", JsonNumbers.round(g.driftDays(), 2));
                groups.add(gm);
            }
            m.put("planes", groups);
            m.put("ascending_pass", l.ascendingPass());
            m.put("insertion_raan_deg", JsonNumbers.round(Math.toDegrees(l.insertionRaan()), 4));
            m.put("insertion_altitude_km", JsonNumbers.round(l.insertionAltitude() / 1000, 3));
            m.put("insertion_inclination_deg", JsonNumbers.round(Math.toDegrees(l.insertionInclination()), 4));
            launches.add(m);
        }
        doc.put("launches", launches);
        List<Object> planes = new ArrayList<>();
        for (DeploymentPlan.PlaneCompletion c : plan.planes()) {
            Plane p = c.plane();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", p.index());
            m.put("inclination_deg", JsonNumbers.round(Math.toDegrees(p.inclination()), 4));
            m.put("altitude_km", JsonNumbers.round(p.altitude() / 1000, 3));
            m.put("raan_deg", JsonNumbers.round(Math.toDegrees(p.raan()), 4));
            if (!Double.isNaN(p.localTimeHours())) {
                m.put("local_time_h", p.localTimeHours());
            }
            m.put("satellites", p.satellites());
            m.put("launches", c.launches());
            m.put("complete_date", time(c.complete()));
            planes.add(m);
        }
        doc.put("planes", planes);
        DeploymentPlan.Totals t = plan.totals();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("satellites", t.satellites());
        totals.put("launches", t.launches());
        totals.put("days_to_complete", JsonNumbers.round(t.daysToComplete(), 2));
        totals.put("max_delta_v_m_s", JsonNumbers.round(t.maxDeltaV(), 2));
        totals.put("max_propellant_kg", JsonNumbers.round(t.maxPropellant(), 3));
        totals.put("max_drift_days", JsonNumbers.round(t.maxDriftDays(), 2));
        totals.put("first_launch_date", time(t.start()));
        totals.put("complete_date", time(t.complete()));
        if (!Double.isNaN(t.cost())) {
            totals.put("cost", JsonNumbers.round(t.cost(), 3));
        }
        doc.put("totals", totals);
        List<Object> launchers = new ArrayList<>();
        for (var l : spec.launchers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vehicle", l.vehicle());
            m.put("site", l.site());
            m.put("dispenser", l.dispenser());
            m.put("satellites_per_launch", l.satellites());
            m.put("payload_kg", JsonNumbers.round(l.payload(), 1));
            m.put("cadence_days", l.cadenceDays());
            launchers.add(m);
        }
        doc.put("launchers", launchers);
        Map<String, Object> strategy = new LinkedHashMap<>();
        strategy.put("kind", plan.strategy().kind().name().toLowerCase(Locale.ROOT));
        strategy.put("parking_altitude_km", JsonNumbers.round(plan.strategy().parkingAltitude() / 1000, 3));
        strategy.put("phasing_altitude_offset_km", JsonNumbers.round(plan.strategy().phasingOffset() / 1000, 3));
        strategy.put("inclination_offset_deg", JsonNumbers.round(Math.toDegrees(plan.strategy().inclinationOffset()), 4));
        doc.put("strategy", strategy);
        doc.put("objective", plan.objective().name().toLowerCase(Locale.ROOT));
        doc.put("notes", spec.notes());
        return doc;
    }

    private static void print(PrintStream out, ConstellationSpec spec, DeploymentPlan plan) {
        DeploymentPlan.Totals t = plan.totals();
        out.printf(Locale.ROOT, "%s: %d satellites in %d planes, %s, objective: %s%n", spec.name(), t.satellites(), plan.planes().size(),
            plan.strategy().kind().name().toLowerCase(Locale.ROOT), plan.objective().name().toLowerCase(Locale.ROOT));
        for (String n : spec.notes()) {
            out.println("note: " + n);
        }
        out.printf(Locale.ROOT, "%d launches from %s; complete %s, %.0f days after the start; max delta-v %.1f m/s, propellant %.2f kg,"
            + " longest drift %.0f days%n", t.launches(), date(t.start()), date(t.complete()), t.daysToComplete(), t.maxDeltaV(),
            t.maxPropellant(), t.maxDriftDays());
        out.printf("%6s  %-20s  %-10s  %-20s  %5s  %5s  %s%n", "LAUNCH", "LIFTOFF (UTC)", "VEHICLE", "SITE", "SATS", "PLANE", "PLANES (drift days)");
        for (DeploymentPlan.Launch l : plan.launches()) {
            StringBuilder groups = new StringBuilder();
            for (DeploymentPlan.Group g : l.planes()) {
                groups.append(String.format(Locale.ROOT, "%s%d×%d (%.0f)", groups.length() == 0 ? "" : ", ", g.satellites(), g.plane(),
                    g.driftDays()));
            }
            out.printf(Locale.ROOT, "%6d  %-20s  %-10s  %-20s  %5d  %5d  %s%n", l.index(), time(l.time()), l.launcher().vehicle(),
                l.launcher().site(), l.satellites(), l.targetPlane(), groups);
        }
        out.printf("%5s  %8s  %8s  %9s  %5s  %8s  %s%n", "PLANE", "INC deg", "ALT km", "RAAN deg", "SATS", "LAUNCHES", "COMPLETE (UTC)");
        for (DeploymentPlan.PlaneCompletion c : plan.planes()) {
            Plane p = c.plane();
            out.printf(Locale.ROOT, "%5d  %8.3f  %8.1f  %9.3f  %5d  %8d  %s%n", p.index(), Math.toDegrees(p.inclination()), p.altitude() / 1000,
                Math.toDegrees(p.raan()), p.satellites(), c.launches(), time(c.complete()));
        }
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String date(Instant t) {
        return t.toString().substring(0, 10);
    }

    private static void writeCsv(Path file, DeploymentPlan plan) {
        AtomicTextFile.write(file, w -> {
            w.write("plane,slot,launch,separation_utc,drift_days,raise_days,phasing_days,on_station_utc,delta_v_m_s,propellant_kg\n");
            for (DeploymentPlan.SatellitePlan s : plan.satellites()) {
                w.write(String.format(Locale.ROOT, "%d,%d,%d,%s,%.3f,%.3f,%.3f,%s,%.3f,%.4f%n", s.plane(), s.slot(), s.launch(),
                    time(s.separation()), s.driftDays(), s.raiseDays(), s.phasingDays(), time(s.onStation()), s.deltaV(), s.propellant()));
            }
        });
    }
}
