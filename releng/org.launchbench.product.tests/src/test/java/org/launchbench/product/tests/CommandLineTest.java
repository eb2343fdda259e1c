package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.launchbench.product.tests.InstalledProduct.Run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;

/** The product's command line, headless, through the start script (issue #2's acceptance checks). */
class CommandLineTest {

    @Test
    void helpListsTheCommandsWithoutADisplay() throws Exception {
        Run r = InstalledProduct.run("help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\n  help "), r.out());
        assertTrue(r.out().contains("\n  version "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void versionJsonIsExactlyOneJsonDocumentNamingTheInstalledBundles() throws Exception {
        Run r = InstalledProduct.run("version", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonReader reader = new JsonReader(new java.io.StringReader(r.out()));
        JsonObject doc = JsonParser.parseReader(reader).getAsJsonObject();
        assertEquals(com.google.gson.stream.JsonToken.END_DOCUMENT, reader.peek(), "nothing after the document");

        String cliJar;
        try (Stream<java.nio.file.Path> plugins = Files.list(InstalledProduct.HOME.resolve("plugins"))) {
            cliJar = plugins.map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("org.launchbench.cli_")).findFirst().orElseThrow();
        }
        String installedVersion = cliJar.substring("org.launchbench.cli_".length(), cliJar.length() - ".jar".length());
        assertEquals(installedVersion, doc.get("version").getAsString());

        List<String> names = new ArrayList<>();
        for (JsonElement b : doc.getAsJsonArray("bundles")) {
            names.add(b.getAsJsonObject().get("symbolic_name").getAsString());
        }
        assertTrue(names.containsAll(List.of("org.launchbench.cli", "org.launchbench.core")), names.toString());
        assertEquals("bundled (UTC-TAI.history)", doc.get("orekit_data").getAsString());
    }

    @Test
    void anUnknownCommandExitsTwoWithOneClearLine() throws Exception {
        Run r = InstalledProduct.run("no-such-command");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("launchbench: no-such-command: unknown command"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void anUnknownOptionExitsTwo() throws Exception {
        Run r = InstalledProduct.run("version", "--jsno");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--jsno: unknown option"), r.err());
    }

    @Test
    void aCommandsHelpIsItsUsage() throws Exception {
        Run r = InstalledProduct.run("version", "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: launchbench version [--json]"), r.out());
    }

    @Test
    void aMissingOrekitDataFolderIsBadInput() throws Exception {
        Run r = InstalledProduct.run("--orekit-data", "/nonexistent/orekit-data", "version");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--orekit-data: /nonexistent/orekit-data: does not exist"), r.err());
    }

    @Test
    void equinoxLogsNothingOnStandardOutput() throws IOException, InterruptedException {
        // a CLI whose --json output scripts parse must not share stdout with framework log messages
        Run r = InstalledProduct.run("help", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(JsonParser.parseString(r.out()).isJsonArray());
    }

    private static final java.nio.file.Path EXAMPLES =
        java.nio.file.Path.of(System.getProperty("launchbench.examples.dir", "../../examples")).toAbsolutePath().normalize();

    @Test
    void theShippedVehiclesAreInTheCatalog() throws Exception {
        Run r = InstalledProduct.run("vehicles", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> ids = new ArrayList<>();
        for (JsonElement v : JsonParser.parseString(r.out()).getAsJsonArray()) {
            ids.add(v.getAsJsonObject().get("id").getAsString());
        }
        assertEquals(List.of("ceres-1", "falcon-9", "gravity-1", "zhuque-2", "zhuque-3"), ids);
        assertEquals("", r.err(), "no catalog problems");
    }

    @Test
    void theExampleMissionsAreValid() throws Exception {
        for (String m : List.of("zhuque3-y1-downrange.mission", "ceres1-yunyao-sso.mission")) {
            Run r = InstalledProduct.run("validate", EXAMPLES.resolve("missions").resolve(m).toString());
            assertEquals(0, r.exitCode(), m + ": " + r.out() + r.err());
        }
    }

    @Test
    void aHandEditedFileWithATypoIsOneLineAndExitTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("typo.vehicle");
        Files.writeString(f, Files.readString(EXAMPLES.resolve("thirdparty-vehicle/com.acme.launchbench.vehicles/model/skylark.vehicle"))
            .replace("dryMass=\"2500\"", "dryMas=\"2500\""));
        Run r = InstalledProduct.run("validate", f.toString());
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("dryMas: unknown element or attribute of Stage"), r.err());
    }
}
