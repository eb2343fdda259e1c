package org.launchbench.trajectory.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LandingZoneKind;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.RecoveryHardware;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.VehicleFactory;

/**
 * The recovery plan {@code payload} flies for each of its modes, from the catalog's landing zones:
 * <ul>
 * <li>{@code expendable}: none;</li>
 * <li>{@code rtls}: back to the zone given, else to the catalog's pad nearest the site within
 * {@value #RTLS_PAD_WITHIN_M} m (LZ-1 for the Cape's pads, LZ-4 for SLC-4E), with a boostback;</li>
 * <li>{@code downrange}: to the zone given (a pad, or a drone ship held at its catalog station, both with a boostback when
 * the stage has engines for one), else to the catalog's drone ship nearest the site within {@value #SHIP_WITHIN_M} m, stationed where the stage
 * falls and flying no boostback (the usual drone-ship recovery).</li>
 * </ul>
 * Every recovered mode flies an entry burn when the stage names engines for one, and keeps the examples' 5 % of its
 * reserve as margin.
 */
final class PayloadPlans {

    /** A pad this near the launch site is where its boosters return, m (LZ-1 is 9 km from SLC-40, LZ-4 0.4 km from SLC-4E). */
    static final double RTLS_PAD_WITHIN_M = 50_000;
    /** A drone ship whose catalog station is this near the site serves it, m (the ships' stations are 600-700 km out). */
    static final double SHIP_WITHIN_M = 2_000_000;
    /** The share of the reserve kept unused, as every example mission keeps. */
    static final double MARGIN = 0.05;
    /** The modes, in the order {@code --all-modes} lists them. */
    static final List<String> MODES = List.of("expendable", "rtls", "downrange");

    private static final double MEAN_EARTH_RADIUS_M = 6_371_000;
    private static final String SOURCE = "launchbench payload";

    private PayloadPlans() {
    }

    /**
     * @param mode    one of {@link #MODES}
     * @param zoneId  {@code --landing-zone}, when given
     * @param vehicle the vehicle
     * @param site    the launch site
     * @param zones   the catalog's landing zones
     * @return the plan (null: expended)
     * @throws InvalidInputException for a mode the stage cannot fly or a zone that does not fit it
     */
    static RecoveryPlan plan(String mode, Optional<String> zoneId, LaunchVehicle vehicle, LaunchSite site, List<LandingZone> zones) {
        if (mode.equals("expendable")) {
            if (zoneId.isPresent()) {
                throw InvalidInputException.because("names a landing zone for an expended stage").source(SOURCE).element("--landing-zone")
                    .value(zoneId.get()).fix("drop --landing-zone, or choose --recovery rtls or downrange").build();
            }
            return null;
        }
        RecoveryHardware hw = vehicle.getStages().get(0).getRecovery();
        if (hw == null || hw.getLandingLegs() == null) {
            throw InvalidInputException.because("cannot be recovered: its first stage has no recovery hardware (legs)").source(SOURCE)
                .element("--recovery").value(mode).allowed("expendable").build();
        }
        if (hw.getEntryEngines() > 0 && !hw.isSetMaxDescentDynamicPressure()) {
            throw InvalidInputException.because("cannot be flown: the entry burn is sized to the first stage's own descent limit,"
                + " and " + vehicle.getId() + "'s sets none").source(SOURCE).element("--recovery").value(mode)
                .allowed("expendable, or a vehicle whose first stage's recovery sets maxDescentDynamicPressure (docs/vehicle-model.md)")
                .build();
        }
        LandingZone zone = zoneId.map(id -> named(id, zones)).orElseGet(() -> nearest(mode, site, zones));
        RecoveryPlan plan = VehicleFactory.eINSTANCE.createRecoveryPlan();
        plan.setLandingZoneId(zone.getId());
        plan.setEntryBurn(hw.getEntryEngines() > 0);
        plan.setPropellantMargin(MARGIN);
        if (mode.equals("rtls")) {
            if (zone.getKind() != LandingZoneKind.PAD) {
                throw InvalidInputException.because("is not a landing pad: a return to the launch site lands on a pad").source(SOURCE)
                    .element("--landing-zone").value(zone.getId() + " (" + zone.getKind() + ")").allowed(ids(zones, LandingZoneKind.PAD))
                    .build();
            }
            plan.setMode(RecoveryMode.RETURN_TO_LAUNCH_SITE);
            plan.setBoostback(true);
        } else if (zoneId.isEmpty()) {
            plan.setMode(RecoveryMode.SHIP);
            plan.setPlaceShip(true);
        } else {
            plan.setMode(zone.getKind() == LandingZoneKind.SHIP ? RecoveryMode.SHIP : RecoveryMode.DOWNRANGE_PAD);
            plan.setBoostback(hw.getBoostbackEngines() > 0);
        }
        if (plan.isBoostback() && hw.getBoostbackEngines() < 1) {
            throw InvalidInputException.because("needs a boostback burn, and the first stage names no boostback engines").source(SOURCE)
                .element("--recovery").value(mode).allowed("expendable, or downrange to a drone ship stationed where the stage falls")
                .build();
        }
        return plan;
    }

    private static LandingZone named(String id, List<LandingZone> zones) {
        return zones.stream().filter(z -> z.getId().equals(id)).findFirst().orElseThrow(() -> InvalidInputException
            .because("no such landing zone").source(SOURCE).element("--landing-zone").value(id)
            .allowed(String.join(", ", zones.stream().map(LandingZone::getId).toList())).build());
    }

    /** The mode's zone when none is named: the nearest pad (rtls) or drone ship (downrange) in reach of the site. */
    private static LandingZone nearest(String mode, LaunchSite site, List<LandingZone> zones) {
        LandingZoneKind kind = mode.equals("rtls") ? LandingZoneKind.PAD : LandingZoneKind.SHIP;
        double within = mode.equals("rtls") ? RTLS_PAD_WITHIN_M : SHIP_WITHIN_M;
        return zones.stream().filter(z -> z.getKind() == kind && distance(site, z) <= within)
            .min(Comparator.comparingDouble(z -> distance(site, z)))
            .orElseThrow(() -> InvalidInputException.because(String.format(Locale.ROOT, "has no %s within %.0f km of %s in the catalog",
                mode.equals("rtls") ? "landing pad" : "drone ship", within / 1000, site.getId())).source(SOURCE).element("--recovery")
                .value(mode).allowed("--landing-zone naming one of " + ids(zones, null)).build());
    }

    private static String ids(List<LandingZone> zones, LandingZoneKind kind) {
        return String.join(", ", zones.stream().filter(z -> kind == null || z.getKind() == kind).map(LandingZone::getId).toList());
    }

    /** Great-circle distance on a sphere of the Earth's mean radius, m: enough to choose the nearest zone. */
    static double distance(LaunchSite site, LandingZone zone) {
        double p1 = Math.toRadians(site.getLatitude());
        double p2 = Math.toRadians(zone.getLatitude());
        double dl = Math.toRadians(zone.getLongitude() - site.getLongitude());
        double h = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
        return 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
