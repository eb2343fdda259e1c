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

    /**
     * Elements are added from EMF.Edit's new-child descriptors and removed, each as one command: undo takes the new
     * stage away and puts a removed engine back where it was; the vehicle itself cannot be removed.
     */
    @Test
    void elementsAreAddedAndRemovedAsUndoableCommands() {
        VehicleEditing e = VehicleEditing.open(FALCON9);
        LaunchVehicle v = e.root();
        int stages = v.getStages().size();
        List<VehicleEditing.NewChild> children = e.newChildren(v);
        VehicleEditing.NewChild stage = children.stream().filter(c -> c.label().equals("stages: Stage")).findFirst().orElseThrow(
            () -> new AssertionError(children.toString()));
        EObject added = e.add(v, stage);
        assertEquals(stages + 1, v.getStages().size());
        assertSame(added, v.getStages().get(stages));
        assertTrue(e.dirty());
        // a blank stage is not a valid one: validation names it
        assertTrue(e.validate(ModelReferences.NONE).stream().anyMatch(p -> p.element().startsWith(org.launchbench.vehicle.model.validation.ModelPaths.of(added))),
            e.validate(ModelReferences.NONE).toString());
        e.undo();
        assertEquals(stages, v.getStages().size());
        assertFalse(e.dirty());

        Stage first = v.getStages().get(0);
        var engine = first.getEngines().get(0);
        int engines = first.getEngines().size();
        e.remove(engine);
        assertEquals(engines - 1, first.getEngines().size());
        e.undo();
        assertSame(engine, first.getEngines().get(0), "back where it was");
        InvalidInputException root = assertThrows(InvalidInputException.class, () -> e.remove(v));
        assertTrue(root.getMessage().contains("cannot be removed"), root.getMessage());
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
