package org.launchbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScales;
import org.orekit.time.UTCScale;

/**
 * The shipped leap-second history, checked against the IERS: TAI-UTC steps as announced in IERS Bulletin C
 * (the 2017-01-01 step to 37 s in Bulletin C 52, July 2016; no step since, Bulletin C 70, July 2025). Offsets
 * are whole seconds from 1972, so they are compared exactly (tolerance 1e-9 s only for the double).
 */
class OrekitDataTest {

    private static double taiMinusUtc(OrekitData data, int y, int m, int d, int h) {
        TimeScales scales = data.context().getTimeScales();
        UTCScale utc = scales.getUTC();
        // the same clock reading comes TAI-UTC seconds later on the UTC clock than on the TAI clock
        return new AbsoluteDate(y, m, d, h, 0, 0.0, utc)
            .durationFrom(new AbsoluteDate(y, m, d, h, 0, 0.0, scales.getTAI()));
    }

    @Test
    void bundledDataGivesThirtySevenSecondsAtTheZhuque3MaidenFlight() {
        // Zhuque-3 Y1 launched 2025-12-03; TAI-UTC = 37 s since 2017-01-01 (IERS Bulletin C 52)
        assertEquals(37.0, taiMinusUtc(OrekitData.bundled(), 2025, 12, 3, 4), 1e-9);
    }

    @Test
    void bundledDataHasEachStepOnItsIersDate() {
        OrekitData data = OrekitData.bundled();
        assertEquals(10.0, taiMinusUtc(data, 1972, 1, 1, 12), 1e-9, "first whole-second offset");
        assertEquals(31.0, taiMinusUtc(data, 1998, 12, 31, 12), 1e-9, "before the 1999-01-01 step");
        assertEquals(32.0, taiMinusUtc(data, 1999, 1, 1, 12), 1e-9, "after the 1999-01-01 step");
        assertEquals(36.0, taiMinusUtc(data, 2016, 12, 31, 12), 1e-9, "before the 2017-01-01 step");
        assertEquals(37.0, taiMinusUtc(data, 2017, 1, 1, 12), 1e-9, "after the 2017-01-01 step");
    }

    @Test
    void bundledDataKnowsTheLeapSecondAtTheEndOf2016() {
        UTCScale utc = OrekitData.bundled().context().getTimeScales().getUTC();
        AbsoluteDate lastMinute = new AbsoluteDate(2016, 12, 31, 23, 59, 0.0, utc);
        assertTrue(utc.insideLeap(lastMinute.shiftedBy(60.5)), "23:59:60 exists on 2016-12-31");
        assertEquals(61, utc.minuteDuration(lastMinute));
    }

    @Test
    void bundledContextIsSharedAndSaysWhereItCameFrom() {
        assertSame(OrekitData.bundled(), OrekitData.bundled());
        assertTrue(OrekitData.bundled().folder().isEmpty());
        assertEquals("bundled (UTC-TAI.history)", OrekitData.bundled().origin());
    }

    @Test
    void aUserFolderTakesPrecedenceOverTheShippedData(@TempDir Path dir) throws IOException {
        // a hypothetical future leap second that only the user's file knows
        Files.writeString(dir.resolve("UTC-TAI.history"), """
             2015  Jul.  1 - 2017  Jan.  1    36s
             2017  Jan.  1 - 2030  Jan.  1    37s
             2030  Jan.  1 -                  38s
            """);
        OrekitData data = OrekitData.fromFolder(dir);
        assertEquals(38.0, taiMinusUtc(data, 2031, 6, 1, 0), 1e-9);
        assertEquals(37.0, taiMinusUtc(OrekitData.bundled(), 2031, 6, 1, 0), 1e-9);
        assertEquals(dir.toAbsolutePath().normalize(), data.folder().orElseThrow());
    }

    @Test
    void aUserFolderWithoutLeapSecondsFallsBackToTheShippedFile(@TempDir Path dir) {
        assertEquals(37.0, taiMinusUtc(OrekitData.fromFolder(dir), 2020, 1, 1, 0), 1e-9);
    }

    @Test
    void aMissingFolderIsReportedWithItsPathAndTheWayOut(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-folder");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OrekitData.fromFolder(missing));
        assertEquals(missing.toString(), e.value());
        assertTrue(e.userMessage().contains("does not exist"), e.userMessage());
        assertTrue(e.userMessage().contains("drop it"), e.userMessage());
    }

    @Test
    void aFileInsteadOfAFolderIsRejected(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data.txt"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OrekitData.fromFolder(file));
        assertTrue(e.userMessage().contains("is not a readable directory"), e.userMessage());
    }

    @Test
    void thePropertyWinsOverTheVariableAndNeitherMeansBundled(@TempDir Path dir) {
        assertSame(OrekitData.bundled(), OrekitData.configured(null, " "));
        Path missing = dir.resolve("missing");
        InvalidInputException fromProperty = assertThrows(InvalidInputException.class,
            () -> OrekitData.configured(missing.toString(), dir.toString()));
        assertEquals("system property " + OrekitData.FOLDER_PROPERTY, fromProperty.source());
        assertEquals(dir.toAbsolutePath().normalize(),
            OrekitData.configured(null, dir.toString()).folder().orElseThrow());
    }
}
