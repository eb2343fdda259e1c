package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A plugin author's path end to end: build examples/thirdparty-vehicle outside the reactor against the
 * LaunchBench update site, install its feature into a copy of the product with the p2 director (Tycho's
 * director mojo, as docs/extending.md tells users, and with 'launchbench install'), and find the new vehicle in
 * 'launchbench vehicles'.
 */
class ThirdPartyVehicleTest {

    private static final Path RELENG = Path.of(System.getProperty("launchbench.releng.dir", "..")).normalize();
    private static final Path EXAMPLES = Path.of(System.getProperty("launchbench.examples.dir", "../../examples")).normalize();
    private static final Path SITE = RELENG.resolve("org.launchbench.site/target/repository").toAbsolutePath();

    private static String maven(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("launchbench.maven.home"), "bin", "mvn").toString());
        command.add("-B");
        command.add("-Dmaven.repo.local=" + System.getProperty("launchbench.maven.repo"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("maven", ".log");
        Process p = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.delete(log);
        assertTrue(done && p.exitValue() == 0, "mvn " + String.join(" ", args) + " failed:\n" + tail(output));
        return output;
    }

    private static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @TempDir
    static Path shared;
    private static Path acmeSite;

    /** Builds the example once for both tests: a plugin author's build, outside the reactor. */
    @BeforeAll
    static void buildTheExample() throws Exception {
        Path project = shared.resolve("thirdparty-vehicle");
        copyTree(EXAMPLES.resolve("thirdparty-vehicle"), project);
        maven(project, "-q", "clean", "verify", "-Dlaunchbench.site=" + SITE);
        acmeSite = project.resolve("com.acme.launchbench.repository/target/repository");
        assertTrue(Files.isRegularFile(acmeSite.resolve("content.jar")) || Files.isRegularFile(acmeSite.resolve("content.xml.xz")),
            "the example's update site was built");
    }

    private static JsonObject vehicle(String vehiclesJson, String id) {
        for (JsonElement e : JsonParser.parseString(vehiclesJson).getAsJsonArray()) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    /**
     * The same example through LaunchBench's own installer, as a user without Maven would: 'launchbench install'
     * lists the site and installs the feature (p2 rewrites the product's configuration, so the next command has
     * the vehicle), 'installed' lists it, 'uninstall' removes it again; LaunchBench's own features cannot be removed.
     * Neither change moves a bundle it does not touch to another start level: p2 put the framework admin, which the
     * product starts at level 5 for a 2 s faster window, back at level 4 on every install until the installer put
     * such entries back (docs/benchmarks.md).
     */
    @Test
    void launchbenchInstallAddsTheExampleVehicleAndUninstallRemovesIt(@TempDir Path tmp) throws Exception {
        Path product = tmp.resolve("product");
        copyTree(InstalledProduct.HOME, product);
        String site = acmeSite.toString();
        List<String> start = startEntries(product);
        assertTrue(start.stream().anyMatch(e -> e.contains("org.eclipse.equinox.frameworkadmin.equinox_") && e.endsWith("@5")), start.toString());

        InstalledProduct.Run listed = InstalledProduct.runIn(product, 120, "install", "--site", site, "--json");
        assertEquals(0, listed.exitCode(), listed.err());
        JsonObject offer = JsonParser.parseString(listed.out()).getAsJsonObject().getAsJsonArray("add_ons").get(0).getAsJsonObject();
        assertEquals("com.acme.launchbench.vehicles.feature", offer.get("feature_id").getAsString());
        assertFalse(offer.get("installed").getAsBoolean());

        InstalledProduct.Run installed = InstalledProduct.runIn(product, 120, "install", "--site", site,
            "com.acme.launchbench.vehicles.feature", "--json");
        assertEquals(0, installed.exitCode(), installed.err());
        JsonObject change = JsonParser.parseString(installed.out()).getAsJsonObject();
        assertEquals(1, change.getAsJsonArray("bundles_added").size(), installed.out());
        assertTrue(change.getAsJsonArray("bundles_added").get(0).getAsString().startsWith("com.acme.launchbench.vehicles_1.0.0."));
        List<String> withAddOn = startEntries(product);
        assertTrue(withAddOn.stream().anyMatch(e -> e.contains("com.acme.launchbench.vehicles_1.0.0.")), withAddOn.toString());
        assertEquals(start, withAddOn.stream().filter(e -> !e.contains("com.acme.")).toList(), "the other bundles' start entries");

        InstalledProduct.Run vehicles = InstalledProduct.runIn(product, 60, "vehicles", "--json");
        assertEquals(0, vehicles.exitCode(), vehicles.err());
        JsonObject skylark = vehicle(vehicles.out(), "acme-skylark");
        assertTrue(skylark != null, "acme-skylark in " + vehicles.out());
        assertEquals("com.acme.launchbench.vehicles", skylark.get("bundle").getAsString());

        JsonObject roots = JsonParser.parseString(InstalledProduct.runIn(product, 60, "installed", "--json").out()).getAsJsonObject();
        assertEquals("com.acme.launchbench.vehicles.feature",
            roots.getAsJsonArray("add_ons").get(0).getAsJsonObject().get("feature_id").getAsString());
        assertTrue(roots.getAsJsonArray("launchbench").size() >= 4, roots.toString());

        InstalledProduct.Run own = InstalledProduct.runIn(product, 60, "uninstall", "org.launchbench.core.feature");
        assertEquals(2, own.exitCode());
        assertTrue(own.err().contains("part of LaunchBench itself"), own.err());

        InstalledProduct.Run removed = InstalledProduct.runIn(product, 120, "uninstall", "com.acme.launchbench.vehicles.feature");
        assertEquals(0, removed.exitCode(), removed.err());
        String after = InstalledProduct.runIn(product, 60, "vehicles", "--json").out();
        assertEquals(null, vehicle(after, "acme-skylark"), "the vehicle left with its feature");
        assertTrue(vehicle(after, "zhuque-3") != null, "the shipped vehicles are still there");
        assertEquals(start, startEntries(product), "the start entries after the uninstall");
    }

    /** The osgi.bundles entries of a product's config.ini, in order. */
    private static List<String> startEntries(Path product) throws IOException {
        Properties config = new Properties();
        try (var in = Files.newInputStream(product.resolve("configuration/config.ini"))) {
            config.load(in);
        }
        return List.of(config.getProperty("osgi.bundles", "").split(","));
    }

    @Test
    void aVehicleBuiltOutsideTheReactorInstallsThroughP2AndAppearsInTheCatalog(@TempDir Path tmp) throws Exception {
        Path product = tmp.resolve("product");
        copyTree(InstalledProduct.HOME, product);
        Path cwd = Files.createDirectories(tmp.resolve("director"));
        maven(cwd, "-q", "org.eclipse.tycho:tycho-p2-director-plugin:5.0.2:director", "-Ddestination=" + product,
            "-Dprofile=DefaultProfile", "-Drepositories=" + acmeSite.toUri() + "," + SITE.toUri(),
            "-DinstallIUs=com.acme.launchbench.vehicles.feature.feature.group");

        Process p = new ProcessBuilder(product.resolve("launchbench").toString(), "vehicles", "--json")
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        JsonObject skylark = vehicle(out, "acme-skylark");
        assertTrue(skylark != null, "acme-skylark in " + out);
        assertEquals("com.acme.launchbench.vehicles", skylark.get("bundle").getAsString());
        // 2 500 + 22 000 + 500 + 4 000 + 80 kg (the example's invented figures)
        assertEquals(29_080.0, skylark.get("liftoff_mass_kg").getAsDouble());
        assertTrue(out.contains("\"zhuque-3\""), "the shipped vehicles are still there");
    }
}
