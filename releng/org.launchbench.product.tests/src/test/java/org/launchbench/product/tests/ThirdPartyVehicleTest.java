package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A plugin author's path end to end: build examples/thirdparty-vehicle outside the reactor against the
 * LaunchBench update site, install its feature into a copy of the product with the p2 director (Tycho's
 * director mojo, as docs/extending.md tells users), and find the new vehicle in 'launchbench vehicles'.
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

    @Test
    void aVehicleBuiltOutsideTheReactorInstallsThroughP2AndAppearsInTheCatalog(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("thirdparty-vehicle");
        copyTree(EXAMPLES.resolve("thirdparty-vehicle"), project);
        maven(project, "-q", "clean", "verify", "-Dlaunchbench.site=" + SITE);
        Path acmeSite = project.resolve("com.acme.launchbench.repository/target/repository");
        assertTrue(Files.isRegularFile(acmeSite.resolve("content.jar")) || Files.isRegularFile(acmeSite.resolve("content.xml.xz")),
            "the example's update site was built");

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
        JsonObject skylark = null;
        for (JsonElement e : JsonParser.parseString(out).getAsJsonArray()) {
            if (e.getAsJsonObject().get("id").getAsString().equals("acme-skylark")) {
                skylark = e.getAsJsonObject();
            }
        }
        assertTrue(skylark != null, "acme-skylark in " + out);
        assertEquals("com.acme.launchbench.vehicles", skylark.get("bundle").getAsString());
        // 2 500 + 22 000 + 500 + 4 000 + 80 kg (the example's invented figures)
        assertEquals(29_080.0, skylark.get("liftoff_mass_kg").getAsDouble());
        assertTrue(out.contains("\"zhuque-3\""), "the shipped vehicles are still there");
    }
}
