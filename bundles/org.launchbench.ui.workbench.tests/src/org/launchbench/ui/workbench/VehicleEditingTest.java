package org.launchbench.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.launchbench.vehicle.model.validation.Problem;

/** The vehicle view's editing, without widgets: the shipped Falcon 9 model edited, undone, validated and saved. */
class VehicleEditingTest {

    /** The shipped model, read from the repository (the test runs in its fragment's folder). */
    private static final Path FALCON9 = Path.of("../org.launchbench.vehicles.spacex/model/falcon9.vehicle");

    @TempDir
    Path dir;

    private static EAttribute attribute(VehicleEditing e, EObject o, String name) {
        return e.attributes(o).stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anEditIsOneCommandThatUndoesAndRedoesAndMakesTheVehicleDirty() {
        VehicleEditing e = VehicleEditing.open(FALCON9);
        Stage first = e.root().getStages().get(0);
        EAttribute dry = attribute(e, first, "dryMass");
        assertEquals("25600.0", e.text(first, dry));
        // an attribute left at its default shows the default
        assertEquals("false", e.text(first, attribute(e, first, "strapOn")));
        assertFalse(e.dirty());
        e.set(first, dry, "27000");
        assertEquals(27000, first.getDryMass(), 0);
        assertTrue(e.dirty() && e.canUndo());
        e.undo();
        assertEquals(25600, first.getDryMass(), 0);
        assertFalse(e.dirty());
        assertTrue(e.canRedo());
        e.redo();
        assertEquals(27000, first.getDryMass(), 0);
    }

    @Test
    void textThatIsNotOfTheAttributesTypeIsBadInputNamingTheElement() {
        VehicleEditing e = VehicleEditing.open(FALCON9);
        Stage first = e.root().getStages().get(0);
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> e.set(first, attribute(e, first, "dryMass"), "heavy"));
        assertTrue(x.element().contains("stage-1") && x.element().endsWith("dryMass"), x.element());
        assertEquals("heavy", x.value());
        assertEquals("a number", x.allowed());
        assertThrows(InvalidInputException.class, () -> e.set(first, attribute(e, first, "dryMass"), "NaN"));
        InvalidInputException y = assertThrows(InvalidInputException.class, () -> e.set(first, attribute(e, first, "propulsion"), "STEAM"));
        assertTrue(y.allowed().contains("LIQUID"), y.allowed());
        assertFalse(e.dirty(), "a refused value changes nothing");
    }

    /** A negative dry mass breaks a vehicle constraint: the problem names the stage, found again by its path. */
    @Test
    void validationNamesTheElementAndTheViewFindsItByPath() {
        VehicleEditing e = VehicleEditing.open(FALCON9);
        assertTrue(e.validate(ModelReferences.NONE).stream().noneMatch(Problem::error), e.validate(ModelReferences.NONE).toString());
        Stage first = e.root().getStages().get(0);
        e.set(first, attribute(e, first, "dryMass"), "-5");
        List<Problem> problems = e.validate(ModelReferences.NONE);
        Problem p = problems.stream().filter(Problem::error).findFirst().orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals("dryMass", p.feature());
        assertSame(first, e.elementsByPath().get(p.element()));
    }

    @Test
    void aCatalogVehicleIsEditedAsACopyAndSavedAtomicallyToAFileThatReadsBack() throws Exception {
        LaunchVehicle catalog = ModelFiles.load(FALCON9, LaunchVehicle.class);
        VehicleEditing e = VehicleEditing.copyOf(catalog, "org.launchbench.vehicles.spacex");
        Stage first = e.root().getStages().get(0);
        e.set(first, attribute(e, first, "dryMass"), "26000");
        assertEquals(25600, catalog.getStages().get(0).getDryMass(), 0, "the catalog's model is not touched");
        Path out = dir.resolve("my-falcon.vehicle");
        e.saveAs(out);
        assertFalse(e.dirty());
        assertEquals(out, e.file());
        LaunchVehicle back = ModelFiles.load(out, LaunchVehicle.class);
        assertTrue(EcoreUtil.equals(e.root(), back), "the file reads back as the vehicle saved");
        assertEquals(26000, back.getStages().get(0).getDryMass(), 0);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left beside it");
        }
        // the tree: EMF.Edit's children of the vehicle hold its stages
        assertTrue(e.children(e.root()).contains(first));
        assertEquals("Stage 'stage-1'", e.label(first));
    }
}
