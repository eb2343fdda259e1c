package org.launchbench.campaign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A campaign as it travels to the members of a cluster: its kind (which engine flies it), its input files by content
 * (the mission and the vehicle or site files it was resolved with), its parameters as text, and the product that made
 * it. Every member runs the same product, so the files and parameters are all a member needs to fly run i exactly as
 * the machine that asked would (issue 24: the files travel by content; the campaign's digest names it, its tasks' HMACs
 * check it on arrival).
 * <p>
 * Its encoding is canonical (files and parameters in name order), so equal campaigns have equal bytes and an equal
 * {@link #digest()}. Immutable.
 *
 * @param kind       the engine's kind of work ({@link CampaignWork#kind()})
 * @param mainFile   the name of the file the campaign is of (one of {@code files})
 * @param files      input files by name (plain names: no folder) and content
 * @param parameters the campaign's settings, as text the engine parses
 * @param product    the version of the product that made it (a member running another refuses it)
 */
public record CampaignDefinition(String kind, String mainFile, SortedMap<String, byte[]> files, SortedMap<String, String> parameters,
                                 String product) {

    /** The largest encoded campaign, bytes: the model files' own limit. */
    public static final int MAX_BYTES = 64 << 20;
    private static final int MAGIC = 0x4C424331; // "LBC1"

    public CampaignDefinition {
        if (kind == null || kind.isBlank() || product == null) {
            throw new IllegalArgumentException("a campaign needs a kind and a product version");
        }
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        for (String name : files.keySet()) {
            if (!plainName(name)) {
                throw new IllegalArgumentException("not a plain file name: " + name);
            }
        }
        if (!files.containsKey(mainFile)) {
            throw new IllegalArgumentException("the main file " + mainFile + " is not among the campaign's files");
        }
    }

    /** @return whether a name is a file name a member may write into its own folder (no folder, no hidden file) */
    static boolean plainName(String name) {
        return name != null && !name.isEmpty() && name.length() <= 255 && !name.startsWith(".") && name.indexOf('/') < 0
            && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    /**
     * @return the canonical encoding
     * @throws IllegalArgumentException for a campaign over {@link #MAX_BYTES}, which no member would take
     */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            writeText(out, kind);
            writeText(out, mainFile);
            writeText(out, product);
            out.writeInt(files.size());
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                writeText(out, f.getKey());
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
            out.writeInt(parameters.size());
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                writeText(out, p.getKey());
                writeText(out, p.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.size() > MAX_BYTES) {
            throw new IllegalArgumentException("a campaign of " + bytes.size() + " bytes, over " + MAX_BYTES);
        }
        return bytes.toByteArray();
    }

    /**
     * @param encoded bytes from {@link #encode()}
     * @return the campaign
     * @throws IllegalArgumentException for bytes that are not one (truncated, oversized, or of another format)
     */
    public static CampaignDefinition decode(byte[] encoded) {
        if (encoded.length > MAX_BYTES) {
            throw new IllegalArgumentException("a campaign of " + encoded.length + " bytes, over " + MAX_BYTES);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a LaunchBench campaign");
            }
            String kind = readText(in);
            String main = readText(in);
            String product = readText(in);
            SortedMap<String, byte[]> files = new TreeMap<>();
            int count = count(in, 1_000);
            for (int i = 0; i < count; i++) {
                String name = readText(in);
                if (!files.isEmpty() && name.compareTo(files.lastKey()) <= 0) {
                    throw new IllegalArgumentException("the campaign's files are not in canonical order");
                }
                byte[] content = new byte[count(in, encoded.length)];
                in.readFully(content);
                files.put(name, content);
            }
            SortedMap<String, String> parameters = new TreeMap<>();
            count = count(in, 1_000);
            for (int i = 0; i < count; i++) {
                parameters.put(readText(in), readText(in));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("bytes after the campaign's end");
            }
            return new CampaignDefinition(kind, main, files, parameters, product);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated campaign", e);
        }
    }

    /** @return the SHA-256 of the encoding, in hexadecimal */
    public String digest() {
        return sha256(encode());
    }

    /** @return the SHA-256 of some bytes, in hexadecimal */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** @return a parameter, or the fallback when the campaign does not set it */
    public String parameter(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in, 1 << 20)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("a length of " + n + " in a campaign (at most " + max + ")");
        }
        return n;
    }
}
