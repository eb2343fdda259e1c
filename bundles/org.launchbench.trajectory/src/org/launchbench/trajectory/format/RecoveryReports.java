package org.launchbench.trajectory.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.launchbench.trajectory.ascent.BoosterRecovery;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.flight.FlightEvent;

import static org.launchbench.cli.JsonNumbers.roundOrNull;

/**
 * A first-stage recovery's report as the commands print it: the {@code "recovery"} object of {@code simulate}'s and
 * {@code hil}'s JSON, and the lines of their text output. One formatter, so the two commands' keys and words agree;
 * the engine returns data ({@link BoosterRecovery.Report}).
 */
public final class RecoveryReports {

    private RecoveryReports() {
    }

    /** @return the report's {@code "recovery"} JSON object (keys are a public interface: add, never rename) */
    public static Map<String, Object> json(BoosterRecovery.Report report) {
        Map<String, Object> m = new LinkedHashMap<>();
        RecoveryResult r = report.result();
        if (r == null) {
            m.put("outcome", RecoveryResult.Outcome.EXPENDED.json());
            m.put("burns", List.of());
            if (!report.notes().isEmpty()) {
                m.put("notes", report.notes());
            }
            return m;
        }
        BoosterRecovery.Zone zone = report.zone();
        m.put("outcome", r.outcome().json());
        m.put("fidelity", report.fidelity());
        m.put("reason", r.reason());
        m.put("scenarios", report.scenarios());
        m.put("landing_zone", zone.id());
        Map<String, Object> station = new LinkedHashMap<>();
        station.put("latitude_deg", roundOrNull(zone.latitudeDeg(), 5));
        station.put("longitude_deg", roundOrNull(zone.longitudeDeg(), 5));
        station.put("placed_where_the_stage_falls", zone.placedWhereTheStageFalls());
        m.put("landing_zone_position", station);
        m.put("miss_distance_m", roundOrNull(r.missDistance(), 3));
        m.put("landing_east_m", roundOrNull(r.east(), 3));
        m.put("landing_north_m", roundOrNull(r.north(), 3));
        m.put("touchdown_vertical_speed_m_s", roundOrNull(r.touchdownVerticalSpeed(), 3));
        m.put("touchdown_horizontal_speed_m_s", roundOrNull(r.touchdownHorizontalSpeed(), 3));
        m.put("touchdown_tilt_deg", roundOrNull(r.touchdownTiltDeg(), 2));
        m.put("touchdown_angular_rate_deg_s", roundOrNull(r.touchdownAngularRateDegS(), 2));
        m.put("propellant_remaining_kg", roundOrNull(r.propellantRemaining(), 1));
        m.put("landing_ignition_margin_m", roundOrNull(r.landingIgnitionMargin(), 1));
        m.put("peak_dynamic_pressure_Pa", roundOrNull(r.peakDynamicPressure(), 1));
        m.put("guidance_solves", r.guidanceSolves());
        RecoveryResult.FlightSoftware fs = r.software();
        m.put("max_gimbal_deg", fs == null ? null : roundOrNull(fs.maxGimbalDeg(), 3));
        m.put("gimbal_limit_deg", fs == null ? null : roundOrNull(fs.gimbalLimitDeg(), 3));
        m.put("max_fin_deflection_deg", fs == null ? null : roundOrNull(fs.maxFinDeflectionDeg(), 3));
        m.put("fin_limit_deg", fs == null ? null : roundOrNull(fs.finLimitDeg(), 3));
        m.put("rcs_propellant_kg", fs == null ? null : roundOrNull(fs.rcsPropellantKg(), 3));
        m.put("rcs_propellant_capacity_kg", fs == null ? null : roundOrNull(fs.rcsPropellantCapacityKg(), 3));
        m.put("navigation_error_at_touchdown_m", fs == null ? null : roundOrNull(fs.navigationErrorAtTouchdownM(), 3));
        m.put("navigation_nees", fs == null ? null : roundOrNull(fs.navigationNees(), 3));
        Map<String, Object> solveTime = new LinkedHashMap<>();
        solveTime.put("p50", fs == null ? null : roundOrNull(fs.solveTimeP50Ms(), 4));
        solveTime.put("p99", fs == null ? null : roundOrNull(fs.solveTimeP99Ms(), 4));
        solveTime.put("max", fs == null ? null : roundOrNull(fs.solveTimeMaxMs(), 4));
        m.put("guidance_solve_time_ms", solveTime);
        List<Map<String, Object>> burns = new ArrayList<>();
        for (RecoveryResult.Burn b : r.burns()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", b.name());
            x.put("ignition_time_s", roundOrNull(b.ignitionTime(), 3));
            x.put("ignition_altitude_m", roundOrNull(b.ignitionAltitude(), 1));
            x.put("duration_s", roundOrNull(b.duration(), 3));
            x.put("propellant_kg", roundOrNull(b.propellant(), 1));
            burns.add(x);
        }
        m.put("burns", burns);
        m.put("events", r.events().stream().map(FlightEvent::json).toList());
        BoosterRecovery.Targeting t = report.targeting();
        Map<String, Object> targeting = new LinkedHashMap<>();
        targeting.put("boostback_azimuth_deg", roundOrNull(t.boostbackAzimuthDeg(), 3));
        targeting.put("boostback_delta_v_m_s", roundOrNull(t.boostbackDvMs(), 2));
        targeting.put("entry_delta_v_m_s", roundOrNull(t.entryDvMs(), 2));
        targeting.put("entry_ignition_altitude_m", roundOrNull(t.entryIgnitionAltitudeM(), 1));
        targeting.put("predicted_miss_without_fins_m", roundOrNull(t.predictedMissWithoutFinsM(), 1));
        targeting.put("fin_cross_range_m", roundOrNull(t.finCrossRangeM(), 1));
        targeting.put("predicted_peak_heat_flux_W_m2", roundOrNull(t.predictedPeakHeatFluxWm2(), 0));
        m.put("targeting", targeting);
        m.put("notes", report.notes());
        return m;
    }

    /** @return the report as text: the stage's events, where its ship was stationed, how it ended, and the notes */
    public static List<String> lines(BoosterRecovery.Report report) {
        if (!report.flown()) {
            return List.of("Recovery: " + (report.notes().isEmpty() ? "none (expendable)" : "not flown: " + report.notes().get(0)));
        }
        RecoveryResult r = report.result();
        List<String> lines = new ArrayList<>();
        lines.add(FlightEvent.tableHeader("STAGE EVENT"));
        r.events().forEach(e -> lines.add(e.tableRow()));
        if (report.zone().placedWhereTheStageFalls()) {
            lines.add(String.format(Locale.ROOT, "Recovery: %s stationed where the stage falls, %.4f N %.4f E", report.zone().name(),
                report.zone().latitudeDeg(), report.zone().longitudeDeg()));
        }
        lines.add(summary(report));
        if (r.reason() != null) {
            lines.add("Recovery: " + r.reason());
        }
        report.notes().forEach(n -> lines.add("Recovery note: " + n));
        return lines;
    }

    /** @return one line: how the flown stage ended, where, and with what left */
    public static String summary(BoosterRecovery.Report report) {
        RecoveryResult r = report.result();
        return String.format(Locale.ROOT, "Recovery: %s at %s%s: %.1f m from the centre, touchdown %.2f m/s down, %.2f m/s across,"
            + " %.0f kg of propellant left", r.outcome().json(), report.zone().name(), report.scenarios().isEmpty() ? ""
            : " (scenarios: " + String.join(", ", report.scenarios()) + ")", r.missDistance(), r.touchdownVerticalSpeed(),
            r.touchdownHorizontalSpeed(), r.propellantRemaining());
    }
}
