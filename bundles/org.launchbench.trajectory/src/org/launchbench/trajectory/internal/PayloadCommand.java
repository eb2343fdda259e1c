package org.launchbench.trajectory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.cli.JsonNumbers;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.PlaneChange;
import org.launchbench.trajectory.ascent.BoosterRecovery;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.ascent.RecoveredPayload;
import org.launchbench.trajectory.ascent.ReserveSizing;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code launchbench payload VEHICLE_ID --site SITE_ID --orbit "LEO 200x200 i=41.1"|"SSO 500"
 * [--recovery expendable|rtls|downrange [--landing-zone ZONE] | --all-modes] [--json]}: the largest payload to an orbit,
 * with the first stage's reserve sized by its recovery ({@link RecoveredPayload}) as {@code simulate} sizes it.
 */
@Component(service = CliCommand.class)
public final class PayloadCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json", "--all-modes"),
        Set.of("--site", "--orbit", "--recovery", "--landing-zone", InsertionOption.NAME));
    private static final Pattern LEO = Pattern.compile("(?i)(?:LEO|GTO)\\s+(\\d+(?:\\.\\d+)?)\\s*x\\s*(\\d+(?:\\.\\d+)?)\\s+i\\s*=\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern SSO = Pattern.compile("(?i)SSO\\s+(\\d+(?:\\.\\d+)?)");
    private static final String ORBIT_FORMS = "\"LEO PERIGEExAPOGEE i=INCLINATION\" (km, km, deg; GTO for LEO where it reads"
        + " better) or \"SSO ALTITUDE\" (km)";
    private static final String SOURCE = "launchbench payload";
    private static final EarthModel EARTH = EarthModel.WGS84;

    @Reference
    private VehicleCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private BoosterRecovery recovery;

    @Override
    public String name() {
        return "payload";
    }

    @Override
    public String summary() {
        return "The largest payload a vehicle puts into an orbit from a site, by simulating the ascent";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench payload VEHICLE_ID --site SITE_ID --orbit ORBIT
                   [--recovery expendable|rtls|downrange [--landing-zone ZONE] | --all-modes] [--json]
                   [--insertion auto|direct|parking|coast]

            Bisects the payload mass over full ascents (docs/trajectory.md) to 10 kg. A recovered first stage keeps
            what its recovery needs for that payload, sized as 'simulate' sizes it (the payload and the reserve
            solved together; about 20 s with the recovery engine).
              --orbit         "LEO 200x200 i=41.1" (perigee x apogee in km, inclination in deg; "GTO 185x35786
                              i=27" the same) or "SSO 500" (sun-synchronous circular at 500 km); a transfer orbit
                              below the site's latitude is flown with its plane turned at the node
              --recovery      expendable (default); rtls: back to the pad nearest the site (within 50 km) or
                              --landing-zone; downrange: to --landing-zone (a pad, or a drone ship at its catalog
                              station, with a boostback), else the drone ship nearest the site stationed where
                              the stage falls (no boostback). Entry burn to the stage's descent dynamic-pressure
                              limit, 5 % of the reserve kept as margin.
              --landing-zone  a landing zone of the catalog (launchbench validate lists them on a bad id)
              --all-modes     a table of every mode (each with its default zone); a mode the stage cannot fly
                              is listed with the reason
              --json          {"payload_kg", "vehicle", "site", "orbit": {...}, "recovery", "landing_zone",
                              "first_stage_reserve_kg", "reserve_basis", "recovery_cost_kg"}; with --all-modes
                              {"vehicle", "site", "orbit", "modes": [{"recovery", "landing_zone", "payload_kg",
                              "first_stage_reserve_kg", "reserve_basis", "recovery_cost_kg", "refused"}, ...]}
            """ + InsertionOption.USAGE + """
            recovery_cost_kg is the payload the recovery costs against expending the stage. Exit 1 when the vehicle
            cannot reach the orbit at all (or with the recovery asked for); exit 2 when the recovery asked for cannot be
            flown (why on one line).
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "VEHICLE_ID");
        String vehicleId = args.positionals().get(0);
        CatalogVehicle cv = catalog.vehicle(vehicleId).orElseThrow(() -> InvalidInputException.because("no such vehicle")
            .source(SOURCE).value(vehicleId)
            .allowed(String.join(", ", catalog.vehicles().stream().map(CatalogVehicle::id).toList())).build());
        String siteId = args.value("--site").orElseThrow(() -> InvalidInputException.because("is required")
            .source(SOURCE).element("--site").fix("name a launch site, e.g. --site jiuquan").build());
        LaunchSite site = catalog.launchSites().stream().filter(s -> s.getId().equals(siteId)).findFirst()
            .orElseThrow(() -> InvalidInputException.because("no such launch site").source(SOURCE).element("--site")
                .value(siteId).allowed(String.join(", ", catalog.launchSites().stream().map(LaunchSite::getId).toList())).build());
        String orbitText = args.value("--orbit").orElseThrow(() -> InvalidInputException.because("is required")
            .source(SOURCE).element("--orbit").allowed(ORBIT_FORMS).build());
        boolean all = args.flag("--all-modes");
        if (all && (args.value("--recovery").isPresent() || args.value("--landing-zone").isPresent())) {
            throw InvalidInputException.because("lists every mode with its default zone").source(SOURCE).element("--all-modes")
                .fix("drop --recovery and --landing-zone, or drop --all-modes").build();
        }
        String mode = args.value("--recovery").orElse("expendable").toLowerCase(Locale.ROOT);
        if (!PayloadPlans.MODES.contains(mode)) {
            throw InvalidInputException.because("is not a recovery plan").source(SOURCE).element("--recovery")
                .value(mode).allowed(String.join(", ", PayloadPlans.MODES)).build();
        }
        LaunchVehicle vehicle = cv.model();
        InsertionTarget target = parse(orbitText);
        double azimuth;
        try {
            // a transfer orbit below the site's latitude is flown in the lowest plane the site reaches and turned at the node
            azimuth = OrbitGeometry.launchAzimuth(EARTH, site, PlaneChange.ascentInclination(vehicle, Math.toRadians(site.getLatitude()),
                target), target.perigeeSpeed(EARTH.mu()));
        } catch (InvalidInputException e) {
            throw InvalidInputException.because(e.problem()).source(SOURCE).element("--orbit")
                .value(e.value()).allowed(e.allowed()).fix(e.fix()).build(e);
        }
        AscentProfile profile = AscentProfile.DEFAULT.with(InsertionOption.parse(args, name()));
        PlaneChange.check(profile.insertion(), vehicle, Math.toRadians(site.getLatitude()), target, SOURCE);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vehicle", vehicleId);
        doc.put("site", siteId);
        Map<String, Object> orbit = new LinkedHashMap<>();
        orbit.put("perigee_km", (target.perigeeRadius() - EARTH.equatorialRadius()) / 1000);
        orbit.put("apogee_km", (target.apogeeRadius() - EARTH.equatorialRadius()) / 1000);
        orbit.put("inclination_deg", JsonNumbers.round(Math.toDegrees(target.inclination()), 4));
        doc.put("orbit", orbit);
        SubMonitor progress = SubMonitor.convert(invocation.monitor(), all ? 3 : 2);
        // a plan the stage cannot fly is refused before any ascent is flown
        RecoveryPlan plan = all ? null : PayloadPlans.plan(mode, args.value("--landing-zone"), vehicle, site, catalog.landingZones());
        RecoveredPayload.Capability expended = RecoveredPayload.solve(MissionAscent.of(vehicle, site, catalog.references(), target,
            azimuth, null), profile, recovery, SOURCE, progress.split(1));
        if (!all) {
            Row row = mode.equals("expendable") ? new Row(mode, null, expended, null)
                : row(mode, plan, vehicle, site, target, azimuth, profile, progress.split(1));
            if (row.refused != null) {
                throw row.refused;
            }
            doc.putAll(row.json(expended));
            if (args.flag("--json")) {
                invocation.printJson(doc);
            } else {
                invocation.out().printf(Locale.ROOT, "%s from %s to %s (%s): %s%n", vehicle.getName(), site.getName(), orbitText,
                    row.where(), row.text(expended));
            }
            return ExitCode.OK;
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("expendable", null, expended, null));
        for (String m : PayloadPlans.MODES.subList(1, PayloadPlans.MODES.size())) {
            RecoveryPlan p;
            try {
                p = PayloadPlans.plan(m, Optional.empty(), vehicle, site, catalog.landingZones());
            } catch (InvalidInputException e) {
                rows.add(new Row(m, null, null, e));
                continue;
            }
            rows.add(row(m, p, vehicle, site, target, azimuth, profile, progress.split(1)));
        }
        if (args.flag("--json")) {
            doc.put("modes", rows.stream().map(r -> r.json(expended)).toList());
            invocation.printJson(doc);
        } else {
            invocation.out().printf(Locale.ROOT, "%s from %s to %s:%n", vehicle.getName(), site.getName(), orbitText);
            for (Row r : rows) {
                invocation.out().printf(Locale.ROOT, "  %-28s %s%n", r.where(), r.text(expended));
            }
        }
        return ExitCode.OK;
    }

    /** One mode's capability, or why it cannot be flown. */
    private Row row(String mode, RecoveryPlan plan, LaunchVehicle vehicle, LaunchSite site, InsertionTarget target, double azimuth,
                    AscentProfile profile, IProgressMonitor monitor) {
        try {
            return new Row(mode, plan, RecoveredPayload.solve(MissionAscent.of(vehicle, site, catalog.references(), target, azimuth, plan),
                profile, recovery, SOURCE, monitor), null);
        } catch (InvalidInputException e) {
            // the recovery's refusal names the mission's zone: here the user chose it with --recovery or --landing-zone
            return new Row(mode, plan, null, InvalidInputException.because("the stage cannot be recovered this way on this ascent: "
                + e.getMessage()).source(SOURCE).element("--recovery").value(mode + (plan == null ? "" : " to " + plan.getLandingZoneId()))
                .allowed("another --recovery or --landing-zone, or expendable").build(e));
        } catch (RunFailedException e) {
            // a run that failed (no payload reaches the orbit with this recovery, a solve that did not settle): exit 1
            return new Row(mode, plan, null, e);
        }
    }

    /** A mode's line of the answer. */
    private record Row(String mode, RecoveryPlan plan, RecoveredPayload.Capability capability, RuntimeException refused) {

        /** Why the mode cannot be flown: a refusal's problem, or a failed run's message. */
        String reason() {
            return refused instanceof InvalidInputException bad ? bad.problem() : refused.getMessage();
        }

        String where() {
            return plan == null ? mode : mode + ", " + plan.getLandingZoneId() + (plan.isPlaceShip() ? " stationed where it falls" : "");
        }

        String text(RecoveredPayload.Capability expended) {
            if (refused != null) {
                return "not possible: " + reason();
            }
            if (plan == null) {
                return String.format(Locale.ROOT, "%.0f kg", capability.payloadKg());
            }
            return String.format(Locale.ROOT, "%.0f kg, the first stage keeping %.0f kg (%s); the recovery costs %.0f kg of payload",
                capability.payloadKg(), capability.reserveKg(), capability.basis() == ReserveSizing.Basis.RECOVERY
                    ? "sized by its recovery" : "the vehicle's figure: no recovery engine", expended.payloadKg() - capability.payloadKg());
        }

        Map<String, Object> json(RecoveredPayload.Capability expended) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("payload_kg", capability == null ? null : capability.payloadKg());
            m.put("recovery", mode);
            m.put("landing_zone", plan == null ? null : plan.getLandingZoneId());
            m.put("first_stage_reserve_kg", capability == null ? null : JsonNumbers.round(capability.reserveKg(), 0));
            m.put("reserve_basis", capability == null ? null : capability.basis().name().toLowerCase(Locale.ROOT));
            m.put("recovery_cost_kg", capability == null ? null : expended.payloadKg() - capability.payloadKg());
            if (refused != null) {
                m.put("refused", reason());
            }
            return m;
        }
    }

    private static InsertionTarget parse(String text) {
        Matcher leo = LEO.matcher(text.trim());
        double re = EARTH.equatorialRadius();
        if (leo.matches()) {
            double p = Double.parseDouble(leo.group(1));
            double a = Double.parseDouble(leo.group(2));
            double i = Double.parseDouble(leo.group(3));
            if (a < p || p < 80 || i > 180) {
                throw InvalidInputException.because("is not an orbit LaunchBench can target").source(SOURCE)
                    .element("--orbit").value(text).allowed("perigee >= 80 km, apogee >= perigee, inclination 0 to 180 deg").build();
            }
            return new InsertionTarget(re + p * 1000, re + a * 1000, Math.toRadians(i));
        }
        Matcher sso = SSO.matcher(text.trim());
        if (sso.matches()) {
            double r = re + Double.parseDouble(sso.group(1)) * 1000;
            return new InsertionTarget(r, r, OrbitGeometry.sunSynchronousInclination(EARTH, r, 0));
        }
        throw InvalidInputException.because("is not an orbit").source(SOURCE).element("--orbit").value(text)
            .allowed(ORBIT_FORMS).build();
    }
}
