package org.launchbench.campaign.hazelcast.internal;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Runs {@code from} to {@code to} - 1 of a campaign, as a member flies them: the campaign's encoded definition (its
 * files by content, its parameters), the range, a nonce the asker drew for this campaign's flight, and an HMAC of all
 * of them under the cluster's secret (labelled "task", so no result's tag passes for one). The member checks the HMAC
 * and the product, sets the campaign up once ({@link MemberContext}) and flies the runs one after another, stopping
 * between two when the task is cancelled; its answer's tag binds this task's ({@link ChunkResult}).
 */
final class ChunkTask implements Callable<ChunkResult>, IdentifiedDataSerializable, HazelcastInstanceAware {

    private byte[] definition;
    private int from;
    private int to;
    private byte[] nonce;
    private byte[] tag;
    private transient HazelcastInstance instance;

    /** For deserialisation. */
    ChunkTask() {
    }

    /**
     * @param definition the campaign, encoded
     * @param from       the first run
     * @param to         one past the last
     * @param nonce      the asker's nonce for this flight of the campaign
     * @param secret     the cluster's secret
     */
    ChunkTask(byte[] definition, int from, int to, byte[] nonce, byte[] secret) {
        this.definition = definition;
        this.from = from;
        this.to = to;
        this.nonce = nonce;
        this.tag = ClusterSecurity.mac(secret, signed());
    }

    private byte[][] signed() {
        return new byte[][] {ClusterSecurity.label("task"), nonce, definition, ClusterSecurity.bytes(from), ClusterSecurity.bytes(to)};
    }

    /** @return whether the task is signed with this secret */
    boolean authentic(byte[] secret) {
        return ClusterSecurity.verify(secret, tag, signed());
    }

    /** @return its tag, which the answer's binds */
    byte[] tag() {
        return tag;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        instance = hazelcastInstance;
    }

    @Override
    public ChunkResult call() {
        MemberContext context = MemberContext.of(instance);
        if (context == null) {
            return ChunkResult.unsigned("this member serves no campaigns (not a launchbench worker)");
        }
        if (!authentic(context.secret())) {
            // unsigned: a member cannot sign an answer to a task it cannot trust, and the asker treats it as a failure
            return ChunkResult.unsigned("the campaign is not signed with this cluster's secret");
        }
        return context.fly(definition, from, to, tag);
    }

    @Override
    public int getFactoryId() {
        return CampaignSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CampaignSerialization.CHUNK_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByteArray(definition);
        out.writeInt(from);
        out.writeInt(to);
        out.writeByteArray(nonce);
        out.writeByteArray(tag);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        definition = in.readByteArray();
        from = in.readInt();
        to = in.readInt();
        nonce = in.readByteArray();
        tag = in.readByteArray();
    }
}
