package org.launchbench.recovery.loop;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.models.Gravitation;
import org.launchbench.flight.sensors.GnssErrors;
import org.launchbench.flight.sensors.GnssFix;
import org.launchbench.flight.sensors.GnssReceiver;
import org.launchbench.flight.sensors.Imu;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.flight.sensors.ImuSample;
import org.launchbench.flight.sensors.RadarAltimeter;
import org.launchbench.flight.vehicle.ActuatorCommands;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.flight.vehicle.StagePlant;
import org.launchbench.flight.wind.AirDisturbances;
import org.launchbench.recovery.control.AttitudeController;
import org.launchbench.recovery.descent.ApproachSteering;
import org.launchbench.recovery.descent.BrakingGuidance;
import org.launchbench.recovery.descent.DescentDrag;
import org.launchbench.recovery.descent.LandingFrame;
import org.launchbench.recovery.descent.LandingGuidance;
import org.launchbench.recovery.descent.PoweredDescent;
import org.launchbench.recovery.descent.RetrogradeBraking;
import org.launchbench.recovery.navigation.ErrorStateFilter;
import org.launchbench.recovery.navigation.NavigationEstimate;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * A landing burn flown by the flight software on the 6-DOF plant, to the ground: each control period the plant's truth
 * gives the IMU its specific force and rates, GNSS its fix (after its latency) and the radar its height; the
 * {@link ErrorStateFilter} estimates the state; the guidance works on the <i>estimate</i>: either the
 * {@link BrakingGuidance}, which holds the body along its retrograde until its rule lights the engines, brakes along
 * the retrograde and ends in a vertical descent, its fall steered by the trimmed body's lift ({@link TrimmedLift}), its
 * predictions in the air it measures ({@link AirDataEstimator}) and its braking's tilt by the trimmed stage's authority
 * ({@link TrimmedTilt}), or (the point-mass recovery's way) the {@link LandingGuidance}'s
 * fuel-optimal plans from ignition on, re-solved at their rate, the drag they did not plan made up from the drag the
 * accelerometers measure; the {@link AttitudeController} points the landing engines along the guidance's thrust
 * through gimbals, fins and RCS; the plant's actuators move within their limits. The flight software reads the truth nowhere but in its mass
 * (taken as known, as a flight computer integrates its flow meters) and in the actuators' achieved positions.
 * Not thread-safe; one instance per flight.
 */
public final class LandingBurnLoop {

    /** GNSS fixes and radar heights per second. */
    static final double RADAR_HZ = 20;
    /** Where the radar reads from, m. */
    static final double RADAR_RANGE_M = 5000;

    /**
     * The flight software's set-up.
     *
     * @param model       the stage
     * @param zone        the landing point
     * @param engines     the landing engines, in effector order
     * @param emptyMassKg the stage with no usable propellant, kg
     * @param marginKg    propellant the plans keep while they can, kg
     * @param maxTiltDeg  the plans' thrust limit from the vertical (NaN: none), deg
     * @param maxPointingDeg the plans' thrust limit from the retrograde above {@link #POINTING_ABOVE_M_S} (NaN: none), deg
     * @param imu         the IMU's grade (its rate must be the loop's)
     * @param gnss        the GNSS receiver's figures
     * @param seed        the sensors' and the navigation's initial error's seed
     * @param brakesFirst whether the flight software lights the engines itself and flies the burn by
     *                    {@link BrakingGuidance} (along the retrograde, then a vertical descent); otherwise the engines are
     *                    lit at the start and the convex guidance flies the whole burn (as the point-mass recovery does)
     * @param scheduledIgnitionM the plan's ignition height above the zone, m, where it sets one (NaN: the flight
     *                    software's own rule)
     */
    public record Setup(StageFlightModel model, EarthModel.Geodetic zone, int[] engines, double emptyMassKg, double marginKg,
                        double maxTiltDeg, double maxPointingDeg, ImuErrors imu, GnssErrors gnss, long seed, boolean brakesFirst,
                        double scheduledIgnitionM) {

        /** A set-up whose ignition is the flight software's own rule. */
        public Setup(StageFlightModel model, EarthModel.Geodetic zone, int[] engines, double emptyMassKg, double marginKg, double maxTiltDeg,
                     double maxPointingDeg, ImuErrors imu, GnssErrors gnss, long seed, boolean brakesFirst) {
            this(model, zone, engines, emptyMassKg, marginKg, maxTiltDeg, maxPointingDeg, imu, gnss, seed, brakesFirst, Double.NaN);
        }
    }

    /**
     * How it ended, in the truth and as navigation saw it.
     *
     * @param grounded              whether the stage reached the ground within the time allowed
     * @param trouble               what went wrong in the flight software (null: nothing)
     * @param missM                 horizontal distance from the zone's centre at touchdown, m
     * @param verticalSpeedMS       downward speed at touchdown, m/s
     * @param horizontalSpeedMS     horizontal speed at touchdown, m/s
     * @param tiltDeg               the body axis from the vertical at touchdown, deg
     * @param angularRateDegS       the body's rate relative to the ground at touchdown, deg/s
     * @param propellantLeftKg      above the empty mass, kg
     * @param software              the actuators' use, the navigation's error at touchdown and the guidance's solves
     * @param durationS             hand-over to the ground, s
     * @param maxCommandOffRetrogradeDeg the guidance's thrust direction's largest angle from the retrograde in the burn's
     *                              first {@link #OPENING_S} s (the thickest air, where the body is held near the
     *                              retrograde), deg
     * @param maxBodyOffRetrogradeDeg    the body axis's largest angle from it then, deg
     * @param ignitionHeightM       where the engines were lit, m above the zone (NaN: never)
     */
    public record Result(boolean grounded, String trouble, double missM, double verticalSpeedMS, double horizontalSpeedMS, double tiltDeg,
                         double angularRateDegS, double propellantLeftKg, RecoveryResult.FlightSoftware software, double durationS,
                         double maxCommandOffRetrogradeDeg, double maxBodyOffRetrogradeDeg, double ignitionHeightM) {
    }

    /**
     * What the plant has that the flight software does not know (a flight's dispersion and failures).
     *
     * @param winds          the wind the plant flies in (the software's conditions are calm)
     * @param thrustFactor   the engines' thrust over the model's against the seconds since they lit (the flight's
     *                       thrust error and the landing burn's failures)
     * @param ignitionDelayS how long after the software lights them the engines give thrust, s
     * @param ispFactor      the engines' specific impulse over the model's
     * @param dragFactor     the body's axial aerodynamic force over the model's
     */
    public record Plant(Winds winds, DoubleUnaryOperator thrustFactor, double ignitionDelayS, double ispFactor, double dragFactor) {
        /** The plant as the flight software models it. */
        public static final Plant AS_MODELLED = new Plant(Winds.CALM, since -> 1, 0, 1, 1);
    }

    /** Watches the flight after each control period (to carry another simulation's record along, say). */
    public interface Observer {
        /**
         * @param truth            the stage now
         * @param burning          whether the landing engines give thrust now
         * @param throttle         their throttle now
         * @param specificForceMS2 the specific force's magnitude now, m/s²
         */
        void step(RigidBodyState truth, boolean burning, double throttle, double specificForceMS2);
    }

    /** Above this speed the pointing limit holds, m/s: where the air's moments are beyond what gimbal and fins hold. */
    public static final double POINTING_ABOVE_M_S = 100;

    /**
     * The largest incidence the flight software flies the fall before the burn at, deg: its steering is the body's lift
     * there, which the grid fins hold (assumed; the fins' largest deflection is reported with every flight).
     */
    public static final double FALL_INCIDENCE_DEG = 10;

    /**
     * A stage whose propellant ran out and which hits the ground faster than this was brought down by that, m/s (one
     * that runs dry in its last centimetres of a good landing was not).
     */
    static final double TOUCHDOWN_OUT_OF_PROPELLANT_M_S = 6;

    /** The control periods between the ignition rule's evaluations far from lighting (10 Hz at 100 Hz). */
    static final int RULE_EVERY = 10;

    /**
     * The braking's side force is measured from this many ignition transients after the engines are commanded on: the
     * thrust has built up by then even when they light late (a late ignition the flight software is not told of).
     */
    static final double SIDE_AFTER_TRANSIENTS = 2;

    /** The braking's side force is measured while its tilt off the retrograde is under this, rad (half a degree). */
    static final double SIDE_TILT_RAD = Math.toRadians(0.5);

    /**
     * The braking's side force is measured while the body itself (as navigated) is within this of the retrograde, rad
     * (one degree): a body still swinging from a tilt just taken off pushes the air as the tilt did.
     */
    static final double SIDE_BODY_RAD = Math.toRadians(1);

    /** How often the crosswind's push ahead is tabulated, Hz ({@link TrimmedCrossflow}). */
    static final double CROSSWIND_HZ = 1;

    /** How often the fall's steering re-solves its shares, Hz (the fins' steering's rate in the point-mass recovery). */
    static final double FALL_STEERING_HZ = 1;

    /** The burn's opening seconds, over which the guidance's pointing is compared with the retrograde. */
    public static final double OPENING_S = 3;

    private final Setup setup;
    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final LandingFrame frame;
    private final DescentDrag modelDrag;
    private final AirReadings readings;

    /**
     * @param setup      the flight software's set-up
     * @param earth      the Earth (the plant's and the flight software's)
     * @param atmosphere the air (likewise)
     */
    public LandingBurnLoop(Setup setup, EarthModel earth, Atmosphere atmosphere) {
        this.setup = setup;
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.frame = LandingFrame.at(earth, setup.zone());
        this.modelDrag = DescentDrag.of(setup.model().stage(), atmosphere, setup.zone().height());
        this.readings = new AirReadings(earth, frame, setup.engines(), modelDrag);
    }

    /**
     * @param initial    the stage at ignition (truth)
     * @param maxSeconds the longest the burn may take
     * @return how it ended
     */
    public Result fly(RigidBodyState initial, double maxSeconds) {
        return fly(initial, maxSeconds, Plant.AS_MODELLED, null);
    }

    /**
     * @param initial    the stage at the hand-over (truth)
     * @param maxSeconds the longest the flight may take
     * @param truth      what the plant has that the flight software does not know
     * @param observer   told of each control period (null: none)
     * @return how it ended
     */
    public Result fly(RigidBodyState initial, double maxSeconds, Plant truth, Observer observer) {
        StageFlightModel model = setup.model();
        double dt = setup.imu().periodS();
        FlightEnvironment env = new FlightEnvironment(earth, atmosphere, Winds.CALM);
        // the air the attitude loop models, rebuilt when the measured wind changes (10 Hz at most, then held)
        FlightEnvironment measuredAir = env;
        double windEast = 0;
        double windNorth = 0;
        double[] factor = {1};
        StagePlant plant = new StagePlant(model.dispersed(() -> factor[0], truth.ispFactor(), truth.dragFactor()), List.of(), new FlightEnvironment(earth, atmosphere, truth.winds()),
            new AirDisturbances(null, List.of()), initial, 1 / dt, dt, setup.zone().height());
        Imu imu = new Imu(setup.imu(), setup.seed());
        GnssReceiver gnss = new GnssReceiver(setup.gnss(), List.of(), setup.seed() + 1);
        RadarAltimeter radar = RadarAltimeter.landing(setup.seed() + 2);
        ErrorStateFilter nav = new ErrorStateFilter(earth, ErrorStateFilter.Tuning.of(setup.imu()), HandOverNavigation.drawn(initial, setup.imu(), setup.seed() + 3));
        PoweredDescent descent = LandingGuidance.newDescent();
        int n = model.engines().size();
        var engine = model.stage().getEngines().get(0).getEngine();
        double ispNominal = engine.getIspVacuum();
        LandingGuidance guidance = new LandingGuidance(new LandingGuidance.Config(setup.emptyMassKg(), setup.marginKg(), ispNominal,
            setup.maxTiltDeg(), 20, 0.25, 2, modelDrag, setup.maxPointingDeg(), POINTING_ABOVE_M_S), descent);
        AttitudeController control = new AttitudeController(model, AttitudeController.Gains.DEFAULT, true);
        ThrustEstimator measured = new ThrustEstimator();
        AirDataEstimator airData = setup.brakesFirst() ? new AirDataEstimator(model, earth, atmosphere) : null;
        KnownStage figures = setup.brakesFirst()
            ? KnownStage.flying(model, setup.engines(), setup.emptyMassKg(), modelDrag, earth, atmosphere, setup.zone(), initial.massKg(),
                measured, airData) : null;
        double finRange = model.finCount() > 0 ? Math.toRadians(model.stage().getRecovery().getGridFins().getDeflectionLimit()) : 0;
        TrimmedForces trimmed = figures != null ? new TrimmedForces(model, setup.engines(), earth, atmosphere, frame, figures.air(),
            Math.toRadians(engine.getGimbalRange()), finRange) : null;
        TrimmedTilt authority = trimmed != null ? new TrimmedTilt(trimmed) : null;
        TrimmedCrossflow crosswind = trimmed != null ? new TrimmedCrossflow(trimmed, modelDrag) : null;
        if (crosswind != null) {
            airData.crossflowScale(crosswind);
        }
        double nextCrosswind = Double.NEGATIVE_INFINITY;
        BrakingGuidance braking = figures != null ? figures.braking(authority) : null;
        double scheduled = setup.scheduledIgnitionM();
        // the fall's predictions ask the rule of states the stage may never fly: their own instance, so that its scan's
        // memory is not the decision's
        ApproachSteering fall = figures != null ? figures.approach(figures.braking(), scheduled) : null;
        int fallSolves = 0;
        double[] shares = {0, 0};
        double nextFall = Double.NEGATIVE_INFINITY;
        double ruleExcess = Double.NEGATIVE_INFINITY;
        double[] gimbalRange = new double[n];
        Arrays.fill(gimbalRange, Math.toRadians(engine.getGimbalRange()));
        double g = frame.effectiveGravity();
        double tVac = model.engines().get(setup.engines()[0]).thrustVacuumN() * setup.engines().length;
        double exit = model.engines().get(setup.engines()[0]).nozzleExitAreaM2() * setup.engines().length;
        int perFix = (int) Math.round(setup.gnss().rateHz() > 0 ? 1 / (dt * setup.gnss().rateHz()) : Integer.MAX_VALUE);
        int perRadar = (int) Math.round(1 / (dt * RADAR_HZ));
        ArrayDeque<GnssFix> pending = new ArrayDeque<>();
        double maxGimbal = 0;
        double maxFin = 0;
        double maxCommandOff = 0;
        double maxBodyOff = 0;
        String trouble = null;
        boolean cut = false;
        boolean lit = !setup.brakesFirst();
        boolean convex = !setup.brakesFirst();
        double t0 = initial.timeS();
        double litAt = lit ? t0 : Double.NaN;
        double litHeight = lit ? heightOf(t0, initial.positionEciM()) : Double.NaN;
        Vector3D lastForce = specificForceBody(plant);
        int steps = (int) Math.ceil(maxSeconds / dt);
        boolean flying = true;
        SolveClock clock = new SolveClock();
        double rcsKg = 0;
        double[] rcsFlow = rcsFlowKgS(model);
        // the estimate and the truth at the same instant, for the navigation's consistency at touchdown
        NavigationEstimate lastEstimate = nav.estimate();
        RigidBodyState lastTruth = plant.state();
        for (int k = 0; k <= steps && flying; k++) {
            RigidBodyState now = plant.state();
            double t = now.timeS();
            // sensors (truth in), then navigation
            ImuSample sample = imu.measure(t, lastForce, now.bodyRatesInertialRadS());
            nav.propagate(sample);
            if (figures != null) {
                NavigationEstimate e = nav.estimate();
                double[] le = frame.local(e.timeS(), e.positionEciM(), e.velocityEciMS());
                measured.update(sample.specificForceBodyMS2().getX() - e.accelBiasMS2().getX(), readings.modelAxial(e, le, now.massKg(), figures),
                    readings.modelThrust(plant, tVac, modelDrag.air(le[0]).pressure(), exit), now.massKg(), dt);
                if (airData != null) {
                    // the air's force alone while the engines are off: measured until they light, then held
                    if (lit) {
                        airData.discard();
                    } else {
                        airData.sample(sample.specificForceBodyMS2().subtract(e.accelBiasMS2()));
                        if (k % RULE_EVERY == 0) {
                            airData.update(e, sample.angularRateBodyRadS().subtract(e.gyroBiasRadS()), now.massKg(), plant.effectors(),
                                RULE_EVERY * dt);
                        }
                    }
                }
            }
            if (k % perFix == 0) {
                Vector3D rE = earth.toFixed(t, now.positionEciM());
                Vector3D vE = earth.toFixed(t, now.velocityEciMS().subtract(Vector3D.crossProduct(earth.rotation(), now.positionEciM())));
                gnss.measure(t, rE, vE).ifPresent(pending::addLast);
            }
            while (!pending.isEmpty() && pending.peekFirst().availableAtS() <= t + 1e-9) {
                nav.updateGnss(pending.removeFirst(), setup.gnss());
            }
            if (k % perRadar == 0) {
                Optional<Double> h = radar.measure(heightOf(t, now.positionEciM()));
                if (h.isPresent()) {
                    nav.updateHeight(h.get(), radar.sigmaM(h.get()), frame.zoneEcef(), frame.up());
                }
            }
            NavigationEstimate est = nav.estimate();
            lastEstimate = est;
            lastTruth = now;
            double[] l = frame.local(t, est.positionEciM(), est.velocityEciMS());
            double mass = now.massKg();
            double pressure = modelDrag.air(l[0]).pressure();
            if (crosswind != null && t >= nextCrosswind - 1e-9) {
                // the crosswind's push ahead, as the trimmed stage gives it, for the fall's and the braking's predictions
                RetrogradeBraking.Stage known = figures.stage();
                double low = known.brakingThrust(mass);
                double middle = low + BrakingGuidance.IGNITION_RAISE * (known.fullThrust() - low);
                crosswind.update(t, l, mass, middle, middle / mass - g);
                nextCrosswind = t + 1 / CROSSWIND_HZ;
            }
            boolean light = false;
            if (!lit && !Double.isNaN(scheduled)) {
                light = l[3] < 0 && l[0] <= scheduled;
            } else if (!lit && (k % RULE_EVERY == 0 || ruleExcess > -RULE_EVERY * dt * 2 * Math.abs(l[3]))) {
                // the rule's prediction is the loop's dearest sum: evaluated at 10 Hz, and at every step once within two
                // of those periods of lighting (so the ignition is placed to a step, as before)
                ruleExcess = braking.ignitionExcess(l, mass);
                light = l[3] < 0 && ruleExcess >= 0;
            }
            if (light) {
                lit = true;
                litAt = t;
                litHeight = heightOf(t, now.positionEciM());
            }
            double[] a;
            if (!lit) {
                // falling engines first, engines off, the body at the incidence whose lift the fall's steering asks for
                if (t >= nextFall - 1e-9) {
                    long before = clock.start();
                    shares = fall.update(l, mass);
                    clock.stop(before, true);
                    fallSolves++;
                    nextFall = t + 1 / FALL_STEERING_HZ;
                }
                a = fallAxis(l, mass, shares, figures);
            } else if (!convex) {
                long before = clock.start();
                int solved = braking.solves();
                if (authority != null) {
                    authority.at(t);
                }
                if (t >= litAt + SIDE_AFTER_TRANSIENTS * engine.getIgnitionTransient() && braking.tiltRad() < SIDE_TILT_RAD
                    && offRetrograde(est, l) < SIDE_BODY_RAD) {
                    // the side force the model misses, measured once the thrust has built up and while the braking
                    // holds the body along the retrograde (the model's body; a tilt's own push is not a disturbance)
                    readings.sampleSide(airData, figures, l, mass, readings.measuredAero(est, sample.specificForceBodyMS2(), plant, mass, tVac, exit, pressure,
                        measured.factor()), dt);
                }
                a = braking.thrust(t, l, mass);
                clock.stop(before, braking.solves() > solved);
            } else {
                long before = clock.start();
                int solved = guidance.solves();
                a = terminalCommand(guidance, cut, t, l, mass, pressure, engine.getThrottleMin(), tVac, exit, g,
                    readings.measuredAero(est, sample.specificForceBodyMS2(), plant, mass, tVac, exit, pressure, 1));
                clock.stop(before, guidance.solves() > solved);
                trouble = guidance.trouble() != null ? guidance.trouble() : trouble;
            }
            // the burn ends when the plan says, or (braking) when the stage has stopped falling: it cannot hover
            if (!cut && (convex ? guidance.finished(t, l[3]) : lit && t - litAt > 1 && l[3] > -0.1)) {
                cut = true;
            }
            double thrust = lit ? Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) * mass : 0;
            double throttle = lit ? (thrust / measured.factor() + pressure * exit) / tVac : 0;
            double[] throttles = new double[n];
            boolean[] burning = new boolean[n];
            boolean giving = lit && !cut && t >= litAt + truth.ignitionDelayS() - 1e-9;
            factor[0] = giving ? truth.thrustFactor().applyAsDouble(t - litAt - truth.ignitionDelayS()) : 1;
            for (int e : setup.engines()) {
                throttles[e] = throttle;
                burning[e] = giving;
            }
            Vector3D axis = frame.inertial(t, a[0], a[1], a[2]);
            // the attitude loop's model of the air's moment, in the wind as measured: in calm air the moment of a
            // crosswind's incidence is left to the slow integral, and the body hangs off its command (docs/gnc.md)
            if (airData != null && (airData.eastMS() != windEast || airData.northMS() != windNorth)) {
                windEast = airData.eastMS();
                windNorth = airData.northMS();
                measuredAir = new FlightEnvironment(earth, atmosphere, Winds.horizontal(windEast, windNorth));
            }
            FlightConditions known = new FlightConditions(new RigidBodyState(t, est.positionEciM(), est.velocityEciMS(), est.attitude(),
                sample.angularRateBodyRadS().subtract(est.gyroBiasRadS()), mass), measuredAir, model.massModel().at(mass), plant.effectors(),
                Vector3D.ZERO);
            ActuatorCommands cmd = control.next(known, cut ? Vector3D.ZERO : axis, throttles, burning, gimbalRange, finRange, dt);
            Vector3D vRel = now.velocityEciMS().subtract(Vector3D.crossProduct(earth.rotation(), now.positionEciM()));
            if (lit && t - litAt < OPENING_S && vRel.getNorm() > 0) {
                maxCommandOff = Math.max(maxCommandOff, Math.toDegrees(Vector3D.angle(axis, vRel.negate())));
                maxBodyOff = Math.max(maxBodyOff, Math.toDegrees(Vector3D.angle(now.attitude().toInertial(Vector3D.PLUS_I), vRel.negate())));
            }
            plant.command(cmd);
            flying = plant.advance();
            lastForce = specificForceBody(plant);
            for (int i = 0; i < n; i++) {
                maxGimbal = Math.max(maxGimbal, Math.toDegrees(Math.max(Math.abs(plant.effectors().gimbalPitchRad(i)),
                    Math.abs(plant.effectors().gimbalYawRad(i)))));
            }
            for (int f = 0; f < model.finCount(); f++) {
                maxFin = Math.max(maxFin, Math.toDegrees(Math.abs(plant.effectors().finDeflectionRad(f))));
            }
            for (int j = 0; j < rcsFlow.length; j++) {
                rcsKg += plant.effectors().rcsOnFraction(j) * rcsFlow[j] * dt;
            }
            if (observer != null) {
                observer.step(plant.state(), giving, throttle, lastForce.getNorm());
            }
        }
        RigidBodyState end = plant.state();
        double tEnd = end.timeS();
        double[] lt = frame.local(tEnd, end.positionEciM(), end.velocityEciMS());
        // the estimate against the truth at the same instant (the last control period's)
        NavigationEstimate est = lastEstimate;
        double[] le = frame.local(lastTruth.timeS(), est.positionEciM(), est.velocityEciMS());
        double[] lk = frame.local(lastTruth.timeS(), lastTruth.positionEciM(), lastTruth.velocityEciMS());
        Vector3D upI = earth.toInertial(tEnd, frame.up());
        double tilt = Math.toDegrees(Vector3D.angle(end.attitude().toInertial(Vector3D.PLUS_I), upI));
        double rate = Math.toDegrees(end.bodyRatesInertialRadS().subtract(end.attitude().toBody(earth.rotation())).getNorm());
        RecoveryResult.FlightSoftware software = new RecoveryResult.FlightSoftware(maxGimbal, engine.getGimbalRange(), maxFin,
            Math.toDegrees(finRange) > 0 ? Math.toDegrees(finRange) : Double.NaN, rcsKg, rcsCapacityKg(model),
            est.positionEciM().distance(lastTruth.positionEciM()), le[1] - lk[1], le[2] - lk[2], est.positionVelocityNees(lastTruth.positionEciM(), lastTruth.velocityEciMS()),
            guidance.solves() + (braking == null ? 0 : braking.solves()) + fallSolves, clock.percentileMs(50), clock.percentileMs(99), clock.percentileMs(100));
        if (trouble == null && plant.depleted() && -lt[3] > TOUCHDOWN_OUT_OF_PROPELLANT_M_S) {
            trouble = "the landing burn ran out of propellant";
        }
        return new Result(!flying, trouble, Math.hypot(lt[1], lt[2]), -lt[3], Math.hypot(lt[4], lt[5]), tilt, rate,
            end.massKg() - setup.emptyMassKg(), software, tEnd - t0, maxCommandOff, maxBodyOff, litHeight);
    }

    /**
     * The body axis for the fall's steering: the retrograde relative to the air as measured, turned by the incidence
     * whose trimmed lift gives the steering's lateral acceleration. The air pushes a body at incidence along the
     * crossflow, toward the side its leading end (the engines, falling) leans to; so the nose is turned away from the
     * wanted acceleration.
     *
     * @param l         [up, east, north, v_up, v_east, v_north] (navigated)
     * @param mass      kg
     * @param shares    the steering's {across, lift} shares of the body's capability at the largest incidence
     * @param known     the stage as the flight software knows it (its trimmed lift and largest incidence)
     * @return the axis [up, east, north] (any length)
     */
    static double[] fallAxis(double[] l, double mass, double[] shares, KnownStage known) {
        double[] v = known.air().airVelocity(new double[] {l[3], l[4], l[5]});
        double speed = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        double[] retro = {-v[0], -v[1], -v[2]};
        double perRad = known.normal().perRadian(l[0], speed);
        if (speed == 0 || !(perRad > 0)) {
            return retro;
        }
        // the air's figures at this height and airspeed, once for the capability and the incidence
        KnownStage.Flow flow = known.flow(l[0], speed, mass);
        double[] want = ApproachSteering.finAcceleration(v, flow.capability(), shares[0], shares[1]);
        double size = Math.sqrt(want[0] * want[0] + want[1] * want[1] + want[2] * want[2]);
        if (size == 0) {
            return retro;
        }
        double alpha = flow.incidenceFor(size);
        double c = Math.cos(alpha) / speed;
        double sn = Math.sin(alpha) / size;
        return new double[] {c * retro[0] - sn * want[0], c * retro[1] - sn * want[1], c * retro[2] - sn * want[2]};
    }

    /**
     * The convex guidance's command (re-solved when due): the plan's thrust with the drag it did not plan made up;
     * after the plan, a slow settle; with no plan, full thrust against the velocity (as the point-mass recovery's
     * fallback does).
     */
    private static double[] terminalCommand(LandingGuidance guidance, boolean cut, double t, double[] l, double mass,
                                            double pressure, double throttleMin, double tVac, double exit, double g, double[] measuredDrag) {
        if (!cut && guidance.due(t)) {
            double tMax = tVac - pressure * exit;
            double tMin = Math.max(0, throttleMin * tVac - pressure * exit);
            guidance.update(t, new double[] {l[0], l[1], l[2]}, new double[] {l[3], l[4], l[5]}, mass, tMin, tMax, new double[] {-g, 0, 0},
                measuredDrag);
        }
        LandingGuidance.Plan plan = guidance.plan();
        if (plan != null && t < plan.end()) {
            return plan.thrustAcceleration(t, measuredDrag);
        }
        if (plan != null) {
            // after the plan: hold a slow descent, the thrust straight up
            return new double[] {LandingGuidance.settleAcceleration(l[3], g), 0, 0};
        }
        double speed = Math.sqrt(l[3] * l[3] + l[4] * l[4] + l[5] * l[5]);
        double full = (tVac - pressure * exit) / mass;
        return speed > 1e-3 ? new double[] {-full * l[3] / speed, -full * l[4] / speed, -full * l[5] / speed} : new double[] {full, 0, 0};
    }

    /** Each RCS thruster's propellant flow when on, kg/s, from the stage's RCS figures (none: no thrusters). */
    private static double[] rcsFlowKgS(StageFlightModel model) {
        double[] flow = new double[model.rcsCount()];
        var rcs = model.stage().getRecovery() != null ? model.stage().getRecovery().getRcs() : null;
        if (rcs != null && rcs.getIsp() > 0) {
            Arrays.fill(flow, rcs.getThrust() / (PoweredDescent.G0 * rcs.getIsp()));
        }
        return flow;
    }

    /** The propellant the stage's RCS carries, kg (0: none). */
    private static double rcsCapacityKg(StageFlightModel model) {
        var rcs = model.stage().getRecovery() != null ? model.stage().getRecovery().getRcs() : null;
        return rcs != null ? rcs.getPropellantMass() : 0;
    }

    /** The specific force on the plant's body now, body axes: every force but gravitation, over the mass. */
    private static Vector3D specificForceBody(StagePlant plant) {
        FlightConditions c = plant.conditions();
        Loads loads = nonGravitational(plant.model().models(), c);
        return loads.forceBody().add(c.state().attitude().toBody(loads.forceInertial())).scalarMultiply(1 / c.state().massKg());
    }

    /** @return the loads of every model but gravitation (what accelerometers sense), at the conditions */
    static Loads nonGravitational(List<ForceModel> models, FlightConditions c) {
        Loads loads = new Loads();
        for (ForceModel m : models) {
            if (!(m instanceof Gravitation)) {
                m.contribute(c, loads);
            }
        }
        return loads;
    }

    /** The estimated body axis's angle from the estimated retrograde over the ground, rad. */
    private double offRetrograde(NavigationEstimate est, double[] l) {
        Vector3D axis = earth.toFixed(est.timeS(), est.attitude().toInertial(Vector3D.PLUS_I));
        Vector3D retro = frame.up().scalarMultiply(-l[3]).add(frame.east().scalarMultiply(-l[4])).add(frame.north().scalarMultiply(-l[5]));
        return retro.getNorm() > 0 ? Vector3D.angle(axis, retro) : 0;
    }

    private double heightOf(double t, Vector3D rI) {
        return Vector3D.dotProduct(earth.toFixed(t, rI).subtract(frame.zoneEcef()), frame.up());
    }
}
