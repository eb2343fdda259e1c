package org.launchbench.vehicle.model.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.io.ModelFiles;

/**
 * Bounded reading (issue 28: a symbolic link to /dev/zero named as a mission took 8 s and 2.7 GB, then exited 0 in
 * silence): what is not a regular file, or holds more than 64 MB, is refused with one line before it is read whole.
 */
class BoundedModelReadingTest {

    @TempDir
    Path dir;

    private static String refused(Path file) {
        return assertThrows(InvalidInputException.class, () -> ModelFiles.load(file)).userMessage();
    }

    @Test
    void aDirectoryIsNotAModelFile() throws Exception {
        Path d = Files.createDirectory(dir.resolve("folder.mission"));
        String m = refused(d);
        assertTrue(m.contains("folder.mission") && m.contains("is a folder"), m);
    }

    @Test
    void aLinkToADeviceIsRefusedBeforeAnythingIsRead() throws Exception {
        Path zero = Files.createSymbolicLink(dir.resolve("zero.mission"), Path.of("/dev/zero"));
        String m = refused(zero);
        assertTrue(m.contains("zero.mission") && m.contains("not a regular file"), m);
    }

    /** A sparse file of 65 MB (it takes no disk): one byte past the limit is read, no more. */
    @Test
    void aFileOverTheLimitIsRefused() throws Exception {
        Path big = dir.resolve("big.vehicle");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ModelFiles.MAX_BYTES + (1 << 20));
        }
        String m = refused(big);
        assertTrue(m.contains("big.vehicle") && m.contains("more than the 64 MB"), m);
    }
}
