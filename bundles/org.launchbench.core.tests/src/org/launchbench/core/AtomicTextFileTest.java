package org.launchbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' outputs are never half-written and leave no temporary file. */
class AtomicTextFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsWrittenWholeIntoAFolderItCreates() throws Exception {
        Path file = dir.resolve("a/b/out.csv");
        AtomicTextFile.write(file, w -> w.write("x,y\n1,2\n"));
        assertEquals("x,y\n1,2\n", Files.readString(file));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoTemporaryOne() throws Exception {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old\n");
        RunFailedException e = assertThrows(RunFailedException.class, () -> AtomicTextFile.write(file, w -> {
            w.write("half of the new");
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("out.csv") && e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("old\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    /**
     * Outputs are checked before a run (issue 28: `--csv` naming a folder failed only after the whole campaign): a
     * folder, or a path under a file, is refused naming the option; a folder still to be made is fine (the write makes
     * it).
     */
    @Test
    void anOutputIsCheckedBeforeTheRun() throws IOException {
        InvalidInputException folder = assertThrows(InvalidInputException.class, () -> AtomicTextFile.checkTarget(dir, "--csv"));
        assertTrue(folder.getMessage().contains("--csv") && folder.getMessage().contains("is a folder"), folder.getMessage());
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        InvalidInputException under = assertThrows(InvalidInputException.class,
            () -> AtomicTextFile.checkTarget(file.resolve("out.csv"), "--record"));
        assertTrue(under.getMessage().contains("--record") && under.getMessage().contains("is not a folder"), under.getMessage());
        AtomicTextFile.checkTarget(dir.resolve("new/sub/out.csv"), "--csv");
        AtomicTextFile.checkTarget(dir.resolve("out.csv"), "--csv");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the checks write nothing");
        }
    }
}
