package org.launchbench.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.OrekitData;

/** The workbench's preferences: kept in the workspace, checked before they change, applied for the engines. */
class WorkbenchPreferencesTest {

    @TempDir
    Path workspace;

    @AfterEach
    void clear() {
        System.clearProperty(OrekitData.FOLDER_PROPERTY);
    }

    @Test
    void anOrekitFolderIsKeptInTheWorkspaceAndAppliedAsTheEnginesProperty() throws Exception {
        Path data = Files.createDirectories(workspace.resolve("orekit-data"));
        WorkbenchPreferences p = new WorkbenchPreferences(workspace);
        assertTrue(p.orekitData().isEmpty());
        p.setOrekitData(Optional.of(data));
        assertEquals(data.toString(), System.getProperty(OrekitData.FOLDER_PROPERTY));
        System.clearProperty(OrekitData.FOLDER_PROPERTY);
        // a new workbench on the same workspace reads it back and applies it at start-up
        WorkbenchPreferences again = new WorkbenchPreferences(workspace);
        assertEquals(Optional.of(data), again.orekitData());
        again.apply();
        assertEquals(data.toString(), System.getProperty(OrekitData.FOLDER_PROPERTY));
        again.setOrekitData(Optional.empty());
        assertFalse(System.getProperties().containsKey(OrekitData.FOLDER_PROPERTY), "the shipped data again");
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedAndNothingChanges() {
        WorkbenchPreferences p = new WorkbenchPreferences(workspace);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.setOrekitData(Optional.of(workspace.resolve("nowhere"))));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
        assertFalse(Files.exists(p.file()), "no preferences written");
        assertTrue(new WorkbenchPreferences(workspace).orekitData().isEmpty());
    }
}
