package org.launchbench.vehicle.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.ModelRoot;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.launchbench.vehicle.model.io.ModelFilesAccess;

/** Saving and loading model files: round trips, atomic saves, migration, and clear errors for bad files. */
class ModelFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<lb:LaunchVehicle xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:lb=\"urn:launchbench:vehicle\"";

    @Test
    void aVehicleSurvivesSaveAndLoadUnchanged() {
        LaunchVehicle v = TestModels.vehicle();
        Path file = dir.resolve("test.vehicle");
        ModelFiles.save(v, file);
        LaunchVehicle back = ModelFiles.load(file, LaunchVehicle.class);
        assertTrue(EcoreUtil.equals(v, back), "every feature round-trips");
        assertEquals(ModelFiles.CURRENT_FORMAT, back.getFormatVersion());
    }

    @Test
    void theSavedFileCarriesTheFormatVersion() throws IOException {
        Path file = dir.resolve("m.mission");
        ModelFiles.save(TestModels.mission(), file);
        assertTrue(Files.readString(file).contains("formatVersion=\"" + ModelFiles.CURRENT_FORMAT + "\""), Files.readString(file));
    }

    @Test
    void aFailedSaveLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("test.vehicle");
        ModelFiles.save(TestModels.vehicle(), file);
        byte[] before = Files.readAllBytes(file);
        LaunchVehicle changed = TestModels.vehicle();
        changed.setName("Changed and never saved");
        // the disk fills up after 200 bytes of the new content
        RunFailedException e = assertThrows(RunFailedException.class,
            () -> ModelFilesAccess.save(changed, file, out -> new FilterOutputStream(out) {
                private int written;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (written + len > 200) {
                        out.write(b, off, 200 - written);
                        throw new IOException("No space left on device");
                    }
                    written += len;
                    out.write(b, off, len);
                }
            }));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains("unchanged"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the old file is byte for byte what it was");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aSaveIntoAMissingFolderFailsClearly() {
        Path file = dir.resolve("no-such-folder/test.vehicle");
        RunFailedException e = assertThrows(RunFailedException.class, () -> ModelFiles.save(TestModels.vehicle(), file));
        assertTrue(e.getMessage().startsWith("could not save " + file), e.getMessage());
    }

    @Test
    void aFileWithoutFormatVersionIsMigratedFromFormatZero() throws IOException {
        Path file = write("old.vehicle", HEADER + " id=\"old\" name=\"Old\">\n"
            + "  <stages id=\"s1\" dryMass=\"1000\" propellantMass=\"9000\" referenceDiameter=\"1\">\n"
            + "    <engines count=\"1\"><engine id=\"e\" thrustSeaLevel=\"200000\" thrustVacuum=\"220000\" ispSeaLevel=\"250\" ispVacuum=\"280\"/></engines>\n"
            + "  </stages>\n</lb:LaunchVehicle>\n");
        LaunchVehicle v = ModelFiles.load(file, LaunchVehicle.class);
        assertEquals(ModelFiles.CURRENT_FORMAT, v.getFormatVersion(), "stamped with the current format");
        assertEquals(9000, v.getStages().get(0).getPropellantMass());
        ModelFiles.save(v, file);
        assertTrue(Files.readString(file).contains("formatVersion=\"" + ModelFiles.CURRENT_FORMAT + "\""));
    }

    @Test
    void aFormatOneFileLoadsAsFormatTwoWithoutSixDofData() throws IOException {
        // format 2 added the optional six-degree-of-freedom data; a format-1 file has none and is read as written
        Path file = write("v1.vehicle", HEADER + " formatVersion=\"1\" id=\"v1\" name=\"V1\">\n"
            + "  <stages id=\"s1\" dryMass=\"1000\" propellantMass=\"9000\" referenceDiameter=\"1\">\n"
            + "    <engines count=\"1\"><engine id=\"e\" thrustSeaLevel=\"200000\" thrustVacuum=\"220000\" ispSeaLevel=\"250\" ispVacuum=\"280\"/></engines>\n"
            + "  </stages>\n</lb:LaunchVehicle>\n");
        LaunchVehicle v = ModelFiles.load(file, LaunchVehicle.class);
        assertEquals(2, v.getFormatVersion());
        assertEquals(null, v.getStages().get(0).getRigidBody());
        assertEquals(0, v.getStages().get(0).getLength());
    }

    @Test
    void aFileFromANewerLaunchBenchIsRefused() throws IOException {
        Path file = write("new.vehicle", HEADER + " formatVersion=\"7\" id=\"x\"/>\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(file));
        assertEquals("7", e.value());
        assertTrue(e.userMessage().contains("newer LaunchBench"), e.userMessage());
    }

    @Test
    void anUnknownAttributeIsReportedWithItsPositionAndTheKnownNames() throws IOException {
        Path file = write("typo.vehicle", HEADER + " formatVersion=\"1\" id=\"x\">\n"
            + "  <stages id=\"s1\" dryMas=\"1000\"/>\n</lb:LaunchVehicle>\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(file));
        assertEquals("dryMas", e.value());
        assertEquals(file.toString(), e.source());
        assertTrue(e.element().startsWith("line 3, column"), e.element());
        assertTrue(e.allowed().contains("dryMass"), e.allowed());
        assertTrue(e.userMessage().contains("unknown element or attribute of Stage"), e.userMessage());
    }

    @Test
    void anUnknownElementIsNotDroppedSilently() throws IOException {
        Path file = write("extra.vehicle", HEADER + " formatVersion=\"1\" id=\"x\">\n"
            + "  <boosters id=\"b\"/>\n</lb:LaunchVehicle>\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(file));
        assertEquals("boosters", e.value());
    }

    @Test
    void aNumberThatIsNotANumberNamesTheFeatureAndTheForm() throws IOException {
        Path file = write("nan.vehicle", HEADER + " formatVersion=\"1\" id=\"x\">\n"
            + "  <stages id=\"s1\" dryMass=\"heavy\"/>\n</lb:LaunchVehicle>\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(file));
        assertTrue(e.userMessage().contains("heavy"), e.userMessage());
        assertTrue(e.userMessage().contains("line 3"), e.userMessage());
    }

    @Test
    void aWrongEnumLiteralListsTheAllowedOnes() throws IOException {
        Path file = write("enum.vehicle", HEADER + " formatVersion=\"1\" id=\"x\" propellantFamily=\"METHALOXX\"/>\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(file));
        assertTrue(e.userMessage().contains("METHALOXX"), e.userMessage());
        assertTrue(e.userMessage().contains("METHALOX, KEROLOX"), e.userMessage());
    }

    @Test
    void malformedXmlIsReportedWithLineAndColumn() throws IOException {
        Path file = write("broken.vehicle", HEADER + " id=\"x\">\n  <stages id=\"s1\">\n</lb:LaunchVehicle>\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(file));
        assertTrue(e.userMessage().contains("not well-formed XML"), e.userMessage());
        assertTrue(e.element().startsWith("line 4"), e.element());
    }

    @Test
    void theExtensionDecidesTheKindAndAWrongOneIsRefused() throws IOException {
        Path txt = write("vehicle.txt", "x");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(txt));
        assertEquals(".vehicle, .mission, .sites", e.allowed());
        Path file = dir.resolve("rocket.vehicle");
        ModelFiles.save(TestModels.vehicle(), file);
        Path renamed = Files.move(file, dir.resolve("rocket.mission"));
        InvalidInputException wrongRoot = assertThrows(InvalidInputException.class, () -> ModelFiles.load(renamed));
        assertTrue(wrongRoot.userMessage().contains("holds a LaunchVehicle"), wrongRoot.userMessage());
        InvalidInputException wrongSave = assertThrows(InvalidInputException.class,
            () -> ModelFiles.save(TestModels.vehicle(), dir.resolve("rocket.sites")));
        assertTrue(wrongSave.userMessage().contains("cannot hold a LaunchVehicle"), wrongSave.userMessage());
    }

    @Test
    void aMissingFileSaysSo() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> ModelFiles.load(dir.resolve("missing.mission"), Mission.class));
        assertTrue(e.userMessage().endsWith("does not exist. Fix: check the path."), e.userMessage());
    }

    @Test
    void loadAsTheWrongTypeIsBadInput() {
        Path file = dir.resolve("m.mission");
        ModelFiles.save(TestModels.mission(), file);
        ModelRoot root = ModelFiles.load(file);
        assertTrue(root instanceof Mission);
        assertThrows(InvalidInputException.class, () -> ModelFiles.load(file, LaunchVehicle.class));
    }
}
