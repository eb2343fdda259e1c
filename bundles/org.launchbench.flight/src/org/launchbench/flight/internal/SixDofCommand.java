package org.launchbench.flight.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
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
import org.launchbench.core.AtomicTextFile;
import org.launchbench.core.InvalidInputException;
import org.launchbench.flight.FlightCase;
import org.launchbench.flight.ForceModelProvider;
import org.launchbench.flight.SixDofCase;
import org.launchbench.flight.SixDofCaseFile;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.flight.SixDofPropagator;
import org.launchbench.flight.SixDofSample;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code launchbench sixdof CASE_JSON [--csv FILE] [--json]}: one rigid body flown in six degrees of freedom. */
@Component(service = CliCommand.class)
public final class SixDofCommand implements CliCommand {

    /** The CSV columns, in order: the first thirteen are a public interface (issue 21), the rest may grow. */
    static final List<String> COLUMNS = List.of("t_s", "latitude_deg", "longitude_deg", "altitude_m", "v_north_m_s",
        "v_east_m_s", "v_down_m_s", "roll_deg", "pitch_deg", "yaw_deg", "p_deg_s", "q_deg_s", "r_deg_s", "alpha_deg",
        "beta_deg", "mach", "dynamic_pressure_Pa", "air_density_kg_m3", "mass_kg", "x_ecef_m", "y_ecef_m", "z_ecef_m",
        "q0", "q1", "q2", "q3", "thrust_fraction", "gimbal_max_deg", "fin_max_deg", "rcs_open");

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of("--csv"));

    /** Third parties' force models, asked for every body flown. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ForceModelProvider> providers;

    /** The vehicles a stage case may name (absent in a runtime without the catalog: stage cases then find none). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile VehicleCatalog catalog;

    @Override
    public String name() {
        return "sixdof";
    }

    @Override
    public String summary() {
        return "Fly one rigid body in six degrees of freedom from a case file (NASA's check-cases and your own)";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench sixdof CASE_JSON [--csv FILE] [--json]

            Flies a rigid body over the Earth from the case file's initial conditions: translational and rotational
            equations, quaternion attitude, gravitation with J2, the U.S. Standard Atmosphere 1976, constant
            aerodynamic coefficients with damping derivatives, and a wind profile (docs/flight-dynamics.md). It
            stops at duration_s or at the ground. examples/sixdof/ holds NASA's check-cases (NASA/TM-2015-218675).
            CASE_JSON (SI, angles in degrees): {"description" (optional), "mass_kg", "inertia_kg_m2": 3x3 about
              the centre of mass in body axes, "reference_area_m2", "reference_span_m", "reference_chord_m"
              (optional), "aerodynamics": {"CD", "CL", "CY", "Clp_per_rad", "Cmq_per_rad", "Cnr_per_rad"}
              (each optional, absent = 0), "initial": {"latitude_deg", "longitude_deg", "altitude_m",
              "velocity_ned_m_s", "euler_deg": [roll, pitch, yaw], "body_rates_deg_s", "body_rates_frame":
              "inertial" | "earth"}, "earth": "wgs84-j2-rotating" | "spherical-nonrotating" |
              "spherical-rotating", "atmosphere": "ussa76" | "none", "wind": {"profile": [{"altitude_m",
              "velocity_ned_m_s"}, ...]} (optional), "duration_s", "output_step_s", "integration_step_s"
              (optional, default 0.01), "turbulence": {"severity": "light" | "moderate" | "severe",
              "wind_at_20ft_m_s" (optional), "seed"} (optional), "gusts": [{"peak_velocity_ned_m_s", "start_s",
              "ramp_s", "hold_s" (optional)}] (optional)}
            A stage case flies a catalog vehicle's stage with its engines, fins and actuators instead of a body:
              {"stage": {"vehicle": "falcon-9", "stage_id": "stage-1", "propellant_kg", "control": "none" |
              "reference-landing", "control_rate_hz" (optional, 100)}, and "initial", "earth", "atmosphere", "wind",
              "turbulence", "gusts", "duration_s", "output_step_s" as above} ("reference-landing" is a test loop on
              the true state, not the recovery guidance).
              --csv FILE   write the samples to FILE, columns t_s, latitude_deg, longitude_deg, altitude_m,
                           v_north_m_s, v_east_m_s, v_down_m_s, roll_deg, pitch_deg, yaw_deg, p_deg_s, q_deg_s,
                           r_deg_s (body rates relative to inertial space), then alpha_deg, beta_deg, mach,
                           dynamic_pressure_Pa, air_density_kg_m3, mass_kg, x/y/z_ecef_m, q0..q3, thrust_fraction,
                           gimbal_max_deg, fin_max_deg, rcs_open
              --json       {"case", "end": "duration" | "ground", "notes": [..], "samples": [{the same keys}]}
            Exit 0 when flown, 2 for a bad case file.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "CASE_JSON");
        Path csv = args.value("--csv").map(Path::of).orElse(null);
        if (csv != null) {
            checkOutput(csv, Path.of(args.positionals().get(0)));
        }
        VehicleCatalog vehicles = catalog;
        FlightCase c = SixDofCaseFile.read(Path.of(args.positionals().get(0)),
            id -> vehicles == null ? java.util.Optional.empty() : vehicles.vehicle(id).map(CatalogVehicle::model));
        List<ForceModelProvider> installed = providers;
        SixDofCase.Flight flight = c.fly(invocation.monitor(), installed == null ? List.of() : List.copyOf(installed));
        List<String> notes = flight.notes();
        if (csv != null) {
            AtomicTextFile.write(csv, w -> writeCsv(w, flight.samples()));
        }
        if (args.flag("--json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("case", c.description());
            doc.put("end", flight.end() == SixDofPropagator.End.GROUND ? "ground" : "duration");
            doc.put("notes", notes);
            List<Map<String, Object>> samples = new ArrayList<>();
            for (SixDofSample s : flight.samples()) {
                Map<String, Object> m = new LinkedHashMap<>();
                double[] v = values(s);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    m.put(COLUMNS.get(i), v[i]);
                }
                samples.add(m);
            }
            doc.put("samples", samples);
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        var out = invocation.out();
        out.println(c.description());
        for (String note : notes) {
            invocation.err().println("note: " + note);
        }
        boolean stage = c instanceof org.launchbench.flight.vehicle.StageCase;
        out.printf("%8s %12s %12s %11s %9s %9s %9s %9s %9s %9s %9s %9s %9s%s%n", "T s", "LAT deg", "LON deg", "ALT m", "VN m/s",
            "VE m/s", "VD m/s", "ROLL deg", "PITCH deg", "YAW deg", "P deg/s", "Q deg/s", "R deg/s",
            stage ? String.format(" %8s %9s %9s", "THRUST", "GIMB deg", "FIN deg") : "");
        for (SixDofSample s : flight.samples()) {
            double[] v = values(s);
            String row = String.format(Locale.ROOT, "%8.3f %12.7f %12.7f %11.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f", v[0],
                v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
            if (stage) {
                // a stage's actuators: the engines' mean thrust fraction, the largest gimbal and fin deflections
                row += String.format(Locale.ROOT, " %8.3f %9.3f %9.3f", s.thrustFraction(), s.gimbalMaxDeg(), s.finMaxDeg());
            }
            // a value that rounds to zero prints as zero, whatever its sign
            out.println(row.replaceAll("(?<![0-9.])-(0\\.0+)(?![0-9])", " $1"));
        }
        out.println(flight.end() == SixDofPropagator.End.GROUND ? "ended at the ground" : "ended at the case's duration");
        return ExitCode.OK;
    }

    /** An output that cannot be written is bad input before any work starts (docs/cli.md). */
    private static void checkOutput(Path csv, Path caseFile) {
        if (csv.toAbsolutePath().normalize().equals(caseFile.toAbsolutePath().normalize())) {
            throw InvalidInputException.because("is the case file itself").source("--csv").value(csv)
                .fix("give another file name for the CSV").build();
        }
        if (Files.isDirectory(csv)) {
            throw InvalidInputException.because("is a folder").source("--csv").value(csv).fix("give a file name for the CSV").build();
        }
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw InvalidInputException.because("names a folder that does not exist").source("--csv").value(csv)
                .fix("create the folder first").build();
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw InvalidInputException.because("is in a folder that cannot be written").source("--csv").value(csv)
                .fix("choose a writable folder").build();
        }
    }

    private static double[] values(SixDofSample s) {
        return new double[] {s.timeS(), s.latitudeDeg(), s.longitudeDeg(), s.altitudeM(), s.velocityNedMS().getX(),
            s.velocityNedMS().getY(), s.velocityNedMS().getZ(), s.rollDeg(), s.pitchDeg(), s.yawDeg(),
            s.bodyRatesInertialDegS().getX(), s.bodyRatesInertialDegS().getY(), s.bodyRatesInertialDegS().getZ(),
            s.angleOfAttackDeg(), s.sideslipDeg(), s.mach(), s.dynamicPressurePa(), s.densityKgM3(), s.massKg(),
            s.positionEcefM().getX(), s.positionEcefM().getY(), s.positionEcefM().getZ(), s.attitude().w(), s.attitude().x(),
            s.attitude().y(), s.attitude().z(), s.thrustFraction(), s.gimbalMaxDeg(), s.finMaxDeg(), s.rcsOpen()};
    }

    private static void writeCsv(Writer w, List<SixDofSample> samples) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write('\n');
        StringBuilder b = new StringBuilder();
        for (SixDofSample s : samples) {
            b.setLength(0);
            double[] v = values(s);
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(v[i]);
            }
            b.append('\n');
            w.write(b.toString());
        }
    }
}
