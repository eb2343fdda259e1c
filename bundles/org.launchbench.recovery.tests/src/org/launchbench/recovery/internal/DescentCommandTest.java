package org.launchbench.recovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.CommandRun;
import org.launchbench.core.InvalidInputException;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code launchbench descent}, as the DS service the command line finds: the keys, and bad input. */
class DescentCommandTest {

    /** The Açıkmeşe and Ploen (2007) Mars example, as shipped in examples/descent/ (see PoweredDescentTest). */
    private static final String MARS = """
        {"gravity_m_s2": [-3.7114, 0, 0], "dry_mass_kg": 1505, "wet_mass_kg": 1905, "isp_s": 200.475,
         "thrust_min_N": 4972, "thrust_max_N": 13260, "position_m": [1500, 2000, 0], "velocity_m_s": [-75, 100, 0],
         "glide_slope_deg": 4, "time_of_flight_s": 81, "nodes": 40, "objective": "min-propellant"}
        """;

    @TempDir
    Path dir;

    private int run(StringBuilder out, String... args) throws Exception {
        CommandRun r = CommandRun.of(FrameworkUtil.getBundle(DescentCommandTest.class).getBundleContext(), "descent", args);
        out.append(r.out());
        return r.code();
    }

    private Path file(String json) throws Exception {
        Path f = dir.resolve("problem.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void theMarsExampleHasTheDocumentedKeys() throws Exception {
        StringBuilder out = new StringBuilder();
        assertEquals(0, run(out, file(MARS).toString(), "--json"));
        JsonObject doc = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("optimal", doc.get("status").getAsString());
        assertEquals(81, doc.get("time_of_flight_s").getAsDouble(), 1e-9);
        assertEquals(399.5, doc.get("propellant_kg").getAsDouble(), 2.5);
        for (String key : List.of("final_position_m", "final_velocity_m_s", "iterations", "solve_time_ms", "trajectory")) {
            assertTrue(doc.has(key), key);
        }
        JsonObject first = doc.getAsJsonArray("trajectory").get(0).getAsJsonObject();
        assertEquals(List.of("t_s", "position_m", "velocity_m_s", "thrust_N", "mass_kg"), List.copyOf(first.keySet()));
        assertEquals(1905, first.get("mass_kg").getAsDouble(), 1e-6);
        assertEquals(41, doc.getAsJsonArray("trajectory").size());
    }

    @Test
    void anInfeasibleProblemIsExitOneWithTheReason() throws Exception {
        StringBuilder out = new StringBuilder();
        assertEquals(1, run(out, file(MARS.replace("\"dry_mass_kg\": 1505", "\"dry_mass_kg\": 1850")).toString(), "--json"));
        JsonObject doc = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("infeasible", doc.get("status").getAsString());
        assertTrue(doc.get("reason").getAsString().contains("infeasible"), doc.toString());
    }

    @Test
    void mistakesAreBadInputNamingTheKey() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> run(new StringBuilder(), file(MARS.replace("\"thrust_min_N\": 4972", "\"thrust_min_N\": 20000")).toString()));
        assertTrue(e.userMessage().contains("thrust_min_N") && e.userMessage().contains("20000"), e.userMessage());
        e = assertThrows(InvalidInputException.class,
            () -> run(new StringBuilder(), file(MARS.replace("\"nodes\": 40", "\"nodez\": 40")).toString()));
        assertTrue(e.userMessage().contains("nodez"), e.userMessage());
        e = assertThrows(InvalidInputException.class,
            () -> run(new StringBuilder(), file(MARS.replace("min-propellant", "min-fuel")).toString()));
        assertTrue(e.userMessage().contains("min-propellant, min-landing-error"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> run(new StringBuilder(), file("{not json").toString()));
        assertTrue(e.userMessage().contains("not valid JSON"), e.userMessage());
    }
}
