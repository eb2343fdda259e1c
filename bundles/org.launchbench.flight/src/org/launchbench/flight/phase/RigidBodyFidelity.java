package org.launchbench.flight.phase;

import java.lang.ref.SoftReference;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.launchbench.flight.models.MachCurve;
import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.PhaseDynamics;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.PropellantFamily;
import org.launchbench.vehicle.model.Stage;
import org.osgi.service.component.annotations.Component;

/**
 * The 6-DOF fidelity ({@code --fidelity 6dof}): each phase a {@link RigidBodyPhase} of the stage's
 * {@link StageFlightModel} (mass properties from its tanks, slender-body aerodynamics from its rigid-body figures),
 * flown under the existing guidance through the {@link IdealAttitudeLoop}. The stage's model is built once per stage
 * object and kept while memory allows (a dispersion builds thousands of phases of one stage); a stage edited in place
 * after it was first flown keeps its first model, so an editor flies a copy.
 */
@Component(service = DynamicsFactory.class)
public final class RigidBodyFidelity implements DynamicsFactory {

    /** The name users choose it by. */
    public static final String NAME = "6dof";

    /**
     * The stages' models. The model refers to its stage, so it is held softly: a weak key alone would never clear (its
     * value holds it), while a soft value lets the collector take both when memory runs short.
     */
    private final Map<Stage, SoftReference<StageFlightModel>> models = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> notes() {
        return List.of("fidelity 6dof: the booster's return flown as a rigid body (mass, centre of mass and inertia from its tanks;"
                + " slender-body aerodynamics at its incidence) under the existing guidance through an ideal attitude loop (moment"
                + " without actuator limits, 1 s time constant, at most 30 deg/s; engines first between burns); grid fins give the"
                + " point-mass model's steering force; the ascent is flown as a point mass",
            "from the entry burn's cut-off the recovery's flight software flies the stage in the loop (sensors, navigation,"
                + " guidance, attitude control and actuators with their limits); before it the ideal attitude loop's turns are not"
                + " bounded by gimbal, fin and RCS limits");
    }

    @Override
    public PhaseDynamics create(Phase phase) {
        StageFlightModel model = model(phase.stage());
        return new RigidBodyPhase(phase, model.massModel(), aerodynamics(model, phase.aerodynamics()));
    }

    private StageFlightModel model(Stage stage) {
        SoftReference<StageFlightModel> ref = models.get(stage);
        StageFlightModel model = ref == null ? null : ref.get();
        if (model == null) {
            model = StageFlightModel.of(stage, family(stage), false);
            models.put(stage, new SoftReference<>(model));
        }
        return model;
    }

    /** The stage's normal force and centres of pressure, with the phase's axial drag (a dispersed flight's). */
    private static SlenderBodyAerodynamics aerodynamics(StageFlightModel model, Aerodynamics drag) {
        SlenderBodyAerodynamics s = model.aerodynamics();
        MachCurve axial = new MachCurve(drag.mach(), drag.coefficient());
        return new SlenderBodyAerodynamics(drag.referenceArea(), s.referenceLengthM(), s.planformAreaM2(), axial, axial,
            s.normalSlopePerRad(), s.crossflowDragCoefficient(), s.centreOfPressureForwardM(), s.centreOfPressureAftM(),
            s.pitchDampingPerRad());
    }

    /** The stage's vehicle's propellant family (the rigid-body estimate's tank densities need it). */
    private static PropellantFamily family(Stage s) {
        if (s.eContainer() instanceof LaunchVehicle v) {
            return v.getPropellantFamily();
        }
        throw new IllegalArgumentException("stage " + s.getId() + " belongs to no vehicle: its propellant family is unknown");
    }
}
