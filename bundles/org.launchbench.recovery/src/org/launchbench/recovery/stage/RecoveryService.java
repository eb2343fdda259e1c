package org.launchbench.recovery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.cli.JsonNumbers;
import org.launchbench.recovery.stage.MissionRecovery;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.RecoveryResult;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.BoosterRecovery;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.osgi.service.component.annotations.Component;

/** The recovery engine behind {@code simulate}: flies the separated first stage home. */
@Component(service = BoosterRecovery.class)
public final class RecoveryService implements BoosterRecovery {

    @Override
    public Report recover(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent, List<String> scenarios,
                          DynamicsFactory fidelity, String source, IProgressMonitor monitor) {
        StageRecovery.Case c = MissionRecovery.recoveryCase(mission, refs, vehicle, ascent, source);
        StageRecovery.Plan plan = MissionRecovery.plan(fidelity, c);
        List<Failure> failures = MissionRecovery.failures(mission, scenarios);
        RecoveryResult r = MissionRecovery.fly(fidelity, c, plan, Perturbation.NONE, failures, StageRecovery.Options.DEFAULT, MissionRecovery.SIMULATE_SEED);
        Map<String, Object> json = json(r, c, plan, scenarios, fidelity);
        List<String> lines = new ArrayList<>();
        lines.add(FlightEvent.tableHeader("STAGE EVENT"));
        r.events().forEach(e -> lines.add(e.tableRow()));
        if (c.plan().isPlaceShip()) {
            lines.add(String.format(Locale.ROOT, "Recovery: %s stationed where the stage falls, %.4f N %.4f E", c.zone().getName(),
                c.zone().getLatitude(), c.zone().getLongitude()));
        }
        lines.add(String.format(Locale.ROOT, "Recovery: %s at %s%s: %.1f m from the centre, touchdown %.2f m/s down, %.2f m/s across,"
            + " %.0f kg of propellant left", r.outcome().json(), c.zone().getName(), scenarios.isEmpty() ? "" : " (scenarios: "
            + String.join(", ", scenarios) + ")", r.missDistance(), r.touchdownVerticalSpeed(), r.touchdownHorizontalSpeed(),
            r.propellantRemaining()));
        if (r.reason() != null) {
            lines.add("Recovery: " + r.reason());
        }
        notes(plan, fidelity).forEach(n -> lines.add("Recovery note: " + n));
        return new Report(json, r.outcome() == RecoveryResult.Outcome.CRASHED, lines);
    }

    /**
     * The nominal point-mass recovery flown from the ascent's separation: its mass ratio m_sep / m_end gives the reserve
     * that flies the same burns and lands with the plan's margin (a fraction μ of the reserve) unused. With the empty
     * mass E the stage separates at E + R and must end at E + μR, so E + R = K (E + μR) and R = E (K − 1) / (1 − K μ).
     * The burns' velocity changes hardly depend on the mass carried, so the ratio K of one flight sizes the next.
     */
    @Override
    public ReserveNeed need(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent, String source) {
        StageRecovery.Case c = MissionRecovery.recoveryCase(mission, refs, vehicle, ascent, source);
        StageRecovery.Plan plan = MissionRecovery.ENGINE.targeting(c);
        RecoveryResult r = MissionRecovery.ENGINE.fly(c, plan, Perturbation.NONE, List.of(), SIZING);
        double start = c.separationState()[6];
        double empty = c.stage().getDryMass() + c.stage().getResidualPropellantMass();
        double end = empty + Math.max(0, r.propellantRemaining());
        double ratio = start / end;
        double margin = mission.getRecovery().getPropellantMargin();
        // an entry burn cut short of the plan's limits for want of propellant is a flight short of its need, as one that
        // ran dry: its ratio is a floor (it would otherwise make a second, lower fixed point of the sizing, where a stage
        // keeping too little for its entry burn needs only what it keeps)
        boolean dry = r.outcome() == RecoveryResult.Outcome.CRASHED && r.propellantRemaining() < 1 || plan.entryShort();
        if (!(ratio * margin < 1)) {
            // no reserve flies these burns and keeps that share of itself unused
            return new ReserveNeed(Double.NaN, ratio, false, String.format(Locale.ROOT, "its burns take the stage's mass down by a"
                + " ratio of %.2f, and no reserve then keeps %.0f %% of itself unused (recovery/propellantMargin)", ratio, 100 * margin),
                plan.boostbackDv(), plan.entryDv());
        }
        double reserve = empty * (ratio - 1) / (1 - ratio * margin);
        String trouble = r.outcome() == RecoveryResult.Outcome.CRASHED && !dry ? r.reason() : null;
        return new ReserveNeed(reserve, ratio, dry, trouble, plan.boostbackDv(), plan.entryDv());
    }

    /** The sizing's flights: as a simulation's, unrecorded. */
    private static final StageRecovery.Options SIZING = new StageRecovery.Options(StageRecovery.Options.DEFAULT.rate(),
        StageRecovery.Options.DEFAULT.nodes(), false, StageRecovery.Options.DEFAULT.tolerance());

    /** A rounded number, or null (JSON null) for one that does not exist (no landing burn, say). */
    public static Double num(double value, int decimals) {
        return Double.isFinite(value) ? JsonNumbers.round(value, decimals) : null;
    }

    /** The targeting's notes, then what the fidelity flown is. */
    public static List<String> notes(StageRecovery.Plan plan, DynamicsFactory fidelity) {
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(fidelity.notes());
        return notes;
    }

    public static Map<String, Object> json(RecoveryResult r, StageRecovery.Case c, StageRecovery.Plan plan, List<String> scenarios,
                                           DynamicsFactory fidelity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().json());
        m.put("fidelity", fidelity.name());
        m.put("reason", r.reason());
        m.put("scenarios", scenarios);
        m.put("landing_zone", c.zone().getId());
        Map<String, Object> station = new LinkedHashMap<>();
        station.put("latitude_deg", num(c.zone().getLatitude(), 5));
        station.put("longitude_deg", num(c.zone().getLongitude(), 5));
        station.put("placed_where_the_stage_falls", c.plan().isPlaceShip());
        m.put("landing_zone_position", station);
        m.put("miss_distance_m", num(r.missDistance(), 3));
        m.put("landing_east_m", num(r.east(), 3));
        m.put("landing_north_m", num(r.north(), 3));
        m.put("touchdown_vertical_speed_m_s", num(r.touchdownVerticalSpeed(), 3));
        m.put("touchdown_horizontal_speed_m_s", num(r.touchdownHorizontalSpeed(), 3));
        m.put("touchdown_tilt_deg", num(r.touchdownTiltDeg(), 2));
        m.put("touchdown_angular_rate_deg_s", num(r.touchdownAngularRateDegS(), 2));
        m.put("propellant_remaining_kg", num(r.propellantRemaining(), 1));
        m.put("landing_ignition_margin_m", num(r.landingIgnitionMargin(), 1));
        m.put("peak_dynamic_pressure_Pa", num(r.peakDynamicPressure(), 1));
        m.put("guidance_solves", r.guidanceSolves());
        RecoveryResult.FlightSoftware fs = r.software();
        m.put("max_gimbal_deg", fs == null ? null : num(fs.maxGimbalDeg(), 3));
        m.put("gimbal_limit_deg", fs == null ? null : num(fs.gimbalLimitDeg(), 3));
        m.put("max_fin_deflection_deg", fs == null ? null : num(fs.maxFinDeflectionDeg(), 3));
        m.put("fin_limit_deg", fs == null ? null : num(fs.finLimitDeg(), 3));
        m.put("rcs_propellant_kg", fs == null ? null : num(fs.rcsPropellantKg(), 3));
        m.put("rcs_propellant_capacity_kg", fs == null ? null : num(fs.rcsPropellantCapacityKg(), 3));
        m.put("navigation_error_at_touchdown_m", fs == null ? null : num(fs.navigationErrorAtTouchdownM(), 3));
        m.put("navigation_nees", fs == null ? null : num(fs.navigationNees(), 3));
        Map<String, Object> solveTime = new LinkedHashMap<>();
        solveTime.put("p50", fs == null ? null : num(fs.solveTimeP50Ms(), 4));
        solveTime.put("p99", fs == null ? null : num(fs.solveTimeP99Ms(), 4));
        solveTime.put("max", fs == null ? null : num(fs.solveTimeMaxMs(), 4));
        m.put("guidance_solve_time_ms", solveTime);
        List<Map<String, Object>> burns = new ArrayList<>();
        for (RecoveryResult.Burn b : r.burns()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", b.name());
            x.put("ignition_time_s", num(b.ignitionTime(), 3));
            x.put("ignition_altitude_m", num(b.ignitionAltitude(), 1));
            x.put("duration_s", num(b.duration(), 3));
            x.put("propellant_kg", num(b.propellant(), 1));
            burns.add(x);
        }
        m.put("burns", burns);
        m.put("events", r.events().stream().map(FlightEvent::json).toList());
        Map<String, Object> targeting = new LinkedHashMap<>();
        targeting.put("boostback_azimuth_deg", num(Math.toDegrees(plan.boostbackAzimuth()), 3));
        targeting.put("boostback_delta_v_m_s", num(plan.boostbackDv(), 2));
        targeting.put("entry_delta_v_m_s", num(plan.entryDv(), 2));
        targeting.put("entry_ignition_altitude_m", num(plan.entryAltitude(), 1));
        targeting.put("predicted_miss_without_fins_m", num(plan.predictedMiss(), 1));
        targeting.put("fin_cross_range_m", num(plan.finCrossRange(), 1));
        targeting.put("predicted_peak_heat_flux_W_m2", num(plan.peakHeatFlux(), 0));
        m.put("targeting", targeting);
        m.put("notes", notes(plan, fidelity));
        return m;
    }
}
