package org.launchbench.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way the tools read an input file whole: a regular file of at most a stated size, read so that nothing
 * larger ever reaches memory. A directory, a device (a link to {@code /dev/zero}), a pipe, a missing or unreadable
 * file, or one over the limit is an {@link InvalidInputException} naming the file, before or instead of the read
 * (docs/cli.md, "Hostile input").
 * <p>
 * Each kind of file states its limit where it is read; the limits are documented in {@code docs/cli.md}.
 */
public final class InputFiles {

    /** Model files and specs (.vehicle, .mission, .sites, constellation specs, dictionaries): the largest shipped is ~100 kB. */
    public static final long MODEL_LIMIT_BYTES = 64L << 20;

    private InputFiles() {
    }

    /**
     * @param file     the file
     * @param what     what it should be, for messages ("a .mission file")
     * @param maxBytes the most it may hold
     * @return its bytes
     * @throws InvalidInputException when it is not a regular readable file of at most {@code maxBytes}
     */
    public static byte[] read(Path file, String what, long maxBytes) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw InvalidInputException.because("is a folder, not a file").source(source).allowed(what)
                .fix("give the file's path").build();
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw InvalidInputException.because("is not a regular file (a device or a pipe)").source(source).allowed(what)
                .fix("give the file's path").build();
        }
        try (InputStream in = Files.newInputStream(file)) {
            // one byte past the limit: a file that grows while it is read is refused too
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw InvalidInputException.because("holds more than the " + size(maxBytes) + " " + what + " may")
                    .source(source).fix("check that this is the file meant").build();
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw InvalidInputException.because("does not exist").source(source).fix("check the path").build(e);
        } catch (AccessDeniedException e) {
            throw InvalidInputException.because("cannot be read (permission denied)").source(source)
                .fix("check the file's permissions").build(e);
        } catch (IOException e) {
            throw InvalidInputException.because("cannot be read: " + e.getMessage()).source(source).build(e);
        }
    }

    /**
     * @param file     the file
     * @param what     what it should be, for messages ("a descent problem (JSON)")
     * @param maxBytes the most it may hold
     * @return its text, decoded as UTF-8 (strictly: a malformed byte is refused, never replaced)
     * @throws InvalidInputException as {@link #read}, or when the bytes are not UTF-8
     */
    public static String readText(Path file, String what, long maxBytes) {
        byte[] bytes = read(file, what, maxBytes);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw InvalidInputException.because("is not UTF-8 text").source(file.toString()).allowed(what)
                .fix("give the text file (a binary file or another encoding was given)").build(e);
        }
    }

    private static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
