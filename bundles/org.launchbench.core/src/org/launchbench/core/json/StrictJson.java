package org.launchbench.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.launchbench.core.InvalidInputException;

/**
 * A strict JSON parser (RFC 8259) for input files: no comments, single quotes, unquoted keys, trailing commas,
 * NaN or infinities, and no duplicate keys (a second value for a key would otherwise win silently). Nesting is
 * bounded. Every error is an {@link InvalidInputException} naming the file, the line and column, and what was
 * expected, in our words; values quoted in messages are cut to a readable length.
 * <p>
 * The result is plain Java: {@code Map<String, Object>} (in file order), {@code List<Object>}, {@code String},
 * {@code Double}, {@code Boolean}, and {@link #NULL} for JSON null.
 */
public final class StrictJson {

    /** JSON's null, distinct from an absent key. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;

    /** The longest value quoted in a message, characters. */
    public static final int MAX_QUOTED = 60;

    private final String source;
    private final String text;
    private int pos;

    private StrictJson(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * @param source the file (or option) the text came from, for messages
     * @param text   the document
     * @return the parsed value
     * @throws InvalidInputException if the text is not one strict JSON value
     */
    public static Object parse(String source, String text) {
        StrictJson p = new StrictJson(source, text);
        p.skipSpace();
        if (p.pos >= text.length()) {
            throw p.error("is empty", "a JSON document", "write the document");
        }
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("has text after the end of the document", "one JSON value", "remove what follows the last bracket");
        }
        return v;
    }

    /**
     * @param value a value as given by the user
     * @return its text, cut to {@link #MAX_QUOTED} characters with an ellipsis
     */
    public static String quote(Object value) {
        String s = String.valueOf(value);
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "...";
    }

    private Object value(int depth) {
        char c = peek();
        if ((c == '{' || c == '[') && depth >= MAX_DEPTH) {
            throw error("nests arrays and objects too deeply", "at most " + MAX_DEPTH + " levels", "flatten the document");
        }
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("has an unexpected " + describe(c), "an object, array, string, number, true, false or null",
                    "check the quotes, commas and brackets (comments, single quotes and NaN are not JSON)");
        }
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("has " + describe(peek()) + " where a key was expected", "a key in double quotes",
                    "quote every key with \" (and remove any trailing comma)");
            }
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':', "':' after the key \"" + quote(key) + "\"");
            skipSpace();
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                pos = keyAt;
                throw error("has the key \"" + quote(key) + "\" twice", "each key once", "remove one of them");
            }
            map.put(key, v);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                pos--;
                throw error("has " + describe(c) + " after a value", "',' or '}'", "separate the members with commas");
            }
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("has " + describe(c) + " after an array element", "',' or ']'", "separate the elements with commas");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("ends inside a string", "a closing \"", "close the string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("has a control character inside a string", "escaped control characters (\\n, \\t)", "escape it");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("ends inside a string", "a closing \"", "close the string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    char unit = hex4();
                    if (Character.isHighSurrogate(unit)) {
                        // a character beyond U+FFFF is a surrogate pair: \\uD8xx\\uDCxx (RFC 8259 §7)
                        if (!text.startsWith("\\u", pos)) {
                            throw error("has a lone surrogate \\u escape", "a high surrogate followed by \\u and a low one",
                                "write the character's two UTF-16 units");
                        }
                        pos += 2;
                        char low = hex4();
                        if (!Character.isLowSurrogate(low)) {
                            throw error("has a lone surrogate \\u escape", "a high surrogate followed by \\u and a low one",
                                "write the character's two UTF-16 units");
                        }
                        b.append(unit).append(low);
                    } else if (Character.isLowSurrogate(unit)) {
                        throw error("has a lone surrogate \\u escape", "a high surrogate followed by \\u and a low one",
                            "write the character's two UTF-16 units");
                    } else {
                        b.append(unit);
                    }
                }
                default -> {
                    pos--;
                    throw error("has an unknown escape \\" + e + " in a string", "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", "correct the escape");
                }
            }
        }
    }

    /** Reads the four hex digits of a \\u escape (no sign, no fewer). */
    private char hex4() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char c = pos < text.length() ? text.charAt(pos) : '\0';
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') {
                throw error("has a bad \\u escape", "four hex digits", "correct the escape");
            }
            v = v * 16 + d;
            pos++;
        }
        return (char) v;
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("has a malformed number", "digits after '-'", "write a plain number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("has a malformed number", "digits after the decimal point", "write a plain number");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("has a malformed number", "digits in the exponent", "write a plain number");
            }
            digits();
        }
        String word = text.substring(start, pos);
        double v = Double.parseDouble(word);
        if (!Double.isFinite(v)) {
            pos = start;
            throw error("has a number too large for a double: " + quote(word), "magnitudes below 1.8e308", "check the value");
        }
        return v;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("has an unexpected word", "true, false, null, a number or a quoted string",
                "quote strings with \" (NaN and Infinity are not JSON)");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error("has " + describe(peek()) + " where " + what + " was expected", what, "check the punctuation");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe(char c) {
        if (pos >= text.length()) {
            return "the end of the file";
        }
        if (c == '/' || c == '#') {
            return "a comment";
        }
        if (c == '\'') {
            return "a single quote";
        }
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("character U+%04X", (int) c);
    }

    private InvalidInputException error(String problem, String allowed, String fix) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return InvalidInputException.because("is not valid JSON: it " + problem).source(source)
            .element("line " + line + ", column " + col).allowed(allowed).fix(fix).build();
    }
}
