package org.launchbench.recovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.CommandRun;
import org.launchbench.core.InvalidInputException;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A mission's scenario failing the ascent ({@code burn="ASCENT"}), flown by {@code simulate}: the Falcon 9 drone-ship
 * example with one of its nine engines out 60 s after liftoff. It was accepted and ignored before.
 */
class AscentScenarioTest {

    @TempDir
    Path dir;

    private Path mission(double time) throws Exception {
        return mission("ENGINE_OUT", time, 1);
    }

    private Path mission(String kind, double time, double magnitude) throws Exception {
        String text = Files.readString(Path.of("../../examples/missions/falcon9-leo-asds.mission")).replace("</lb:Mission>",
            "  <scenarios name=\"failing\">\n    <failures kind=\"" + kind + "\" burn=\"ASCENT\" time=\"" + time
                + "\" magnitude=\"" + magnitude + "\"/>\n  </scenarios>\n</lb:Mission>");
        Path f = dir.resolve("f9-" + kind + "-" + Math.round(time) + ".mission");
        Files.writeString(f, text);
        return f;
    }

    private static JsonObject simulate(String... args) throws Exception {
        CommandRun r = CommandRun.of(FrameworkUtil.getBundle(AscentScenarioTest.class).getBundleContext(), "simulate", args);
        assertEquals(0, r.code(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    private static JsonObject event(JsonObject doc, String event) {
        for (JsonElement e : doc.getAsJsonArray("events")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(event)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + event + " event in " + doc.getAsJsonArray("events"));
    }

    private static double time(JsonObject doc, String event) {
        return event(doc, event).get("time_s").getAsDouble();
    }

    /**
     * The engine goes out at 60 s, the first stage burns longer to the reserve its nominal plan kept, the second stage
     * still reaches the orbit (solved from where it lights, to the guidance's 1 km), and the booster's recovery starts
     * where it actually separated (its ship, stationed where it falls, moves by kilometres). Without the scenario the same
     * file flies the nominal ascent.
     */
    @Test
    void anEngineOutOnTheWayUpIsFlown() throws Exception {
        Path file = mission(60);
        JsonObject nominal = simulate(file.toString(), "--scenario", "none", "--json");
        JsonObject failed = simulate(file.toString(), "--json");
        assertEquals(60, time(failed, "engine-out"), 1e-3);
        assertTrue(time(failed, "meco") > time(nominal, "meco") + 5, time(failed, "meco") + " against " + time(nominal, "meco"));
        // the stack at cut-off weighs the same (the same propellant burned, to the same reserve), later
        assertEquals(event(nominal, "meco").get("mass_kg").getAsDouble(), event(failed, "meco").get("mass_kg").getAsDouble(), 1);
        // the recovery starts where this stage separated: its drone ship, stationed where the stage falls, is elsewhere
        JsonObject shipNominal = nominal.getAsJsonObject("recovery").getAsJsonObject("landing_zone_position");
        JsonObject shipFailed = failed.getAsJsonObject("recovery").getAsJsonObject("landing_zone_position");
        double dLat = shipFailed.get("latitude_deg").getAsDouble() - shipNominal.get("latitude_deg").getAsDouble();
        double dLon = shipFailed.get("longitude_deg").getAsDouble() - shipNominal.get("longitude_deg").getAsDouble();
        double km = 111.2 * Math.hypot(dLat, dLon * Math.cos(Math.toRadians(shipNominal.get("latitude_deg").getAsDouble())));
        assertTrue(km > 1, "the ship moved " + km + " km with the stage's separation");
        assertEquals(0, failed.getAsJsonObject("insertion_errors").get("apogee_km").getAsDouble(), 1);
        assertEquals(0, failed.getAsJsonObject("insertion_errors").get("perigee_km").getAsDouble(), 1);
    }

    /**
     * A 10 % thrust shortfall of the second stage at 300 s, mid-burn, is flown: its closed-loop guidance senses it and
     * still inserts (within 10 m, as AscentFailuresTest holds it; the JSON rounds to 1 m).
     */
    @Test
    void aShortfallDuringTheLastStagesBurnIsFlownToOrbit() throws Exception {
        JsonObject failed = simulate(mission("THRUST_SHORTFALL", 300, 0.1).toString(), "--json");
        assertEquals(300, time(failed, "thrust-shortfall"), 1e-3);
        assertTrue(time(failed, "stage-2-ignition") < 300, "a failure of the second stage's burn");
        assertEquals(0, failed.getAsJsonObject("insertion_errors").get("apogee_km").getAsDouble(), 0.01);
        assertEquals(0, failed.getAsJsonObject("insertion_errors").get("perigee_km").getAsDouble(), 0.01);
        assertEquals(0, failed.getAsJsonObject("insertion_errors").get("inclination_deg").getAsDouble(), 1e-3);
    }

    /**
     * A failure after orbit insertion is refused naming it and the times when ascent failures are flown (the first
     * stage's burn, and the last stage's from its ignition to insertion).
     */
    @Test
    void aFailureAfterInsertionIsRefused() throws Exception {
        Path file = mission(900);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> simulate(file.toString(), "--json"));
        assertTrue(e.element().startsWith("scenarios/failures[ENGINE_OUT at 900.0 s]"), e.element());
        assertTrue(e.allowed().startsWith("0 to 15") && e.allowed().contains("during the last stage's burns"),
            e.allowed());
    }
}
