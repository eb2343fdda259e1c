package org.launchbench.campaign.hazelcast.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The cluster's keys: HMAC-SHA256 against an implementation of RFC 2104 written here, checked on RFC 4231's vectors. */
class ClusterSecurityTest {

    private static final byte[] SECRET = "a secret of the tests, long enough".getBytes(StandardCharsets.UTF_8);

    /** RFC 2104 from SHA-256 alone: H((K ^ opad) || H((K ^ ipad) || m)), a 64-byte block. */
    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] k = key.length > 64 ? sha.digest(key) : key;
        byte[] block = new byte[64];
        System.arraycopy(k, 0, block, 0, k.length);
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        for (int i = 0; i < 64; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        sha.update(inner);
        byte[] h = sha.digest(message);
        sha.update(outer);
        return sha.digest(h);
    }

    @Test
    void theReferenceHmacGivesRfc4231sVectors() throws Exception {
        // RFC 4231, test cases 1 and 2
        byte[] key1 = new byte[20];
        java.util.Arrays.fill(key1, (byte) 0x0b);
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            HexFormat.of().formatHex(hmac(key1, "Hi There".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            HexFormat.of().formatHex(hmac("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void eachPartIsSignedWithItsLength() throws Exception {
        byte[] a = "ab".getBytes(StandardCharsets.UTF_8);
        byte[] b = "c".getBytes(StandardCharsets.UTF_8);
        byte[] expected = hmac(SECRET, ByteBuffer.allocate(11).putInt(2).put(a).putInt(1).put(b).array());
        assertArrayEquals(expected, ClusterSecurity.mac(SECRET, a, b));
        // the lengths keep "ab"+"c" and "a"+"bc" apart
        assertFalse(ClusterSecurity.verify(SECRET, expected, "a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ClusterSecurity.verify(SECRET, expected, a, b));
    }

    @Test
    void theHazelcastClusterNameDependsOnTheSecret() throws Exception {
        String name = ClusterSecurity.hazelcastName("campaigns", SECRET);
        String mac = HexFormat.of().formatHex(hmac(SECRET, ByteBuffer.allocate(4 + 29).putInt(29)
            .put("launchbench cluster campaigns".getBytes(StandardCharsets.UTF_8)).array()));
        assertEquals("campaigns-" + mac.substring(0, 24), name);
        assertNotEquals(name, ClusterSecurity.hazelcastName("campaigns", "another secret, long enough too".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(name, ClusterSecurity.hazelcastName("campaign", SECRET));
    }

    @Test
    void aTamperedTaskOrResultIsNotAuthentic() {
        byte[] definition = {1, 2, 3, 4};
        byte[] nonce = {42};
        ChunkTask task = new ChunkTask(definition, 10, 20, nonce, SECRET);
        assertTrue(task.authentic(SECRET));
        assertFalse(task.authentic("another secret, long enough too".getBytes(StandardCharsets.UTF_8)));
        definition[0] = 9;
        assertFalse(task.authentic(SECRET), "a task whose campaign changed after signing");
        byte[][] results = {{7}, {8, 9}};
        ChunkResult r = ChunkResult.flown("127.0.0.1:5701", 10, results, new byte[] {5}, task.tag(), SECRET);
        assertTrue(r.authentic(task.tag(), SECRET));
        assertFalse(r.authentic(task.tag(), "another secret, long enough too".getBytes(StandardCharsets.UTF_8)));
        assertFalse(r.authentic(new ChunkTask(definition, 10, 20, new byte[] {43}, SECRET).tag(), SECRET), "another task's answer");
        results[1][0] = 0;
        assertFalse(r.authentic(task.tag(), SECRET), "a result changed after signing");
        assertFalse(ChunkResult.unsigned("no").authentic(task.tag(), SECRET), "a refusal nobody signed");
        ChunkResult refusal = ChunkResult.refused("127.0.0.1:5701", "another product", task.tag(), SECRET);
        assertTrue(refusal.authentic(task.tag(), SECRET));
    }
}
