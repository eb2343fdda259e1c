package org.launchbench.campaign;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * An engine's kind of campaign, as a member of a cluster flies it: an OSGi service of the engine's bundle. The member
 * writes a campaign's files into a folder of its own, prepares the campaign once (the engine's setup: for a dispersion
 * the sized ascent and the nominal recovery plan), then flies the runs it is given. Run i's result must depend only on
 * the campaign and i, so that a campaign's results are the same on any member and any number of them.
 */
public interface CampaignWork {

    /** @return the kind of campaign this flies ({@link CampaignDefinition#kind()}) */
    String kind();

    /**
     * Prepares a campaign.
     *
     * @param definition the campaign
     * @param folder     a folder holding its files, written by the member
     * @param monitor    progress and cancellation
     * @return the campaign, ready to fly runs (thread-safe: a member flies several at once)
     * @throws org.launchbench.core.InvalidInputException for a campaign the engine refuses
     */
    Prepared prepare(CampaignDefinition definition, Path folder, IProgressMonitor monitor);

    /** A prepared campaign. */
    interface Prepared {

        /**
         * @return what the preparation computed, as bytes (for a dispersion, a digest of the separation state and the
         *         nominal plan): the asking machine compares it with its own, so a member that prepared another campaign
         *         (another catalog, another product) is caught before its results are used
         */
        byte[] fingerprint();

        /**
         * @param index the run's index
         * @return its result, encoded by the engine (the asking machine decodes it)
         */
        byte[] run(int index);
    }
}
