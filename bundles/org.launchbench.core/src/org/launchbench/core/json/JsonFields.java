package org.launchbench.core.json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.launchbench.core.InvalidInputException;

/**
 * Typed, checked access to one JSON object parsed by {@link StrictJson}: every mistake is an
 * {@link InvalidInputException} naming the file, the key's path ({@code initial.euler_deg[2]}), the value (cut
 * to a readable length) and the allowed range.
 */
public final class JsonFields {

    private final String source;
    private final String path;
    private final Map<String, Object> object;

    private JsonFields(String source, String path, Map<String, Object> object) {
        this.source = source;
        this.path = path;
        this.object = object;
    }

    /**
     * @param source   the file the document came from
     * @param document a parsed document
     * @return its top-level object
     * @throws InvalidInputException if the document is not an object
     */
    public static JsonFields root(String source, Object document) {
        if (!(document instanceof Map<?, ?>)) {
            throw InvalidInputException.because("is not a JSON object").source(source).value(StrictJson.quote(document))
                .allowed("{\"key\": value, ...}").fix("write the document as one object").build();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) document;
        return new JsonFields(source, "", map);
    }

    /**
     * @param known the keys this object may have
     * @return this
     * @throws InvalidInputException naming the first unknown key
     */
    public JsonFields onlyKeys(Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw InvalidInputException.because("is not a known key").source(source).element(name(key))
                    .allowed(String.join(", ", new TreeSet<>(known))).fix("remove or correct it").build();
            }
        }
        return this;
    }

    /**
     * @param key a key
     * @return whether the object has it
     * @throws InvalidInputException if its value is JSON null: a key is given a value or left out, never both
     */
    public boolean has(String key) {
        Object v = object.get(key);
        if (v == StrictJson.NULL) {
            throw InvalidInputException.because("is null").source(source).element(name(key))
                .fix("give it a value, or leave the key out").build();
        }
        return v != null;
    }

    /**
     * @param key a required key
     * @return its number
     */
    public double number(String key) {
        return toNumber(name(key), require(key));
    }

    /**
     * @param key      a key
     * @param fallback the value when it is absent
     * @return its number, or the fallback
     */
    public double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    /**
     * @param key a required key
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @param minInclusive whether min itself is allowed
     * @param unit the unit, for the message ("kg")
     * @return its number, inside the range
     */
    public double number(String key, double min, double max, boolean minInclusive, String unit) {
        double v = number(key);
        return inRange(name(key), v, min, max, minInclusive, unit);
    }

    /**
     * @param key  a required key
     * @param min  the least value allowed (inclusive)
     * @param max  the greatest value allowed
     * @param unit the unit, for the message
     * @return its number, inside the range
     */
    public double number(String key, double min, double max, String unit) {
        return number(key, min, max, true, unit);
    }

    /**
     * @param key       a key
     * @param min       the least value allowed (inclusive)
     * @param max       the greatest value allowed
     * @param unit      the unit, for the message
     * @param otherwise the value when the key is absent
     * @return its number inside the range, or {@code otherwise}
     */
    public double number(String key, double min, double max, String unit, double otherwise) {
        return has(key) ? number(key, min, max, true, unit) : otherwise;
    }

    /**
     * @param key a required key
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return its whole number inside the range
     */
    public int integer(String key, int min, int max) {
        double v = number(key, min, max, true, "");
        if (v != Math.rint(v)) {
            throw bad(key, v, "a whole number from " + min + " to " + max, "give a whole number");
        }
        return (int) v;
    }

    /**
     * @param key a required key
     * @return its string
     */
    public String string(String key) {
        Object v = require(key);
        if (!(v instanceof String s)) {
            throw bad(name(key), v, "a string in double quotes", "quote it");
        }
        return s;
    }

    /**
     * @param key a required key
     * @return its date ("2027-01-15", midnight UTC) or instant ("2027-01-15T03:00:00Z")
     */
    public java.time.Instant date(String key) {
        String s = string(key);
        java.time.Instant t;
        try {
            t = s.length() == 10 ? java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : java.time.Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw bad(name(key), s, "a date like 2027-01-15 or an instant like 2027-01-15T03:00:00Z", "write the date in that form");
        }
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
            throw bad(name(key), s, "1961-01-01 to 2199-12-31", "give a date in the space age (the time scales start in 1961)");
        }
        return t;
    }

    /** The dates a document may give: from the first entry of the UTC-TAI history (1961) to 2200, as mission epochs. */
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("1961-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("2200-01-01T00:00:00Z");

    /**
     * @param key a required key
     * @param min the least value of each element (inclusive)
     * @param max the greatest value of each element
     * @param unit the unit, for the message
     * @return its non-empty array of numbers, each inside the range
     */
    public List<Double> numbers(String key, double min, double max, String unit) {
        Object v = require(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw bad(name(key), v, "a non-empty list of numbers", "list at least one");
        }
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(inRange(name(key) + "[" + i + "]", toNumber(name(key) + "[" + i + "]", list.get(i)), min, max, true, unit));
        }
        return out;
    }

    /**
     * @param key a required key
     * @return its non-empty array of strings
     */
    public List<String> strings(String key) {
        Object v = require(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw bad(name(key), v, "a non-empty list of strings", "list at least one");
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw bad(name(key) + "[" + i + "]", list.get(i), "a string in double quotes", "quote it");
            }
            out.add(s);
        }
        return out;
    }

    /**
     * @param key   a required key
     * @param known the keys the object may have
     * @return its object, checked for unknown keys
     */
    public JsonFields object(String key, Set<String> known) {
        return object(key).onlyKeys(known);
    }

    /**
     * @param key   a required key
     * @param known the keys each element may have
     * @return its non-empty array's objects, each checked for unknown keys
     */
    public List<JsonFields> objects(String key, Set<String> known) {
        List<JsonFields> list = objects(key, 1, Integer.MAX_VALUE);
        list.forEach(o -> o.onlyKeys(known));
        return list;
    }

    /**
     * Refuses keys another variant of this object uses, which this one would silently ignore.
     *
     * @param keys the keys this variant uses
     * @param what the variant, for the message ("a direct strategy")
     * @return this
     */
    public JsonFields only(Set<String> keys, String what) {
        for (String key : object.keySet()) {
            if (!keys.contains(key)) {
                throw InvalidInputException.because("is not used by " + what).source(source).element(name(key))
                    .allowed(String.join(", ", new TreeSet<>(keys))).fix("remove it, or change the variant").build();
            }
        }
        return this;
    }

    /** @return the file the document came from */
    public String source() {
        return source;
    }

    /**
     * @param key a required key
     * @return its array of exactly three numbers
     */
    public double[] vector3(String key) {
        return numbers(name(key), require(key), 3);
    }

    /**
     * @param key a required key
     * @return its 3×3 matrix, row by row
     */
    public double[][] matrix3(String key) {
        Object v = require(key);
        if (!(v instanceof List<?> rows) || rows.size() != 3) {
            throw bad(name(key), v, "three rows of three numbers [[..], [..], [..]]", "write a 3x3 array");
        }
        double[][] m = new double[3][];
        for (int i = 0; i < 3; i++) {
            m[i] = numbers(name(key) + "[" + i + "]", rows.get(i), 3);
        }
        return m;
    }

    /**
     * @param key     a required key
     * @param allowed the strings accepted
     * @return its string, one of them
     */
    public String choice(String key, List<String> allowed) {
        Object v = require(key);
        if (!(v instanceof String s) || !allowed.contains(s)) {
            throw bad(name(key), v, String.join(", ", allowed), "choose one");
        }
        return s;
    }

    /**
     * @param key a key
     * @return its string, or null when absent
     */
    public String optionalString(String key) {
        if (!has(key)) {
            return null;
        }
        Object v = object.get(key);
        if (!(v instanceof String s)) {
            throw bad(name(key), v, "a string in double quotes", "quote it");
        }
        return s;
    }

    /**
     * @param key a required key
     * @return its object
     */
    public JsonFields object(String key) {
        Object v = require(key);
        if (!(v instanceof Map<?, ?>)) {
            throw bad(name(key), v, "an object {\"key\": value, ...}", "write it as an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) v;
        return new JsonFields(source, name(key), map);
    }

    /**
     * @param key a required key
     * @param min the least number of elements
     * @param max the greatest number of elements
     * @return its array's elements as objects
     */
    public List<JsonFields> objects(String key, int min, int max) {
        Object v = require(key);
        if (!(v instanceof List<?> list) || list.size() < min || list.size() > max) {
            String allowed = max == Integer.MAX_VALUE ? (min == 1 ? "a non-empty list of objects [{...}, ...]" : "at least " + min + " objects")
                : "an array of " + min + " to " + max + " objects";
            throw bad(name(key), v, allowed, min == 1 ? "list at least one" : "write it as [{...}, ...]");
        }
        java.util.ArrayList<JsonFields> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            String at = name(key) + "[" + i + "]";
            if (!(e instanceof Map<?, ?>)) {
                throw bad(at, e, "an object {\"key\": value, ...}", "write each element as an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) e;
            out.add(new JsonFields(source, at, map));
        }
        return out;
    }

    /**
     * @param key the key (or path) the value belongs to
     * @param value the offending value
     * @param allowed what is allowed
     * @param fix what to do
     * @return the error, naming this object's file and the key's path
     */
    public InvalidInputException bad(String key, Object value, String allowed, String fix) {
        return bad(key, value, "is not accepted", allowed, fix);
    }

    /**
     * @param key     the key (or path) the value belongs to
     * @param value   the offending value
     * @param problem what is wrong with it ("is not an APID")
     * @param allowed what is allowed
     * @param fix     what to do
     * @return the error, naming this object's file and the key's path
     */
    public InvalidInputException bad(String key, Object value, String problem, String allowed, String fix) {
        return InvalidInputException.because(problem).source(source).element(isPath(key) ? key : name(key))
            .value(StrictJson.quote(value)).allowed(allowed).fix(fix).build();
    }

    /** Whether a key passed to {@link #bad} is already a path from the root (this object's, or below it). */
    private boolean isPath(String key) {
        return !path.isEmpty() && (key.equals(path) || key.startsWith(path + ".") || key.startsWith(path + "["));
    }

    /** @param key a key of this object; @return its path from the document's root */
    public String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Object require(String key) {
        if (!has(key)) {
            throw InvalidInputException.because("is missing").source(source).element(name(key)).fix("add it").build();
        }
        return object.get(key);
    }

    private double toNumber(String at, Object v) {
        if (!(v instanceof Double d)) {
            throw bad(at, v, "a number", "write a plain number");
        }
        return d;
    }

    private double[] numbers(String at, Object v, int n) {
        if (!(v instanceof List<?> list) || list.size() != n) {
            throw bad(at, v, n + " numbers [..]", "write an array of " + n + " numbers");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = toNumber(at + "[" + i + "]", list.get(i));
        }
        return out;
    }

    private double inRange(String at, double v, double min, double max, boolean minInclusive, String unit) {
        boolean low = minInclusive ? v >= min : v > min;
        if (!low || v > max) {
            String u = unit.isEmpty() ? "" : " " + unit;
            String range = max >= Double.MAX_VALUE ? (minInclusive ? "at least " : "more than ") + fmt(min)
                : (minInclusive ? "" : "more than ") + fmt(min) + " to " + fmt(max);
            throw InvalidInputException.because("is out of range").source(source).element(at).value(StrictJson.quote(v) + u)
                .allowed(range + u).fix("check the value and its unit").build();
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
