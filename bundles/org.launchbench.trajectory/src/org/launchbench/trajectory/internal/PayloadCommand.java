package org.launchbench.trajectory.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.cli.JsonNumbers;
import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.AscentSimulator;
import org.launchbench.trajectory.ascent.PayloadCapability;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.RecoveryHardware;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code launchbench payload VEHICLE_ID --site SITE_ID --orbit "LEO 200x200 i=41.1"|"SSO 500"
 * [--recovery expendable|rtls|downrange] [--json]}: the largest payload to an orbit.
 */
@Component(service = CliCommand.class)
public final class PayloadCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of("--site", "--orbit", "--recovery", InsertionOption.NAME));
    private static final Pattern LEO = Pattern.compile("(?i)LEO\\s+(\\d+(?:\\.\\d+)?)\\s*x\\s*(\\d+(?:\\.\\d+)?)\\s+i\\s*=\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern SSO = Pattern.compile("(?i)SSO\\s+(\\d+(?:\\.\\d+)?)");
    private static final String ORBIT_FORMS = "\"LEO PERIGEExAPOGEE i=INCLINATION\" (km, km, deg) or \"SSO ALTITUDE\" (km)";
    private static final EarthModel EARTH = EarthModel.WGS84;

    @Reference
    private VehicleCatalog catalog;

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
            Usage: launchbench payload VEHICLE_ID --site SITE_ID --orbit ORBIT [--recovery expendable|rtls|downrange] [--json]
                   [--insertion auto|direct|parking|coast]

            Bisects the payload mass over full ascents (docs/trajectory.md) to 10 kg.
              --orbit      "LEO 200x200 i=41.1" (perigee x apogee in km, inclination in deg) or "SSO 500"
                           (sun-synchronous circular at 500 km)
              --recovery   expendable (default), rtls or downrange: the first stage keeps its landing reserve
              --json       {"payload_kg": ..., "vehicle": ..., "site": ..., "orbit": {...}, "recovery": ...}
            """ + InsertionOption.USAGE + """
            Exit 1 when the vehicle cannot reach the orbit at all.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "VEHICLE_ID");
        String vehicleId = args.positionals().get(0);
        CatalogVehicle cv = catalog.vehicle(vehicleId).orElseThrow(() -> InvalidInputException.because("no such vehicle")
            .source("launchbench payload").value(vehicleId)
            .allowed(String.join(", ", catalog.vehicles().stream().map(CatalogVehicle::id).toList())).build());
        String siteId = args.value("--site").orElseThrow(() -> InvalidInputException.because("is required")
            .source("launchbench payload").element("--site").fix("name a launch site, e.g. --site jiuquan").build());
        LaunchSite site = catalog.launchSites().stream().filter(s -> s.getId().equals(siteId)).findFirst()
            .orElseThrow(() -> InvalidInputException.because("no such launch site").source("launchbench payload").element("--site")
                .value(siteId).allowed(String.join(", ", catalog.launchSites().stream().map(LaunchSite::getId).toList())).build());
        String orbitText = args.value("--orbit").orElseThrow(() -> InvalidInputException.because("is required")
            .source("launchbench payload").element("--orbit").allowed(ORBIT_FORMS).build());
        String recovery = args.value("--recovery").orElse("expendable").toLowerCase(Locale.ROOT);
        if (!Set.of("expendable", "rtls", "downrange").contains(recovery)) {
            throw InvalidInputException.because("is not a recovery plan").source("launchbench payload").element("--recovery")
                .value(recovery).allowed("expendable, rtls, downrange").build();
        }
        LaunchVehicle vehicle = cv.model();
        RecoveryHardware hw = vehicle.getStages().get(0).getRecovery();
        if (!recovery.equals("expendable") && hw == null) {
            throw InvalidInputException.because("cannot be recovered: its first stage has no recovery hardware")
                .source("launchbench payload").element("--recovery").value(recovery).allowed("expendable").build();
        }
        double reserve = recovery.equals("expendable") ? 0 : hw.getLandingPropellantReserve();
        InsertionTarget target = parse(orbitText);
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double azimuth;
        try {
            azimuth = OrbitGeometry.launchAzimuth(EARTH, site, target.inclination(), target.perigeeSpeed(EARTH.mu()));
        } catch (InvalidInputException e) {
            throw InvalidInputException.because(e.problem()).source("launchbench payload").element("--orbit")
                .value(e.value()).allowed(e.allowed()).fix(e.fix()).build(e);
        }
        double payload = new PayloadCapability(new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE,
            AscentProfile.DEFAULT.with(InsertionOption.parse(args, name()))))
            .solve(vehicle, pad, azimuth, reserve, target, invocation.monitor());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("payload_kg", payload);
        doc.put("vehicle", vehicleId);
        doc.put("site", siteId);
        Map<String, Object> orbit = new LinkedHashMap<>();
        orbit.put("perigee_km", (target.perigeeRadius() - EARTH.equatorialRadius()) / 1000);
        orbit.put("apogee_km", (target.apogeeRadius() - EARTH.equatorialRadius()) / 1000);
        orbit.put("inclination_deg", JsonNumbers.round(Math.toDegrees(target.inclination()), 4));
        doc.put("orbit", orbit);
        doc.put("recovery", recovery);
        if (args.flag("--json")) {
            invocation.printJson(doc);
        } else {
            invocation.out().printf("%s from %s to %s (%s): %.0f kg%n", vehicle.getName(), site.getName(), orbitText, recovery, payload);
        }
        return ExitCode.OK;
    }

    private static InsertionTarget parse(String text) {
        Matcher leo = LEO.matcher(text.trim());
        double re = EARTH.equatorialRadius();
        if (leo.matches()) {
            double p = Double.parseDouble(leo.group(1));
            double a = Double.parseDouble(leo.group(2));
            double i = Double.parseDouble(leo.group(3));
            if (a < p || p < 80 || i > 180) {
                throw InvalidInputException.because("is not an orbit LaunchBench can target").source("launchbench payload")
                    .element("--orbit").value(text).allowed("perigee >= 80 km, apogee >= perigee, inclination 0 to 180 deg").build();
            }
            return new InsertionTarget(re + p * 1000, re + a * 1000, Math.toRadians(i));
        }
        Matcher sso = SSO.matcher(text.trim());
        if (sso.matches()) {
            double r = re + Double.parseDouble(sso.group(1)) * 1000;
            return new InsertionTarget(r, r, OrbitGeometry.sunSynchronousInclination(EARTH, r, 0));
        }
        throw InvalidInputException.because("is not an orbit").source("launchbench payload").element("--orbit").value(text)
            .allowed(ORBIT_FORMS).build();
    }
}
