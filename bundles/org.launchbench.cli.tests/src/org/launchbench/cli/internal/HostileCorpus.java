package org.launchbench.cli.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-input corpus of issue 28, generated from good files: each case is one bad file (a mutation of a good one,
 * or something that is not a model file at all) and the name of what it breaks, which the refusal must name.
 * <p>
 * Classes: empty, truncated, binary, over the size limit, not a regular file (a folder, {@code /dev/zero}); every number
 * replaced by NaN, ±Infinity and ±1e308 (and, in JSON, a string, null, true, an array, an object, 1e400); unknown and
 * duplicate keys or elements; comments, single quotes, unquoted keys, trailing commas; deep nesting and a
 * two-million-element array; path-like ids; XML external entities and entity expansion.
 */
final class HostileCorpus {

    /**
     * One bad input.
     *
     * @param label  what was done, for the failure report
     * @param text   the file's content (null for a special file made by {@link #special})
     * @param names  what the refusal must name besides the file (an attribute or key), or null
     */
    record Mutant(String label, String text, String names) {
    }

    private HostileCorpus() {
    }

    /** Every number of an XML model file (an attribute's value), replaced in turn by NaN, ±Infinity and ±1e308. */
    static List<Mutant> xmlNumbers(String xml) {
        List<Mutant> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\s([A-Za-z]+)=\"(-?[0-9][0-9.eE+-]*)\"").matcher(xml);
        while (m.find()) {
            String attribute = m.group(1);
            if (attribute.equals("version")) {
                continue; // xmi:version is XMI's, not ours
            }
            for (String v : List.of("NaN", "Infinity", "-Infinity", "1e308", "-1e308")) {
                String text = xml.substring(0, m.start(2)) + v + xml.substring(m.end(2));
                out.add(new Mutant(attribute + "=" + v + " at offset " + m.start(2), text, attribute));
            }
        }
        return out;
    }

    /** Structural mistakes of an XML model file: unknown parts, path-like ids, entities, deep nesting. */
    static List<Mutant> xmlStructure(String xml, String rootTag, Path secret) {
        List<Mutant> out = new ArrayList<>();
        int rootEnd = xml.indexOf('>', xml.indexOf("<lb:" + rootTag)) + 1;
        out.add(new Mutant("unknown element", xml.substring(0, rootEnd) + "<noSuchElement/>" + xml.substring(rootEnd), "noSuchElement"));
        int rootAttrs = xml.indexOf("<lb:" + rootTag) + 4 + rootTag.length();
        out.add(new Mutant("unknown attribute", xml.substring(0, rootAttrs) + " noSuchAttribute=\"1\"" + xml.substring(rootAttrs),
            "noSuchAttribute"));
        for (String id : List.of("../escaped-by-id", "/tmp/absolute-id", ".hidden", "a/b", "x".repeat(65), "a\\b")) {
            out.add(new Mutant("id " + id.substring(0, Math.min(20, id.length())),
                xml.replaceFirst("\\sid=\"[^\"]*\"", Matcher.quoteReplacement(" id=\"" + id + "\"")), "id"));
        }
        String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String body = xml.substring(xml.indexOf("<lb:"));
        out.add(new Mutant("external entity", prolog + "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
            + body.replaceFirst("\\sname=\"[^\"]*\"", " name=\"&x;\""), null));
        StringBuilder laughs = new StringBuilder("<!DOCTYPE r [<!ENTITY a \"lol\">");
        for (char c = 'b'; c <= 'k'; c++) {
            laughs.append("<!ENTITY ").append(c).append(" \"").append(("&" + (char) (c - 1) + ";").repeat(10)).append("\">");
        }
        out.add(new Mutant("entity expansion", prolog + laughs + "]>\n" + body.replaceFirst("\\sname=\"[^\"]*\"", " name=\"&k;\""), null));
        out.add(new Mutant("deep nesting", xml.substring(0, rootEnd) + "<n>".repeat(20_000) + "</n>".repeat(20_000)
            + xml.substring(rootEnd), null));
        return out;
    }

    /** Every number of a JSON file (outside strings), replaced in turn by what is not a usable number there. */
    static List<Mutant> jsonNumbers(String json) {
        List<Mutant> out = new ArrayList<>();
        boolean inString = false;
        String lastKey = "?";
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                int end = json.indexOf('"', i + 1);
                if (end > 0 && json.substring(end + 1).stripLeading().startsWith(":")) {
                    lastKey = json.substring(i + 1, end);
                }
                inString = true;
                continue;
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                int end = i;
                while (end < json.length() && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0) {
                    end++;
                }
                for (String v : List.of("NaN", "Infinity", "1e400", "1e308", "-1e308", "\"7\"", "null", "true", "[]", "{}")) {
                    // what parses is refused by its key, which the message names; what does not parse, by line and column
                    boolean parses = !List.of("NaN", "Infinity", "1e400").contains(v);
                    out.add(new Mutant(lastKey + "=" + v + " at offset " + i, json.substring(0, i) + v + json.substring(end),
                        parses ? lastKey : null));
                }
                i = end - 1;
            }
        }
        return out;
    }

    /** Lenient JSON a strict reader refuses, and documents that break bounds. */
    static List<Mutant> jsonStructure(String json) {
        List<Mutant> out = new ArrayList<>();
        int open = json.indexOf('{') + 1;
        Matcher firstMember = Pattern.compile("\"([A-Za-z_0-9$]+)\"\\s*:\\s*(\"[^\"]*\"|-?[0-9][0-9.eE+-]*|\\[[^\\[\\]{}]*\\])").matcher(json);
        firstMember.find();
        String member = firstMember.group();
        String key = firstMember.group(1);
        out.add(new Mutant("line comment", json.substring(0, open) + " // a comment\n" + json.substring(open), null));
        out.add(new Mutant("block comment", json.substring(0, open) + " /* a comment */ " + json.substring(open), null));
        out.add(new Mutant("single quotes", json.replaceFirst("\"" + Pattern.quote(key) + "\"", "'" + Matcher.quoteReplacement(key) + "'"), null));
        out.add(new Mutant("unquoted key", json.replaceFirst("\"" + Pattern.quote(key) + "\"", Matcher.quoteReplacement(key)), null));
        out.add(new Mutant("duplicate key", json.substring(0, open) + member + ", " + json.substring(open), key));
        out.add(new Mutant("unknown key", json.substring(0, open) + "\"no_such_key\": 1, " + json.substring(open), "no_such_key"));
        int close = json.lastIndexOf('}');
        out.add(new Mutant("trailing comma", json.substring(0, close).stripTrailing() + ",\n}" + json.substring(close + 1), null));
        out.add(new Mutant("deep nesting", "[".repeat(100_000) + "]".repeat(100_000), null));
        out.add(new Mutant("two million elements", json.replaceFirst(Pattern.quote(member),
            Matcher.quoteReplacement("\"" + key + "\": [" + "1.0,".repeat(2_000_000) + "1.0]")), null));
        out.add(new Mutant("top-level array", "[" + json + "]", null));
        return out;
    }

    /** What is no model file of any kind: empty, truncated, binary. */
    static List<Mutant> garbage(String good) {
        byte[] noise = new byte[4096];
        new Random(28).nextBytes(noise);
        return List.of(new Mutant("empty", "", null), new Mutant("only spaces", "   \n\t ", null),
            new Mutant("truncated", good.substring(0, good.length() / 2), null),
            new Mutant("binary", new String(noise, StandardCharsets.ISO_8859_1), null));
    }

    /** The special files: a folder, a link to /dev/zero, a sparse file one megabyte over the limit. */
    static List<String> specialKinds() {
        return List.of("folder", "/dev/zero", "over the limit");
    }

    /**
     * @param kind     one of {@link #specialKinds()}
     * @param file     where to make it
     * @param limit    the reader's limit, bytes
     */
    static void special(String kind, Path file, long limit) throws IOException {
        switch (kind) {
            case "folder" -> Files.createDirectory(file);
            case "/dev/zero" -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
            default -> {
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                    f.setLength(limit + (1 << 20));
                }
            }
        }
    }
}
