package org.launchbench.campaign.hazelcast.internal;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * What a member sends back for a {@link ChunkTask}: the runs' encoded results (as many as it flew before a
 * cancellation), the fingerprint of its set-up, and an HMAC of both under the secret; or why it refused the task.
 */
final class ChunkResult implements IdentifiedDataSerializable {

    private String member;
    private int from;
    private byte[][] results;
    private byte[] fingerprint;
    private String refusal;
    private byte[] tag;

    /** For deserialisation. */
    ChunkResult() {
    }

    static ChunkResult refused(String why) {
        ChunkResult r = new ChunkResult();
        r.refusal = why;
        r.results = new byte[0][];
        r.fingerprint = new byte[0];
        r.tag = new byte[0];
        r.member = "";
        return r;
    }

    static ChunkResult flown(String member, int from, byte[][] results, byte[] fingerprint, byte[] secret) {
        ChunkResult r = new ChunkResult();
        r.member = member;
        r.from = from;
        r.results = results;
        r.fingerprint = fingerprint;
        r.tag = ClusterSecurity.mac(secret, signed(member, from, results, fingerprint));
        return r;
    }

    /** The parts the tag covers. */
    private static byte[][] signed(String member, int from, byte[][] results, byte[] fingerprint) {
        byte[][] parts = new byte[results.length + 3][];
        parts[0] = member.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        parts[1] = ClusterSecurity.bytes(from);
        parts[2] = fingerprint;
        System.arraycopy(results, 0, parts, 3, results.length);
        return parts;
    }

    /** @return whether the tag is this result's under the secret */
    boolean authentic(byte[] secret) {
        return refusal == null && ClusterSecurity.verify(secret, tag, signed(member, from, results, fingerprint));
    }

    String member() {
        return member;
    }

    int from() {
        return from;
    }

    byte[][] results() {
        return results;
    }

    byte[] fingerprint() {
        return fingerprint;
    }

    /** @return why the member refused the task (null: it flew it) */
    String refusal() {
        return refusal;
    }

    @Override
    public int getFactoryId() {
        return CampaignSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CampaignSerialization.CHUNK_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(refusal);
        out.writeString(member);
        out.writeInt(from);
        out.writeInt(results.length);
        for (byte[] r : results) {
            out.writeByteArray(r);
        }
        out.writeByteArray(fingerprint);
        out.writeByteArray(tag);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        refusal = in.readString();
        member = in.readString();
        from = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IOException("a chunk of " + n + " results");
        }
        results = new byte[n][];
        for (int i = 0; i < n; i++) {
            results[i] = in.readByteArray();
        }
        fingerprint = in.readByteArray();
        tag = in.readByteArray();
    }
}
