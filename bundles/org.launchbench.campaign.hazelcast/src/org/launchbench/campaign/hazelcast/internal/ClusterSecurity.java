package org.launchbench.campaign.hazelcast.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What keeps a stranger out of a campaign cluster. Hazelcast's open-source edition has no member authentication, so:
 * <ul>
 * <li>the Hazelcast cluster name is the cluster's name and an HMAC-SHA256 of it under the shared secret: a member or
 * client without the secret presents another name and is turned away at the join (the name is one-way: it does not
 * give the secret away);</li>
 * <li>every task carries an HMAC of its bytes and a nonce drawn for the campaign's flight under the secret, checked by
 * the member before it flies anything, and every answer one that binds the task's, checked by the asker: a process that
 * learnt the cluster's name (it crosses the network in clear) still cannot have work done, nor results or refusals
 * accepted, nor replay an answer of another flight.</li>
 * </ul>
 * The traffic itself is not encrypted: run a cluster on a network you trust, or tunnel it (docs/campaigns.md).
 */
final class ClusterSecurity {

    private static final String ALGORITHM = "HmacSHA256";

    private ClusterSecurity() {
    }

    /**
     * @param name   the cluster's name
     * @param secret the shared secret
     * @return the Hazelcast cluster name: {@code NAME-} and 24 hexadecimal digits of the HMAC of the name
     */
    static String hazelcastName(String name, byte[] secret) {
        return name + "-" + HexFormat.of().formatHex(mac(secret, ("launchbench cluster " + name).getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    }

    /**
     * @param secret the key
     * @param parts  the bytes, in order (each preceded by its length, so no two part lists give the same input)
     * @return their HMAC-SHA256
     */
    static byte[] mac(byte[] secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            for (byte[] p : parts) {
                mac.update(ByteBuffer.allocate(4).putInt(p.length).array());
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /** @return whether the tag is the HMAC of the parts, compared in constant time */
    static boolean verify(byte[] secret, byte[] tag, byte[]... parts) {
        return tag != null && MessageDigest.isEqual(mac(secret, parts), tag);
    }

    /** @return a label's bytes: what a tag is of ("task", "result"), so one kind's tag never passes for another's */
    static byte[] label(String what) {
        return ("launchbench campaign " + what).getBytes(StandardCharsets.UTF_8);
    }

    /** @return an int's four bytes, to sign with the rest */
    static byte[] bytes(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
