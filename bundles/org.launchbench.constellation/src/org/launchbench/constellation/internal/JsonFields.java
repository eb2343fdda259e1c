package org.launchbench.constellation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.launchbench.core.InvalidInputException;
import org.launchbench.core.json.StrictJson;


/**
 * One JSON object of a spec file, parsed by {@link StrictJson}, read strictly: unknown keys, missing ones, wrong types and values out of range are
 * bad input naming the file, the key's path ({@code launchers[1].cadence_days}), the value and what is allowed.
 */
final class JsonFields {

    private final String file;
    private final String path;
    private final Map<String, Object> o;

    JsonFields(String file, String path, Map<String, Object> o, Set<String> known) {
        this.file = file;
        this.path = path;
        this.o = o;
        for (String key : o.keySet()) {
            if (!known.contains(key)) {
                throw bad(key, "(unknown key)", String.join(", ", new TreeSet<>(known)), "remove or correct it");
            }
        }
    }

    String file() {
        return file;
    }

    String element(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    InvalidInputException bad(String key, String value, String allowed, String fix) {
        return InvalidInputException.because(value.equals("(unknown key)") ? "is not a key here" : "is not allowed").source(file)
            .element(element(key)).value(value).allowed(allowed).fix(fix).build();
    }

    /** Refuses keys another variant uses that this one would ignore. */
    void only(Set<String> keys, String what) {
        for (String key : o.keySet()) {
            if (!keys.contains(key)) {
                throw InvalidInputException.because("is not used by " + what).source(file).element(element(key))
                    .allowed(String.join(", ", new TreeSet<>(keys))).fix("remove it, or change the pattern or kind").build();
            }
        }
    }

    boolean has(String key) {
        return o.containsKey(key) && o.get(key) != StrictJson.NULL;
    }

    private Object required(String key) {
        if (!has(key)) {
            throw InvalidInputException.because("is missing").source(file).element(element(key)).fix("add it").build();
        }
        return o.get(key);
    }

    double number(String key, double min, double max, String unit) {
        Object e = required(key);
        if (!(e instanceof Double v)) {
            throw bad(key, StrictJson.quote(e), "a number", "write a number" + (unit.isEmpty() ? "" : " in " + unit));
        }
        if (!(v >= min && v <= max)) {
            throw bad(key, String.valueOf(v), range(min, max, unit), "give a value in that range");
        }
        return v;
    }

    double number(String key, double min, double max, String unit, double otherwise) {
        return has(key) ? number(key, min, max, unit) : otherwise;
    }

    int integer(String key, int min, int max) {
        double v = number(key, min, max, "");
        if (v != Math.rint(v)) {
            throw bad(key, String.valueOf(v), "a whole number from " + min + " to " + max, "give a whole number");
        }
        return (int) v;
    }

    String text(String key, Set<String> allowed) {
        Object e = required(key);
        if (!(e instanceof String s)) {
            throw bad(key, StrictJson.quote(e), allowed.isEmpty() ? "a string" : String.join(", ", new TreeSet<>(allowed)), "write a string");
        }
        if (!allowed.isEmpty() && !allowed.contains(s)) {
            throw bad(key, s, String.join(", ", new TreeSet<>(allowed)), "use one of those");
        }
        return s;
    }

    /** A date "2027-01-15" (midnight UTC) or an instant "2027-01-15T03:00:00Z". */
    Instant date(String key) {
        String s = text(key, Set.of());
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw bad(key, s, "a date like 2027-01-15 or an instant like 2027-01-15T03:00:00Z", "write the date in that form");
        }
    }

    JsonFields object(String key, Set<String> known) {
        if (!(required(key) instanceof Map<?, ?> m)) {
            throw bad(key, StrictJson.quote(o.get(key)), "an object {...}", "write it as an object");
        }
        return new JsonFields(file, element(key), cast(m), known);
    }

    List<JsonFields> objects(String key, Set<String> known) {
        Object e = required(key);
        if (!(e instanceof List<?> a) || a.isEmpty()) {
            throw bad(key, StrictJson.quote(e), "a non-empty list [{...}, ...]", "list at least one");
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof Map<?, ?> m)) {
                throw bad(key + "[" + i + "]", StrictJson.quote(a.get(i)), "an object {...}", "write it as an object");
            }
            out.add(new JsonFields(file, element(key) + "[" + i + "]", cast(m), known));
        }
        return out;
    }

    List<Double> numbers(String key, double min, double max, String unit) {
        Object e = required(key);
        if (!(e instanceof List<?> a) || a.isEmpty()) {
            throw bad(key, StrictJson.quote(e), "a non-empty list of numbers", "list at least one");
        }
        List<Double> out = new ArrayList<>();
        for (Object x : a) {
            if (!(x instanceof Double v)) {
                throw bad(key, StrictJson.quote(x), "numbers", "write numbers");
            }
            if (!(v >= min && v <= max)) {
                throw bad(key, String.valueOf(v), range(min, max, unit), "give values in that range");
            }
            out.add(v);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String range(double min, double max, String unit) {
        String u = unit.isEmpty() ? "" : " " + unit;
        return max == Double.MAX_VALUE ? "at least " + fmt(min) + u : fmt(min) + " to " + fmt(max) + u;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
