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
}
