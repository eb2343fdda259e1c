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
 * files by content, its parameters), the range, and an HMAC of all three under the cluster's secret. The member checks
 * the HMAC and the product, sets the campaign up once ({@link MemberContext}) and flies the runs one after another,
 * stopping between two when the task is cancelled.
 */
final class ChunkTask implements Callable<ChunkResult>, IdentifiedDataSerializable, HazelcastInstanceAware {

    private byte[] definition;
    private int from;
    private int to;
    private byte[] tag;
    private transient HazelcastInstance instance;

    /** For deserialisation. */
    ChunkTask() {
    }

    ChunkTask(byte[] definition, int from, int to, byte[] secret) {
        this.definition = definition;
        this.from = from;
        this.to = to;
        this.tag = ClusterSecurity.mac(secret, definition, ClusterSecurity.bytes(from), ClusterSecurity.bytes(to));
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
            return ChunkResult.refused("this member serves no campaigns (not a launchbench worker)");
        }
        if (!ClusterSecurity.verify(context.secret(), tag, definition, ClusterSecurity.bytes(from), ClusterSecurity.bytes(to))) {
            return ChunkResult.refused("the campaign is not signed with this cluster's secret");
        }
        return context.fly(definition, from, to);
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
        out.writeByteArray(tag);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        definition = in.readByteArray();
        from = in.readInt();
        to = in.readInt();
        tag = in.readByteArray();
    }
}
