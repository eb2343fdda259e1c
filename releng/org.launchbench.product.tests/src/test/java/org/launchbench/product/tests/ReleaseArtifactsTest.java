package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** The update site and the product archive: what plugin authors and users download. */
class ReleaseArtifactsTest {

    private static final Path RELENG = Path.of(System.getProperty("launchbench.releng.dir", "..")).normalize();
    private static final Path SITE = RELENG.resolve("org.launchbench.site/target/repository");
    private static final Path ARCHIVE = RELENG.resolve(
        "org.launchbench.product/target/products/org.launchbench.product-linux.gtk.x86_64.tar.gz");

    private static String content() throws IOException {
        try (ZipFile jar = new ZipFile(SITE.resolve("content.jar").toFile())) {
            ZipEntry xml = jar.getEntry("content.xml");
            try (InputStream in = jar.getInputStream(xml)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** "org.eclipse.swt_3.135.0.v2026.jar" and the unpacked folder "org.eclipse.swt_3.135.0.v2026" alike. */
    private static Set<String> bundleStems(Path plugins) throws IOException {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.map(p -> p.getFileName().toString().replaceFirst("\\.jar$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theUpdateSiteHasP2MetadataListingEveryLaunchBenchFeature() throws IOException {
        assertTrue(Files.isRegularFile(SITE.resolve("artifacts.jar")), "artifacts metadata in " + SITE);
        String content = content();
        for (String feature : List.of("org.launchbench.core.feature", "org.launchbench.ui.feature",
                                      "org.launchbench.runtime.feature", "org.launchbench.sdk.feature")) {
            assertTrue(content.contains("id='" + feature + ".feature.group'"), feature + " in content.jar");
        }
        assertTrue(content.contains("id='org.launchbench.core.source'"), "the SDK's source bundles are published");
    }

    @Test
    void theUpdateSiteCarriesEveryBundleTheProductRunsWith() throws IOException {
        Set<String> missing = new TreeSet<>(bundleStems(InstalledProduct.HOME.resolve("plugins")));
        missing.removeAll(bundleStems(SITE.resolve("plugins")));
        assertEquals(Set.of(), missing, "bundles of the product that the offline update site lacks");
    }

    @Test
    void theArchiveHoldsAnExecutableStartScriptInItsRootFolder() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(ARCHIVE), "product archive " + ARCHIVE);
        Process tar = new ProcessBuilder("tar", "-tvzf", ARCHIVE.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0, listing);
        String script = listing.lines().filter(l -> l.endsWith(" launchbench/launchbench")).findFirst()
            .orElseThrow(() -> new AssertionError("launchbench/launchbench not in the archive"));
        assertTrue(script.startsWith("-rwx"), "executable: " + script);
        assertTrue(listing.contains(" launchbench/find-java.sh"), "the start script's Java finder is packed too");
        assertTrue(listing.lines().anyMatch(l -> l.matches(".* launchbench/plugins/org\\.eclipse\\.equinox\\.launcher_.*\\.jar")),
            "the Equinox launcher the start script runs");
    }
}
