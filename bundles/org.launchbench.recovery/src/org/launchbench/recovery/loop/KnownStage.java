package org.launchbench.recovery.loop;

import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.descent.ApproachSteering;
import org.launchbench.recovery.descent.BrakingGuidance;
import org.launchbench.recovery.descent.DescentDrag;
import org.launchbench.recovery.descent.RetrogradeBraking;
import org.launchbench.vehicle.model.Engine;

/**
 * The stage as its flight software knows it, for the braking and the fall before it: the guidance's drag, the landing
 * engines' floor and full thrust at the zone's pressure (their flow at the floor), and the body's normal-force slope
 * q S C_Nα from its aerodynamic model (the flight software's aerodynamic database).
 *
 * @param stage  the braking's figures
 * @param normal the body's normal force
 */
record KnownStage(RetrogradeBraking.Stage stage, BrakingGuidance.NormalForce normal) {

    /**
     * The steering of the fall before the burn: the {@link ApproachSteering}'s predictor-corrector over this stage, its
     * ignition the braking's rule, its capability the body's lift at an incidence α: the normal force N turned by α less
     * the axial force A's part across the air, N cos α − A sin α, with the drag it adds, N sin α + A (cos α − 1) (N = q
     * S C_Nα sin α from the aerodynamic model, A the model's drag). The grid fins hold the body there; their own force
     * while they trim is left out.
     *
     * @param rule        the braking whose rule lights the engines
     * @param incidenceRad the largest incidence the fall is flown at, rad
     * @param scheduledM  the plan's ignition height above the zone, m (NaN: the rule's)
     * @return the steering
     */
    ApproachSteering approach(BrakingGuidance rule, double incidenceRad, double scheduledM) {
        RetrogradeBraking.Stage b = stage;
        BrakingGuidance.NormalForce n = normal;
        return new ApproachSteering(new ApproachSteering.Stage() {
            @Override
            public double finCapability(double height, double speed, double mass) {
                return lift(height, speed, mass, incidenceRad);
            }

            @Override
            public double steeringDrag(double height, double speed, double mass, double share) {
                double alpha = Math.asin(Math.min(1, share) * Math.sin(incidenceRad));
                double normal = n.perRadian(height, speed) * Math.sin(alpha) / mass;
                return normal * Math.sin(alpha) + axial(height, speed, mass) * (Math.cos(alpha) - 1);
            }

            @Override
            public double ignitionExcess(double height, double[] velocity, double mass) {
                if (!Double.isNaN(scheduledM)) {
                    return scheduledM - height;
                }
                return rule.ignitionExcess(new double[] {height, 0, 0, velocity[0], velocity[1], velocity[2]}, mass);
            }

            @Override
            public double[] drag(double height, double[] velocity, double mass) {
                return b.drag(height, velocity, mass);
            }

            @Override
            public double brakingThrust(double mass) {
                return b.brakingThrust(mass);
            }

            @Override
            public double brakingFlow(double mass) {
                return b.brakingFlow(mass);
            }

            @Override
            public double fullThrust() {
                return b.fullThrust();
            }

            @Override
            public double emptyMass() {
                return b.emptyMass();
            }

            @Override
            public double gravity() {
                return b.gravity();
            }
        });
    }

    /**
     * @param model       the stage
     * @param engines     the landing engines, in effector order
     * @param engine      their figures
     * @param emptyMassKg the stage with no usable propellant, kg
     * @param modelDrag   the guidance's drag
     * @param g           gravity at the zone, m/s²
     * @return the stage as the flight software knows it
     */
    static KnownStage of(StageFlightModel model, int[] engines, Engine engine, double emptyMassKg, DescentDrag modelDrag,
                                   double g) {
        return of(model, engines, engine, emptyMassKg, modelDrag, g, new ThrustEstimator());
    }

    /**
     * @param thrust the engines' thrust as measured in flight: the braking's thrusts and flow scale with its factor
     * @return the stage as the flight software knows it, its thrust as measured
     */
    static KnownStage of(StageFlightModel model, int[] engines, Engine engine, double emptyMassKg, DescentDrag modelDrag, double g,
                         ThrustEstimator thrust) {
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
                return floor * thrust.factor();
            }

            @Override
            public double brakingFlow(double mass) {
                return floorFlow * thrust.factor();
            }

            @Override
            public double fullThrust() {
                return full * thrust.factor();
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
        return new KnownStage(stage, normal);
    }

    /** @return the body's lift at an incidence, m/s²: N cos α − A sin α, at a height, speed and mass */
    double lift(double height, double speed, double mass, double alpha) {
        return (normal.perRadian(height, speed) * Math.cos(alpha) / mass - axial(height, speed, mass)) * Math.sin(alpha);
    }

    /** @return the model's drag at incidence 0, m/s², at a height, speed and mass */
    double axial(double height, double speed, double mass) {
        double[] d = stage.drag(height, new double[] {-speed, 0, 0}, mass);
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }

    /**
     * @param want  a lateral acceleration, m/s²
     * @param most  the largest incidence, rad
     * @return the incidence whose lift gives it (at most the largest), rad, at a height, speed and mass
     */
    double incidenceFor(double want, double height, double speed, double mass, double most) {
        double alpha = 0;
        for (int i = 0; i < 3; i++) {
            // N cos α − A at the last α, the lift's slope in sin α; three fixed-point steps settle it to 1e-4 rad
            double slope = normal.perRadian(height, speed) * Math.cos(alpha) / mass - axial(height, speed, mass);
            if (!(slope > 0)) {
                return 0;
            }
            alpha = Math.asin(Math.min(Math.sin(most), want / slope));
        }
        return alpha;
    }

    /** @return the braking's guidance on this stage */
    BrakingGuidance braking() {
        return new BrakingGuidance(stage, normal);
    }

}
