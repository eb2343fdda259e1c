package org.launchbench.trajectory.ascent;

import org.launchbench.trajectory.dynamics.DynamicsFactory;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.validation.ModelReferences;

/**
 * What happens to the separated first stage after an ascent: a service the recovery engine provides (the
 * trajectory engine flies the ascent and hands it the separation state), so {@code simulate} reports both
 * vehicles without the trajectory bundle depending on the recovery one.
 */
public interface BoosterRecovery {

    /**
     * @param mission   the mission (its recovery plan and scenarios)
     * @param refs      where its vehicle, site and landing zone were found
     * @param vehicle   the vehicle
     * @param ascent    the flown ascent ({@link AscentResult#booster()} gives the separation state)
     * @param scenarios names of the mission's scenarios whose failures to inject (empty: nominal)
     * @param fidelity  the fidelity the stage's flight is flown at
     * @param source    the mission file, for error messages
     * @param monitor   progress and cancellation
     * @return the recovery
     */
    Report recover(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent, List<String> scenarios,
                   DynamicsFactory fidelity, String source, IProgressMonitor monitor);

    /**
     * A recovery's report.
     *
     * @param json    the {@code "recovery"} object of simulate's JSON
     * @param crashed whether the stage crashed ({@code simulate} exits 1)
     * @param lines   the human-readable summary
     */
    record Report(Map<String, Object> json, boolean crashed, List<String> lines) {
    }
}
