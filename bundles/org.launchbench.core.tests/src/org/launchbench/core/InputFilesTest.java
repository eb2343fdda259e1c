package org.launchbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one bounded reader (issue 28: a link to /dev/zero as a mission took 8 s and 2.7 GB, then exited 0 without a word):
 * what is not a regular file of at most the limit is one line naming it, before or instead of the read.
 */
class InputFilesTest {

    @TempDir
    Path dir;

    private static String refused(Path file, long limit) {
        return assertThrows(InvalidInputException.class, () -> InputFiles.read(file, "a test file", limit)).userMessage();
    }

    @Test
    void aFileAtTheLimitIsReadWholeAndOneByteMoreIsRefused() throws Exception {
        byte[] content = new byte[1000];
        Path file = Files.write(dir.resolve("at.json"), content);
        assertArrayEquals(content, InputFiles.read(file, "a test file", 1000));
        String m = refused(file, 999);
        assertEquals(file + ": holds more than the 999 bytes a test file may. Fix: check that this is the file meant.", m);
    }

    /** A sparse file far over the limit: refused after reading one byte past the limit, not the whole. */
    @Test
    void aHugeSparseFileIsRefusedWithoutReadingIt() throws Exception {
        Path big = dir.resolve("big.mission");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        assertTrue(refused(big, InputFiles.MODEL_LIMIT_BYTES).contains("holds more than the 64 MB a test file may"));
    }

    @Test
    void aFolderADeviceAndAMissingFileAreNamed() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        assertTrue(refused(folder, 100).startsWith(folder + ": is a folder, not a file (allowed: a test file)"));
        Path zero = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        assertTrue(refused(zero, 100).startsWith(zero + ": is not a regular file (a device or a pipe)"));
        Path missing = dir.resolve("missing.json");
        assertEquals(missing + ": does not exist. Fix: check the path.", refused(missing, 100));
    }

    @Test
    void textIsStrictUtf8WithoutItsByteOrderMark() throws Exception {
        Path ok = Files.write(dir.resolve("bom.json"), ("\uFEFF{\"a\": \"\u00e9\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\": \"\u00e9\"}", InputFiles.readText(ok, "a test file", 100));
        Path latin1 = Files.write(dir.resolve("latin1.json"), "{\"a\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputFiles.readText(latin1, "a test file", 100));
        assertTrue(e.userMessage().startsWith(latin1 + ": is not UTF-8 text"), e.userMessage());
    }

    /** A quoted value is cut (a two-million-element array made a 4 MB line); the message says how much was left out. */
    @Test
    void aLongValueIsCutInTheMessage() {
        String value = "1.0,".repeat(2_000_000);
        InvalidInputException e = InvalidInputException.because("is not accepted").source("f.json").element("position_m").value(value).build();
        assertEquals("f.json: position_m = " + value.substring(0, 80) + "... (7999920 more characters): is not accepted.", e.userMessage());
    }
}
