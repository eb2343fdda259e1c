package org.launchbench.recovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.CommandRun;
import org.launchbench.core.InvalidInputException;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code launchbench sweep}: the example's 3 × 3 trade study, its Pareto front, and bad specs. */
class SweepTest {

    private static final Path EXAMPLE = Path.of("../../examples/sweeps/falcon9-payload-margin.json");

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(FrameworkUtil.getBundle(SweepTest.class).getBundleContext(), "sweep", args);
    }

    @Test
    void theExampleFliesNinePointsAndFindsTheirParetoFront() {
        CommandRun r = run(EXAMPLE.toString(), "--json", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonArray rows = doc.getAsJsonArray("rows");
        assertEquals(9, rows.size());
        double[][] reserve = new double[3][3];
        List<double[]> flown = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            // payload slowest, margin fastest
            assertEquals(new double[] {0.05, 0.1, 0.2}[i % 3], row.get("propellant_margin").getAsDouble());
            if (!row.get("error").isJsonNull()) {
                // only a heavy payload with a large margin: its reserve leaves the upper stage short of the orbit, or the sizing
                // finds no reserve that both flies the recovery and reaches it
                assertTrue(i / 3 > 0 && i % 3 > 0 && !row.get("error").getAsString().isBlank(), row.toString());
                reserve[i / 3][i % 3] = Double.POSITIVE_INFINITY;
                continue;
            }
            // the manifest scaled to the point's payload
            assertEquals(new double[] {12_000, 15_000, 18_000}[i / 3], row.get("payload_kg").getAsDouble(), 0.05, row.toString());
            assertEquals(10, row.get("runs").getAsInt());
            double p = row.get("landing_probability").getAsDouble();
            assertEquals(row.get("landed").getAsInt() / 10.0, p, 1e-12);
            reserve[i / 3][i % 3] = row.get("first_stage_reserve_kg").getAsDouble();
            flown.add(new double[] {i, row.get("payload_kg").getAsDouble(), p});
        }
        // the reserve the recovery sizes is R = E (K - 1) / (1 - K μ) (RecoveryService.need): it grows with the margin μ
        // (a point not flown needs more than the stage can keep: infinite here)
        for (int a = 0; a < 3; a++) {
            assertTrue(reserve[a][0] < reserve[a][1] && reserve[a][1] <= reserve[a][2], java.util.Arrays.toString(reserve[a]));
        }
        assertTrue(flown.size() >= 5, flown.size() + " points flown");
        // the front, found here independently: no other point has as much payload and landing probability, and more of one
        List<Integer> front = new ArrayList<>();
        for (double[] a : flown) {
            boolean beaten = flown.stream().anyMatch(b -> b != a && b[1] >= a[1] && b[2] >= a[2] && (b[1] > a[1] || b[2] > a[2]));
            if (!beaten) {
                front.add((int) a[0]);
            }
        }
        List<Integer> reported = new ArrayList<>();
        for (JsonElement e : doc.getAsJsonArray("pareto")) {
            reported.add(e.getAsInt());
        }
        assertEquals(front, reported);
        assertTrue(!front.isEmpty());
        assertEquals(1, doc.get("members").getAsInt());
        assertEquals(0, doc.get("reassigned_runs").getAsInt());
    }

    @Test
    void aPointThatCannotBeFlownIsARowNotAFailedSweep() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.json"), "{\"mission\": \"" + Path.of("../../examples/missions/falcon9-leo-asds.mission")
            .toAbsolutePath().normalize() + "\", \"landing_zone\": [\"no-such-zone\"]}");
        CommandRun r = run(spec.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject row = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("rows").get(0).getAsJsonObject();
        assertEquals("not flown", row.get("nominal_outcome").getAsString());
        assertTrue(row.get("error").getAsString().contains("no-such-zone"), row.toString());
        assertEquals(0, JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("pareto").size());
    }

    @Test
    void badSpecsAreOneLineNamingTheKey() throws Exception {
        String mission = "\"mission\": \"" + Path.of("../../examples/missions/falcon9-leo-asds.mission").toAbsolutePath().normalize() + "\"";
        String[][] cases = {
            {"{" + mission + ", \"payload\": [1]}", "payload"},
            {"{" + mission + ", \"payload_kg\": [-5]}", "payload_kg[0]"},
            {"{" + mission + ", \"propellant_margin\": [0.95]}", "propellant_margin[0]"},
            {"{" + mission + ", \"runs\": 1000001}", "runs"},
            {"{" + mission + ", \"payload_kg\": []}", "payload_kg"},
            {"{" + mission + ", \"target_orbit\": [{\"perigee_km\": 300, \"apogee_km\": 200, \"inclination_deg\": 28}]}", "apogee_km"},
            {"{" + mission + ", \"payload_kg\": " + list(50, "1000") + ", \"landing_ignition_altitude_m\": " + list(50, "1000")
                + ", \"landing_zone\": " + list(50, "\"a\"") + "}", "too many points"},
            {"{\"mission\": \"missing.mission\"}", "missing.mission"},
            {"{" + mission + ",}", "s.json"},
        };
        for (String[] c : cases) {
            Path spec = Files.writeString(dir.resolve("s.json"), c[0]);
            // bad input is an InvalidInputException, which the command line turns into exit 2 and its one line
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(spec.toString()), c[0]);
            assertEquals(1, e.userMessage().lines().count(), e.userMessage());
            assertTrue(e.userMessage().contains(c[1]), c[1] + " in " + e.userMessage());
        }
        InvalidInputException cluster = assertThrows(InvalidInputException.class, () -> run(EXAMPLE.toString(), "--secret-file", "x"));
        assertTrue(cluster.userMessage().contains("only means something with --cluster"), cluster.userMessage());
    }

    /** A JSON list of n copies of a value (50 × 50 × 50 = 125,000 points, over the 100,000 a sweep takes). */
    private static String list(int n, String value) {
        return "[" + String.join(",", java.util.Collections.nCopies(n, value)) + "]";
    }

    @Test
    void theParetoFrontKeepsTheUnbeaten() {
        SweepRow[] rows = {row(0, 10, 1.0), row(1, 12, 0.9), row(2, 12, 0.5), row(3, 9, 1.0), row(4, 14, 0.0),
            new SweepRow(5, Double.NaN, Double.NaN, "not flown", Double.NaN, Double.NaN, 0, 0, "out of reach"), row(6, 14, 0.0)};
        // 3 is beaten by 0 (more payload, as likely), 2 by 1 (as heavy, more likely); 4 and 6 tie, and neither beats the other
        assertEquals(List.of(0, 1, 4, 6), SweepCommand.pareto(rows));
        assertNull(rows[0].error());
    }

    private static SweepRow row(int i, double payload, double p) {
        return new SweepRow(i, payload, 0, "landed", 0, 0, 10, (int) Math.round(10 * p), null);
    }
}
