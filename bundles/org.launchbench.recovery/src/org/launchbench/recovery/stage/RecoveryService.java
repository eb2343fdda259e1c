package org.launchbench.recovery.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.BoosterRecovery;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.osgi.service.component.annotations.Component;

/** The recovery engine behind {@code simulate}: flies the separated first stage home. */
@Component(service = BoosterRecovery.class)
public final class RecoveryService implements BoosterRecovery {

    @Override
    public Report recover(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent, List<String> scenarios,
                          DynamicsFactory fidelity, String source, IProgressMonitor monitor) {
        StageRecovery.Case c = MissionRecovery.recoveryCase(mission, refs, vehicle, ascent, source);
        StageRecovery.Plan plan = MissionRecovery.plan(fidelity, c);
        List<Failure> failures = MissionRecovery.failures(mission, scenarios);
        RecoveryResult r = MissionRecovery.fly(fidelity, c, plan, Perturbation.NONE, failures, StageRecovery.Options.DEFAULT, MissionRecovery.SIMULATE_SEED);
        return report(r, c, plan, scenarios, fidelity);
    }

    /**
     * A flown recovery as the engine reports it ({@code hil} flies its own and reports it so too).
     *
     * @param r         how it ended
     * @param c         the case flown
     * @param plan      the nominal plan it was flown to
     * @param scenarios the scenarios whose failures were injected
     * @param fidelity  the fidelity flown
     * @return the report: the result, the zone, the plan's targets, and the targeting's then the fidelity's notes
     */
    public static Report report(RecoveryResult r, StageRecovery.Case c, StageRecovery.Plan plan, List<String> scenarios,
                                DynamicsFactory fidelity) {
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(fidelity.notes());
        Zone zone = new Zone(c.zone().getId(), c.zone().getName(), c.zone().getLatitude(), c.zone().getLongitude(), c.plan().isPlaceShip());
        Targeting targeting = new Targeting(Math.toDegrees(plan.boostbackAzimuth()), plan.boostbackDv(), plan.entryDv(),
            plan.entryAltitude(), plan.predictedMiss(), plan.finCrossRange(), plan.peakHeatFlux());
        return new Report(r, zone, targeting, fidelity.name(), scenarios, notes);
    }

    /**
     * The nominal point-mass recovery flown from the ascent's separation: its mass ratio m_sep / m_end gives the reserve
     * that flies the same burns and lands with the plan's margin (a fraction μ of the reserve) unused. With the empty
     * mass E the stage separates at E + R and must end at E + μR, so E + R = K (E + μR) and R = E (K − 1) / (1 − K μ).
     * The burns' velocity changes hardly depend on the mass carried, so the ratio K of one flight sizes the next.
     */
    @Override
    public ReserveNeed need(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent, String source) {
        StageRecovery.Case c = MissionRecovery.recoveryCase(mission, refs, vehicle, ascent, source);
        StageRecovery.Plan plan = MissionRecovery.ENGINE.targeting(c);
        RecoveryResult r = MissionRecovery.ENGINE.fly(c, plan, Perturbation.NONE, List.of(), SIZING);
        double start = c.separationState()[6];
        double empty = c.stage().getDryMass() + c.stage().getResidualPropellantMass();
        double end = empty + Math.max(0, r.propellantRemaining());
        double ratio = start / end;
        double margin = mission.getRecovery().getPropellantMargin();
        // an entry burn cut short of the plan's limits for want of propellant is a flight short of its need, as one that
        // ran dry: its ratio is a floor (it would otherwise make a second, lower fixed point of the sizing, where a stage
        // keeping too little for its entry burn needs only what it keeps)
        boolean dry = r.outcome() == RecoveryResult.Outcome.CRASHED && r.propellantRemaining() < 1 || plan.entryShort();
        if (!(ratio * margin < 1)) {
            // no reserve flies these burns and keeps that share of itself unused
            return new ReserveNeed(Double.NaN, ratio, false, String.format(Locale.ROOT, "its burns take the stage's mass down by a"
                + " ratio of %.2f, and no reserve then keeps %.0f %% of itself unused (recovery/propellantMargin)", ratio, 100 * margin),
                plan.boostbackDv(), plan.entryDv());
        }
        double reserve = empty * (ratio - 1) / (1 - ratio * margin);
        String trouble = r.outcome() == RecoveryResult.Outcome.CRASHED && !dry ? r.reason() : null;
        return new ReserveNeed(reserve, ratio, dry, trouble, plan.boostbackDv(), plan.entryDv());
    }

    /** The sizing's flights: as a simulation's, unrecorded. */
    private static final StageRecovery.Options SIZING = new StageRecovery.Options(StageRecovery.Options.DEFAULT.rate(),
        StageRecovery.Options.DEFAULT.nodes(), false, StageRecovery.Options.DEFAULT.tolerance());
}
