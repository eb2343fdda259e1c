package org.launchbench.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer's repair of {@code config.ini} after p2 rewrote it, on the entries p2 wrote for LaunchBench (escaped
 * colons, {@code @level} and {@code @level:start}): what p2 moved is put back, what it added or removed stays so.
 */
class StartEntriesTest {

    private static final String BEFORE = "#Configuration File\n"
        + "osgi.bundles=reference\\:file\\:org.eclipse.equinox.common_3.21.0.jar@2\\:start,"
        + "reference\\:file\\:org.eclipse.equinox.frameworkadmin.equinox_1.3.400.jar@5,"
        + "reference\\:file\\:org.launchbench.core_0.1.0.jar@4\n"
        + "eclipse.product=org.launchbench.ui.workbench.product\n";

    /**
     * p2's rewrite after an add-on: the framework admin back at level 4, the add-on's bundle added, the core bundle
     * replaced by a new version. Only the framework admin's entry is put back (the core's location changed: a new
     * file, p2's to configure), and the other lines are kept.
     */
    @Test
    void anEntryP2MovedIsPutBackAndItsAdditionsStay(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("config.ini");
        Files.writeString(ini, BEFORE, StandardCharsets.ISO_8859_1);
        Map<String, String> before = StartEntries.read(ini);
        assertEquals(3, before.size(), before.toString());
        Files.writeString(ini, "#Configuration File\n"
            + "osgi.bundles=reference\\:file\\:org.eclipse.equinox.common_3.21.0.jar@2\\:start,"
            + "reference\\:file\\:org.eclipse.equinox.frameworkadmin.equinox_1.3.400.jar@4,"
            + "reference\\:file\\:org.launchbench.core_0.2.0.jar@4,"
            + "reference\\:file\\:com.acme.launchbench.vehicles_1.0.0.jar@4\n"
            + "eclipse.product=org.launchbench.ui.workbench.product\n", StandardCharsets.ISO_8859_1);

        List<String> restored = StartEntries.restore(ini, before);

        assertEquals(List.of("reference\\:file\\:org.eclipse.equinox.frameworkadmin.equinox_1.3.400.jar@5"), restored);
        assertEquals("#Configuration File\n"
            + "osgi.bundles=reference\\:file\\:org.eclipse.equinox.common_3.21.0.jar@2\\:start,"
            + "reference\\:file\\:org.eclipse.equinox.frameworkadmin.equinox_1.3.400.jar@5,"
            + "reference\\:file\\:org.launchbench.core_0.2.0.jar@4,"
            + "reference\\:file\\:com.acme.launchbench.vehicles_1.0.0.jar@4\n"
            + "eclipse.product=org.launchbench.ui.workbench.product\n", Files.readString(ini, StandardCharsets.ISO_8859_1));
        assertEquals(List.of(), Files.list(dir).filter(f -> !f.equals(ini)).toList(), "no temporary file left");
    }

    /** When p2 moved nothing the file is not written at all. */
    @Test
    void aFileP2LeftAloneIsNotRewritten(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("config.ini");
        Files.writeString(ini, BEFORE, StandardCharsets.ISO_8859_1);
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(ini, written);

        assertEquals(List.of(), StartEntries.restore(ini, StartEntries.read(ini)));

        assertEquals(written, Files.getLastModifiedTime(ini));
        assertEquals(BEFORE, Files.readString(ini, StandardCharsets.ISO_8859_1));
    }
}
