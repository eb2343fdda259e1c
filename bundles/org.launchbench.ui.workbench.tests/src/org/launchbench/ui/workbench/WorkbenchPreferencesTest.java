package org.launchbench.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.campaign.ClusterAccess;
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

    /**
     * The cluster the recovery view flies on: kept as entered (the secret's path, never the secret), read back by a new
     * workbench, and its secret read from the file when a campaign asks (a changed file is the new secret); no members
     * means no cluster.
     */
    @Test
    void aClusterIsKeptWithItsSecretsPathAndTheSecretIsReadWhenACampaignAsks() throws Exception {
        Path secret = Files.writeString(workspace.resolve("cluster.secret"), "a secret of this test, long enough\n");
        WorkbenchPreferences p = new WorkbenchPreferences(workspace);
        assertTrue(p.clusterAccess().isEmpty(), "no cluster before one is named");
        p.setCluster(new WorkbenchPreferences.Cluster(" 127.0.0.1:5701, bench-2:5702 ", "", secret.toString()));
        String kept = Files.readString(p.file());
        assertFalse(kept.contains("a secret of this test"), "the secret itself is not kept: " + kept);
        WorkbenchPreferences again = new WorkbenchPreferences(workspace);
        assertEquals("127.0.0.1:5701, bench-2:5702", again.cluster().members());
        ClusterAccess access = again.clusterAccess().orElseThrow();
        assertEquals(List.of(new ClusterAccess.Address("127.0.0.1", 5701), new ClusterAccess.Address("bench-2", 5702)), access.members());
        assertEquals(ClusterAccess.DEFAULT_NAME, access.clusterName());
        assertArrayEquals("a secret of this test, long enough".getBytes(StandardCharsets.UTF_8), access.secret());
        Files.writeString(secret, "the secret, rotated since then");
        assertArrayEquals("the secret, rotated since then".getBytes(StandardCharsets.UTF_8), again.clusterAccess().orElseThrow().secret());
        again.setCluster(WorkbenchPreferences.Cluster.NONE);
        assertTrue(new WorkbenchPreferences(workspace).clusterAccess().isEmpty(), "cleared");
    }

    /** A member address, a name or a secret file campaigns could not use is refused naming the entry; nothing is saved. */
    @Test
    void aClusterCampaignsCouldNotUseIsRefusedAndNothingIsSaved() throws Exception {
        Path shortSecret = Files.writeString(workspace.resolve("short.secret"), "too short\n");
        Path secret = Files.writeString(workspace.resolve("cluster.secret"), "a secret of this test, long enough\n");
        WorkbenchPreferences p = new WorkbenchPreferences(workspace);
        InvalidInputException port = assertThrows(InvalidInputException.class,
            () -> p.setCluster(new WorkbenchPreferences.Cluster("127.0.0.1:70000", "", secret.toString())));
        assertTrue(port.getMessage().contains("Cluster members") && port.getMessage().contains("127.0.0.1:70000"), port.getMessage());
        InvalidInputException name = assertThrows(InvalidInputException.class,
            () -> p.setCluster(new WorkbenchPreferences.Cluster("127.0.0.1:5701", "no spaces allowed", secret.toString())));
        assertTrue(name.getMessage().contains("Cluster name"), name.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class,
            () -> p.setCluster(new WorkbenchPreferences.Cluster("127.0.0.1:5701", "", "")));
        assertTrue(none.getMessage().contains("Secret file") && none.getMessage().contains("shared secret"), none.getMessage());
        InvalidInputException weak = assertThrows(InvalidInputException.class,
            () -> p.setCluster(new WorkbenchPreferences.Cluster("127.0.0.1:5701", "", shortSecret.toString())));
        assertTrue(weak.getMessage().contains("9 bytes") && weak.getMessage().contains("at least 16"), weak.getMessage());
        assertFalse(Files.exists(p.file()), "no preferences written");
    }
}
