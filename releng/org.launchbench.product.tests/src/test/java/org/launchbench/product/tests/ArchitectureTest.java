package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers of the design (core and the model at the bottom, the engines on them, the command line and the workbench
 * on top), held by the bundles' manifests (issue 26): no engine depends on the workbench or a UI
 * toolkit, the optimiser knows nothing of the vehicle model, the model depends on no engine, no package named
 * {@code internal} is exported without {@code x-internal} or {@code x-friends}, and its friends are tests. A violation
 * fails the build.
 */
class ArchitectureTest {

    private static final Path BUNDLES = Path.of(System.getProperty("launchbench.bundles.dir", "../../bundles"));

    /** The engines: everything below the workbench that computes. */
    private static final List<String> ENGINES = List.of("org.launchbench.optim", "org.launchbench.trajectory", "org.launchbench.recovery",
        "org.launchbench.constellation", "org.launchbench.flight", "org.launchbench.fc.api", "org.launchbench.fc.ccsds",
        "org.launchbench.fc.hil", "org.launchbench.fc.reference", "org.launchbench.install", "org.launchbench.campaign",
        "org.launchbench.campaign.hazelcast");

    /** A bundle's dependencies and exports, as its manifest declares them. */
    private record Bundle(String name, List<String> requires, List<String> imports, List<String> exports) {
        List<String> dependencies() {
            List<String> all = new ArrayList<>(requires);
            all.addAll(imports);
            return all;
        }
    }

    private static Map<String, Bundle> bundles() throws IOException {
        Map<String, Bundle> out = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(BUNDLES)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("META-INF/MANIFEST.MF"))).toList()) {
                Manifest m;
                try (InputStream in = Files.newInputStream(dir.resolve("META-INF/MANIFEST.MF"))) {
                    m = new Manifest(in);
                }
                String name = m.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].strip();
                out.put(name, new Bundle(name, names(m, "Require-Bundle"), names(m, "Import-Package"), clauses(m, "Export-Package")));
            }
        }
        return out;
    }

    /** The clauses of a header, split on the commas outside quotes. */
    private static List<String> clauses(Manifest m, String header) {
        String v = m.getMainAttributes().getValue(header);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : v.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    private static List<String> names(Manifest m, String header) {
        return clauses(m, header).stream().map(c -> c.split(";")[0].strip()).toList();
    }

    private static boolean ui(String dependency) {
        return dependency.startsWith("org.launchbench.ui") || dependency.startsWith("org.eclipse.swt") || dependency.startsWith("org.eclipse.jface")
            || dependency.startsWith("org.eclipse.e4.ui") || dependency.startsWith("org.eclipse.ui");
    }

    @Test
    void theManifestsAreFoundAndEveryEngineIsThere() throws IOException {
        Map<String, Bundle> all = bundles();
        assertTrue(all.keySet().containsAll(ENGINES), all.keySet().toString());
        assertTrue(all.containsKey("org.launchbench.vehicle.model") && all.containsKey("org.launchbench.ui.workbench"), all.keySet().toString());
    }

    @Test
    void noEngineDependsOnTheWorkbenchOrAToolkit() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String engine : ENGINES) {
            bundles().get(engine).dependencies().stream().filter(ArchitectureTest::ui).forEach(d -> violations.add(engine + " -> " + d));
        }
        for (Bundle b : List.of(bundles().get("org.launchbench.vehicle.model"), bundles().get("org.launchbench.core"),
            bundles().get("org.launchbench.cli"))) {
            b.dependencies().stream().filter(ArchitectureTest::ui).forEach(d -> violations.add(b.name() + " -> " + d));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theOptimiserKnowsNothingOfTheVehicleModel() throws IOException {
        assertEquals(List.of(), bundles().get("org.launchbench.optim").dependencies().stream()
            .filter(d -> d.startsWith("org.launchbench.vehicle") || d.startsWith("org.eclipse.emf")).toList());
    }

    @Test
    void theModelDependsOnNoEngine() throws IOException {
        assertEquals(List.of(), bundles().get("org.launchbench.vehicle.model").dependencies().stream()
            .filter(d -> ENGINES.stream().anyMatch(e -> d.equals(e) || d.startsWith(e + "."))).toList());
    }

    @Test
    void anInternalPackageIsExportedOnlyToFriendsOrMarkedInternal() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Bundle b : bundles().values()) {
            for (String e : b.exports()) {
                String pkg = e.split(";")[0].strip();
                if ((pkg.endsWith(".internal") || pkg.contains(".internal.")) && !e.contains("x-internal:=true") && !e.contains("x-friends:=")) {
                    violations.add(b.name() + " exports " + pkg);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * Another bundle that needs an engine's internals gets a public API instead (issue 26: the workbench and the HIL
     * command reached into the recovery's and the constellation's internals): an internal package's friends are test
     * bundles only.
     */
    @Test
    void anInternalPackagesFriendsAreTestsOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Bundle b : bundles().values()) {
            for (String e : b.exports()) {
                int at = e.indexOf("x-friends:=\"");
                if (at < 0) {
                    continue;
                }
                String friends = e.substring(at + "x-friends:=\"".length(), e.indexOf('"', at + "x-friends:=\"".length()));
                for (String friend : friends.split(",")) {
                    if (!friend.strip().endsWith(".tests")) {
                        violations.add(b.name() + " exports " + e.split(";")[0].strip() + " to " + friend.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
