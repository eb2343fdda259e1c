package org.launchbench.fc.hil;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.recovery.stage.MissionRecovery;
import org.launchbench.core.InvalidInputException;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.Fidelities;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;

/**
 * A mission's landing burn made ready for the loop: the ascent and the first stage's recovery flown to the
 * landing-burn ignition point, as {@code launchbench hil} and the workbench's HIL view fly them.
 *
 * @param missionId    the mission's id
 * @param recoveryCase the recovery flown
 * @param plan         its targeting
 * @param scenarios    the scenarios injected
 * @param fidelity     the fidelity the stage is flown at
 * @param plant        the stage at ignition, as the loop's plant
 */
public record HilMission(String missionId, StageRecovery.Case recoveryCase, StageRecovery.Plan plan, List<String> scenarios,
                         DynamicsFactory fidelity, LandingPlant plant) {

    /**
     * @param file     the mission file
     * @param scenario the scenario option (empty: all the mission lists; "none": nominal)
     * @throws InvalidInputException for a bad mission, an unknown scenario or an expendable first stage
     */
    public static HilMission prepare(Path file, VehicleCatalog catalog, Optional<String> scenario, IProgressMonitor monitor) {
        return prepare(file, catalog, scenario, List.of(), Optional.empty(), monitor);
    }

    /**
     * @param file      the mission file
     * @param scenario  the scenario option (empty: all the mission lists; "none": nominal)
     * @param installed the fidelities installed besides the point mass
     * @param fidelity  the {@code --fidelity} option (empty: the mission's, else 3dof)
     * @throws InvalidInputException for a bad mission, an unknown scenario or fidelity, or an expendable first stage
     */
    public static HilMission prepare(Path file, VehicleCatalog catalog, Optional<String> scenario, Collection<DynamicsFactory> installed,
                                     Optional<String> fidelity, IProgressMonitor monitor) {
        MissionAscent m = MissionAscent.load(file, catalog);
        DynamicsFactory flown = Fidelities.choose(installed, fidelity, m.mission(), file.toString());
        if (m.mission().getRecovery() == null || m.mission().getRecovery().getMode() == RecoveryMode.EXPENDABLE) {
            throw InvalidInputException.because("the mission's first stage is expendable: there is no landing to fly in the loop")
                .source(file.toString()).element("recovery").value(m.mission().getRecovery() == null ? "none" : "EXPENDABLE")
                .allowed("RETURN_TO_LAUNCH_SITE, DOWNRANGE_PAD or SHIP").build();
        }
        List<String> scenarios = m.scenarios(scenario, true, file.toString());
        // the landing flown in the loop follows the ascent the scenario flies (its ascent failures included)
        AscentResult ascent = m.flown(MissionRecovery.sizedAscent(m, file.toString(), monitor), scenarios,
            org.launchbench.trajectory.ascent.AscentProfile.DEFAULT, file.toString(), monitor);
        StageRecovery.Case c = MissionRecovery.recoveryCase(m.mission(), m.refs(), m.vehicle(), ascent, file.toString());
        StageRecovery.Plan plan = MissionRecovery.ENGINE.plan(c);
        StageRecovery.LandingBurn burn = MissionRecovery.ENGINE.withDynamics(flown).landingBurn(c, plan, Perturbation.NONE,
            MissionRecovery.failures(m.mission(), scenarios), StageRecovery.Options.DEFAULT);
        return new HilMission(m.mission().getId(), c, plan, scenarios, flown, new LandingPlant(burn));
    }
}
