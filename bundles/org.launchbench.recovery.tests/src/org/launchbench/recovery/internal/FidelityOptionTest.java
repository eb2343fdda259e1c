package org.launchbench.recovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.core.InvalidInputException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code --fidelity} and a mission's {@code fidelity} on {@code simulate} and {@code dispersion}, as the command line
 * finds them (the flight bundle's 6dof registered as a service in this runtime): what is flown is said in the output,
 * and a fidelity not installed is the user's error naming those that are.
 */
class FidelityOptionTest {

    private static final Path MISSION = Path.of("../../examples/missions/falcon9-leo-asds.mission");

    @TempDir
    Path dir;

    private static int run(String name, StringBuilder out, String... args) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(FidelityOptionTest.class).getBundleContext();
        CliCommand command = null;
        for (ServiceReference<CliCommand> ref : context.getServiceReferences(CliCommand.class, null)) {
            CliCommand c = context.getService(ref);
            if (c.name().equals(name)) {
                command = c;
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = command.run(new CommandInvocation(name, List.of(args), ps, new PrintStream(new ByteArrayOutputStream()),
            new NullProgressMonitor()));
        out.append(bytes.toString(StandardCharsets.UTF_8));
        return code;
    }

    private Path mission(String fidelity) throws Exception {
        String text = Files.readString(MISSION).replace("id=\"falcon9-leo-asds\"", "id=\"falcon9-leo-asds\" fidelity=\"" + fidelity + "\"");
        Path f = dir.resolve("f9.mission");
        Files.writeString(f, text);
        return f;
    }

    private static boolean mentions(JsonArray notes, String start) {
        for (var n : notes) {
            if (n.getAsString().startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void simulateFliesTheReturnAtTheFidelityAskedAndSaysSo() throws Exception {
        StringBuilder out = new StringBuilder();
        // exit 1: at 6-DOF the point-mass landing guidance loses this booster (SixDofRecoveryTest)
        assertEquals(1, run("simulate", out, MISSION.toString(), "--fidelity", "6dof", "--json"));
        JsonObject doc = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("6dof", doc.get("fidelity").getAsString());
        JsonObject recovery = doc.getAsJsonObject("recovery");
        assertEquals("6dof", recovery.get("fidelity").getAsString());
        assertEquals("crashed", recovery.get("outcome").getAsString());
        assertTrue(recovery.get("touchdown_tilt_deg").getAsDouble() >= 0, recovery.toString());
        assertTrue(mentions(recovery.getAsJsonArray("notes"), "fidelity 6dof: the booster's return flown as a rigid body"),
            recovery.get("notes").toString());
        assertTrue(mentions(recovery.getAsJsonArray("notes"), "fidelity 6dof") && recovery.get("notes").toString()
            .contains("the ascent is flown as a point mass"));

        StringBuilder three = new StringBuilder();
        assertEquals(0, run("simulate", three, MISSION.toString(), "--json"));
        JsonObject d3 = JsonParser.parseString(three.toString()).getAsJsonObject();
        assertEquals("3dof", d3.get("fidelity").getAsString());
        assertEquals("landed", d3.getAsJsonObject("recovery").get("outcome").getAsString());
        assertTrue(d3.getAsJsonObject("recovery").get("touchdown_tilt_deg").isJsonNull());
        // the ascent is the same at either fidelity
        assertEquals(d3.getAsJsonObject("orbit").toString(), doc.getAsJsonObject("orbit").toString());
    }

    @Test
    void aMissionSetsTheDefaultAndTheOptionOverridesIt() throws Exception {
        StringBuilder out = new StringBuilder();
        Path six = mission("6dof");
        run("simulate", out, six.toString(), "--json");
        assertEquals("6dof", JsonParser.parseString(out.toString()).getAsJsonObject().get("fidelity").getAsString());
        StringBuilder back = new StringBuilder();
        assertEquals(0, run("simulate", back, six.toString(), "--fidelity", "3dof", "--json"));
        assertEquals("3dof", JsonParser.parseString(back.toString()).getAsJsonObject().get("fidelity").getAsString());
    }

    @Test
    void aFidelityNotInstalledNamesThoseThatAre() throws Exception {
        InvalidInputException option = assertThrows(InvalidInputException.class,
            () -> run("simulate", new StringBuilder(), MISSION.toString(), "--fidelity", "7dof"));
        assertTrue(option.getMessage().contains("--fidelity") && option.getMessage().contains("7dof")
            && option.getMessage().contains("3dof, 6dof"), option.getMessage());
        InvalidInputException file = assertThrows(InvalidInputException.class,
            () -> run("dispersion", new StringBuilder(), mission("9dof").toString(), "-n", "1"));
        // the mission's validation names it first, as validate does
        assertTrue(file.getMessage().contains("/fidelity = 9dof") && file.getMessage().contains("f9.mission")
            && file.getMessage().contains("3dof or 6dof"), file.getMessage());
    }

    /** A 6-DOF campaign is as reproducible as a point-mass one: run i depends on the seed and i only, on any thread count. */
    @Test
    void aSixDofDispersionSaysItsFidelityAndIsTheSameOnOneThreadAndTwo() throws Exception {
        StringBuilder one = new StringBuilder();
        StringBuilder two = new StringBuilder();
        Path a = dir.resolve("one.csv");
        Path b = dir.resolve("two.csv");
        assertEquals(0, run("dispersion", one, MISSION.toString(), "-n", "4", "--fidelity", "6dof", "--threads", "1", "--csv", a.toString(),
            "--json"));
        assertEquals(0, run("dispersion", two, MISSION.toString(), "-n", "4", "--fidelity", "6dof", "--threads", "2", "--csv", b.toString(),
            "--json"));
        assertEquals("6dof", JsonParser.parseString(one.toString()).getAsJsonObject().get("fidelity").getAsString());
        assertEquals(Files.readString(a), Files.readString(b));
    }
}
