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
     * The propellant the mission's recovery plan needs from an ascent's separation state: the nominal recovery flown
     * from it (boostback, entry and landing burns as planned, no perturbation, no failure) and the stage's mass ratio
     * over it turned into the reserve that leaves the plan's margin unused. What {@link ReserveSizing} iterates on.
     *
     * @param mission the mission (its recovery plan, not expendable)
     * @param refs    where its vehicle, site and landing zone were found
     * @param vehicle the vehicle
     * @param ascent  an ascent flown with some reserve, its separated stage captured
     * @param source  the mission file, for error messages
     * @return the need
     */
    ReserveNeed need(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent, String source);

    /**
     * What a recovery flown from one separation state needs.
     *
     * @param reserveKg     the first-stage propellant that flies it and keeps the plan's margin unused, kg
     * @param massRatio     the stage's mass at separation over its mass at touchdown in the nominal flight (the
     *                      burns' ideal velocity change is the exhaust speed times its logarithm)
     * @param ranDry        whether the nominal flight ran out of propellant (the ratio is then a floor, not the need)
     * @param trouble       why the nominal flight crashed for another reason than propellant (null: it landed, or it
     *                      only ran dry): no reserve lands this cut-off
     * @param boostbackDvMs the boostback burn's velocity change as targeted, m/s (0: none)
     * @param entryDvMs     the entry burn's, m/s (0: none)
     */
    record ReserveNeed(double reserveKg, double massRatio, boolean ranDry, String trouble, double boostbackDvMs, double entryDvMs) {
    }

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
