package org.launchbench.recovery.loop;

import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.descent.ApproachSteering;
import org.launchbench.recovery.descent.BrakingGuidance;
import org.launchbench.recovery.descent.DescentDrag;
import org.launchbench.recovery.descent.LandingFrame;
import org.launchbench.recovery.descent.RetrogradeBraking;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.vehicle.model.Engine;

/**
 * The stage as its flight software knows it, for the braking and the fall before it: the guidance's drag, the landing
 * engines' floor and full thrust at the zone's pressure (their flow at the floor), and the body's normal force from
 * its aerodynamic model (the flight software's aerodynamic database): its slope q S C_Nα for the braking's small tilts,
 * and the whole of Jorgensen's normal force (with the crossflow's part) for the fall's incidence.
 *
 * @param stage  the braking's figures (its drag in the air as measured: {@link AirData})
 * @param normal the body's normal-force slope
 * @param air    the air as measured
 * @param still  the guidance's drag in still air, at the model's coefficients
 * @param body   the body's aerodynamic model (null: none, no lift)
 * @param trim   what the fins' trim leaves of the body's incidence and lift (null: all of it, to {@link #mostRad})
 * @param mostRad the largest incidence the fall is flown at, rad
 */
record KnownStage(RetrogradeBraking.Stage stage, BrakingGuidance.NormalForce normal, AirData air, DescentDrag still,
                  SlenderBodyAerodynamics body, TrimmedLift trim, double mostRad) {

    /**
     * The steering of the fall before the burn: the {@link ApproachSteering}'s predictor-corrector over this stage, its
     * ignition the braking's rule, its capability the body's lift at an incidence α: the normal force N turned by α less
     * the axial force A's part across the air, N cos α − A sin α, with the drag it adds, N sin α + A cos α − A₀ (N = q
     * S C_N(α) from the aerodynamic model, A = A₀ cos α, A₀ the guidance's drag), the lift times the share the fins'
     * trim leaves of it, at most at the incidence they hold ({@link TrimmedLift}).
     *
     * @param rule        the braking whose rule lights the engines
     * @param scheduledM  the plan's ignition height above the zone, m (NaN: the rule's)
     * @return the steering
     */
    ApproachSteering approach(BrakingGuidance rule, double scheduledM) {
        RetrogradeBraking.Stage b = stage;
        return new ApproachSteering(new ApproachSteering.Stage() {
            @Override
            public double finCapability(double height, double speed, double mass) {
                return flow(height, speed, mass).capability();
            }

            @Override
            public double steeringDrag(double height, double speed, double mass, double share) {
                Flow f = flow(height, speed, mass);
                return f.forces(f.incidenceFor(Math.min(1, share) * f.capability()))[1] - f.a0();
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
            public double[] crossflow(double height, double[] velocity, double mass) {
                return b.crossflow(height, velocity, mass);
            }

            @Override
            public double ignitionLagS() {
                return b.ignitionLagS();
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
     * The stage as its flight software knows it at the hand-over: the guidance's drag, the landing engines (the stage's
     * first engine's figures), gravity at the zone, the fins' trim tabulated at this mass, the fall's largest incidence
     * {@link LandingBurnLoop#FALL_INCIDENCE_DEG}.
     *
     * @param model       the stage
     * @param engines     the landing engines, in effector order
     * @param emptyMassKg the stage with no usable propellant, kg
     * @param modelDrag   the guidance's drag
     * @param earth       the Earth
     * @param atmosphere  the air's model
     * @param zone        the landing point
     * @param massKg      the stage's mass at the hand-over, kg
     * @param thrust      the engines' thrust as measured in flight
     * @param air         the air as measured in flight
     * @return the stage as the flight software knows it
     */
    static KnownStage flying(StageFlightModel model, int[] engines, double emptyMassKg, DescentDrag modelDrag, EarthModel earth,
                             Atmosphere atmosphere, EarthModel.Geodetic zone, double massKg, ThrustEstimator thrust, AirData air) {
        double most = Math.toRadians(LandingBurnLoop.FALL_INCIDENCE_DEG);
        return of(model, engines, model.stage().getEngines().get(0).getEngine(), emptyMassKg, modelDrag,
            LandingFrame.at(earth, zone).effectiveGravity(), thrust, air, TrimmedLift.of(model, earth, atmosphere, zone, massKg, most), most);
    }

    /**
     * @param thrust the engines' thrust as measured in flight: the braking's thrusts and flow scale with its factor
     * @param air    the air as measured in flight: the drag is the model's at the velocity relative to that wind, times
     *               its axial factor
     * @param trim   what the fins' trim leaves of the incidence and lift (null: all)
     * @param mostRad the largest incidence the fall is flown at, rad
     * @return the stage as the flight software knows it, its thrust and air as measured
     */
    private static KnownStage of(StageFlightModel model, int[] engines, Engine engine, double emptyMassKg, DescentDrag modelDrag, double g,
                                 ThrustEstimator thrust, AirData air, TrimmedLift trim, double mostRad) {
        double tVac = model.engines().get(engines[0]).thrustVacuumN() * engines.length;
        double exit = model.engines().get(engines[0]).nozzleExitAreaM2() * engines.length;
        double zonePressure = modelDrag.air(0).pressure();
        double floor = Math.max(0, engine.getThrottleMin() * tVac - zonePressure * exit);
        double full = tVac - zonePressure * exit;
        double floorFlow = engine.getThrottleMin() * tVac / (PhysicalConstants.STANDARD_GRAVITY * engine.getIspVacuum());
        SlenderBodyAerodynamics body = model.models().stream().filter(SlenderBodyAerodynamics.class::isInstance)
            .map(SlenderBodyAerodynamics.class::cast).findFirst().orElse(null);
        RetrogradeBraking.Stage stage = new RetrogradeBraking.Stage() {
            @Override
            public double[] crossflow(double height, double[] velocity, double mass) {
                return KnownStage.crossflow(body, modelDrag, air, height, velocity, mass);
            }

            @Override
            public double[] uprightPush(double height, double[] velocity, double mass) {
                return KnownStage.normalOnAxis(body, modelDrag, air, height, velocity, new double[] {1, 0, 0}, mass);
            }

            @Override
            public double ignitionLagS() {
                // the raised-cosine build-up's mean is half its length (EngineTransient)
                return engine.getIgnitionTransient() / 2;
            }

            @Override
            public double[] drag(double height, double[] velocity, double mass) {
                double[] d = modelDrag.acceleration(height, air.airVelocity(velocity), mass);
                double k = air.axialFactor();
                return new double[] {k * d[0], k * d[1], k * d[2]};
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
        BrakingGuidance.NormalForce normal = body == null ? (h, v) -> 0 : (h, v) -> {
            var atHeight = modelDrag.air(h);
            double mach = atHeight.speedOfSound() > 0 ? v / atHeight.speedOfSound() : 0;
            return 0.5 * atHeight.density() * v * v * body.referenceAreaM2() * body.normalSlopePerRad().at(mach);
        };
        return new KnownStage(stage, normal, air, modelDrag, body, trim, mostRad);
    }

    /**
     * The side force the braking's predictions add: the normal force in the measured wind ({@link #normalInWind}) and
     * the side force measured beyond the model ({@link AirData#sidePerPascal}), scaled by the dynamic pressure there,
     * across the velocity there.
     *
     * @return m/s², [up, east, north] (none in still air)
     */
    static double[] crossflow(SlenderBodyAerodynamics body, DescentDrag drag, AirData air, double height, double[] velocity, double mass) {
        double[] n = normalInWind(body, drag, air, height, velocity, mass);
        double[] perPa = air.sidePerPascal();
        if (perPa[0] == 0 && perPa[1] == 0 && perPa[2] == 0) {
            return n;
        }
        double speed = Math.sqrt(velocity[0] * velocity[0] + velocity[1] * velocity[1] + velocity[2] * velocity[2]);
        if (speed == 0) {
            return n;
        }
        // the measured remainder, scaled by the dynamic pressure there, across the velocity there
        double[] va = air.airVelocity(velocity);
        double q = 0.5 * drag.air(height).density() * (va[0] * va[0] + va[1] * va[1] + va[2] * va[2]);
        double along = (perPa[0] * velocity[0] + perPa[1] * velocity[1] + perPa[2] * velocity[2]) / speed;
        for (int i = 0; i < 3; i++) {
            n[i] += q * (perPa[i] - along * velocity[i] / speed);
        }
        return n;
    }

    /**
     * The normal force of a body held along the ground's retrograde in the measured wind: the air's velocity v − w
     * meets it at an incidence α, and its normal force q S C_N(α) (the aerodynamic model's) pushes against the air's
     * motion across the axis, downwind; times the trimmed stage's scale at that airspeed ({@link TrimmedCrossflow}),
     * which is tabulated so that this and the sideways part of the guidance's drag (applied along the air's velocity)
     * sum to the trimmed stage's side force, its gimbals' and fins' trimming forces with it.
     *
     * @return m/s², [up, east, north] (none in still air or without a body model)
     */
    static double[] normalInWind(SlenderBodyAerodynamics body, DescentDrag drag, AirData air, double height, double[] velocity, double mass) {
        double speed = Math.sqrt(velocity[0] * velocity[0] + velocity[1] * velocity[1] + velocity[2] * velocity[2]);
        if (speed == 0) {
            return new double[3];
        }
        return normalOnAxis(body, drag, air, height, velocity, new double[] {-velocity[0] / speed, -velocity[1] / speed, -velocity[2] / speed},
            mass);
    }

    /**
     * The body's own normal force in the measured wind, held along the ground's retrograde (Jorgensen's, from the
     * aerodynamic model): {@link #normalInWind} before the trim's scale.
     *
     * @return m/s², [up, east, north] (none in still air or without a body model)
     */
    static double[] bodyNormalInWind(SlenderBodyAerodynamics body, DescentDrag drag, AirData air, double height, double[] velocity,
                                     double mass) {
        double speed = Math.sqrt(velocity[0] * velocity[0] + velocity[1] * velocity[1] + velocity[2] * velocity[2]);
        if (speed == 0) {
            return new double[3];
        }
        return bodyNormalOnAxis(body, drag, air, height, velocity, new double[] {-velocity[0] / speed, -velocity[1] / speed, -velocity[2] / speed},
            mass);
    }

    /**
     * The normal force of the body held along an axis in the measured wind, times the trimmed scale at that airspeed
     * ({@link AirData#crossflowScale}).
     *
     * @param axis the body axis, a unit vector [up, east, north] (engines first: pointing away from the fall)
     * @return m/s², [up, east, north] (none in still air or without a body model)
     */
    static double[] normalOnAxis(SlenderBodyAerodynamics body, DescentDrag drag, AirData air, double height, double[] velocity, double[] axis,
                                 double mass) {
        double[] n = bodyNormalOnAxis(body, drag, air, height, velocity, axis, mass);
        double[] va = air.airVelocity(velocity);
        double scale = air.crossflowScale(Math.sqrt(va[0] * va[0] + va[1] * va[1] + va[2] * va[2]));
        return new double[] {scale * n[0], scale * n[1], scale * n[2]};
    }

    /**
     * The body's own normal force held along an axis in the measured wind: Jorgensen's at the incidence between the axis
     * and the air's velocity (the aerodynamic model's), pushing across the axis against the air's motion across it.
     *
     * @return m/s², [up, east, north] (none in still air or without a body model)
     */
    private static double[] bodyNormalOnAxis(SlenderBodyAerodynamics body, DescentDrag drag, AirData air, double height, double[] velocity,
                                             double[] axis, double mass) {
        if (body == null || air.eastMS() == 0 && air.northMS() == 0) {
            return new double[3];
        }
        double[] va = air.airVelocity(velocity);
        double along = -(va[0] * axis[0] + va[1] * axis[1] + va[2] * axis[2]);
        double[] across = {va[0] + along * axis[0], va[1] + along * axis[1], va[2] + along * axis[2]};
        double crossSpeed = Math.sqrt(across[0] * across[0] + across[1] * across[1] + across[2] * across[2]);
        double airspeed = Math.sqrt(along * along + crossSpeed * crossSpeed);
        if (crossSpeed == 0 || airspeed == 0) {
            return new double[3];
        }
        var at = drag.air(height);
        double mach = at.speedOfSound() > 0 ? airspeed / at.speedOfSound() : 0;
        double n = 0.5 * at.density() * airspeed * airspeed * body.referenceAreaM2()
            * body.normalCoefficient(crossSpeed / airspeed, Math.abs(along) / airspeed, mach) / mass;
        return new double[] {-n * across[0] / crossSpeed, -n * across[1] / crossSpeed, -n * across[2] / crossSpeed};
    }

    /** @return the drag at incidence 0, m/s², at a height, airspeed and mass (the model's times the measured factor) */
    double axial(double height, double speed, double mass) {
        return Math.abs(still.acceleration(height, new double[] {-speed, 0, 0}, mass)[0]) * air.axialFactor();
    }

    /** @return the air's figures at a height, airspeed and mass, evaluated once for any incidence */
    Flow flow(double height, double speed, double mass) {
        double a0 = axial(height, speed, mass);
        if (body == null) {
            return new Flow(null, 0, 0, a0, mostRad, 1);
        }
        var at = still.air(height);
        double mach = at.speedOfSound() > 0 ? speed / at.speedOfSound() : 0;
        double largest = trim == null ? mostRad : Math.min(mostRad, trim.largestRad(mach));
        double share = trim == null ? 1 : Math.max(1e-3, trim.liftShare(mach));
        return new Flow(body, 0.5 * at.density() * speed * speed * body.referenceAreaM2() / mass, mach, a0, largest, share);
    }

    /**
     * The trimmed body's forces at one height and airspeed.
     *
     * @param body the body's model (null: none)
     * @param qs   q S / m, m/s²
     * @param mach Mach number
     * @param a0   the drag at incidence 0, m/s² (the model's times the measured factor)
     * @param largest the largest incidence the fins hold, rad
     * @param share the trimmed lift's share of the body's
     */
    record Flow(SlenderBodyAerodynamics body, double qs, double mach, double a0, double largest, double share) {

        /** @return the lift the trimmed body gives at its largest incidence, m/s² */
        double capability() {
            return share * forces(largest)[0];
        }

        /**
         * The incidence whose trimmed lift gives a lateral acceleration, by bisection (the lift rises with the incidence
         * over the few degrees flown; {@link KnownStage#BISECTIONS} halvings place it to 1e-7 of the largest).
         *
         * @param want a lateral acceleration, m/s² (of the trimmed body)
         * @return the incidence (at most the largest the fins hold, 0 for none), rad
         */
        double incidenceFor(double want) {
            double most = largest;
            want /= share;
            double top = forces(most)[0];
            if (!(want > 0) || !(top > 0)) {
                return 0;
            }
            if (top <= want) {
                return most;
            }
            double lo = 0;
            double hi = most;
            for (int i = 0; i < BISECTIONS; i++) {
                double mid = 0.5 * (lo + hi);
                if (forces(mid)[0] < want) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return 0.5 * (lo + hi);
        }

        /**
         * @return {lift N cos α − A sin α, drag N sin α + A cos α}, m/s², at an incidence: N from the body's aerodynamic
         *         model, A the guidance's drag turned by α, as the model's axial force C_A,aft cos α
         */
        double[] forces(double alpha) {
            double s = Math.sin(alpha);
            double c = Math.cos(alpha);
            double n = body == null ? 0 : qs * body.normalCoefficient(s, c, mach);
            double a = a0 * c;
            return new double[] {n * c - a * s, n * s + a * c};
        }
    }

    /** Halvings of the incidence's interval. */
    static final int BISECTIONS = 24;

    /** @return the braking's guidance on this stage */
    BrakingGuidance braking() {
        return new BrakingGuidance(stage, normal);
    }

    /** @param authority the tilt's lateral acceleration per radian @return the braking's guidance on this stage, with it */
    BrakingGuidance braking(BrakingGuidance.TiltAuthority authority) {
        return new BrakingGuidance(stage, normal, authority);
    }

}
