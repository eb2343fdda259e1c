package org.launchbench.campaign.hazelcast.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.campaign.CampaignJournal;
import org.launchbench.core.InvalidInputException;

/** The journal a campaign that lost its cluster keeps: exact, and refused for any other campaign. */
class CampaignJournalTest {

    @Test
    void theFinishedRunsComeBackExactlyForTheSameCampaignOnly(@TempDir Path dir) throws Exception {
        SortedMap<Integer, byte[]> finished = new TreeMap<>();
        finished.put(0, new byte[] {1, 2, 3});
        finished.put(7, new byte[0]);
        finished.put(41, new byte[] {-1});
        Path journal = dir.resolve("runs.csv.partial");
        CampaignJournal.write(journal, "abc123", 42, finished);
        SortedMap<Integer, byte[]> back = CampaignJournal.read(journal, "abc123", 42, "--resume");
        assertEquals(finished.keySet(), back.keySet());
        finished.forEach((i, b) -> assertArrayEquals(b, back.get(i), "run " + i));
        for (Object[] other : new Object[][] {{"abc124", 42}, {"abc123", 43}}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CampaignJournal.read(journal, (String) other[0], (Integer) other[1], "--resume"));
            assertTrue(e.userMessage().contains("another campaign") && e.userMessage().contains("runs.csv.partial"), e.userMessage());
        }
        byte[] bytes = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(bytes, bytes.length - 1));
        assertThrows(InvalidInputException.class, () -> CampaignJournal.read(journal, "abc123", 42, "--resume"));
        Files.writeString(journal, "run,outcome\n0,landed\n");
        InvalidInputException csv = assertThrows(InvalidInputException.class, () -> CampaignJournal.read(journal, "abc123", 42, "--resume"));
        assertTrue(csv.userMessage().contains("not a campaign journal"), csv.userMessage());
    }
}
