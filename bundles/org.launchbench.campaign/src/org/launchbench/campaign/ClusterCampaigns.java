package org.launchbench.campaign;

import java.util.SortedMap;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A back end that flies a campaign's runs on the members of a cluster (an OSGi service; the Hazelcast bundle provides
 * one). The asking machine prepares the campaign itself too: its fingerprint is what every member's must equal.
 */
public interface ClusterCampaigns {

    /**
     * Connects to a cluster, before any work is prepared, so that a cluster that cannot be used is refused at once.
     *
     * @param access the cluster and its secret
     * @return the connection (close it when done)
     * @throws org.launchbench.core.InvalidInputException for a cluster that cannot be used: no member answers, or the
     *                                                    members turn this one away (another name or secret)
     */
    Connection connect(ClusterAccess access);

    /** A connection to a cluster. */
    interface Connection extends AutoCloseable {

        /**
         * Flies runs 0 to {@code runs} - 1 but those already finished on the cluster, each once, re-flying elsewhere
         * those of a member that leaves.
         *
         * @param definition  the campaign
         * @param fingerprint the asking machine's {@link CampaignWork.Prepared#fingerprint()} of it
         * @param runs        how many
         * @param finished    runs already flown (a resumed campaign's), not flown again
         * @param sink        takes each run's result as it arrives (on one thread)
         * @param monitor     cancellation (cancelling stops every member's work)
         * @return who flew what
         * @throws org.launchbench.core.InvalidInputException for a cluster that cannot fly it: a member of another
         *                                                    product, one that prepared another campaign
         * @throws CampaignInterruptedException when every member left before the runs were done (the sink has the
         *                                      finished ones)
         */
        Flown fly(CampaignDefinition definition, byte[] fingerprint, int runs, java.util.BitSet finished, RunSink sink,
                  IProgressMonitor monitor);

        /** Leaves the cluster. */
        @Override
        void close();
    }

    /** Takes finished runs. */
    @FunctionalInterface
    interface RunSink {
        /**
         * @param index  the run
         * @param result its encoded result
         * @param member who flew it (HOST:PORT)
         */
        void accept(int index, byte[] result, String member);
    }

    /**
     * Who flew a campaign.
     *
     * @param members       the members that flew runs
     * @param runsPerMember runs each flew, by HOST:PORT
     * @param reassignedRuns runs sent to a member that left or dropped its connection before answering (or whose answer
     *                       could not be trusted, or that had not answered long after the others), and flown again
     *                       elsewhere
     */
    record Flown(int members, SortedMap<String, Integer> runsPerMember, int reassignedRuns) {

        /** @return a campaign flown on this machine: one member, "local" */
        public static Flown local(int runs) {
            return new Flown(1, new java.util.TreeMap<>(java.util.Map.of("local", runs)), 0);
        }
    }
}
