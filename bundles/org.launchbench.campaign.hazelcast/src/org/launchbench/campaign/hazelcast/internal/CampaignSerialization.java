package org.launchbench.campaign.hazelcast.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The two types that cross the wire, as Hazelcast's identified data serializables: explicit fields, no Java
 * serialization through bundle class loaders (a known pitfall of Hazelcast in OSGi).
 */
final class CampaignSerialization implements DataSerializableFactory {

    /** This factory's id in the cluster's serialization config. */
    static final int FACTORY_ID = 0x4C42;
    static final int CHUNK_TASK = 1;
    static final int CHUNK_RESULT = 2;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case CHUNK_TASK -> new ChunkTask();
            case CHUNK_RESULT -> new ChunkResult();
            default -> null;
        };
    }
}
