package org.launchbench.campaign.hazelcast.internal;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * What a member sends back for a {@link ChunkTask}: the runs' encoded results (as many as it flew before a
 * cancellation), the fingerprint of its set-up, or why it refused the task; and an HMAC under the secret of all that,
 * the member's address and the task's own tag (labelled "result"), so that a result answers exactly one task of one
 * flight of one campaign and cannot be replayed into another. A refusal from a member that could not trust the task
 * is unsigned, and the asker treats it as that member's failure, not as the campaign's.
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

    /** A refusal the member cannot sign (it does not trust the task). */
    static ChunkResult unsigned(String why) {
        ChunkResult r = new ChunkResult();
        r.refusal = why;
        r.results = new byte[0][];
        r.fingerprint = new byte[0];
        r.tag = new byte[0];
        r.member = "";
        return r;
    }

    /** A signed refusal of a task the member trusts: the campaign itself is refused (another product, a bad set-up). */
    static ChunkResult refused(String member, String why, byte[] taskTag, byte[] secret) {
        ChunkResult r = unsigned(why);
        r.member = member;
        r.tag = ClusterSecurity.mac(secret, r.signed(taskTag));
        return r;
    }

    static ChunkResult flown(String member, int from, byte[][] results, byte[] fingerprint, byte[] taskTag, byte[] secret) {
        ChunkResult r = new ChunkResult();
        r.member = member;
        r.from = from;
        r.results = results;
        r.fingerprint = fingerprint;
        r.tag = ClusterSecurity.mac(secret, r.signed(taskTag));
        return r;
    }

    /** The parts the tag covers. */
    private byte[][] signed(byte[] taskTag) {
        byte[][] parts = new byte[results.length + 6][];
        parts[0] = ClusterSecurity.label("result");
        parts[1] = taskTag;
        parts[2] = member.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        parts[3] = ClusterSecurity.bytes(from);
        parts[4] = fingerprint;
        parts[5] = (refusal == null ? "" : "refused: " + refusal).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(results, 0, parts, 6, results.length);
        return parts;
    }

    /** @return whether the tag is this answer's to that task under the secret */
    boolean authentic(byte[] taskTag, byte[] secret) {
        return ClusterSecurity.verify(secret, tag, signed(taskTag));
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
