package org.launchbench.recovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code simulate} on the shipped geostationary-transfer example at 27 deg from SLC-40 (latitude 28.56 deg), which no
 * direct ascent reaches: the plane is turned at the node and the JSON says by how much and at what cost
 * (docs/trajectory.md, "Plane changes"); a circular orbit below the latitude is refused before anything is flown.
 */
class PlaneChangeCommandTest {

    private static final String EXAMPLE = "../../examples/missions/falcon9-gto-27.mission";

    @TempDir
    Path dir;

    private static CommandRun simulate(String... args) {
        return CommandRun.of(FrameworkUtil.getBundle(PlaneChangeCommandTest.class).getBundleContext(), "simulate", args);
    }

    /**
     * The node insertion, 1.6 deg turned for 12.6 m/s (AscentSimulatorTest validates the same flight's orbit with Orekit
     * and the cost against the law of cosines' small-angle form), the orbit to the guidance's metres, and the booster
     * landed on its ship.
     */
    @Test
    void theExampleTurnsItsPlaneAtTheNode() {
        CommandRun r = simulate(EXAMPLE, "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject insertion = doc.getAsJsonObject("insertion");
        assertEquals("node", insertion.get("mode").getAsString());
        assertEquals(1.6, insertion.get("plane_change_deg").getAsDouble(), 0.05);
        assertEquals(12.6, insertion.get("plane_change_delta_v_m_s").getAsDouble(), 0.3);
        List<String> names = new ArrayList<>();
        for (JsonElement e : doc.getAsJsonArray("events")) {
            names.add(e.getAsJsonObject().get("name").getAsString());
        }
        assertTrue(names.containsAll(List.of("stage-2-cutoff", "coast-start", "coast-end", "stage-2-ignition-2", "orbit-insertion")),
            names.toString());
        JsonObject errors = doc.getAsJsonObject("insertion_errors");
        assertEquals(0, errors.get("perigee_km").getAsDouble(), 0.01);
        assertEquals(0, errors.get("apogee_km").getAsDouble(), 0.05);
        assertEquals(0, errors.get("inclination_deg").getAsDouble(), 0.002);
        assertEquals("landed", doc.getAsJsonObject("recovery").get("outcome").getAsString());
    }

    /** A circular orbit at 20 deg from the Cape has no perigee burn to turn its plane in: refused naming the range. */
    @Test
    void aCircularOrbitBelowTheLatitudeIsRefused() throws Exception {
        Path file = dir.resolve("leo-20.mission");
        Files.writeString(file, Files.readString(Path.of(EXAMPLE)).replace("apogeeAltitude=\"35786000\" inclination=\"27\"",
            "apogeeAltitude=\"200000\" inclination=\"20\""));
        // in process, a refusal is the exception the dispatcher turns into exit 2
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> simulate(file.toString(), "--json"));
        assertEquals("targetOrbit/inclination", e.element());
        assertTrue(e.allowed().startsWith("28.56 to 151.44 deg") && e.fix().contains("transfer orbit"), e.getMessage());
    }
}
