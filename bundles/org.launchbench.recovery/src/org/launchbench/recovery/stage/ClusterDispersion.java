package org.launchbench.recovery.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.ecore.EObject;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.ClusterCampaigns;
import org.launchbench.core.InputFiles;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.vehicle.model.catalog.FolderReferences;

/**
 * A landing dispersion flown on a cluster's members: the campaign as they receive it, and its runs as they come back.
 * The mission file and the vehicle, site and landing-zone files read from beside it travel by content, with the seed,
 * the sigmas (to the last bit), the scenario and the fidelity; a member sets the same {@link DispersionCampaign} up from
 * them and flies the runs it is given. {@code dispersion --cluster} and the workbench's recovery view both fly through
 * here, so a campaign is the same campaign from either.
 */
public final class ClusterDispersion {

    /** The kind of work a member looks the campaign's set-up up by. */
    public static final String KIND = "dispersion";

    private ClusterDispersion() {
    }

    /**
     * @param file     the mission file
     * @param scenario the scenario chosen ({@code dispersion}'s {@code --scenario}; empty: none)
     * @param c        the campaign set up from the file
     * @param product  the product's version
     * @return the campaign as a cluster's members receive it
     */
    public static CampaignDefinition definition(Path file, Optional<String> scenario, DispersionCampaign c, String product) {
        SortedMap<String, byte[]> files = missionFiles(file, c.mission(), List.of());
        SortedMap<String, String> parameters = new TreeMap<>();
        parameters.put("seed", Long.toString(c.seed()));
        parameters.put("scenario", scenario.orElse(""));
        parameters.put("fidelity", c.fidelity().name());
        // Double.toString gives the shortest text that reads back to the same double
        c.sigmas().asMap().forEach((k, v) -> parameters.put("sigma." + k, Double.toString(v)));
        return new CampaignDefinition(KIND, file.getFileName().toString(), files, parameters, product);
    }

    /**
     * A mission's files as a campaign carries them: the mission, and the vehicle, site and landing zones it uses that were
     * read from files beside it (the catalog's are on every member).
     *
     * @param file  the mission file
     * @param m     the mission, loaded from it
     * @param zones other landing zones the campaign flies to (a sweep's), besides the mission's own
     * @return the files by name
     */
    public static SortedMap<String, byte[]> missionFiles(Path file, MissionAscent m, List<String> zones) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(file.getFileName().toString(), InputFiles.read(file, "a .mission file", InputFiles.MODEL_LIMIT_BYTES));
        if (m.refs() instanceof FolderReferences folder) {
            List<EObject> used = new ArrayList<>(List.of(m.vehicle(), m.site()));
            List<String> ids = new ArrayList<>(zones);
            if (m.mission().getRecovery() != null) {
                ids.add(m.mission().getRecovery().getLandingZoneId());
            }
            ids.forEach(id -> m.refs().landingZone(id).ifPresent(used::add));
            for (EObject e : used) {
                folder.source(e).ifPresent(p -> files.put(p.getFileName().toString(),
                    InputFiles.read(p, "a model file", InputFiles.MODEL_LIMIT_BYTES)));
            }
        }
        return files;
    }

    /** Takes each run as it comes back from a member. */
    @FunctionalInterface
    public interface RunSink {
        /**
         * @param run     the run, decoded: its errors drawn here from the seed and its index, its result as the member flew it
         * @param encoded the result as it travelled ({@link RunCodec}), for a journal
         */
        void accept(Dispersion.Run run, byte[] encoded);
    }

    /**
     * Flies a campaign's runs on a cluster.
     *
     * @param connection the cluster
     * @param d          the campaign ({@link #definition})
     * @param c          the campaign as this machine set it up: its fingerprint is what every member's must equal
     * @param runs       N
     * @param finished   runs already flown (a resumed campaign's), not flown again
     * @param sink       takes each run as it arrives (on one thread)
     * @param monitor    progress and cancellation (cancelling stops every member's work)
     * @return who flew what
     * @throws org.launchbench.campaign.CampaignInterruptedException when every member left before the runs were done
     */
    public static ClusterCampaigns.Flown fly(ClusterCampaigns.Connection connection, CampaignDefinition d, DispersionCampaign c, int runs,
                                             BitSet finished, RunSink sink, IProgressMonitor monitor) {
        return connection.fly(d, c.fingerprint(), runs, finished, (i, bytes, member) -> sink.accept(decoded(c, i, bytes), bytes), monitor);
    }

    /**
     * @param c     the campaign
     * @param index a run's index
     * @param bytes its result as it travelled or was journalled
     * @return the run
     */
    public static Dispersion.Run decoded(DispersionCampaign c, int index, byte[] bytes) {
        return new Dispersion.Run(index, Dispersion.sample(c.seed(), index, c.sigmas()), RunCodec.decode(bytes));
    }
}
