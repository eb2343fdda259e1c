package org.launchbench.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code osgi.bundles} entries of an installation's {@code config.ini}: which bundles the launcher installs, at
 * which start level, and which it starts. p2 rewrites the file on every install or uninstall, and in doing so it can
 * change the entry of a bundle the change does not touch: the product starts p2's framework admin at level 5 (its
 * immediate component otherwise delays the window: docs/benchmarks.md), and p2 may write it back at the default
 * level 4. The installer reads the entries before a change and puts back those of bundles that are
 * still there at the same location (same file, same version) but whose level or start flag p2 changed.
 */
final class StartEntries {

    private static final String KEY = "osgi.bundles=";

    private StartEntries() {
    }

    /**
     * @param configIni the installation's {@code configuration/config.ini}
     * @return each entry as written in the file (escapes kept), by its location; empty when the file or key is absent
     * @throws IOException when the file cannot be read
     */
    static Map<String, String> read(Path configIni) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(configIni)) {
            return out;
        }
        for (String line : Files.readAllLines(configIni, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith(KEY)) {
                for (String entry : entries(line)) {
                    if (!entry.isEmpty()) {
                        out.put(location(entry), entry);
                    }
                }
            }
        }
        return out;
    }

    /** @return the {@code osgi.bundles} line's entries, stripped, in order */
    private static List<String> entries(String line) {
        return Arrays.stream(line.substring(KEY.length()).split(",")).map(String::strip).toList();
    }

    /** The entry without its {@code @level[:start]} suffix. */
    private static String location(String entry) {
        int at = entry.lastIndexOf('@');
        return at < 0 ? entry : entry.substring(0, at);
    }

    /**
     * Puts back the entries of bundles at an unchanged location whose start level or start flag differs from before;
     * the file is replaced atomically, and left alone when nothing differs.
     *
     * @param configIni the file
     * @param before    its entries before the change ({@link #read})
     * @return the entries put back, as they were before
     * @throws IOException when the file cannot be read or written
     */
    static List<String> restore(Path configIni, Map<String, String> before) throws IOException {
        List<String> restored = new ArrayList<>();
        if (before.isEmpty() || !Files.isRegularFile(configIni)) {
            return restored;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(configIni, StandardCharsets.ISO_8859_1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith(KEY)) {
                continue;
            }
            List<String> entries = new ArrayList<>();
            for (String e : entries(line)) {
                String old = before.get(location(e));
                if (old != null && !old.equals(e)) {
                    restored.add(old);
                    e = old;
                }
                entries.add(e);
            }
            lines.set(i, KEY + String.join(",", entries));
        }
        if (!restored.isEmpty()) {
            Path temp = org.launchbench.core.TemporaryFiles.createFor(configIni);
            try {
                Files.write(temp, lines, StandardCharsets.ISO_8859_1);
                Files.move(temp, configIni, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return restored;
    }
}
