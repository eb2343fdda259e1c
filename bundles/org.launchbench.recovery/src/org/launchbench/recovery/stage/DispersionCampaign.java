package org.launchbench.recovery.stage;

import java.nio.ByteBuffer;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.flight.phase.RigidBodyFidelity;
import org.launchbench.recovery.loop.FlightSoftwareRecovery;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.ascent.ReserveSizing;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.vehicle.model.Failure;

/**
 * A mission's landing dispersion, set up: the ascent flown with the reserve the recovery sizes (and the scenario's ascent
 * failures), the recovery case of the stage that separated, its nominal plan, the failures, the sigmas and the seed.
 * {@code dispersion} flies its runs on this machine's cores; a cluster member sets up the same campaign from the same
 * files and flies the runs it is given ({@link #run}), so that run i is the same wherever it is flown.
 *
 * @param mission   the mission, resolved
 * @param sized     the ascent's reserve sizing
 * @param scenarios the scenarios whose failures every run carries
 * @param fidelity  how each run is flown
 * @param c         the recovery case
 * @param plan      its nominal targeting
 * @param failures  the scenarios' failures
 * @param sigmas    the errors' sigmas
 * @param seed      the campaign's seed
 */
public record DispersionCampaign(MissionAscent mission, ReserveSizing.Sized sized, List<String> scenarios, DynamicsFactory fidelity,
                                 StageRecovery.Case c, StageRecovery.Plan plan, List<Failure> failures, Dispersion.Sigmas sigmas,
                                 long seed) {

    /**
     * Sets a campaign up: the sized ascent, the ascent the scenario flies, the recovery case and the nominal plan.
     *
     * @param m         the mission, loaded
     * @param scenarios the scenarios chosen
     * @param fidelity  how the runs are flown
     * @param sigmas    the errors' sigmas
     * @param seed      the campaign's seed
     * @param source    the mission file, for messages
     * @param monitor   progress and cancellation
     * @return the campaign
     * @throws org.launchbench.core.InvalidInputException for a campaign the loop cannot fly (a 6-DOF failure it lacks)
     */
    public static DispersionCampaign prepare(MissionAscent m, List<String> scenarios, DynamicsFactory fidelity, Dispersion.Sigmas sigmas,
                                             long seed, String source, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 5);
        ReserveSizing.Sized sized = MissionRecovery.sizedAscent(m, source, progress.split(4));
        // the campaign's runs disperse the recovery from the ascent the scenario flies (its ascent failures included)
        AscentResult ascent = m.flown(sized, scenarios, AscentProfile.DEFAULT, source, progress.split(1));
        StageRecovery.Case c = MissionRecovery.recoveryCase(m.mission(), m.refs(), m.vehicle(), ascent, source);
        List<Failure> failures = MissionRecovery.failures(m.mission(), scenarios);
        if (fidelity instanceof RigidBodyFidelity) {
            FlightSoftwareRecovery.refuseWhatTheLoopDoesNotFly(c, failures);
        }
        StageRecovery.Plan plan = MissionRecovery.plan(fidelity, c);
        return new DispersionCampaign(m, sized, List.copyOf(scenarios), fidelity, c, plan, List.copyOf(failures), sigmas, seed);
    }

    /** @return the dispersion that flies this campaign's runs */
    public Dispersion dispersion() {
        return new Dispersion((rc, rp, p, f, o, runSeed) -> MissionRecovery.fly(fidelity, rc, rp, p, f, o, runSeed));
    }

    /**
     * @param runs    N
     * @param threads worker threads
     * @param monitor progress (a unit a run) and cancellation
     * @return runs 0 to N - 1, flown on this machine
     */
    public List<Dispersion.Run> fly(int runs, int threads, IProgressMonitor monitor) {
        return dispersion().fly(c, plan, sigmas, failures, runs, seed, threads, monitor);
    }

    /**
     * @param index the run
     * @return run i, as {@link #fly} flies it
     */
    public Dispersion.Run run(int index) {
        return dispersion().run(c, plan, sigmas, failures, seed, index);
    }

    /**
     * @return what the set-up computed, as bytes: the separation state, the sized reserve and the plan's targets, to the
     *         last bit. Two machines that set up the same campaign agree on it; one with another catalog or product does not.
     */
    public byte[] fingerprint() {
        double[] s = c.separationState();
        ByteBuffer b = ByteBuffer.allocate(8 * (s.length + 9) + 8);
        for (double x : s) {
            b.putDouble(x);
        }
        b.putDouble(c.separationTime()).putDouble(sized.reserveKg()).putDouble(plan.boostbackAzimuth()).putDouble(plan.boostbackDv())
            .putDouble(plan.entryDv()).putDouble(plan.entryAltitude()).putDouble(plan.predictedMiss()).putDouble(plan.finCrossRange())
            .putDouble(plan.peakHeatFlux()).putLong(seed);
        return b.array();
    }
}
