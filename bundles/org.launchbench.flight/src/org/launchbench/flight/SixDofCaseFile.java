package org.launchbench.flight;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.json.JsonFields;
import org.launchbench.core.InputFiles;
import org.launchbench.core.json.StrictJson;
import org.launchbench.flight.models.ConstantAerodynamics;
import org.launchbench.flight.vehicle.StageCase;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.flight.wind.MilF8785cTurbulence;
import org.launchbench.flight.wind.OneMinusCosineGust;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * Reads a {@code launchbench sixdof} case file (docs/flight-dynamics.md gives the format): strict JSON, every key
 * known, every number finite and in its range, the inertia a real body's. A mistake is one
 * {@link InvalidInputException} naming the file, the key, the value and the allowed range.
 */
public final class SixDofCaseFile {

    /** The largest case file read, bytes: a case is a few kilobytes; a wind profile of 10,000 points is 1 MB. */
    static final long MAX_BYTES = 16L << 20;

    /** The longest flight, s (a day), and the most samples written, to keep an output a file can hold. */
    static final double MAX_DURATION_S = 86_400;
    static final double MAX_SAMPLES = 1_000_000;

    /** The Earth models a case may name. */
    static final List<String> EARTHS = List.of("wgs84-j2-rotating", "spherical-nonrotating", "spherical-rotating");

    private static final Set<String> TOP = Set.of("description", "mass_kg", "inertia_kg_m2", "reference_area_m2",
        "reference_span_m", "reference_chord_m", "aerodynamics", "initial", "earth", "atmosphere", "wind", "duration_s",
        "output_step_s", "integration_step_s", "turbulence", "gusts");
    private static final Set<String> STAGE_TOP = Set.of("description", "stage", "initial", "earth", "atmosphere", "wind",
        "duration_s", "output_step_s", "integration_step_s", "turbulence", "gusts");
    private static final Set<String> AERO = Set.of("CD", "CL", "CY", "Clp_per_rad", "Cmq_per_rad", "Cnr_per_rad");
    private static final Set<String> INITIAL = Set.of("latitude_deg", "longitude_deg", "altitude_m", "velocity_ned_m_s",
        "euler_deg", "body_rates_deg_s", "body_rates_frame");

    private SixDofCaseFile() {
    }

    /**
     * @param file a rigid-body case file
     * @return the case it describes
     * @throws InvalidInputException naming the file, key, value and allowed range of the first mistake (a stage case
     *                               among them: read those with {@link #read(Path, Function)})
     */
    public static SixDofCase read(Path file) {
        FlightCase c = read(file, id -> Optional.empty());
        if (!(c instanceof SixDofCase rigid)) {
            throw InvalidInputException.because("is a stage case, not a rigid body's").source(file.toString()).element("stage")
                .fix("fly it with launchbench sixdof").build();
        }
        return rigid;
    }

    /**
     * @param file     a case file: a rigid body (mass, inertia, aerodynamics) or a vehicle's stage ({@code "stage"})
     * @param vehicles the vehicles a stage case may name, by id (the catalog)
     * @return the case it describes
     * @throws InvalidInputException naming the file, key, value and allowed range of the first mistake
     */
    public static FlightCase read(Path file, Function<String, Optional<LaunchVehicle>> vehicles) {
        String source = file.toString();
        JsonFields o = JsonFields.root(source, StrictJson.parse(source, text(file)));
        boolean stage = o.has("stage");
        o.onlyKeys(stage ? STAGE_TOP : TOP);
        String description = o.optionalString("description");
        if (stage) {
            return stageCase(file, o, description, vehicles);
        }
        double mass = o.number("mass_kg", 0, 1e9, false, "kg");
        double[][] matrix = o.matrix3("inertia_kg_m2");
        InertiaTensor inertia = inertia(o, matrix);
        double area = o.has("reference_area_m2") ? o.number("reference_area_m2", 0, 1e6, true, "m2") : 0;
        double span = o.has("reference_span_m") ? o.number("reference_span_m", 0, 1e4, true, "m") : 0;
        double chord = o.has("reference_chord_m") ? o.number("reference_chord_m", 0, 1e4, true, "m") : 0;
        ConstantAerodynamics aero = aerodynamics(o, area, span, chord);
        Common c = common(o, Double.POSITIVE_INFINITY);
        return new SixDofCase(description == null ? file.getFileName().toString() : description, mass, inertia, aero, c.initial(),
            c.environment(), c.durationS(), c.outputStepS(), c.maxStepS(), c.turbulence(), c.seed(), c.gusts());
    }

    /** What both kinds of case share: the start, the world, the times and the air's disturbances. */
    private record Common(InitialConditions initial, FlightEnvironment environment, double durationS, double outputStepS, double maxStepS,
                          MilF8785cTurbulence turbulence, long seed, List<OneMinusCosineGust> gusts) {
    }

    private static Common common(JsonFields o, double periodS) {
        InitialConditions initial = initial(o.object("initial"));
        String earthName = o.choice("earth", EARTHS);
        String air = o.choice("atmosphere", List.of("ussa76", "none"));
        Winds winds = o.has("wind") ? wind(o.object("wind")) : Winds.CALM;
        double duration = o.number("duration_s", 0, MAX_DURATION_S, false, "s");
        double step = o.number("output_step_s", 0, duration, false, "s (at most duration_s)");
        if (duration / step > MAX_SAMPLES) {
            throw o.bad("output_step_s", step, "at least duration_s / " + (long) MAX_SAMPLES + " = " + duration / MAX_SAMPLES + " s",
                "sample less often");
        }
        double ceiling = Math.min(step, periodS);
        double maxStep = o.has("integration_step_s")
            ? o.number("integration_step_s", 0, ceiling, false, "s (at most output_step_s and the control period)")
            : Math.min(SixDofPropagator.DEFAULT_MAX_STEP_S, ceiling);
        if (duration / Math.min(maxStep, step) > 1e8) {
            throw o.bad("integration_step_s", maxStep, "at least duration_s / 1e8", "take a longer step");
        }
        FlightEnvironment env = new FlightEnvironment(earth(earthName), "none".equals(air) ? null : UsStandardAtmosphere1976.INSTANCE, winds);
        MilF8785cTurbulence turbulence = null;
        long seed = 0;
        if (o.has("turbulence")) {
            JsonFields t = o.object("turbulence").onlyKeys(Set.of("severity", "wind_at_20ft_m_s", "seed"));
            MilF8785cTurbulence.Severity severity = MilF8785cTurbulence.Severity.valueOf(
                t.choice("severity", List.of("light", "moderate", "severe")).toUpperCase(java.util.Locale.ROOT));
            double w20 = t.has("wind_at_20ft_m_s") ? t.number("wind_at_20ft_m_s", 0, 100, true, "m/s") : severity.windAt20FtMS();
            double s = t.number("seed", 0, 9.007199254740992e15, true, "");
            if (s != Math.rint(s)) {
                throw t.bad("seed", s, "a whole number from 0 to 2^53", "give an integer");
            }
            seed = (long) s;
            turbulence = new MilF8785cTurbulence(w20, severity);
        }
        List<OneMinusCosineGust> gusts = new ArrayList<>();
        if (o.has("gusts")) {
            for (JsonFields g : o.objects("gusts", 0, 1000)) {
                g.onlyKeys(Set.of("peak_velocity_ned_m_s", "start_s", "ramp_s", "hold_s"));
                double[] v = g.vector3("peak_velocity_ned_m_s");
                for (int k = 0; k < 3; k++) {
                    if (Math.abs(v[k]) > 200) {
                        throw g.bad("peak_velocity_ned_m_s[" + k + "]", v[k], "-200 to 200 m/s", "check the value and its unit");
                    }
                }
                gusts.add(new OneMinusCosineGust(new Vector3D(v), g.number("start_s", 0, MAX_DURATION_S, true, "s"),
                    g.number("ramp_s", 0, MAX_DURATION_S, false, "s"), g.has("hold_s") ? g.number("hold_s", 0, MAX_DURATION_S, true, "s") : 0));
            }
        }
        return new Common(initial, env, duration, step, maxStep, turbulence, seed, gusts);
    }

    /** A stage case: {"stage": {"vehicle", "stage_id", "propellant_kg", "control", "control_rate_hz"}, ...}. */
    private static StageCase stageCase(Path file, JsonFields o, String description, Function<String, Optional<LaunchVehicle>> vehicles) {
        JsonFields s = o.object("stage").onlyKeys(Set.of("vehicle", "stage_id", "propellant_kg", "control", "control_rate_hz"));
        String id = s.optionalString("vehicle");
        if (id == null) {
            throw InvalidInputException.because("is missing").source(file.toString()).element("stage.vehicle")
                .fix("name a catalog vehicle (launchbench vehicles lists them)").build();
        }
        LaunchVehicle vehicle = vehicles.apply(id).orElseThrow(() -> InvalidInputException.because("is not a catalog vehicle")
            .source(file.toString()).element("stage.vehicle").value(id).fix("name one that launchbench vehicles lists").build());
        String stageId = s.optionalString("stage_id");
        if (stageId == null) {
            throw InvalidInputException.because("is missing").source(file.toString()).element("stage.stage_id")
                .allowed(String.join(", ", vehicle.getStages().stream().map(Stage::getId).toList())).fix("name the stage to fly").build();
        }
        Stage stage = vehicle.getStages().stream().filter(x -> x.getId().equals(stageId)).findFirst().orElseThrow(() -> s.bad(
            "stage_id", stageId, String.join(", ", vehicle.getStages().stream().map(Stage::getId).toList()), "name one of the vehicle's stages"));
        double usable = stage.getPropellantMass() - stage.getResidualPropellantMass();
        double propellant = s.number("propellant_kg", 0, usable, true, "kg (the stage's usable propellant at most)");
        String control = s.choice("control", StageCase.CONTROLS);
        double rate = s.has("control_rate_hz") ? s.number("control_rate_hz", 1, 1000, true, "Hz") : 100;
        Common c = common(o, 1 / rate);
        double periods = c.outputStepS() * rate;
        if (Math.abs(periods - Math.rint(periods)) > 1e-9 || Math.rint(periods) < 1) {
            throw o.bad("output_step_s", c.outputStepS(), "a whole number of control periods (1/" + rate + " s)", "sample on the control rate");
        }
        return new StageCase(description == null ? vehicle.getName() + " " + stage.getName() : description, vehicle, stage, propellant,
            control, rate, c.initial(), c.environment(), c.durationS(), c.outputStepS(), c.maxStepS(), c.turbulence(), c.seed(), c.gusts());
    }

    /**
     * The sphere of NASA/TM-2015-218675's round-Earth check-cases 4 and 5, m: 20,902,254.5305 ft, the radius NASA's
     * tools flew (within 0.2 m of the TM's 20,902,255.199 ft); within 2 m of the IUGG mean radius.
     */
    public static final double SPHERE_RADIUS_M = 6_371_007.1809;

    /**
     * @param name a case file's {@code earth}
     * @return the named Earth: WGS-84 with J2 and rotation, or a sphere of {@link #SPHERE_RADIUS_M} with WGS-84's μ,
     *         an inverse-square field, rotating at WGS-84's rate or not at all
     */
    public static EarthModel earth(String name) {
        EarthModel w = EarthModel.WGS84;
        return switch (name) {
            case "wgs84-j2-rotating" -> w;
            case "spherical-nonrotating" -> new EarthModel(w.mu(), SPHERE_RADIUS_M, 0, 0, 0);
            case "spherical-rotating" -> new EarthModel(w.mu(), SPHERE_RADIUS_M, 0, 0, w.rotationRate());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String text(Path file) {
        return InputFiles.readText(file, "a case file", MAX_BYTES);
    }

    private static InertiaTensor inertia(JsonFields o, double[][] m) {
        InertiaTensor t;
        try {
            t = InertiaTensor.of(m);
        } catch (IllegalArgumentException e) {
            throw o.bad("inertia_kg_m2", java.util.Arrays.deepToString(m), "a symmetric matrix", "make the products of inertia equal across the diagonal");
        }
        String why = t.check();
        if (why != null) {
            throw o.bad("inertia_kg_m2", java.util.Arrays.deepToString(m),
                "a positive-definite tensor whose principal moments satisfy I1 + I2 >= I3", "it is " + why + "; check the values and their unit (kg m2)");
        }
        return t;
    }

    private static ConstantAerodynamics aerodynamics(JsonFields o, double area, double span, double chord) {
        if (!o.has("aerodynamics")) {
            return new ConstantAerodynamics(area, span, chord, 0, 0, 0, 0, 0, 0);
        }
        JsonFields a = o.object("aerodynamics").onlyKeys(AERO);
        double cd = a.has("CD") ? a.number("CD", 0, 100, true, "") : 0;
        double cl = a.has("CL") ? a.number("CL", -100, 100, true, "") : 0;
        double cy = a.has("CY") ? a.number("CY", -100, 100, true, "") : 0;
        double clp = a.has("Clp_per_rad") ? a.number("Clp_per_rad", -1e3, 1e3, true, "per rad") : 0;
        double cmq = a.has("Cmq_per_rad") ? a.number("Cmq_per_rad", -1e3, 1e3, true, "per rad") : 0;
        double cnr = a.has("Cnr_per_rad") ? a.number("Cnr_per_rad", -1e3, 1e3, true, "per rad") : 0;
        if ((cd != 0 || cl != 0 || cy != 0 || clp != 0 || cmq != 0 || cnr != 0) && area == 0) {
            throw o.bad("reference_area_m2", area == 0 && !o.has("reference_area_m2") ? "(missing)" : area,
                "more than 0 m2 when a coefficient is not zero", "give the area the coefficients refer to");
        }
        if ((clp != 0 || cnr != 0) && span == 0) {
            throw o.bad("reference_span_m", o.has("reference_span_m") ? span : "(missing)", "more than 0 m when Clp or Cnr is not zero",
                "give the span the roll and yaw damping refer to");
        }
        if (cmq != 0 && chord == 0) {
            throw o.bad("reference_chord_m", o.has("reference_chord_m") ? chord : "(missing)", "more than 0 m when Cmq is not zero",
                "give the chord the pitch damping refers to");
        }
        return new ConstantAerodynamics(area, span, chord, cd, cl, cy, clp, cmq, cnr);
    }

    private static InitialConditions initial(JsonFields i) {
        i.onlyKeys(INITIAL);
        double lat = i.number("latitude_deg", -90, 90, true, "deg");
        double lon = i.number("longitude_deg", -180, 360, true, "deg");
        // the flight ends at the ellipsoid (height 0), so a start below it would end at once
        double alt = i.number("altitude_m", 0, 1e8, true, "m");
        double[] v = i.vector3("velocity_ned_m_s");
        double[] e = i.vector3("euler_deg");
        double[] w = i.vector3("body_rates_deg_s");
        for (int k = 0; k < 3; k++) {
            if (Math.abs(v[k]) > 1e5) {
                throw i.bad("velocity_ned_m_s[" + k + "]", v[k], "-100000 to 100000 m/s", "check the value and its unit");
            }
            if (Math.abs(w[k]) > 1e5) {
                throw i.bad("body_rates_deg_s[" + k + "]", w[k], "-100000 to 100000 deg/s", "check the value and its unit");
            }
        }
        if (Math.abs(e[0]) > 180 || Math.abs(e[1]) > 90 || Math.abs(e[2]) > 360) {
            throw i.bad("euler_deg", java.util.Arrays.toString(e), "roll -180 to 180, pitch -90 to 90, yaw -360 to 360 deg",
                "give [roll, pitch, yaw] in degrees");
        }
        boolean earth = "earth".equals(i.choice("body_rates_frame", List.of("inertial", "earth")));
        return new InitialConditions(lat, lon, alt, new Vector3D(v), new EulerAngles(e[0], e[1], e[2]), new Vector3D(w), earth);
    }

    private static WindProfile wind(JsonFields w) {
        w.onlyKeys(Set.of("profile"));
        List<WindProfile.Point> points = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (JsonFields p : w.objects("profile", 1, 100_000)) {
            p.onlyKeys(Set.of("altitude_m", "velocity_ned_m_s"));
            double h = p.number("altitude_m", -1e4, 1e7, true, "m");
            if (!(h > last)) {
                throw p.bad("altitude_m", h, "more than the previous point's " + last + " m", "list the points by increasing altitude");
            }
            last = h;
            double[] v = p.vector3("velocity_ned_m_s");
            for (int k = 0; k < 3; k++) {
                if (Math.abs(v[k]) > 1e3) {
                    throw p.bad("velocity_ned_m_s[" + k + "]", v[k], "-1000 to 1000 m/s", "check the value and its unit");
                }
            }
            points.add(new WindProfile.Point(h, new Vector3D(v)));
        }
        return new WindProfile(points);
    }
}
