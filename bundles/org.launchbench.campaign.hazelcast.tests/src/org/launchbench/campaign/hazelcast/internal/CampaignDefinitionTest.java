package org.launchbench.campaign.hazelcast.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.launchbench.campaign.CampaignDefinition;

/** A campaign's wire form: canonical, complete, and refused when it is not one. */
class CampaignDefinitionTest {

    static CampaignDefinition campaign(String seed) {
        return new CampaignDefinition("dispersion", "f9.mission", new TreeMap<>(Map.of("f9.mission", "<mission/>".getBytes(StandardCharsets.UTF_8),
            "rocket.vehicle", new byte[] {0, -1, 2})), new TreeMap<>(Map.of("seed", seed, "sigma.thrust", "0.01")), "0.1.0.v1");
    }

    @Test
    void theEncodingRoundTripsAndEqualCampaignsHaveEqualDigests() {
        CampaignDefinition d = campaign("7");
        CampaignDefinition back = CampaignDefinition.decode(d.encode());
        assertEquals(d.kind(), back.kind());
        assertEquals(d.mainFile(), back.mainFile());
        assertEquals(d.parameters(), back.parameters());
        assertEquals(d.product(), back.product());
        assertArrayEquals(d.files().get("rocket.vehicle"), back.files().get("rocket.vehicle"));
        assertArrayEquals(d.encode(), back.encode());
        assertEquals(d.digest(), campaign("7").digest());
        assertNotEquals(d.digest(), campaign("8").digest());
        assertEquals(64, d.digest().length());
    }

    @Test
    void aFileNameThatLeavesTheMembersFolderIsRefused() {
        for (String name : new String[] {"../x.mission", "/etc/passwd", ".hidden", "a\\b", ""}) {
            assertThrows(IllegalArgumentException.class, () -> new CampaignDefinition("dispersion", name, new TreeMap<>(Map.of(name, new byte[0])),
                new TreeMap<>(), "1"), name);
        }
        assertThrows(IllegalArgumentException.class, () -> new CampaignDefinition("dispersion", "missing.mission",
            new TreeMap<>(Map.of("f9.mission", new byte[0])), new TreeMap<>(), "1"));
    }

    @Test
    void bytesThatAreNotACampaignAreRefused() {
        byte[] good = campaign("7").encode();
        for (int cut : new int[] {0, 3, 10, good.length - 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CampaignDefinition.decode(Arrays.copyOf(good, cut)));
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not a LaunchBench campaign"), e.getMessage());
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThrows(IllegalArgumentException.class, () -> CampaignDefinition.decode(longer));
        byte[] huge = good.clone();
        // the kind's length: an absurd one is refused before any allocation
        huge[4] = 0x7f;
        assertThrows(IllegalArgumentException.class, () -> CampaignDefinition.decode(huge));
    }
}
