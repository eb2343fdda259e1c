package org.launchbench.recovery.internal;

import java.nio.file.Path;
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
import org.launchbench.core.InputFiles;
import org.launchbench.core.json.JsonFields;
import org.launchbench.core.json.StrictJson;
import org.launchbench.optim.SocpSolver;
import org.launchbench.recovery.descent.DescentProblem;
import org.launchbench.recovery.descent.PoweredDescent;
import org.osgi.service.component.annotations.Component;

/** {@code launchbench descent PROBLEM_JSON [--json]}: one powered-descent problem solved as a cone program. */
@Component(service = CliCommand.class)
public final class DescentCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of());

    @Override
    public String name() {
        return "descent";
    }

    @Override
    public String summary() {
        return "Solve one powered-descent (landing-burn) problem by lossless convexification";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench descent PROBLEM_JSON [--json]

            Brings a vehicle to rest at the target (the origin) with bounded thrust, minimising propellant or
            landing error, as a second-order cone program (docs/recovery.md). Vectors are [up, east, north].
            PROBLEM_JSON: {"gravity_m_s2": [-9.80665, 0, 0], "dry_mass_kg", "wet_mass_kg", "isp_s",
              "thrust_min_N", "thrust_max_N", "position_m": [..], "velocity_m_s": [..],
              "glide_slope_deg" (optional), "max_tilt_deg" (optional), "max_speed_m_s" (optional),
              "time_of_flight_s" (optional: omitted = optimised), "nodes",
              "objective": "min-propellant" | "min-landing-error"}
              --json   {"status": "optimal" | "infeasible", "time_of_flight_s", "propellant_kg",
                        "landing_error_m", "final_position_m", "final_velocity_m_s", "iterations", "solves",
                        "solve_time_ms", "trajectory": [{"t_s", "position_m", "velocity_m_s", "thrust_N", "mass_kg"}],
                        "reason" (when infeasible)}
            Exit 0 when solved, 1 when infeasible (the reason on stderr), 2 for a bad problem file.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "PROBLEM_JSON");
        Path file = Path.of(args.positionals().get(0));
        DescentProblem problem = read(file);
        long start = System.nanoTime();
        PoweredDescent.Solution s = new PoweredDescent(new SocpSolver()).solve(problem);
        double ms = (System.nanoTime() - start) / 1e6;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", s.feasible() ? "optimal" : "infeasible");
        if (s.feasible()) {
            PoweredDescent.Node last = s.trajectory().get(s.trajectory().size() - 1);
            doc.put("time_of_flight_s", JsonNumbers.round(s.timeOfFlight(), 3));
            doc.put("propellant_kg", JsonNumbers.round(s.propellant(), 3));
            doc.put("landing_error_m", JsonNumbers.round(s.landingError(), 3));
            doc.put("final_position_m", vector(last.position()));
            doc.put("final_velocity_m_s", vector(last.velocity()));
        }
        doc.put("iterations", s.iterations());
        doc.put("solves", s.solves());
        doc.put("solve_time_ms", JsonNumbers.round(ms, 1));
        List<Map<String, Object>> trajectory = new ArrayList<>();
        for (PoweredDescent.Node n : s.trajectory()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("t_s", JsonNumbers.round(n.time(), 4));
            m.put("position_m", vector(n.position()));
            m.put("velocity_m_s", vector(n.velocity()));
            m.put("thrust_N", vector(n.thrust()));
            m.put("mass_kg", JsonNumbers.round(n.mass(), 3));
            trajectory.add(m);
        }
        doc.put("trajectory", trajectory);
        if (!s.feasible()) {
            doc.put("reason", s.reason());
            invocation.err().println("launchbench descent: infeasible: " + s.reason());
        }
        if (args.flag("--json")) {
            invocation.printJson(doc);
        } else if (s.feasible()) {
            var out = invocation.out();
            out.printf(Locale.ROOT, "optimal: time of flight %.2f s, propellant %.2f kg, landing error %.2f m (%d solves, %.0f ms)%n",
                s.timeOfFlight(), s.propellant(), s.landingError(), s.solves(), ms);
            out.printf("%8s %30s %26s %28s %9s%n", "T s", "POSITION m (up, east, north)", "VELOCITY m/s", "THRUST N", "MASS kg");
            for (PoweredDescent.Node n : s.trajectory()) {
                out.printf(Locale.ROOT, "%8.2f %9.1f %9.1f %9.1f  %8.2f %8.2f %8.2f  %8.0f %8.0f %8.0f %9.1f%n", n.time(),
                    n.position()[0], n.position()[1], n.position()[2], n.velocity()[0], n.velocity()[1], n.velocity()[2],
                    n.thrust()[0], n.thrust()[1], n.thrust()[2], n.mass());
            }
        }
        return s.feasible() ? ExitCode.OK : ExitCode.RUN_FAILED;
    }

    private static List<Double> vector(double[] v) {
        return List.of(JsonNumbers.round(v[0], 4), JsonNumbers.round(v[1], 4), JsonNumbers.round(v[2], 4));
    }

    /** The largest problem file read, bytes: a problem is a few hundred bytes. */
    static final long MAX_BYTES = 1L << 20;

    /**
     * Reads and checks a problem file (strict JSON, bounded): every mistake is bad input naming the file, the key, the
     * value and the range. The ranges are generous physical bounds, so that no finite but absurd figure (1e308 kg)
     * reaches the cone program.
     */
    static DescentProblem read(Path file) {
        String source = file.toString();
        JsonFields o = JsonFields.root(source, StrictJson.parse(source, InputFiles.readText(file, "a descent problem (JSON)", MAX_BYTES)));
        o.onlyKeys(Set.of("gravity_m_s2", "dry_mass_kg", "wet_mass_kg", "isp_s", "thrust_min_N", "thrust_max_N",
            "position_m", "velocity_m_s", "glide_slope_deg", "max_tilt_deg", "max_speed_m_s", "time_of_flight_s", "nodes",
            "objective"));
        double[] gravity = o.vector3("gravity_m_s2");
        double g = Math.sqrt(gravity[0] * gravity[0] + gravity[1] * gravity[1] + gravity[2] * gravity[2]);
        if (!(g > 0 && g <= MAX_GRAVITY) || gravity[0] >= 0) {
            throw o.bad("gravity_m_s2", java.util.Arrays.toString(gravity), "pointing down (up < 0), magnitude up to " + MAX_GRAVITY
                + " m/s2", "give the local gravity as [up, east, north], e.g. [-9.80665, 0, 0]");
        }
        double dry = o.number("dry_mass_kg", 0, MAX_MASS, false, "kg");
        double wet = o.number("wet_mass_kg", 0, MAX_MASS, false, "kg");
        if (wet <= dry) {
            throw o.bad("wet_mass_kg", wet, "more than dry_mass_kg (" + dry + ")", "give the mass at ignition");
        }
        double isp = o.number("isp_s", 0, MAX_ISP, false, "s");
        double tMax = o.number("thrust_max_N", 0, MAX_THRUST, false, "N");
        double tMin = o.number("thrust_min_N", 0, MAX_THRUST, true, "N");
        if (tMin >= tMax) {
            throw o.bad("thrust_min_N", tMin, "0 to thrust_max_N (" + tMax + ")", "check the throttle range");
        }
        double[] position = bounded(o, "position_m", MAX_DISTANCE, "m");
        double[] velocity = bounded(o, "velocity_m_s", MAX_SPEED, "m/s");
        if (position[0] <= 0) {
            throw o.bad("position_m", position[0] + " up", "above the target (up > 0)", "start above the ground");
        }
        double glide = optionalAngle(o, "glide_slope_deg", 90);
        double tilt = optionalAngle(o, "max_tilt_deg", 180);
        double speed = o.has("max_speed_m_s") ? o.number("max_speed_m_s", 0, MAX_SPEED, false, "m/s") : Double.NaN;
        double tof = o.has("time_of_flight_s") ? o.number("time_of_flight_s", 0, MAX_TIME, false, "s") : Double.NaN;
        double nodes = o.number("nodes");
        if (nodes != Math.rint(nodes) || nodes < 2 || nodes > 500) {
            throw o.bad("nodes", nodes, "an integer from 2 to 500", "50 is typical");
        }
        DescentProblem.Objective obj = "min-propellant".equals(o.choice("objective", List.of("min-propellant", "min-landing-error")))
            ? DescentProblem.Objective.MIN_PROPELLANT : DescentProblem.Objective.MIN_LANDING_ERROR;
        if (obj == DescentProblem.Objective.MIN_LANDING_ERROR && !Double.isNaN(glide)) {
            throw o.bad("glide_slope_deg", glide, "none with min-landing-error (not supported yet)",
                "leave glide_slope_deg out, or use min-propellant");
        }
        return new DescentProblem(gravity, dry, wet, isp, tMin, tMax, position, velocity, glide, tilt, speed, tof, (int) nodes, obj);
    }

    /** Bounds of the problem's figures: far beyond any lander or booster, well inside what the solver's scaling handles. */
    private static final double MAX_GRAVITY = 100;
    private static final double MAX_MASS = 1e7;
    private static final double MAX_ISP = 10_000;
    private static final double MAX_THRUST = 1e9;
    private static final double MAX_DISTANCE = 1e6;
    private static final double MAX_SPEED = 1e4;
    private static final double MAX_TIME = 3600;

    private static double[] bounded(JsonFields o, String key, double max, String unit) {
        double[] v = o.vector3(key);
        for (int i = 0; i < 3; i++) {
            if (Math.abs(v[i]) > max) {
                throw o.bad(key + "[" + i + "]", v[i] + " " + unit, "-" + (long) max + " to " + (long) max + " " + unit,
                    "check the value and its unit (vectors are [up, east, north])");
            }
        }
        return v;
    }

    private static double optionalAngle(JsonFields o, String key, double max) {
        if (!o.has(key)) {
            return Double.NaN;
        }
        double v = o.number(key);
        if (v <= 0 || v >= max) {
            throw o.bad(key, v, "between 0 and " + (long) max + " degrees (exclusive)", "or leave it out");
        }
        return v;
    }
}
