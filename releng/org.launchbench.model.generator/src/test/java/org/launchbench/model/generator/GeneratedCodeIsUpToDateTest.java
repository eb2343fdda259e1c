package org.launchbench.model.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model code checked in under org.launchbench.vehicle.model/src-gen is exactly what EMF generates from
 * model/vehicle.ecore: regenerating a copy of the bundle changes no file. Fails when the .ecore was edited
 * without regenerating, or generated code was edited by hand.
 */
class GeneratedCodeIsUpToDateTest {

    private static final Path BUNDLE = Path.of(System.getProperty("launchbench.model.bundle",
        "../../bundles/org.launchbench.vehicle.model")).normalize();

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void regeneratingFromTheEcoreReproducesTheCheckedInCode(@TempDir Path tmp) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve(BUNDLE.getFileName().toString()));
        for (String f : new String[] {"model/vehicle.ecore", "plugin.xml", "plugin.properties", "build.properties"}) {
            Files.createDirectories(copy.resolve(f).getParent());
            Files.copy(BUNDLE.resolve(f), copy.resolve(f));
        }
        long generated = GenerateModelCode.generate(copy.toRealPath(), "model/vehicle.ecore");
        assertTrue(generated > 50, generated + " files");
        Map<String, String> expected = tree(BUNDLE.resolve("src-gen"));
        Map<String, String> actual = tree(copy.resolve("src-gen"));
        assertEquals(expected.keySet(), actual.keySet(), "the same generated files");
        for (String f : expected.keySet()) {
            assertEquals(expected.get(f), actual.get(f), f + " differs from what EMF generates: regenerate (docs/vehicle-model.md)");
        }
        assertEquals(Files.readString(BUNDLE.resolve("model/vehicle.genmodel")), Files.readString(copy.resolve("model/vehicle.genmodel")));
        assertEquals(Files.readString(BUNDLE.resolve("plugin.xml")), Files.readString(copy.resolve("plugin.xml")),
            "plugin.xml keeps its hand-written extension point through regeneration");
    }
}
