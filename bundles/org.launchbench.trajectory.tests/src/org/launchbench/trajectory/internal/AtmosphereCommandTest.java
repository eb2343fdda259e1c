package org.launchbench.trajectory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.launchbench.cli.CommandRun;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code launchbench atmosphere}, as the DS service the command line finds. */
class AtmosphereCommandTest {

    private String run(String... args) throws Exception {
        CommandRun r = CommandRun.of(FrameworkUtil.getBundle(AtmosphereCommandTest.class).getBundleContext(), "atmosphere", args);
        assertEquals(ExitCode.OK, r.code(), r.err());
        return r.out() + r.err();
    }

    @Test
    void jsonHasTheDocumentedKeysForEveryAltitude() throws Exception {
        JsonArray doc = JsonParser.parseString(run("0", "11000", "--json")).getAsJsonArray();
        assertEquals(2, doc.size());
        JsonObject sea = doc.get(0).getAsJsonObject();
        assertEquals(List.of("altitude_m", "temperature_K", "pressure_Pa", "density_kg_m3", "speed_of_sound_m_s"),
            List.copyOf(sea.keySet()));
        assertEquals(288.15, sea.get("temperature_K").getAsDouble(), 1e-9);
        assertEquals(101325, sea.get("pressure_Pa").getAsDouble(), 1e-6);
        assertEquals(0.36480, doc.get(1).getAsJsonObject().get("density_kg_m3").getAsDouble(), 0.000005);
    }

    @Test
    void theTableHasOneRowPerAltitude() throws Exception {
        String text = run("-100", "86000");
        assertEquals(3, text.lines().count(), text);
        assertTrue(text.lines().toList().get(2).contains("186.867"), text);
    }

    @Test
    void aWordThatIsNotAnAltitudeIsBadInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run("ten"));
        assertEquals("ten", e.value());
    }

    @Test
    void anAltitudeOutsideTheModelIsBadInputWithTheRange() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run("2e6"));
        assertEquals("-5000 to 1000000 m", e.allowed());
    }

    @Test
    void noAltitudeIsBadInput() {
        assertThrows(InvalidInputException.class, () -> run("--json"));
    }
}
