package org.launchbench.campaign.hazelcast.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ClusterCampaigns;
import org.launchbench.core.InvalidInputException;
import org.osgi.service.component.annotations.Component;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;

/**
 * Campaigns flown on a Hazelcast cluster of {@code launchbench worker} members, asked through a Hazelcast client (the
 * asking machine flies nothing itself: it prepares the campaign, checks what comes back and writes the results).
 */
@Component(service = ClusterCampaigns.class)
public final class HazelcastCampaigns implements ClusterCampaigns {

    /** How long a campaign tries to reach its cluster before giving up, ms. */
    static final long CONNECT_TIMEOUT_MS = 5_000;

    @Override
    public Connection connect(ClusterAccess access) {
        HazelcastInstance client = client(access);
        return new Connection() {
            @Override
            public Flown fly(CampaignDefinition definition, byte[] fingerprint, int runs, java.util.BitSet finished, RunSink sink,
                             IProgressMonitor monitor) {
                return new ClusterCampaign(client, access, definition, fingerprint, runs, finished, sink, monitor).fly();
            }

            @Override
            public void close() {
                client.shutdown();
            }
        };
    }

    /** @return a client of the cluster; an unreachable cluster, and one that turns this one away, are bad input */
    static HazelcastInstance client(ClusterAccess access) {
        // built outside the try: an unknown host is its own one-line error, not "no member answers"
        com.hazelcast.client.config.ClientConfig config = ClusterConfigs.client(access, CONNECT_TIMEOUT_MS);
        try {
            return HazelcastClient.newHazelcastClient(config);
        } catch (RuntimeException e) {
            String members = access.members().stream().map(ClusterAccess.Address::toString).reduce((a, b) -> a + "," + b).orElse("");
            if (access.members().stream().noneMatch(a -> Ports.reachable(a, 1_000))) {
                throw InvalidInputException.because("no member of the cluster answers").element("--cluster").value(members)
                    .fix("start workers there (launchbench worker --bind HOST:PORT ...), or check the addresses").build(e);
            }
            throw InvalidInputException.because("the cluster turned this campaign away: it was started with another cluster name or"
                + " secret").element("--secret-file").value(access.clusterName() + " at " + members)
                .fix("give the secret file, and the cluster name (worker --cluster, here --cluster-name), the workers were started with")
                .build(e);
        }
    }
}
