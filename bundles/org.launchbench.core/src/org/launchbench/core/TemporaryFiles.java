package org.launchbench.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The temporary file an atomic write fills before it is renamed over its destination, named so that it is recognised
 * afterwards: {@code .NAME.launchbench-PID-RANDOM.tmp} beside {@code NAME}. A write killed before its rename (kill -9,
 * a power cut) leaves one behind; the next write to the same destination removes those whose writing process is gone
 * (docs/cli.md, "Hostile input").
 * <p>
 * A file is stale when no process holds a lock on it and no live process can be its writer: a streaming writer
 * ({@link #open}) holds an exclusive lock on its temporary file until it is done, which a kill releases, and which is
 * seen across containers and network file systems where process ids are not; a process id can be reused, so one whose
 * process started after the file was last written is not its writer.
 */
public final class TemporaryFiles {

    private static final String MARK = "launchbench-";

    private TemporaryFiles() {
    }

    /**
     * Removes the stale temporary files of earlier writes to {@code destination}, then creates this write's (empty,
     * owner-only until it is renamed).
     *
     * @param destination the file the write will put in place
     * @return the new temporary file, in the destination's folder
     * @throws IOException when the folder cannot take it
     */
    public static Path createFor(Path destination) throws IOException {
        Path dir = destination.toAbsolutePath().getParent();
        removeStale(destination);
        return Files.createTempFile(dir, prefix(destination) + ProcessHandle.current().pid() + "-", ".tmp");
    }

    /**
     * A temporary file open for a long write, locked while it is open.
     *
     * @param path    the file
     * @param channel its channel, to write through
     * @param lock    the exclusive lock held on it (null where the file system has no locks)
     */
    public record Locked(Path path, FileChannel channel, FileLock lock) {
    }

    /**
     * As {@link #createFor}, and opens the file for writing with an exclusive lock held until its channel is closed.
     *
     * @param destination the file the write will put in place
     * @return the temporary file and its locked channel
     * @throws IOException when the folder cannot take it
     */
    public static Locked open(Path destination) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path tmp = createFor(destination);
            FileChannel channel;
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            FileLock lock;
            try {
                // blocking: another process's leftover check holds it for an instant at most
                lock = channel.lock();
            } catch (IOException | UnsupportedOperationException e) {
                lock = null; // no locks here: the process-id rule alone decides
            }
            // a cleaner elsewhere that judged the file by its process id alone may have taken it before the lock
            if (Files.exists(tmp) || attempt == 2) {
                return new Locked(tmp, channel, lock);
            }
            channel.close();
        }
    }

    /**
     * @param destination a file written atomically
     * @return how many stale temporary files of it were removed
     */
    public static int removeStale(Path destination) {
        Path dir = destination.toAbsolutePath().getParent();
        String prefix = prefix(destination);
        int removed = 0;
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path tmp : candidates) {
                if (stale(tmp, prefix) && Files.deleteIfExists(tmp)) {
                    removed++;
                }
            }
        } catch (IOException ignored) {
            // best effort: leftovers do not stop this write, which names its own temporary file
        }
        return removed;
    }

    private static String prefix(Path destination) {
        return "." + destination.getFileName() + "." + MARK;
    }

    /**
     * Whether another process may be writing the file: it holds a lock on it, or the file cannot be opened to tell
     * (another user's: temporary files are owner-only). False where the file system has no locks (the process-id rule
     * then decides).
     */
    private static boolean lockedByAnother(Path tmp) {
        FileChannel c;
        try {
            c = FileChannel.open(tmp, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return true;
        }
        try (c) {
            FileLock l = c.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this JVM holds it
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean stale(Path tmp, String prefix) throws IOException {
        String rest = tmp.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
            pid = Long.parseLong(dash < 0 ? "" : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return false; // not ours after all
        }
        if (pid == ProcessHandle.current().pid()) {
            return false; // this process may be writing it now (and opening it here would drop this process's lock)
        }
        if (lockedByAnother(tmp)) {
            return false;
        }
        Optional<ProcessHandle> writer = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (writer.isEmpty()) {
            return true;
        }
        Instant written = Files.getLastModifiedTime(tmp).toInstant();
        return writer.get().info().startInstant().map(started -> started.isAfter(written)).orElse(false);
    }
}
