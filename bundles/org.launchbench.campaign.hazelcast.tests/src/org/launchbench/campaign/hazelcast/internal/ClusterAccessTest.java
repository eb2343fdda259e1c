package org.launchbench.campaign.hazelcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.core.InvalidInputException;

/** The cluster options' meanings and messages, shared by worker, dispersion and sweep. */
class ClusterAccessTest {

    @Test
    void membersAreHostAndPortWithoutRepeats() {
        assertEquals(List.of(new ClusterAccess.Address("127.0.0.1", 5701), new ClusterAccess.Address("node-2.example", 5702)),
            ClusterAccess.addresses("127.0.0.1:5701, node-2.example:5702,127.0.0.1:5701", "--cluster"));
        for (String bad : new String[] {"127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", ":5701", "a b:5701", "127.0.0.1:57x1", ""}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterAccess.addresses(bad, "--cluster"), bad);
            assertTrue(e.userMessage().contains("--cluster") && e.userMessage().contains("HOST:PORT"), e.userMessage());
        }
    }

    @Test
    void aClusterNameIsAPlainWord() {
        assertEquals("campaigns_2", ClusterAccess.name("campaigns_2", "--cluster"));
        for (String bad : new String[] {"", "-x", "a/b", "a b", "x".repeat(64)}) {
            assertThrows(InvalidInputException.class, () -> ClusterAccess.name(bad, "--cluster"), bad);
        }
    }

    @Test
    void aSecretIsTheFilesBytesWithoutItsLineEnd(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("ok.secret"), "0123456789abcdef\r\n");
        assertEquals("0123456789abcdef", new String(ClusterAccess.secret(f, "--secret-file")));
        Path shortOne = Files.writeString(dir.resolve("short.secret"), "0123456789abcde\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterAccess.secret(shortOne, "--secret-file"));
        assertTrue(e.userMessage().contains("at least 16 bytes") && e.userMessage().contains("short.secret"), e.userMessage());
        Path big = Files.write(dir.resolve("big.secret"), new byte[ClusterAccess.MAX_SECRET_BYTES + 1]);
        assertThrows(InvalidInputException.class, () -> ClusterAccess.secret(big, "--secret-file"));
    }

    @Test
    void theSecretStaysOutOfMessages() {
        ClusterAccess a = new ClusterAccess(List.of(new ClusterAccess.Address("127.0.0.1", 1)), "c", "SECRET-SECRET-SECRET".getBytes());
        assertEquals("cluster c at 127.0.0.1:1", a.toString());
    }
}
