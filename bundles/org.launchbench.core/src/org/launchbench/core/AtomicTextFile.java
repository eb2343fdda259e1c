package org.launchbench.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A UTF-8 text file written all at once: into a temporary file beside it, then renamed over it, so that a reader
 * never sees it half-written and a failure leaves the previous file (or none) and no temporary file behind (a killed
 * write's temporary file is removed by the next write to the same file: {@link TemporaryFiles}). The
 * commands' CSV outputs go through {@link #write}; a file written over a long run (a recorded session) streams
 * through {@link #open}.
 */
public final class AtomicTextFile implements AutoCloseable {

    /** What to write. */
    @FunctionalInterface
    public interface Body {
        /** @param w the temporary file's writer @throws IOException when writing fails */
        void write(Writer w) throws IOException;
    }

    private final Path file;
    private final Path tmp;
    private final Writer writer;
    private boolean done;

    private AtomicTextFile(Path file) throws IOException {
        this.file = file;
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // locked while it is written: a kill releases the lock, and the next write then knows it for a leftover
        TemporaryFiles.Locked locked = TemporaryFiles.open(file);
        tmp = locked.path();
        writer = new java.io.BufferedWriter(java.nio.channels.Channels.newWriter(locked.channel(), StandardCharsets.UTF_8));
    }

    /**
     * @param file the file (its folder is created if missing)
     * @param body writes the content
     * @throws RunFailedException when the file cannot be written (the reason and the file named)
     */
    public static void write(Path file, Body body) {
        try (AtomicTextFile f = open(file)) {
            try {
                body.write(f.writer());
            } catch (IOException e) {
                throw f.failed(e);
            }
            f.commit();
        }
    }

    /**
     * Checks an output path before any work: not a folder, and not in a folder that cannot be written (a missing folder
     * is created when the file is written). A command calls this before its run, so that a bad output costs nothing.
     *
     * @param file   the output file
     * @param option the option that named it, for the message
     * @throws InvalidInputException when the file cannot be written there
     */
    public static void checkTarget(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.because("is a folder, not a file").source(option).value(file)
                .fix("name a file (in that folder, say)").build();
        }
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir != null && (!Files.isDirectory(dir) || !Files.isWritable(dir))) {
            throw InvalidInputException.because("cannot be written: " + dir + (Files.isDirectory(dir) ? " is not writable" : " is not a folder"))
                .source(option).value(file).fix("choose a folder you can write").build();
        }
    }

    /**
     * Starts the file: write through {@link #writer()}, then {@link #commit()} puts it in place; closing without a
     * commit leaves the previous file (or none) and removes the temporary one.
     *
     * @throws RunFailedException when the folder cannot take the file
     */
    public static AtomicTextFile open(Path file) {
        try {
            return new AtomicTextFile(file);
        } catch (IOException e) {
            throw new RunFailedException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the temporary file's writer (buffered) */
    public Writer writer() {
        return writer;
    }

    /** @return the failure to throw for an exception while writing (the temporary file is removed on close) */
    public RunFailedException failed(IOException e) {
        return new RunFailedException("could not write " + file + ": " + e.getMessage(), e);
    }

    /** Puts the file in place (once): it keeps the replaced file's permissions, or gets rw-r--r--. */
    public void commit() {
        if (done) {
            return;
        }
        try {
            // flushed, and moved while still open and locked: no moment in which another process takes it for a leftover
            writer.flush();
            // a temporary file is created owner-only
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            writer.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Without a commit: removes the temporary file and leaves the previous one. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            writer.close();
        } catch (IOException ignored) {
            // the temporary file goes anyway
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: the failure itself is what the user is told
        }
    }
}
