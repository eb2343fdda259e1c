package org.launchbench.trajectory.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.launchbench.core.AtomicTextFile;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.core.OrekitData;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.Fidelities;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.launchbench.trajectory.flight.Flight;
import org.launchbench.trajectory.orbit.OrbitalPhase;
import org.orekit.orbits.OrbitType;
import org.orekit.propagation.SpacecraftState;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.format.RecoveryReports;
import org.launchbench.trajectory.flight.FlightSample;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.TargetOrbit;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.orekit.data.DataContext;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.time.AbsoluteDate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.launchbench.trajectory.ascent.AscentFailures;
import org.launchbench.trajectory.ascent.PlaneChange;
import org.launchbench.trajectory.ascent.BoosterRecovery;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.ascent.RecoveredPayload;
import org.launchbench.trajectory.ascent.ReserveSizing;

/**
 * {@code launchbench simulate MISSION_FILE [--json] [--csv DIR]}: the mission's ascent to orbit insertion.
 * (Recovery joins with the recovery engine.)
 */
@Component(service = CliCommand.class)
public final class SimulateCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of("--csv", InsertionOption.NAME, "--scenario",
        Fidelities.OPTION));
    private static final EarthModel EARTH = EarthModel.WGS84;
    /** Payload separation after orbit insertion, s (upper stages settle and orient first; a minute is typical). */
    static final double PAYLOAD_SEPARATION_DELAY = 60;

    @Reference
    private VehicleCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private BoosterRecovery recovery;

    /** The fidelities installed besides the point mass (the flight bundle's 6dof, a third party's). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DynamicsFactory> fidelities;

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "Fly a mission from the pad to orbit insertion: event timeline, achieved orbit, time history";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench simulate MISSION_FILE [--json] [--csv DIR] [--insertion auto|direct|parking|coast]
                                        [--scenario NAME|none] [--fidelity 3dof|6dof]

            Flies the mission's vehicle from its site to the target orbit: vertical rise, pitch-over and gravity
            turn for the lower stages, closed-loop insertion guidance for the last stage (with a coast and a
            relight when the orbit calls for one), then the orbital phase to payload separation, 60 s after
            insertion, with Orekit (J2, drag) (docs/trajectory.md). The first stage flies its recovery plan:
            boostback, entry burn, grid fins and a closed-loop landing burn (docs/recovery.md).
            The vehicle and site come from the catalog, or from .vehicle/.sites files beside the mission.
            Exit 0 when the orbit is reached, 1 when the vehicle cannot reach it or its first stage crashed (the
            reason on stderr), 2 for a bad or invalid mission file.
              --json      {"mission", "vehicle", "insertion": {"mode", "plane_change_deg" (the plane the last burn
                           turned from the orbit before it), "plane_change_delta_v_m_s" (what turning it cost),
                           "dogleg_delta_v_m_s" (0: no dog-leg is flown)}, "fidelity", "guidance_cycles" (the
                           last stage's guidance cycles, every 2 s of its burns), "events": [{"name", "time_s", "altitude_m",
                           "speed_m_s", "downrange_m", "mach", "dynamic_pressure_Pa", "mass_kg"}],
                           "orbit": {"perigee_km", "apogee_km", "inclination_deg", "raan_deg",
                           "semi_major_axis_km", "eccentricity", "argument_of_perigee_deg", "true_anomaly_deg",
                           "epoch", "frame", "ltan_h"}, "target": {"perigee_km", "apogee_km", "inclination_deg"},
                           "insertion_errors": {"perigee_km", "apogee_km", "inclination_deg", "ltan_h"},
                           "launch_epoch_for_ltan" (SSO with a local time of the ascending node),
                           "orbit_at_payload_separation": {... as orbit, "time_s"}, "payload_kg",
                           "booster": {"events": [...], "impact": {"time_s", "latitude_deg",
                           "longitude_deg", "downrange_m"} | null, "model"},
                           "recovery": {"outcome": "landed" | "crashed" | "expended", "reason", "scenarios",
                           "miss_distance_m", "landing_east_m", "landing_north_m", "touchdown_vertical_speed_m_s",
                           "touchdown_horizontal_speed_m_s", "touchdown_tilt_deg", "touchdown_angular_rate_deg_s"
                           (null at 3dof), "propellant_remaining_kg", "landing_zone",
                           "landing_ignition_margin_m", "peak_dynamic_pressure_Pa", "burns": [{"name", "ignition_time_s",
                           "ignition_altitude_m", "duration_s", "propellant_kg"}], "events": [...], "notes"},
                           "notes": [...]}
              --csv DIR   also write the time history to DIR/MISSION_ID-history.csv
              --scenario  inject the failures of this one of the mission's scenarios ('none': a nominal
                          flight); without it, every scenario the mission lists is injected. Ascent failures
                          (burn ASCENT: ENGINE_OUT, THRUST_SHORTFALL, THRUST_LOSS during the first or the last
                          stage's burn) are flown on the nominal plan, the last stage's guidance correcting for
                          them; the recovery's on its burns
              --fidelity  how the first stage's return is flown: 3dof (point mass, the thrust where the
                          guidance wants it at once) or 6dof (rigid body under an ideal attitude loop,
                          docs/flight-dynamics.md); default: the mission's fidelity, else 3dof. The ascent is
                          flown as a point mass at either; "fidelity" and the notes in the output say so
            """ + InsertionOption.USAGE + """
            "orbit" is the osculating orbit at the last cut-off. Orbit altitudes are above the equatorial
            radius, elements in the true-of-date frame of the launch date; event altitudes are geodetic,
            speeds relative to the rotating Earth.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "MISSION_FILE");
        Path file = Path.of(args.positionals().get(0));
        MissionAscent loaded = MissionAscent.load(file, catalog);
        Mission mission = loaded.mission();
        ModelReferences refs = loaded.refs();
        LaunchVehicle vehicle = loaded.vehicle();
        LaunchSite site = loaded.site();
        TargetOrbit t = mission.getTargetOrbit();
        double rp = loaded.target().perigeeRadius();
        double ra = loaded.target().apogeeRadius();
        double inclination = loaded.target().inclination();
        EarthModel.Geodetic pad = loaded.pad();
        double payload = loaded.payload();
        double carried = loaded.carried();
        AscentProfile profile = AscentProfile.DEFAULT.with(InsertionOption.parse(args, name()));
        PlaneChange.check(profile.insertion(), vehicle, loaded.pad().latitude(), loaded.target(), "launchbench simulate");
        // checked before the ascent is flown: a misspelt scenario is the user's mistake, not a run's
        List<String> scenarios = loaded.scenarios(args.value("--scenario"), true, file.toString());
        DynamicsFactory fidelity = Fidelities.choose(fidelities, args.value(Fidelities.OPTION), mission, file.toString());
        // outputs are checked before the run, so a bad one costs nothing and writes nothing
        Path csv = args.value("--csv").map(d -> csvTarget(Path.of(d), mission.getId())).orElse(null);
        // an expendable stage is not sized: ReserveSizing burns it to depletion without asking the recovery
        AscentFailures failures = AscentFailures.of(mission, scenarios);
        // what the ascent cannot inject is refused before anything is flown (the cut-off's bound once it is known)
        failures.check(vehicle.getStages().get(0).isStrapOn(), Double.POSITIVE_INFINITY, List.of(), file.toString());
        ReserveSizing.Sized sized = loaded.fly(profile, recovery, file.toString(), invocation.monitor());
        // the plan is the nominal ascent's; the scenario's ascent failures happen to the flight that follows it
        AscentResult result = loaded.flown(sized, scenarios, profile, file.toString(), invocation.monitor());
        List<String> notes = new ArrayList<>();
        Double cost;
        try {
            cost = RecoveredPayload.cost(loaded, profile, sized, invocation.monitor());
        } catch (RunFailedException e) {
            cost = null;
            notes.add("the payload the recovery costs could not be found: " + e.getMessage());
        }
        DataContext ctx = OrekitData.configured().context();
        AbsoluteDate liftoff = new AbsoluteDate(java.util.Date.from(Instant.parse(mission.getEpoch())), ctx.getTimeScales().getUTC());
        OrbitalPhase orbital = new OrbitalPhase(EARTH, UsStandardAtmosphere1976.INSTANCE, ctx, liftoff);
        KeplerianOrbit orbit = orbital.orbit(result.cutoffTime(), result.cutoffState());
        Stage upper = vehicle.getStages().get(vehicle.getStages().size() - 1);
        double area = Math.PI * upper.getReferenceDiameter() * upper.getReferenceDiameter() / 4;
        SpacecraftState separation = orbital.propagate(result.cutoffTime(), result.cutoffState(), area, PAYLOAD_SEPARATION_DELAY);
        KeplerianOrbit separated = (KeplerianOrbit) OrbitType.KEPLERIAN.convertType(separation.getOrbit());
        List<FlightEvent> timeline = new ArrayList<>(result.events());
        PointMassDynamics coast = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE, Aerodynamics.NONE,
            Steering.COAST, Winds.CALM);
        double[] atSeparation = orbital.ascentState(separation);
        timeline.add(Flight.event(EARTH, pad, "payload-separation", coast, orbital.sinceLiftoff(separation.getDate()), atSeparation));

        if (csv != null) {
            writeCsv(csv, result.history());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mission", mission.getId());
        doc.put("vehicle", vehicle.getId());
        Map<String, Object> insertion = new LinkedHashMap<>();
        insertion.put("mode", result.insertion().label());
        insertion.put("plane_change_deg", JsonNumbers.round(result.planeChange().angleDeg(), 4));
        insertion.put("plane_change_delta_v_m_s", JsonNumbers.round(result.planeChange().deltaVMs(), 1));
        // the lower stages fly in the plane they were launched into; a plane the site cannot reach is turned at the node
        insertion.put("dogleg_delta_v_m_s", 0.0);
        doc.put("insertion", insertion);
        doc.put("fidelity", fidelity.name());
        doc.put("guidance_cycles", result.guidanceCycles());
        doc.put("events", events(timeline));
        double re = EARTH.equatorialRadius();
        Map<String, Object> achieved = elements(orbit);
        doc.put("orbit", achieved);
        Map<String, Object> wanted = new LinkedHashMap<>();
        wanted.put("perigee_km", JsonNumbers.round((rp - re) / 1000, 3));
        wanted.put("apogee_km", JsonNumbers.round((ra - re) / 1000, 3));
        wanted.put("inclination_deg", JsonNumbers.round(Math.toDegrees(inclination), 4));
        doc.put("target", wanted);
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("perigee_km", JsonNumbers.round((orbit.getA() * (1 - orbit.getE()) - rp) / 1000, 3));
        errors.put("apogee_km", JsonNumbers.round((orbit.getA() * (1 + orbit.getE()) - ra) / 1000, 3));
        errors.put("inclination_deg", JsonNumbers.round(Math.toDegrees(orbit.getI() - inclination), 4));
        double days = orbit.getDate().durationFrom(AbsoluteDate.J2000_EPOCH) / 86_400;
        double ltan = OrbitGeometry.localTimeOfAscendingNode(orbit.getRightAscensionOfAscendingNode(), days);
        achieved.put("ltan_h", JsonNumbers.round(ltan, 4));
        if (t.isSunSynchronous() && t.isSetLocalTimeAscendingNode()) {
            double wantedLtan = t.getLocalTimeAscendingNode();
            wanted.put("ltan_h", wantedLtan);
            double off = ((ltan - wantedLtan) % 24 + 36) % 24 - 12;
            errors.put("ltan_h", JsonNumbers.round(off, 4));
            // the plane turns with the Earth under the Sun at 15 deg per hour: launching off hours earlier moves the
            // node off hours of local time back (to 0.3 %: the Sun moves 0.04 deg per hour)
            doc.put("launch_epoch_for_ltan", Instant.parse(mission.getEpoch()).plusMillis(Math.round(-off * 3_600_000)).toString());
        }
        doc.put("insertion_errors", errors);
        Map<String, Object> sep = elements(separated);
        sep.put("time_s", JsonNumbers.round(orbital.sinceLiftoff(separation.getDate()), 3));
        doc.put("orbit_at_payload_separation", sep);
        doc.put("payload_kg", payload);
        doc.put("first_stage_reserve_kg", JsonNumbers.round(sized.reserveKg(), 1));
        doc.put("recovery_cost_kg", cost);
        doc.put("reserve_sizing", reserveSizing(sized));
        Map<String, Object> booster = null;
        if (result.booster() != null) {
            booster = new LinkedHashMap<>();
            booster.put("events", events(result.booster().events()));
            boolean landed = result.booster().events().stream().anyMatch(e -> e.name().equals("booster-impact"));
            Map<String, Object> impact = null;
            if (landed) {
                double[] y = result.booster().finalState();
                EarthModel.Geodetic g = EARTH.geodetic(EARTH.toFixed(result.booster().finalTime(),
                    new org.hipparchus.geometry.euclidean.threed.Vector3D(y[0], y[1], y[2])));
                impact = new LinkedHashMap<>();
                impact.put("time_s", JsonNumbers.round(result.booster().finalTime(), 3));
                impact.put("latitude_deg", JsonNumbers.round(Math.toDegrees(g.latitude()), 5));
                impact.put("longitude_deg", JsonNumbers.round(Math.toDegrees(g.longitude()), 5));
                impact.put("downrange_m", JsonNumbers.round(result.booster().events().get(result.booster().events().size() - 1)
                    .downrange(), 1));
            }
            booster.put("impact", impact);
            booster.put("model", "ballistic after separation: no boostback, entry or landing burn (the recovery engine's)");
        }
        doc.put("booster", booster);
        BoosterRecovery.Report landing = recover(mission, refs, vehicle, result, scenarios, fidelity, file, invocation);
        doc.put("recovery", RecoveryReports.json(landing));
        double unburned = result.cutoffState()[6] - carried - upper.getDryMass() - upper.getResidualPropellantMass();
        if (upper.getPropulsion() == org.launchbench.vehicle.model.Propulsion.SOLID && unburned > 0.01 * upper.getPropellantMass()) {
            notes.add(String.format(Locale.ROOT, "the solid last stage ends with %.0f kg of propellant unburned (a solid motor"
                + " cannot be cut off: the burn-to-depletion guidance fell back to a cut-off)", unburned));
        }
        doc.put("notes", notes);
        int exit = landing.crashed() ? ExitCode.RUN_FAILED : ExitCode.OK;
        if (landing.crashed()) {
            invocation.err().println("launchbench simulate: the first stage crashed: " + landing.result().reason());
        }
        if (args.flag("--json")) {
            invocation.printJson(doc);
            return exit;
        }
        var out = invocation.out();
        out.printf("%s: %s from %s, %.0f kg of payload%n", mission.getName(), vehicle.getName(), site.getName(), payload);
        out.println(reserveLine(sized) + (cost == null || cost == 0 ? "" : String.format(Locale.ROOT,
            "; the recovery costs %.0f kg of payload at this lofting", cost)));
        out.println(FlightEvent.tableHeader("EVENT"));
        timeline.forEach(e -> out.println(e.tableRow()));
        out.printf("Orbit:  %s x %s km, i = %s deg, RAAN = %s deg%n", achieved.get("perigee_km"), achieved.get("apogee_km"),
            achieved.get("inclination_deg"), achieved.get("raan_deg"));
        out.printf("Target: %s x %s km, i = %s deg (%s insertion; errors %s km, %s km, %s deg)%n", wanted.get("perigee_km"),
            wanted.get("apogee_km"), wanted.get("inclination_deg"), insertion.get("mode"), errors.get("perigee_km"),
            errors.get("apogee_km"), errors.get("inclination_deg"));
        if (achieved.containsKey("ltan_h")) {
            out.printf("Local time of the ascending node: %s h%s%n", achieved.get("ltan_h"), wanted.containsKey("ltan_h")
                ? " (wanted " + wanted.get("ltan_h") + " h: launch at " + doc.get("launch_epoch_for_ltan") + " for it)" : "");
        }
        if (result.planeChange().angleDeg() > 0.01) {
            out.printf(Locale.ROOT, "Plane turned by the last burn: %.2f deg, costing %.1f m/s%n", result.planeChange().angleDeg(),
                result.planeChange().deltaVMs());
        }
        out.printf("Last stage's guidance: %d cycles%n", result.guidanceCycles());
        out.printf("At payload separation (%s s, Orekit with J2 and drag): %s x %s km%n", sep.get("time_s"), sep.get("perigee_km"),
            sep.get("apogee_km"));
        if (booster != null) {
            result.booster().events().forEach(e -> out.println(e.tableRow()));
            out.println("Booster: " + booster.get("model"));
        }
        RecoveryReports.lines(landing).forEach(out::println);
        for (String note : notes) {
            out.println("Note: " + note);
        }
        return exit;
    }

    private static String reserveLine(ReserveSizing.Sized sized) {
        return switch (sized.basis()) {
            case EXPENDED -> "First stage: expended, burns to depletion";
            case MISSION -> String.format(Locale.ROOT, "First stage: keeps %.0f kg of propellant for its recovery (the mission's figure)",
                sized.reserveKg());
            case VEHICLE -> String.format(Locale.ROOT, "First stage: keeps %.0f kg of propellant for its recovery (the vehicle's figure:"
                + " no recovery engine to size it)", sized.reserveKg());
            case RECOVERY -> String.format(Locale.ROOT, "First stage: keeps %.0f kg of propellant for its recovery (sized by it in %d"
                + " ascents: boostback %.0f m/s, entry %.0f m/s, the stage's mass ratio %.3f)", sized.reserveKg(), sized.iterations(),
                sized.need().boostbackDvMs(), sized.need().entryDvMs(), sized.need().massRatio());
        };
    }

    /** How the first stage's reserve was chosen: its basis and, when the recovery sized it, what the recovery needs. */
    private static Map<String, Object> reserveSizing(ReserveSizing.Sized sized) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("basis", sized.basis().name().toLowerCase(Locale.ROOT));
        m.put("ascents_flown", sized.iterations());
        BoosterRecovery.ReserveNeed need = sized.need();
        m.put("needed_kg", need == null ? null : JsonNumbers.round(need.reserveKg(), 1));
        m.put("mass_ratio", need == null ? null : JsonNumbers.round(need.massRatio(), 5));
        m.put("boostback_delta_v_m_s", need == null ? null : JsonNumbers.round(need.boostbackDvMs(), 2));
        m.put("entry_delta_v_m_s", need == null ? null : JsonNumbers.round(need.entryDvMs(), 2));
        return m;
    }

    /** The first stage's recovery, by the recovery engine when one is installed. */
    private BoosterRecovery.Report recover(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult result,
                                           List<String> scenarios, DynamicsFactory fidelity, Path file,
                                           CommandInvocation invocation) {
        boolean expendable = mission.getRecovery() == null || mission.getRecovery().getMode() == RecoveryMode.EXPENDABLE
            || result.booster() == null;
        if (expendable) {
            return BoosterRecovery.Report.expendable();
        }
        if (recovery == null) {
            return BoosterRecovery.Report.notFlown("no recovery engine installed (org.launchbench.recovery): the stage was not flown home");
        }
        return recovery.recover(mission, refs, vehicle, result, scenarios, fidelity, file.toString(), invocation.monitor());
    }

    private static List<Map<String, Object>> events(List<FlightEvent> timeline) {
        return timeline.stream().map(FlightEvent::json).toList();
    }

    /** Readable osculating elements: altitudes above the equatorial radius, angles in degrees. */
    private static Map<String, Object> elements(KeplerianOrbit orbit) {
        double re = EARTH.equatorialRadius();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("perigee_km", JsonNumbers.round((orbit.getA() * (1 - orbit.getE()) - re) / 1000, 3));
        m.put("apogee_km", JsonNumbers.round((orbit.getA() * (1 + orbit.getE()) - re) / 1000, 3));
        m.put("inclination_deg", JsonNumbers.round(Math.toDegrees(orbit.getI()), 4));
        m.put("raan_deg", JsonNumbers.round(Math.toDegrees(normalize(orbit.getRightAscensionOfAscendingNode())), 4));
        m.put("semi_major_axis_km", JsonNumbers.round(orbit.getA() / 1000, 3));
        m.put("eccentricity", JsonNumbers.round(orbit.getE(), 6));
        m.put("argument_of_perigee_deg", JsonNumbers.round(Math.toDegrees(normalize(orbit.getPerigeeArgument())), 4));
        m.put("true_anomaly_deg", JsonNumbers.round(Math.toDegrees(normalize(orbit.getTrueAnomaly())), 4));
        m.put("epoch", orbit.getDate().toString());
        m.put("frame", "TOD");
        return m;
    }

    /**
     * The history file for a mission in the --csv folder, checked before any work: the folder exists, and the file
     * built from the mission's id stays in it (ids are validated as names; this is the second lock).
     */
    static Path csvTarget(Path dir, String missionId) {
        if (!Files.isDirectory(dir)) {
            throw InvalidInputException.because("is not a directory").source("--csv").value(dir).fix("create it first").build();
        }
        Path folder = dir.toAbsolutePath().normalize();
        Path file = folder.resolve(missionId + "-history.csv").normalize();
        if (!folder.equals(file.getParent())) {
            throw InvalidInputException.because("the mission's id would put the history outside the --csv folder").source("--csv")
                .value(missionId).allowed("an id of letters, digits, '-', '_' and '.'").build();
        }
        AtomicTextFile.checkTarget(file, "--csv");
        return file;
    }

    private static void writeCsv(Path file, List<FlightSample> history) {
        AtomicTextFile.write(file, w -> {
            w.write("time_s,altitude_m,speed_m_s,mach,dynamic_pressure_Pa,downrange_m,mass_kg,throttle,acceleration_m_s2,latitude_deg,"
                + "longitude_deg\n");
            for (FlightSample s : history) {
                w.write(String.format(Locale.ROOT, "%.3f,%.2f,%.3f,%.4f,%.2f,%.2f,%.2f,%.4f,%.4f,%.6f,%.6f%n", s.time(), s.altitude(),
                    s.speed(), s.mach(), s.dynamicPressure(), s.downrange(), s.mass(), s.throttle(), s.acceleration(), s.latitude(),
                    s.longitude()));
            }
        });
    }

    private static double normalize(double angle) {
        double a = angle % (2 * Math.PI);
        return a < 0 ? a + 2 * Math.PI : a;
    }
}
