package org.launchbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write killed before its rename leaves its temporary file; the next write to the same file removes it when its
 * writer is gone, and only then (issue 28: 32 of 48 kill trials left such files and nothing removed them). The kill itself
 * is tested on the product (HardwareInTheLoopTest); here the rule that decides which leftovers go.
 */
class TemporaryFilesTest {

    @TempDir
    Path dir;

    /** A process id no process has: a child that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private List<String> names() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNextWriteRemovesADeadWritersTemporaryFileAndKeepsALiveOnes() throws Exception {
        Path out = dir.resolve("out.csv");
        Path dead = Files.writeString(dir.resolve(".out.csv.launchbench-" + deadPid() + "-123.tmp"), "half a file");
        long live = ProcessHandle.current().parent().orElseThrow().pid(); // started before this test wrote anything
        Path alive = Files.writeString(dir.resolve(".out.csv.launchbench-" + live + "-456.tmp"), "being written");
        Path other = Files.writeString(dir.resolve(".other.csv.launchbench-" + deadPid() + "-789.tmp"), "another file's");
        AtomicTextFile.write(out, w -> w.write("new\n"));
        assertFalse(Files.exists(dead), "the dead writer's temporary file");
        assertTrue(Files.exists(alive) && Files.exists(other), names().toString());
        assertEquals("new\n", Files.readString(out));
    }

    /** A process id reused by a process started after the file was last written is not its writer. */
    @Test
    void aReusedProcessIdDoesNotKeepAStaleFile() throws Exception {
        Path out = dir.resolve("out.csv");
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path stale = Files.writeString(dir.resolve(".out.csv.launchbench-" + live + "-1.tmp"), "old");
        Instant started = ProcessHandle.current().parent().orElseThrow().info().startInstant().orElseThrow();
        Files.setLastModifiedTime(stale, FileTime.from(started.minusSeconds(3600)));
        assertEquals(1, TemporaryFiles.removeStale(out));
        assertEquals(List.of(), names());
    }

    /**
     * A writer this host cannot see as a process (another container, another machine on a shared folder) still holds its
     * lock: its file stays, whatever its process id says, until the lock goes with the writer.
     */
    @Test
    void aLockedTemporaryFileIsLeftToItsWriter() throws Exception {
        Path out = dir.resolve("out.csv");
        Path tmp = Files.writeString(dir.resolve(".out.csv.launchbench-" + deadPid() + "-7.tmp"), "being written elsewhere");
        Path locker = Files.writeString(dir.resolve("Locker.java"), """
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            public class Locker {
                public static void main(String[] a) throws Exception {
                    try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE); var l = c.lock()) {
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
            }
            """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, locker.toString(), tmp.toString()).redirectErrorStream(true).start();
        try {
            assertEquals("locked", new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine());
            assertEquals(0, TemporaryFiles.removeStale(out));
            assertTrue(Files.exists(tmp));
        } finally {
            p.destroyForcibly().waitFor();
        }
        assertEquals(1, TemporaryFiles.removeStale(out), "the writer and its lock are gone");
    }

    @Test
    void aTemporaryFileIsNamedForItsDestinationAndThisProcess() throws Exception {
        Path tmp = TemporaryFiles.createFor(dir.resolve("session.txt"));
        assertTrue(tmp.getFileName().toString().matches("\\.session\\.txt\\.launchbench-" + ProcessHandle.current().pid() + "-\\d+\\.tmp"),
            tmp.toString());
        // this process's own temporary file is never taken for a leftover
        assertEquals(0, TemporaryFiles.removeStale(dir.resolve("session.txt")));
    }
}
