package org.launchbench.flight.vehicle;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.launchbench.flight.FlightCase;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.ForceModelProvider;
import org.launchbench.flight.InitialConditions;
import org.launchbench.flight.SixDofCase;
import org.launchbench.flight.SixDofPropagator;
import org.launchbench.flight.SixDofSample;
import org.launchbench.flight.internal.DescentReferenceController;
import org.launchbench.flight.wind.AirDisturbances;
import org.launchbench.flight.wind.DrydenTurbulence;
import org.launchbench.flight.wind.OneMinusCosineGust;
import org.launchbench.flight.wind.TurbulenceModel;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;

/**
 * A vehicle model's stage flown in six degrees of freedom from a case file: its 6-DOF body and actuators
 * ({@link StagePlant}) at the control rate, either with no control (engines off, fins neutral: how the stage flies on
 * its own, nose first or engines first) or with the reference landing loop ({@link DescentReferenceController}: a
 * test loop on the true state, not the recovery guidance).
 *
 * @param description   what the case is
 * @param vehicle       the vehicle
 * @param stage         the stage flown
 * @param propellantKg  the usable propellant on board at the start, kg
 * @param control       {@code "none"} or {@code "reference-landing"}
 * @param rateHz        the actuators' and controller's rate, Hz
 * @param initial       initial conditions
 * @param environment   Earth, air and mean wind
 * @param durationS     how long to fly at most, s
 * @param outputStepS   the sample interval, s (a whole number of control periods)
 * @param maxStepS      the integrator's largest step, s
 * @param turbulence    Dryden turbulence's model, or null
 * @param turbulenceSeed its seed
 * @param gusts         discrete gusts in time
 */
public record StageCase(String description, LaunchVehicle vehicle, Stage stage, double propellantKg, String control, double rateHz,
                        InitialConditions initial, FlightEnvironment environment, double durationS, double outputStepS, double maxStepS,
                        TurbulenceModel turbulence, long turbulenceSeed, List<OneMinusCosineGust> gusts) implements FlightCase {

    /** The controls a stage case may name. */
    public static final List<String> CONTROLS = List.of("none", "reference-landing");

    /** Copies the gusts. */
    public StageCase {
        gusts = List.copyOf(gusts);
    }

    /** @return the stage as a 6-DOF body */
    public StageFlightModel model() {
        int i = vehicle.getStages().indexOf(stage);
        boolean underStage = !stage.isStrapOn() && i < vehicle.getStages().size() - 1;
        return StageFlightModel.of(stage, vehicle.getPropellantFamily(), underStage);
    }

    /** What the reader should know of how the stage was flown: what was estimated, and by what controller. */
    private List<String> notes(StageFlightModel m) {
        List<String> notes = new ArrayList<>(m.notes());
        if ("reference-landing".equals(control)) {
            notes.add("flown by the reference landing loop: truth in, engines-first attitude hold and a single-engine landing "
                + "burn; a test loop for the 6-DOF plant, not the recovery guidance (simulate flies that)");
        }
        return notes;
    }

    @Override
    public SixDofCase.Flight fly(IProgressMonitor monitor, List<ForceModelProvider> providers) {
        StageFlightModel m = model();
        double mass = stage.getDryMass() + stage.getResidualPropellantMass() + propellantKg;
        List<ForceModelProvider.Contribution> added = ForceModelProvider.contributions(providers,
            new ForceModelProvider.BodyDescription(vehicle.getId() + "/" + stage.getId(), m.massModel().at(mass)));
        List<String> notes = new ArrayList<>(notes(m));
        added.forEach(c -> notes.add("force model added by the service '" + c.provider() + "'"));
        AirDisturbances air = new AirDisturbances(turbulence == null ? null : new DrydenTurbulence(turbulenceSeed, turbulence), gusts);
        StagePlant plant = new StagePlant(m, added.stream().map(ForceModelProvider.Contribution::model).toList(), environment, air,
            initial.toState(environment.earth(), mass), rateHz, maxStepS);
        DescentReferenceController controller = "reference-landing".equals(control) ? new DescentReferenceController(m, 0) : null;
        ActuatorCommands idle = ActuatorCommands.idle(m.engines().size(), m.finCount(), m.rcsCount());
        long periodsPerSample = Math.round(outputStepS * rateHz);
        long periods = Math.round(durationS * rateHz);
        List<SixDofSample> samples = new ArrayList<>();
        samples.add(SixDofSample.of(plant.conditions()));
        plant.command(controller == null ? idle : controller.next(plant.conditions()));
        for (long k = 1; k <= periods; k++) {
            if (k % 1000 == 0 && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            boolean flying = plant.advance();
            if (!flying) {
                samples.add(SixDofSample.of(plant.conditions()));
                return new SixDofCase.Flight(List.copyOf(samples), SixDofPropagator.End.GROUND, notes);
            }
            if (k % periodsPerSample == 0 || k == periods) {
                samples.add(SixDofSample.of(plant.conditions()));
            }
            plant.command(controller == null ? idle : controller.next(plant.conditions()));
        }
        return new SixDofCase.Flight(List.copyOf(samples), SixDofPropagator.End.DURATION, notes);
    }
}
