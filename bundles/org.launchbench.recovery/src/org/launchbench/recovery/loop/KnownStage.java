package org.launchbench.recovery.loop;

import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.descent.BrakingGuidance;
import org.launchbench.recovery.descent.DescentDrag;
import org.launchbench.recovery.descent.RetrogradeBraking;
import org.launchbench.vehicle.model.Engine;

/**
 * The stage as its flight software knows it, for the braking: the guidance's drag, the landing engines' floor and
 * full thrust at the zone's pressure (their flow at the floor), and the body's normal-force slope q S C_Nα from its
 * aerodynamic model (the flight software's aerodynamic database).
 */
final class KnownStage {

    private KnownStage() {
    }

    /**
     * @param model       the stage
     * @param engines     the landing engines, in effector order
     * @param engine      their figures
     * @param emptyMassKg the stage with no usable propellant, kg
     * @param modelDrag   the guidance's drag
     * @param g           gravity at the zone, m/s²
     * @return the braking's guidance on the stage as the flight software knows it
     */
    static BrakingGuidance braking(StageFlightModel model, int[] engines, Engine engine, double emptyMassKg, DescentDrag modelDrag,
                                   double g) {
        double tVac = model.engines().get(engines[0]).thrustVacuumN() * engines.length;
        double exit = model.engines().get(engines[0]).nozzleExitAreaM2() * engines.length;
        double zonePressure = modelDrag.air(0).pressure();
        double floor = Math.max(0, engine.getThrottleMin() * tVac - zonePressure * exit);
        double full = tVac - zonePressure * exit;
        double floorFlow = engine.getThrottleMin() * tVac / (PhysicalConstants.STANDARD_GRAVITY * engine.getIspVacuum());
        RetrogradeBraking.Stage stage = new RetrogradeBraking.Stage() {
            @Override
            public double[] drag(double height, double[] velocity, double mass) {
                return modelDrag.acceleration(height, velocity, mass);
            }

            @Override
            public double brakingThrust(double mass) {
                return floor;
            }

            @Override
            public double brakingFlow(double mass) {
                return floorFlow;
            }

            @Override
            public double fullThrust() {
                return full;
            }

            @Override
            public double emptyMass() {
                return emptyMassKg;
            }

            @Override
            public double gravity() {
                return g;
            }
        };
        SlenderBodyAerodynamics body = model.models().stream().filter(SlenderBodyAerodynamics.class::isInstance)
            .map(SlenderBodyAerodynamics.class::cast).findFirst().orElse(null);
        BrakingGuidance.NormalForce normal = body == null ? (h, v) -> 0 : (h, v) -> {
            var air = modelDrag.air(h);
            double mach = air.speedOfSound() > 0 ? v / air.speedOfSound() : 0;
            return 0.5 * air.density() * v * v * body.referenceAreaM2() * body.normalSlopePerRad().at(mach);
        };
        return new BrakingGuidance(stage, normal);
    }

}
