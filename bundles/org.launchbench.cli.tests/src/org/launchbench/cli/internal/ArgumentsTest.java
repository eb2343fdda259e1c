package org.launchbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.launchbench.cli.Arguments;
import org.launchbench.core.InvalidInputException;

class ArgumentsTest {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of("--csv", "--seed"));

    @Test
    void separatesFlagsValuesAndPositionals() {
        Arguments a = SPEC.parse("dispersion", List.of("mission.xmi", "--json", "--csv", "out.csv", "--seed=7"));
        assertTrue(a.flag("--json"));
        assertEquals(Optional.of("out.csv"), a.value("--csv"));
        assertEquals(Optional.of("7"), a.value("--seed"));
        assertEquals(List.of("mission.xmi"), a.positionals());
    }

    @Test
    void absentOptionsAreAbsent() {
        Arguments a = SPEC.parse("x", List.of());
        assertFalse(a.flag("--json"));
        assertTrue(a.value("--csv").isEmpty());
    }

    @Test
    void negativeNumbersAndWordsAfterDoubleDashArePositional() {
        Arguments a = SPEC.parse("atmosphere", List.of("-100", "-.5", "--", "--json"));
        assertEquals(List.of("-100", "-.5", "--json"), a.positionals());
        assertFalse(a.flag("--json"));
    }

    @Test
    void anUnknownOptionNamesTheCommandTheWordAndWhatIsAllowed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> SPEC.parse("version", List.of("--jsn")));
        assertEquals("launchbench version: --jsn: unknown option (allowed: --csv VALUE, --help, --json, --seed VALUE)."
            + " Fix: see 'launchbench version --help'.", e.userMessage());
    }

    @Test
    void anOptionWithoutItsValueIsBadInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> SPEC.parse("dispersion", List.of("--csv")));
        assertEquals("--csv", e.element());
    }

    @Test
    void aValueGivenTwiceIsBadInput() {
        assertThrows(InvalidInputException.class, () -> SPEC.parse("d", List.of("--seed", "1", "--seed", "2")));
    }

    @Test
    void aFlagWithAValueIsBadInput() {
        assertThrows(InvalidInputException.class, () -> SPEC.parse("d", List.of("--json=yes")));
    }

    @Test
    void positionalCountsAreChecked() {
        Arguments none = SPEC.parse("simulate", List.of());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
            () -> none.expectPositionals(1, "MISSION_FILE"));
        assertTrue(missing.userMessage().contains("missing argument MISSION_FILE"), missing.userMessage());
        Arguments two = SPEC.parse("simulate", List.of("a", "b"));
        InvalidInputException extra = assertThrows(InvalidInputException.class,
            () -> two.expectPositionals(1, "MISSION_FILE"));
        assertEquals("b", extra.value());
        SPEC.parse("simulate", List.of("a")).expectPositionals(1, "MISSION_FILE");
    }
}
