package org.launchbench.trajectory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.core.InvalidInputException;

/**
 * simulate's --csv file is checked before the run and stays inside the folder asked for, whatever the mission's id
 * (issue 28: an id of "../escaped-by-id" or an absolute path wrote outside DIR; validation now refuses such ids, and
 * this is the second lock).
 */
class SimulateOutputTest {

    @TempDir
    Path dir;

    @Test
    void theHistoryGoesInTheFolderUnderTheMissionsId() {
        Path file = SimulateCommand.csvTarget(dir, "falcon9-leo-asds");
        assertEquals(dir.toAbsolutePath().normalize().resolve("falcon9-leo-asds-history.csv"), file);
    }

    @Test
    void anIdThatLeavesTheFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path inner = Files.createDirectory(dir.resolve("out"));
        for (String id : new String[] {"../escaped-by-id", "/tmp/escaped", "a/../../b"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> SimulateCommand.csvTarget(inner, id));
            assertTrue(e.getMessage().contains("--csv") && e.getMessage().contains(id), e.getMessage());
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing but the folder itself");
        }
    }

    @Test
    void aFolderThatIsNotThereIsRefusedBeforeTheRun() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SimulateCommand.csvTarget(dir.resolve("missing"), "m"));
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }
}
