package org.launchbench.constellation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.json.JsonFields;
import org.launchbench.core.json.StrictJson;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.PayloadAdapter;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;

/**
 * A constellation spec file (JSON, docs/constellation.md) read and checked: the design, the satellites, the
 * strategy, the objective, and the launchers resolved against the vehicle catalog (dispenser limits from the
 * vehicle model, payload from the file or from the trajectory engine's payload query).
 *
 * @param name      for reports
 * @param design    the constellation
 * @param satellite the satellites
 * @param strategy  how they reach their slots
 * @param objective what the planner prefers
 * @param launchers resolved
 * @param deadline  null when none
 * @param notes     what the reader decided that the user should see (a launcher dropped, a payload computed)
 */
public record ConstellationSpec(String name, ConstellationDesign design, Satellite satellite, Strategy strategy, Objective objective,
                                List<Launcher> launchers, Instant deadline, List<String> notes) {

    /** The largest payload a vehicle puts into a circular orbit from a site, kg (NaN when it cannot reach it). */
    public interface PayloadQuery {
        /**
         * @param vehicle     the vehicle
         * @param site        the site
         * @param altitude    m
         * @param inclination rad
         * @return kg, NaN when the vehicle cannot reach the orbit from there
         */
        double payload(CatalogVehicle vehicle, LaunchSite site, double altitude, double inclination);
    }

    private static final double KM = 1000;
    private static final double DEG = Math.PI / 180;

    /**
     * @param file    the spec
     * @param catalog vehicles and sites
     * @param payload payload query for launchers without payload_kg
     * @param earth   the Earth
     * @return the spec
     * @throws InvalidInputException for any mistake in the file
     */
    public static ConstellationSpec read(Path file, VehicleCatalog catalog, PayloadQuery payload, EarthModel earth) {
        String src = file.toString();
        // "$schema" lets an editor find the spec's JSON Schema (docs/constellation-spec.schema.json)
        JsonFields root = JsonFields.root(src, StrictJson.parse(src, InputFiles.readText(file, "a constellation spec (JSON)",
            InputFiles.MODEL_LIMIT_BYTES))).onlyKeys(Set.of("$schema", "name", "start_date", "deadline", "constellation", "satellite",
            "strategy", "objective", "launchers"));
        String name = root.string("name");
        Instant start = root.date("start_date");
        Instant deadline = root.has("deadline") ? root.date("deadline") : null;
        if (deadline != null && !deadline.isAfter(start)) {
            throw root.bad("deadline", deadline.toString().substring(0, 10), "after start_date (" + start.toString().substring(0, 10) + ")",
                "give a deadline after the start");
        }
        ConstellationDesign design = design(root.object("constellation", Set.of("pattern", "satellites", "planes", "phasing",
            "altitude_km", "inclination_deg", "raan0_deg", "local_times_h", "plane_list", "slot_list")), name, start, earth);
        JsonFields s = root.object("satellite", Set.of("mass_kg", "isp_s", "thrust_N", "max_delta_v_m_s"));
        Satellite satellite = new Satellite(s.number("mass_kg", 0.1, 1e5, "kg"), s.number("isp_s", 1, 1e5, "s"),
            s.number("thrust_N", 1e-6, 1e6, "N", Double.NaN), s.number("max_delta_v_m_s", 0, 1e5, "m/s", Double.POSITIVE_INFINITY));
        JsonFields st = root.object("strategy", Set.of("kind", "parking_altitude_km", "max_drift_days", "phasing_altitude_offset_km",
            "inclination_offset_deg"));
        String kind = st.choice("kind", List.of("direct", "drift"));
        if (kind.equals("direct")) {
            st.only(Set.of("kind", "phasing_altitude_offset_km"), "a direct strategy");
        }
        double opAltitude = design.planes().get(0).altitude();
        Strategy strategy = kind.equals("direct")
            ? new Strategy(Strategy.Kind.DIRECT, opAltitude, 0, st.number("phasing_altitude_offset_km", 0.1, 500, "km", 10) * KM)
            : new Strategy(Strategy.Kind.DRIFT, st.number("parking_altitude_km", 150, 50_000, "km") * KM,
                st.number("max_drift_days", 0, 3650, "days"), st.number("phasing_altitude_offset_km", 0.1, 500, "km", 10) * KM,
                st.number("inclination_offset_deg", -10, 10, "deg", 0) * DEG);
        double offsetSum = design.planes().get(0).inclination() + strategy.inclinationOffset();
        if (offsetSum < 0 || offsetSum > Math.PI) {
            throw st.bad("inclination_offset_deg", String.valueOf(Math.toDegrees(strategy.inclinationOffset())),
                "an offset that keeps the parking inclination within 0 to 180 deg", "give a smaller offset");
        }
        Objective objective = Objective.valueOf(root.choice("objective", List.of("launches", "cost", "time")).toUpperCase(java.util.Locale.ROOT));
        List<String> notes = new ArrayList<>();
        List<Launcher> launchers = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<JsonFields> ls = root.objects("launchers", Set.of("vehicle", "site", "dispenser", "satellites_per_launch", "payload_kg",
            "cadence_days", "first_launch", "max_launches", "cost", "separation_after_launch_min"));
        for (JsonFields l : ls) {
            Launcher launcher = launcher(l, catalog, payload, design, strategy, satellite, start, objective, notes, refused, earth);
            if (launcher != null) {
                launchers.add(launcher);
            }
        }
        if (launchers.isEmpty()) {
            throw InvalidInputException.because("cannot carry a single satellite to the constellation: " + String.join("; ", refused))
                .source(src).element("launchers").fix("choose a vehicle that reaches the orbit, a lighter satellite or a lower"
                    + " parking orbit").build();
        }
        return new ConstellationSpec(name, design, satellite, strategy, objective, List.copyOf(launchers), deadline, List.copyOf(notes));
    }

    private static ConstellationDesign design(JsonFields c, String name, Instant epoch, EarthModel earth) {
        String pattern = c.choice("pattern", List.of("walker-delta", "walker-star", "sun-synchronous", "explicit", "slots"));
        // each pattern's own keys: another pattern's key would be silently ignored
        Set<String> own = switch (pattern) {
            case "walker-delta", "walker-star" -> Set.of("pattern", "satellites", "planes", "phasing", "altitude_km", "inclination_deg", "raan0_deg");
            case "sun-synchronous" -> Set.of("pattern", "satellites", "phasing", "altitude_km", "local_times_h");
            case "slots" -> Set.of("pattern", "slot_list");
            default -> Set.of("pattern", "plane_list");
        };
        c.only(own, "a " + pattern + " constellation");
        switch (pattern) {
            case "walker-delta", "walker-star" -> {
                int t = c.integer("satellites", 1, 1_000_000);
                int p = c.integer("planes", 1, 100_000);
                int f = c.integer("phasing", 0, 100_000);
                String problem = ConstellationDesign.walkerProblem(t, p, f);
                if (problem != null) {
                    throw c.bad("planes", t + "/" + p + "/" + f, "T/P/F with P dividing T and 0 <= F < P", problem);
                }
                return ConstellationDesign.walker(name, pattern.equals("walker-star"), epoch, t, p, f,
                    c.number("altitude_km", 150, 50_000, "km") * KM, c.number("inclination_deg", 0, 180, "deg") * DEG,
                    c.number("raan0_deg", -360, 360, "deg", 0) * DEG);
            }
            case "sun-synchronous" -> {
                int t = c.integer("satellites", 1, 1_000_000);
                List<Double> times = c.numbers("local_times_h", 0, 24, "h");
                for (int i = 0; i < times.size(); i++) {
                    for (int j = 0; j < i; j++) {
                        if (Math.abs(Math.IEEEremainder(times.get(i) - times.get(j), 24)) < 1e-9) {
                            throw c.bad("local_times_h", times.get(i) + " (twice)", "distinct local times (0 and 24 are one)", "list each plane once");
                        }
                    }
                }
                if (t % times.size() != 0) {
                    throw c.bad("satellites", String.valueOf(t), "a multiple of the " + times.size() + " local times (one plane each)",
                        "give T a multiple of the planes");
                }
                double altitude = c.number("altitude_km", 150, 5900, "km") * KM;
                int f = c.has("phasing") ? c.integer("phasing", 0, Math.max(0, times.size() - 1)) : 0;
                return ConstellationDesign.sunSynchronous(name, epoch, earth, altitude, times, t / times.size(), f);
            }
            case "slots" -> {
                List<ConstellationDesign.SlotSpec> slots = new ArrayList<>();
                for (JsonFields x : c.objects("slot_list", Set.of("altitude_km", "inclination_deg", "raan_deg", "argument_of_latitude_deg"))) {
                    slots.add(new ConstellationDesign.SlotSpec(x.number("altitude_km", 150, 50_000, "km") * KM,
                        x.number("inclination_deg", 0, 180, "deg") * DEG, x.number("raan_deg", -360, 360, "deg") * DEG,
                        x.number("argument_of_latitude_deg", -360, 360, "deg") * DEG));
                }
                return ConstellationDesign.fromSlots(name, epoch, slots);
            }
            default -> {
                List<Plane> planes = new ArrayList<>();
                for (JsonFields p : c.objects("plane_list", Set.of("altitude_km", "inclination_deg", "raan_deg", "satellites"))) {
                    planes.add(new Plane(0, p.number("inclination_deg", 0, 180, "deg") * DEG, p.number("altitude_km", 150, 50_000, "km") * KM,
                        SiderealTime.wrap(p.number("raan_deg", -360, 360, "deg") * DEG), p.integer("satellites", 1, 1_000_000), Double.NaN));
                }
                planes.sort(Comparator.comparingDouble(Plane::raan));
                List<Plane> indexed = new ArrayList<>();
                for (int i = 0; i < planes.size(); i++) {
                    Plane p = planes.get(i);
                    indexed.add(new Plane(i, p.inclination(), p.altitude(), p.raan(), p.satellites(), Double.NaN));
                }
                return ConstellationDesign.explicit(name, epoch, indexed);
            }
        }
    }

    /**
     * What a launcher does for one insertion orbit.
     *
     * @param insertion   m
     * @param inclination rad
     * @param payload     kg (NaN: it cannot reach the orbit)
     * @param satellites  per launch (below 1: none)
     * @param north       the northbound pass allowed
     * @param south       the southbound pass allowed
     * @param problem     why it carries none (null when it carries some)
     */
    private record Reach(double insertion, double inclination, double payload, int satellites, boolean north, boolean south,
                         String problem) {
    }

    private static Reach reach(JsonFields l, CatalogVehicle vehicle, LaunchSite site, PayloadAdapter dispenser, int perLaunch, Double given,
                               PayloadQuery query, Satellite satellite, double insertion, double inclination, EarthModel earth, boolean only,
                               List<String> notes) {
        String vehicleId = vehicle.id();
        String siteId = site.getId();
        // the passes the site's azimuth ranges allow; for a design of one orbit, an orbit the site cannot fly is bad input
        // naming the azimuths it would need; in a design of several, the launcher just does not serve that orbit
        double speed = Math.sqrt(earth.mu() / (earth.equatorialRadius() + insertion));
        try {
            OrbitGeometry.launchAzimuth(earth, site, inclination, speed);
        } catch (InvalidInputException e) {
            if (only) {
                throw InvalidInputException.because(e.problem()).source(l.source()).element(l.name("site")).value(e.value())
                    .allowed(e.allowed()).fix(e.fix()).build(e);
            }
            return new Reach(insertion, inclination, Double.NaN, 0, false, false, e.problem() + " (" + e.value() + ")");
        }
        double latitude = Math.toRadians(site.getLatitude());
        boolean north = OrbitGeometry.allowsAzimuth(site, OrbitGeometry.rotatingAzimuth(earth, latitude, inclination, speed, true));
        boolean south = OrbitGeometry.allowsAzimuth(site, OrbitGeometry.rotatingAzimuth(earth, latitude, inclination, speed, false));
        double payload;
        if (given != null) {
            payload = given;
        } else {
            payload = query.payload(vehicle, site, insertion, inclination);
            if (!Double.isNaN(payload)) {
                notes.add(String.format(java.util.Locale.ROOT, "%s from %s: %.0f kg to %.0f km at %.2f deg (trajectory payload query,"
                    + " expendable)", vehicleId, siteId, payload, insertion / KM, Math.toDegrees(inclination)));
            }
        }
        // the dispenser rides on the payload capability; its maxPayloadMass is the satellites' mass it carries at most
        double usable = payload - dispenser.getMass();
        if (dispenser.getMaxPayloadMass() > 0) {
            usable = Math.min(usable, dispenser.getMaxPayloadMass());
        }
        int satellites = Double.isNaN(payload) ? 0 : Math.min(perLaunch, (int) Math.floor(usable / satellite.mass() + 1e-9));
        String problem = satellites >= 1 ? null : Double.isNaN(payload)
            ? String.format(java.util.Locale.ROOT, "%s cannot reach %.0f km at %.2f deg from %s", vehicleId, insertion / KM,
                Math.toDegrees(inclination), siteId)
            : String.format(java.util.Locale.ROOT, "%s from %s puts %.0f kg into %.0f km at %.2f deg, less than its %s (%.0f kg) and"
                + " one %.0f kg satellite", vehicleId, siteId, payload, insertion / KM, Math.toDegrees(inclination), dispenser.getId(),
                dispenser.getMass(), satellite.mass());
        return new Reach(insertion, inclination, payload, satellites, north, south, problem);
    }

    private static Launcher launcher(JsonFields l, VehicleCatalog catalog, PayloadQuery query, ConstellationDesign design,
                                     Strategy strategy, Satellite satellite, Instant start, Objective objective, List<String> notes,
                                     List<String> refused, EarthModel earth) {
        String vehicleId = l.string("vehicle");
        CatalogVehicle vehicle = catalog.vehicle(vehicleId).orElseThrow(() -> l.bad("vehicle", vehicleId,
            String.join(", ", catalog.vehicles().stream().map(CatalogVehicle::id).toList()), "name a vehicle of the catalog"));
        String siteId = l.string("site");
        LaunchSite site = catalog.launchSites().stream().filter(x -> x.getId().equals(siteId)).findFirst().orElseThrow(() -> l.bad("site",
            siteId, String.join(", ", catalog.launchSites().stream().map(LaunchSite::getId).toList()), "name a launch site of the catalog"));
        List<PayloadAdapter> adapters = vehicle.model().getPayloadAdapters();
        if (adapters.isEmpty()) {
            throw l.bad("vehicle", vehicleId, "a vehicle with a payload adapter or dispenser", "add one to the vehicle model");
        }
        PayloadAdapter dispenser;
        if (l.has("dispenser")) {
            String id = l.string("dispenser");
            dispenser = adapters.stream().filter(a -> id.equals(a.getId())).findFirst().orElseThrow(() -> l.bad("dispenser", id,
                String.join(", ", adapters.stream().map(PayloadAdapter::getId).toList()), "name one of " + vehicleId + "'s adapters"));
        } else {
            dispenser = adapters.stream().max(Comparator.comparingInt(PayloadAdapter::getMaxSatellites)).orElseThrow();
        }
        int perLaunch = l.has("satellites_per_launch") ? l.integer("satellites_per_launch", 1, dispenser.getMaxSatellites())
            : dispenser.getMaxSatellites();
        boolean drift = strategy.kind() == Strategy.Kind.DRIFT;
        double offset = drift ? strategy.inclinationOffset() : 0;
        Double given = l.has("payload_kg") ? l.number("payload_kg", 0, 1e6, "kg") : null;
        // each distinct insertion orbit of the design (one for Walker and SSO designs; explicit ones may have several)
        Map<List<Double>, Reach> reaches = new LinkedHashMap<>();
        List<Plane> planes = design.planes();
        boolean oneOrbit = planes.stream().allMatch(q -> q.altitude() == planes.get(0).altitude()
            && q.inclination() == planes.get(0).inclination());
        Reach[] byPlane = new Reach[planes.size()];
        for (Plane p : planes) {
            double insertion = drift ? strategy.parkingAltitude() : p.altitude();
            double inclination = p.inclination() + offset;
            byPlane[p.index()] = reaches.computeIfAbsent(List.of(insertion, inclination), k -> reach(l, vehicle, site, dispenser, perLaunch,
                given, query, satellite, insertion, inclination, earth, oneOrbit, notes));
        }
        Reach first0 = byPlane[0];
        if (reaches.values().stream().allMatch(r -> r.satellites() < 1)) {
            refused.add(String.join("; ", reaches.values().stream().map(Reach::problem).distinct().toList()));
            notes.add("launcher " + l.name("").replaceAll("\\.$", "") + " dropped: " + refused.get(refused.size() - 1));
            return null;
        }
        for (Reach r : reaches.values()) {
            if (r.satellites() >= 1 && r.satellites() < perLaunch) {
                notes.add(String.format(java.util.Locale.ROOT, "%s from %s carries %d satellites, not %d, to %.0f km at %.2f deg: %.0f kg of"
                    + " payload less the %.0f kg %s leaves %.0f kg for satellites", vehicleId, siteId, r.satellites(), perLaunch,
                    r.insertion() / KM, Math.toDegrees(r.inclination()), r.payload(), dispenser.getMass(), dispenser.getId(),
                    r.payload() - dispenser.getMass()));
            } else if (r.satellites() < 1) {
                notes.add("launcher " + l.name("").replaceAll("\\.$", "") + " serves no plane at " + String.format(java.util.Locale.ROOT,
                    "%.0f km and %.2f deg: ", r.insertion() / KM, Math.toDegrees(r.inclination())) + r.problem());
            }
        }
        double cost = objective == Objective.COST ? l.number("cost", 0, 1e12, "") : l.number("cost", 0, 1e12, "", Double.NaN);
        Instant first = l.date("first_launch");
        if (first.isBefore(start)) {
            throw l.bad("first_launch", first.toString().substring(0, 10), "on or after start_date (" + start.toString().substring(0, 10) + ")",
                "move the first launch after the start");
        }
        int[] satellites = new int[planes.size()];
        boolean[] north = new boolean[planes.size()];
        boolean[] south = new boolean[planes.size()];
        for (int i = 0; i < planes.size(); i++) {
            satellites[i] = Math.max(0, byPlane[i].satellites());
            north[i] = byPlane[i].north();
            south[i] = byPlane[i].south();
        }
        boolean uniform = reaches.size() == 1;
        return new Launcher(vehicleId, vehicle.name(), siteId, EarthModel.Geodetic.of(site), dispenser.getId(),
            java.util.Arrays.stream(satellites).max().orElse(0), first0.payload(), l.number("cadence_days", 1, 3650, "days"), first,
            l.integer("max_launches", 1, 1_000_000), cost, l.number("separation_after_launch_min", 1, 100_000, "min", 60), first0.north(),
            first0.south(), uniform ? null : satellites, uniform ? null : north, uniform ? null : south);
    }
}
