package org.launchbench.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;

/** The strict JSON reader: RFC 8259 and nothing more, with errors in the user's terms. */
class StrictJsonTest {

    private static InvalidInputException refused(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StrictJson.parse("f.json", text));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().matches(".*(Exception|gson|http).*"), e.getMessage());
        assertTrue(e.getMessage().startsWith("f.json: line "), e.getMessage());
        return e;
    }

    @Test
    void aDocumentParsesToPlainJavaInFileOrder() {
        Object doc = StrictJson.parse("f.json", "{\"b\": [1, -2.5e3, true, null], \"a\": {\"s\": \"x\\u00e9\\n\"}}");
        Map<?, ?> map = (Map<?, ?>) doc;
        assertEquals(List.of("b", "a"), List.copyOf(map.keySet()));
        assertEquals(List.of(1.0, -2500.0, true, StrictJson.NULL), map.get("b"));
        assertEquals("x\u00e9\n", ((Map<?, ?>) map.get("a")).get("s"));
    }

    @Test
    void whatLenientReadersAcceptIsRefusedWithWhereAndWhy() {
        assertTrue(refused("{\"a\": 1, \"a\": 2}").getMessage().contains("has the key \"a\" twice"));
        assertEquals("line 2, column 1", refused("{\"a\": 1,\n// note\n\"b\": 2}").element());
        assertTrue(refused("{'a': 1}").getMessage().contains("a single quote"));
        assertTrue(refused("{a: 1}").getMessage().contains("where a key was expected"));
        assertTrue(refused("[1, 2,]").getMessage().contains("unexpected"));
        assertTrue(refused("{\"a\": NaN}").getMessage().contains("unexpected"));
        assertTrue(refused("{\"a\": Infinity}").getMessage().contains("unexpected"));
        assertTrue(refused("{\"a\": 01}").getMessage().contains("after a value"));
        assertTrue(refused("{\"a\": 1e999}").getMessage().contains("too large"));
        assertTrue(refused("{\"a\": 1} x").getMessage().contains("after the end"));
        assertTrue(refused("").getMessage().contains("is empty"));
        assertTrue(refused("{\"a\": \"open").getMessage().contains("ends inside a string"));
    }

    @Test
    void aUnicodeEscapeIsFourHexDigitsAndSurrogatesComeInPairs() {
        assertEquals(Map.of("s", "A\uD83D\uDE80"), StrictJson.parse("f.json", "{\"s\": \"\\u0041\\ud83d\\ude80\"}"));
        assertTrue(refused("{\"s\": \"\\u+041\"}").getMessage().contains("bad \\u escape"));
        assertTrue(refused("{\"s\": \"\\u-001\"}").getMessage().contains("bad \\u escape"));
        assertTrue(refused("{\"s\": \"\\uD800\"}").getMessage().contains("lone surrogate"));
        assertTrue(refused("{\"s\": \"\\uDC00\"}").getMessage().contains("lone surrogate"));
    }

    @Test
    void aNullIsNeitherAValueNorAnAbsentKey() {
        JsonFields root = JsonFields.root("f.json", StrictJson.parse("f.json", "{\"wind\": null}"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> root.has("wind"));
        assertEquals("wind", e.element());
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        assertTrue(refused(deep).getMessage().contains("too deeply"));
        String ok = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        StrictJson.parse("f.json", ok);
        // a number inside the deepest array allowed is no deeper nesting
        StrictJson.parse("f.json", "[".repeat(StrictJson.MAX_DEPTH) + "1" + "]".repeat(StrictJson.MAX_DEPTH));
    }

    @Test
    void fieldsNameThePathTheValueAndTheRange() {
        JsonFields root = JsonFields.root("f.json", StrictJson.parse("f.json",
            "{\"initial\": {\"v\": [1, \"x\", 3], \"h\": -5}, \"m\": 2}"));
        JsonFields initial = root.object("initial");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> initial.vector3("v"));
        assertEquals("initial.v[1]", e.element());
        e = assertThrows(InvalidInputException.class, () -> initial.number("h", 0, 10, true, "m"));
        assertEquals("f.json: initial.h = -5.0 m: is out of range (allowed: 0 to 10 m). Fix: check the value and its unit.", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> root.onlyKeys(Set.of("initial")));
        assertEquals("m", e.element());
        e = assertThrows(InvalidInputException.class, () -> root.number("absent"));
        assertEquals("f.json: absent: is missing. Fix: add it.", e.getMessage());
    }

    @Test
    void aLongValueIsCutInMessages() {
        JsonFields root = JsonFields.root("f.json", StrictJson.parse("f.json", "{\"m\": \"" + "x".repeat(10_000) + "\"}"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> root.number("m"));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }
}
