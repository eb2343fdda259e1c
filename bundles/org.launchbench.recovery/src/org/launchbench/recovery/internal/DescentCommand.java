package org.launchbench.recovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import org.launchbench.core.InvalidInputException;
import org.launchbench.optim.SocpSolver;
import org.launchbench.recovery.descent.DescentProblem;
import org.launchbench.recovery.descent.PoweredDescent;
import org.osgi.service.component.annotations.Component;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

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

    /** Reads and checks a problem file: every mistake is bad input naming the file, the key, the value and the range. */
    static DescentProblem read(Path file) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            if (!e.isJsonObject()) {
                throw bad(file, "(document)", e.toString(), "a JSON object", "write the problem as {\"key\": value, ...}");
            }
            o = e.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw InvalidInputException.because("does not exist").source(file.toString()).fix("check the path").build(e);
        } catch (IOException e) {
            throw InvalidInputException.because("cannot be read: " + e.getMessage()).source(file.toString()).build(e);
        } catch (JsonParseException e) {
            throw InvalidInputException.because("is not valid JSON: " + e.getMessage()).source(file.toString())
                .fix("check the brackets, commas and quotes").build(e);
        }
        Set<String> known = Set.of("gravity_m_s2", "dry_mass_kg", "wet_mass_kg", "isp_s", "thrust_min_N", "thrust_max_N",
            "position_m", "velocity_m_s", "glide_slope_deg", "max_tilt_deg", "max_speed_m_s", "time_of_flight_s", "nodes",
            "objective");
        for (String key : o.keySet()) {
            if (!known.contains(key)) {
                throw bad(file, key, "(unknown key)", String.join(", ", new java.util.TreeSet<>(known)), "remove or correct it");
            }
        }
        double[] gravity = vector3(file, o, "gravity_m_s2");
        double dry = positive(file, o, "dry_mass_kg");
        double wet = positive(file, o, "wet_mass_kg");
        if (wet <= dry) {
            throw bad(file, "wet_mass_kg", String.valueOf(wet), "more than dry_mass_kg (" + dry + ")", "give the mass at ignition");
        }
        double isp = positive(file, o, "isp_s");
        double tMax = positive(file, o, "thrust_max_N");
        double tMin = number(file, o, "thrust_min_N", true);
        if (tMin < 0 || tMin >= tMax) {
            throw bad(file, "thrust_min_N", String.valueOf(tMin), "0 to thrust_max_N (" + tMax + ")", "check the throttle range");
        }
        double[] position = vector3(file, o, "position_m");
        double[] velocity = vector3(file, o, "velocity_m_s");
        if (position[0] <= 0) {
            throw bad(file, "position_m", String.valueOf(position[0]) + " up", "above the target (up > 0)", "start above the ground");
        }
        double glide = optionalAngle(file, o, "glide_slope_deg", 0, 90);
        double tilt = optionalAngle(file, o, "max_tilt_deg", 0, 180);
        double speed = o.has("max_speed_m_s") ? positive(file, o, "max_speed_m_s") : Double.NaN;
        double tof = o.has("time_of_flight_s") ? positive(file, o, "time_of_flight_s") : Double.NaN;
        double nodes = number(file, o, "nodes", true);
        if (nodes != Math.rint(nodes) || nodes < 2 || nodes > 500) {
            throw bad(file, "nodes", String.valueOf(nodes), "an integer from 2 to 500", "50 is typical");
        }
        String objective = o.has("objective") && o.get("objective").isJsonPrimitive() ? o.get("objective").getAsString() : null;
        DescentProblem.Objective obj;
        if ("min-propellant".equals(objective)) {
            obj = DescentProblem.Objective.MIN_PROPELLANT;
        } else if ("min-landing-error".equals(objective)) {
            obj = DescentProblem.Objective.MIN_LANDING_ERROR;
        } else {
            throw bad(file, "objective", String.valueOf(objective), "min-propellant, min-landing-error", "choose one");
        }
        if (obj == DescentProblem.Objective.MIN_LANDING_ERROR && !Double.isNaN(glide)) {
            throw bad(file, "glide_slope_deg", String.valueOf(glide), "none with min-landing-error (not supported yet)",
                "leave glide_slope_deg out, or use min-propellant");
        }
        return new DescentProblem(gravity, dry, wet, isp, tMin, tMax, position, velocity, glide, tilt, speed, tof, (int) nodes, obj);
    }

    private static InvalidInputException bad(Path file, String key, String value, String allowed, String fix) {
        return InvalidInputException.because("is not accepted").source(file.toString()).element(key).value(value).allowed(allowed)
            .fix(fix).build();
    }

    private static double number(Path file, JsonObject o, String key, boolean required) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw InvalidInputException.because("is missing").source(file.toString()).element(key).fix("add it (see launchbench descent --help)").build();
            }
            return Double.NaN;
        }
        try {
            double v = e.getAsDouble();
            if (!Double.isFinite(v) || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new NumberFormatException();
            }
            return v;
        } catch (RuntimeException ex) {
            throw bad(file, key, e.toString(), "a number", "write a plain number");
        }
    }

    private static double positive(Path file, JsonObject o, String key) {
        double v = number(file, o, key, true);
        if (v <= 0) {
            throw bad(file, key, String.valueOf(v), "greater than 0", "check the value and its unit");
        }
        return v;
    }

    private static double optionalAngle(Path file, JsonObject o, String key, double min, double max) {
        if (!o.has(key)) {
            return Double.NaN;
        }
        double v = number(file, o, key, true);
        if (v <= min || v >= max) {
            throw bad(file, key, String.valueOf(v), "between " + min + " and " + max + " degrees (exclusive)", "or leave it out");
        }
        return v;
    }

    private static double[] vector3(Path file, JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null) {
            throw InvalidInputException.because("is missing").source(file.toString()).element(key).fix("add it as [up, east, north]").build();
        }
        if (!e.isJsonArray() || e.getAsJsonArray().size() != 3) {
            throw bad(file, key, e.toString(), "three numbers [up, east, north]", "write a 3-element array");
        }
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = a.get(i).getAsDouble();
            } catch (RuntimeException ex) {
                throw bad(file, key, e.toString(), "three numbers [up, east, north]", "write a 3-element array of numbers");
            }
        }
        return v;
    }
}
