package org.launchbench.fc.hil.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.CommandRun;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.ShippedDictionaries;
import org.launchbench.fc.hil.LandingPlant;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code launchbench dictionary export|import} through the OSGi command: the shipped landing dictionary to an XTCE file
 * and back to JSON with every field; the loop takes the XTCE file as its dictionary; mistakes are bad input.
 */
class DictionaryCommandTest {

    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(DictionaryCommandTest.class).getBundleContext();

    @Test
    void theLandingDictionaryGoesToXtceAndBackToTheSameJson(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("landing.xml");
        CommandRun export = CommandRun.of(CONTEXT, "dictionary", "export", "--format", "xtce", "--out", xml.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals("", export.out());
        assertTrue(Files.readString(xml).contains("<SpaceSystem xmlns=\"http://www.omg.org/spec/XTCE/20180204\" name=\"landing\">"));
        Path json = dir.resolve("landing.json");
        CommandRun back = CommandRun.of(CONTEXT, "dictionary", "import", xml.toString(), "--out", json.toString());
        assertEquals(0, back.code(), back.err());
        assertEquals(ShippedDictionaries.landing(), PacketDictionary.read(json));
        // the loop reads the XTCE file as its dictionary, with the landing packets it needs
        assertEquals(ShippedDictionaries.landing(), LandingPlant.dictionary(java.util.Optional.of(xml)));
        CommandRun printed = CommandRun.of(CONTEXT, "dictionary", "import", xml.toString());
        assertEquals(Files.readString(json), printed.out());
    }

    @Test
    void mistakesAreBadInputAndWriteNothing(@TempDir Path dir) throws Exception {
        assertTrue(assertThrows(InvalidInputException.class, () -> CommandRun.of(CONTEXT, "dictionary", "convert"))
            .getMessage().contains("export or import"));
        assertTrue(assertThrows(InvalidInputException.class, () -> CommandRun.of(CONTEXT, "dictionary", "export", "--format", "csv"))
            .getMessage().contains("xtce, json"));
        Path out = dir.resolve("out.json");
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<SpaceSystem xmlns=\"http://www.omg.org/spec/XTCE/20180204\" name=\"x\">"
            + "<Header version=\"1\"/></SpaceSystem>");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CommandRun.of(CONTEXT, "dictionary", "import", bad.toString(),
            "--out", out.toString()));
        assertEquals("SpaceSystem[x]/Header", e.element());
        assertFalse(Files.exists(out), "nothing written");
    }
}
