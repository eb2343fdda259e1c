package org.launchbench.recovery.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.json.JsonFields;
import org.launchbench.core.json.StrictJson;

/**
 * A trade study's grid, read from its strict JSON file (schema: docs/sweep-spec.schema.json): a mission, the
 * values each swept figure takes (payload, landing zone, landing-burn ignition altitude, propellant margin, target
 * orbit; a figure not swept keeps the mission's), and the dispersion runs each point flies.
 *
 * @param mission    the mission file, as written (relative to the spec's folder)
 * @param payloadsKg payload masses, kg (empty: the mission's)
 * @param zones      landing zone ids (empty: the mission's)
 * @param ignitionsM landing-burn ignition altitudes, m (empty: the mission's)
 * @param margins    recovery propellant margins, shares (empty: the mission's)
 * @param orbits     target orbits (empty: the mission's)
 * @param runs       dispersion runs per point (0: the nominal flight only)
 * @param seed       the dispersion's seed
 * @param fidelity   the fidelity's name (null: the mission's, else 3dof)
 */
record SweepSpec(String mission, List<Double> payloadsKg, List<String> zones, List<Double> ignitionsM, List<Double> margins,
                 List<Orbit> orbits, int runs, long seed, String fidelity) {

    /** The most points a sweep takes. */
    static final int MAX_POINTS = 100_000;
    /** The most dispersion runs per point. */
    static final int MAX_RUNS = 100_000;
    /** A sweep spec's size limit, bytes. */
    static final long LIMIT_BYTES = 1L << 20;
    private static final Set<String> KEYS = Set.of("mission", "payload_kg", "landing_zone", "landing_ignition_altitude_m",
        "propellant_margin", "target_orbit", "runs", "seed", "fidelity");

    /**
     * A target orbit.
     *
     * @param perigeeKm      perigee altitude, km
     * @param apogeeKm       apogee altitude, km
     * @param inclinationDeg inclination, deg
     */
    record Orbit(double perigeeKm, double apogeeKm, double inclinationDeg) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%gx%g i=%g", perigeeKm, apogeeKm, inclinationDeg);
        }
    }

    /**
     * One point of the grid: each figure's value, or null where the mission's is kept.
     *
     * @param index     its place in the grid (payload slowest, orbit fastest)
     * @param payloadKg kg
     * @param zone      zone id
     * @param ignitionM m
     * @param margin    share
     * @param orbit     orbit
     */
    record Point(int index, Double payloadKg, String zone, Double ignitionM, Double margin, Orbit orbit) {
    }

    /**
     * @param file the spec file
     * @return the spec, checked: unknown keys, ranges and an oversized grid are refused naming the key
     */
    static SweepSpec read(Path file) {
        String src = file.toString();
        JsonFields root = JsonFields.root(src, StrictJson.parse(src, InputFiles.readText(file, "a sweep spec (JSON)", LIMIT_BYTES)));
        root.onlyKeys(KEYS);
        String mission = root.string("mission");
        List<Double> payloads = root.has("payload_kg") ? root.numbers("payload_kg", 0, 1e7, "kg") : List.of();
        List<String> zones = root.has("landing_zone") ? root.strings("landing_zone") : List.of();
        List<Double> ignitions = root.has("landing_ignition_altitude_m") ? root.numbers("landing_ignition_altitude_m", 100, 20_000, "m")
            : List.of();
        List<Double> margins = root.has("propellant_margin") ? root.numbers("propellant_margin", 0, 0.9, "") : List.of();
        List<Orbit> orbits = new ArrayList<>();
        if (root.has("target_orbit")) {
            for (JsonFields o : root.objects("target_orbit", Set.of("perigee_km", "apogee_km", "inclination_deg"))) {
                double perigee = o.number("perigee_km", 100, 100_000, "km");
                double apogee = o.number("apogee_km", perigee, 500_000, "km");
                orbits.add(new Orbit(perigee, apogee, o.number("inclination_deg", 0, 180, "deg")));
            }
        }
        int runs = root.has("runs") ? root.integer("runs", 0, MAX_RUNS) : 0;
        long seed = root.has("seed") ? root.integer("seed", 0, Integer.MAX_VALUE) : 1;
        String fidelity = root.optionalString("fidelity");
        SweepSpec spec = new SweepSpec(mission, List.copyOf(payloads), List.copyOf(zones), List.copyOf(ignitions), List.copyOf(margins),
            List.copyOf(orbits), runs, seed, fidelity);
        long points = spec.size();
        if (points > MAX_POINTS) {
            throw InvalidInputException.because("the grid has too many points").source(src).element("(grid)").value(points)
                .allowed("at most " + MAX_POINTS + " points (the product of the lists' lengths)").build();
        }
        return spec;
    }

    /** @return the grid's points: the product of the lists' lengths (a list not given counts as one) */
    long size() {
        long n = 1;
        for (int len : lengths()) {
            n *= len;
        }
        return n;
    }

    private int[] lengths() {
        return new int[] {Math.max(1, payloadsKg.size()), Math.max(1, zones.size()), Math.max(1, ignitionsM.size()),
            Math.max(1, margins.size()), Math.max(1, orbits.size())};
    }

    /** @return point i of the grid */
    Point point(int index) {
        int[] len = lengths();
        int[] at = new int[len.length];
        int rest = index;
        for (int k = len.length - 1; k >= 0; k--) {
            at[k] = rest % len[k];
            rest /= len[k];
        }
        return new Point(index, payloadsKg.isEmpty() ? null : payloadsKg.get(at[0]), zones.isEmpty() ? null : zones.get(at[1]),
            ignitionsM.isEmpty() ? null : ignitionsM.get(at[2]), margins.isEmpty() ? null : margins.get(at[3]),
            orbits.isEmpty() ? null : orbits.get(at[4]));
    }

    @Override
    public String toString() {
        return "sweep of " + mission + " over " + Arrays.toString(lengths());
    }
}
