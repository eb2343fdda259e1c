package org.launchbench.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A UTF-8 text file written all at once: into a temporary file beside it, then renamed over it, so that a reader
 * never sees it half-written and a failure leaves the previous file (or none) and no temporary file behind. The
 * commands' CSV outputs go through here.
 */
public final class AtomicTextFile {

    /** What to write. */
    @FunctionalInterface
    public interface Body {
        /** @param w the temporary file's writer @throws IOException when writing fails */
        void write(Writer w) throws IOException;
    }

    private AtomicTextFile() {
    }

    /**
     * @param file the file (its folder is created if missing)
     * @param body writes the content
     * @throws RunFailedException when the file cannot be written (the reason and the file named)
     */
    public static void write(Path file, Body body) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            // a temporary file is created owner-only; an output keeps the file's permissions, or gets rw-r--r--
            if (Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new RunFailedException("could not write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the failure itself is what the user is told
                }
            }
        }
    }
}
