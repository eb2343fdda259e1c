package org.launchbench.recovery.stage;

import java.util.List;

import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.vehicle.model.Failure;

/**
 * One flight of a recovery, as a campaign flies its runs: the point-mass sequencer ({@link StageRecovery#fly}) or
 * the flight software in the loop (the recovery bundle's {@code loop.FlightSoftwareRecovery}).
 */
@FunctionalInterface
public interface RecoveryFlight {

    /**
     * @param c        the recovery
     * @param plan     its nominal targeting
     * @param p        what this flight has that the plan did not assume
     * @param failures injected failures
     * @param o        options
     * @param seed     the flight software's sensors' seed (a flight without sensors ignores it)
     * @return how it ended
     */
    RecoveryResult fly(StageRecovery.Case c, StageRecovery.Plan plan, Perturbation p, List<Failure> failures, StageRecovery.Options o,
                       long seed);
}
