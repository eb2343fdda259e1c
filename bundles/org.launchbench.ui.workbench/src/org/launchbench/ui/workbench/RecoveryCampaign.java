package org.launchbench.ui.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.campaign.CampaignInterruptedException;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ClusterCampaigns;
import org.launchbench.campaign.ProductVersion;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.recovery.stage.ClusterDispersion;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.recovery.stage.DispersionCampaign;
import org.launchbench.recovery.stage.MissionRecovery;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.Fidelities;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.Scenario;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;

/**
 * What the recovery view flies, off the display thread: the campaign {@code launchbench dispersion} flies (the same
 * set-up, {@link DispersionCampaign}, at the mission's fidelity, default sigmas), its nominal recovery, and its runs on
 * this machine's cores or on a cluster's workers ({@link ClusterDispersion}: the same runs, byte for byte). The view
 * shows what it hands over; this class knows nothing of widgets.
 */
final class RecoveryCampaign {

    /**
     * What to fly.
     *
     * @param mission  the mission file
     * @param runs     N
     * @param seed     the campaign's seed
     * @param scenario the scenario chosen ("none": nominal)
     * @param cluster  the cluster to fly the runs on (empty: this machine)
     */
    record Request(Path mission, int runs, long seed, String scenario, Optional<ClusterAccess> cluster) {
    }

    /** Takes what is known as it becomes known, on the job's threads (quick and thread-safe). */
    interface Listener {
        /** @param names the mission's scenarios, for the view's choice */
        void scenarios(List<String> names);

        /** @param nominal the nominal recovery, flown before the runs */
        void nominal(RecoveryResult nominal);

        /** @param run a run that ended */
        void run(Dispersion.Run run);
    }

    /**
     * A campaign flown.
     *
     * @param missionId the mission's id
     * @param scenarios the scenarios flown
     * @param nominal   the nominal recovery
     * @param runs      every run, in index order
     * @param summary   their statistics
     * @param flown     who flew them ({@link ClusterCampaigns.Flown#local} on this machine)
     * @param where     "this machine" or the cluster's description
     */
    record Flown(String missionId, List<String> scenarios, RecoveryResult nominal, List<Dispersion.Run> runs, Dispersion.Summary summary,
                 ClusterCampaigns.Flown flown, String where) {
    }

    private final VehicleCatalog catalog;
    private final List<DynamicsFactory> fidelities;
    private final ClusterCampaigns backend;

    /**
     * @param catalog    the vehicle catalog
     * @param fidelities the fidelities installed
     * @param backend    the cluster back end installed (null: none)
     */
    RecoveryCampaign(VehicleCatalog catalog, List<DynamicsFactory> fidelities, ClusterCampaigns backend) {
        this.catalog = Objects.requireNonNull(catalog);
        this.fidelities = List.copyOf(fidelities);
        this.backend = backend;
    }

    /**
     * Flies a request.
     *
     * @param r        what to fly
     * @param listener takes the scenarios, the nominal and the runs as they come
     * @param monitor  progress and cancellation
     * @return the campaign
     * @throws InvalidInputException       for a mission or cluster that cannot be used
     * @throws OperationCanceledException  when cancelled (on a cluster, every member's work stops)
     * @throws RunFailedException          when every member of the cluster left before the runs were done
     */
    Flown fly(Request r, Listener listener, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 100);
        String source = r.mission().toString();
        MissionAscent m = MissionAscent.load(r.mission(), catalog);
        if (m.mission().getRecovery() == null || m.mission().getRecovery().getMode() == RecoveryMode.EXPENDABLE) {
            throw InvalidInputException.because("the mission's first stage is expendable: there is no recovery to show")
                .source(source).element("recovery").build();
        }
        listener.scenarios(m.mission().getScenarios().stream().map(Scenario::getName).toList());
        List<String> scenarios = m.scenarios(Optional.of(r.scenario().isBlank() ? "none" : r.scenario()), false, source);
        if (r.cluster().isPresent() && backend == null) {
            throw InvalidInputException.because("no cluster back end is installed").element("On the cluster")
                .fix("install org.launchbench.campaign.hazelcast, or fly the campaign on this machine").build();
        }
        // the cluster first, so that one that cannot be used is refused before the set-up's minute
        try (ClusterCampaigns.Connection connection = r.cluster().map(a -> backend.connect(a)).orElse(null)) {
            DynamicsFactory fidelity = Fidelities.choose(fidelities, Optional.empty(), m.mission(), source);
            DispersionCampaign campaign = DispersionCampaign.prepare(m, scenarios, fidelity, Dispersion.Sigmas.DEFAULT, r.seed(), source,
                progress.split(10));
            RecoveryResult nominal = MissionRecovery.fly(fidelity, campaign.c(), campaign.plan(), Perturbation.NONE, campaign.failures(),
                StageRecovery.Options.DEFAULT, MissionRecovery.SIMULATE_SEED);
            progress.worked(5);
            listener.nominal(nominal);
            Dispersion.Run[] byIndex = new Dispersion.Run[r.runs()];
            ClusterCampaigns.Flown flown;
            if (connection == null) {
                campaign.dispersion().fly(campaign.c(), campaign.plan(), campaign.sigmas(), campaign.failures(), r.runs(), r.seed(),
                    Runtime.getRuntime().availableProcessors(), progress.split(85), run -> {
                        byIndex[run.index()] = run;
                        listener.run(run);
                    });
                flown = ClusterCampaigns.Flown.local(r.runs());
            } else {
                SubMonitor runs = progress.split(85).setWorkRemaining(r.runs());
                try {
                    // the scenario as dispersion gives it (none: not given), so that the view's campaign is the command's, digest and all
                    Optional<String> scenario = scenarios.isEmpty() ? Optional.empty() : Optional.of(r.scenario());
                    flown = ClusterDispersion.fly(connection, ClusterDispersion.definition(r.mission(), scenario, campaign,
                        ProductVersion.current()), campaign, r.runs(), new BitSet(r.runs()), (run, bytes) -> {
                            byIndex[run.index()] = run;
                            listener.run(run);
                            runs.worked(1);
                        }, runs);
                } catch (CampaignInterruptedException e) {
                    long finished = Arrays.stream(byIndex).filter(Objects::nonNull).count();
                    throw new RunFailedException(e.getMessage() + "; the " + finished + " runs finished are shown. Fly the campaign again"
                        + " when workers are back, or on this machine", e);
                }
            }
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            List<Dispersion.Run> all = new ArrayList<>(Arrays.asList(byIndex));
            return new Flown(m.mission().getId(), scenarios, nominal, List.copyOf(all), Dispersion.summarise(all), flown,
                r.cluster().map(ClusterAccess::describe).orElse("this machine"));
        }
    }
}
