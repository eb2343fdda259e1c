package org.launchbench.flight.vehicle;

import java.util.ArrayList;
import java.util.List;

import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.FlightEventDetector;
import org.launchbench.flight.RigidBodyDynamics;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.SixDofPropagator;
import org.launchbench.flight.actuators.ActuatorLimits;
import org.launchbench.flight.actuators.FirstOrderActuator;
import org.launchbench.flight.actuators.GimbalActuator;
import org.launchbench.flight.actuators.RcsValve;
import org.launchbench.flight.actuators.ThrottleActuator;
import org.launchbench.flight.wind.AirDisturbances;
import org.launchbench.vehicle.model.Engine;
import org.launchbench.vehicle.model.EngineCluster;
import org.launchbench.vehicle.model.GridFins;
import org.launchbench.vehicle.model.Rcs;
import org.launchbench.vehicle.model.RecoveryHardware;
import org.launchbench.vehicle.model.Stage;

/**
 * A stage in flight as the truth side of a flight loop sees it (design.md, "The flight and the flight software"):
 * its 6-DOF body and its actuators, advanced one control period at a time. A controller commands
 * ({@link #command}); each {@link #advance()} moves every actuator through the period with its command held, hands
 * the body the achieved positions averaged over the period (the trapezoid of start and end; an RCS valve's open
 * fraction), holds the air's gust, and integrates the body.
 * <p>
 * Actuator figures come from the stage's model where given; where not, these stated defaults: gimbals slew at
 * 20°/s with a 0.05 s lag, throttles move 0.5 of full thrust per second with a 0.1 s lag, fins move at 60°/s with a
 * 0.05 s lag, RCS valves open for at least 20 ms (typical of hydraulic and electromechanical launch-vehicle actuators
 * and of cold-gas valves; to be replaced by a vehicle's figures). Not thread-safe: one plant per flight.
 */
public final class StagePlant {

    /** Defaults where the stage's model gives no figure (see the class comment). */
    static final double GIMBAL_RATE_DEG_S = 20;
    static final double GIMBAL_LAG_S = 0.05;
    static final double THROTTLE_RATE_PER_S = 0.5;
    static final double THROTTLE_LAG_S = 0.1;
    static final double FIN_RATE_DEG_S = 60;
    static final double FIN_LAG_S = 0.05;
    static final double RCS_MIN_ON_S = 0.02;

    private final StageFlightModel model;
    private final RigidBodyDynamics dynamics;
    private final SixDofPropagator propagator;
    private final AirDisturbances air;
    private final double periodS;
    private final List<GimbalActuator> gimbals = new ArrayList<>();
    private final List<ThrottleActuator> throttles = new ArrayList<>();
    private final List<FirstOrderActuator> fins = new ArrayList<>();
    private final List<RcsValve> valves = new ArrayList<>();
    private final boolean[] burning;
    private boolean depleted;
    private RigidBodyState state;
    private EffectorPositions effectors;
    private boolean ground;

    /**
     * @param model       the stage as a 6-DOF body
     * @param environment the Earth, air and mean wind
     * @param air         turbulence and gusts (none: {@code new AirDisturbances(null, List.of())})
     * @param initial     the stage's state at the start
     * @param rateHz      the actuators' and controller's rate, Hz
     * @param maxStepS    the integrator's largest step, s
     */
    public StagePlant(StageFlightModel model, FlightEnvironment environment, AirDisturbances air, RigidBodyState initial, double rateHz,
                      double maxStepS) {
        this(model, List.of(), environment, air, initial, rateHz, maxStepS);
    }

    /**
     * @param model       the stage as a 6-DOF body
     * @param extra       force models added to the stage's own (a third party's, through a {@code ForceModelProvider})
     * @param environment the Earth, air and mean wind
     * @param air         turbulence and gusts
     * @param initial     the stage's state at the start
     * @param rateHz      the actuators' and controller's rate, Hz
     * @param maxStepS    the integrator's largest step, s
     */
    public StagePlant(StageFlightModel model, List<org.launchbench.flight.ForceModel> extra, FlightEnvironment environment,
                      AirDisturbances air, RigidBodyState initial, double rateHz, double maxStepS) {
        this(model, extra, environment, air, initial, rateHz, maxStepS, 0);
    }

    /**
     * @param model         the stage as a 6-DOF body
     * @param extra         force models added to the stage's own
     * @param environment   the Earth, air and mean wind
     * @param air           turbulence and gusts
     * @param initial       the stage's state at the start
     * @param rateHz        the actuators' and controller's rate, Hz
     * @param maxStepS      the integrator's largest step, s
     * @param groundHeightM the ground's height above the ellipsoid where the stage comes down (a landing pad's), m
     */
    public StagePlant(StageFlightModel model, List<org.launchbench.flight.ForceModel> extra, FlightEnvironment environment,
                      AirDisturbances air, RigidBodyState initial, double rateHz, double maxStepS, double groundHeightM) {
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException("a control rate is positive: " + rateHz);
        }
        this.model = model;
        List<org.launchbench.flight.ForceModel> models = new ArrayList<>(model.models());
        models.addAll(extra);
        this.dynamics = new RigidBodyDynamics(environment, model.massModel(), models);
        this.propagator = new SixDofPropagator(dynamics, maxStepS, List.of(groundHeightM == 0 ? FlightEventDetector.ground()
            : FlightEventDetector.descendingThrough("ground", groundHeightM)));
        this.air = air;
        this.periodS = 1 / rateHz;
        Stage stage = model.stage();
        for (EngineCluster cluster : stage.getEngines()) {
            Engine e = cluster.getEngine();
            for (int i = 0; i < cluster.getCount(); i++) {
                double range = Math.toRadians(e.getGimbalRange());
                double rate = Math.toRadians(e.getGimbalRate() > 0 ? e.getGimbalRate() : GIMBAL_RATE_DEG_S);
                gimbals.add(GimbalActuator.firstOrder(ActuatorLimits.symmetric(range, rate),
                    lag(e.getGimbalRate(), e.getGimbalTimeConstant(), GIMBAL_LAG_S), false));
                double throttleRate = e.getThrottleRate() > 0 ? e.getThrottleRate() : THROTTLE_RATE_PER_S;
                throttles.add(new ThrottleActuator(new ActuatorLimits(e.getThrottleMin(), e.getThrottleMax(), throttleRate),
                    lag(e.getThrottleRate(), e.getThrottleTimeConstant(), THROTTLE_LAG_S), e.getIgnitionTransient(), e.getShutdownTransient()));
            }
        }
        RecoveryHardware rec = stage.getRecovery();
        GridFins f = rec == null ? null : rec.getGridFins();
        for (int i = 0; i < model.finCount(); i++) {
            double rate = Math.toRadians(f.getDeflectionRate() > 0 ? f.getDeflectionRate() : FIN_RATE_DEG_S);
            fins.add(FirstOrderActuator.atRest(ActuatorLimits.symmetric(Math.toRadians(f.getDeflectionLimit()), rate),
                lag(f.getDeflectionRate(), f.getTimeConstant(), FIN_LAG_S)));
        }
        Rcs r = rec == null ? null : rec.getRcs();
        for (int i = 0; i < model.rcsCount(); i++) {
            valves.add(RcsValve.withoutDelays(r.getMinimumImpulseBit() > 0 ? r.getMinimumImpulseBit() : RCS_MIN_ON_S));
        }
        this.burning = new boolean[gimbals.size()];
        this.state = initial;
        this.effectors = snapshot();
    }

    /**
     * The model's time constant where it gives one: any positive value, or 0 beside a given rate (a pure rate limit);
     * else the default.
     */
    private static double lag(double rate, double timeConstant, double fallback) {
        return timeConstant > 0 || rate > 0 ? timeConstant : fallback;
    }

    /** @return whether the usable propellant is gone (the engines then stay down) */
    public boolean depleted() {
        return depleted;
    }

    /** @param c the commands, held from now until the next; sized for this stage's engines, fins and thrusters */
    public void command(ActuatorCommands c) {
        for (int i = 0; i < gimbals.size(); i++) {
            gimbals.get(i).command(c.gimbalPitchRad()[i], c.gimbalYawRad()[i]);
            ThrottleActuator t = throttles.get(i);
            t.command(c.throttle()[i]);
            boolean on = c.engineOn()[i] && !depleted;
            if (on && !burning[i]) {
                t.ignite();
            } else if (!on && burning[i]) {
                t.shutdown();
            }
            burning[i] = on;
        }
        for (int i = 0; i < fins.size(); i++) {
            fins.get(i).command(c.finRad()[i]);
        }
        for (int i = 0; i < valves.size(); i++) {
            valves.get(i).command(c.rcsFire()[i]);
        }
    }

    /**
     * Moves the actuators and the body through one control period.
     *
     * @return true while flying, false once the stage has reached the ground (the state is then the touchdown)
     */
    public boolean advance() {
        if (ground) {
            return false;
        }
        if (state.massKg() <= model.stage().getDryMass() + model.stage().getResidualPropellantMass()) {
            // the usable propellant is gone: every engine shuts down, whatever it was commanded, and stays down
            depleted = true;
            for (int i = 0; i < throttles.size(); i++) {
                if (burning[i]) {
                    throttles.get(i).shutdown();
                    burning[i] = false;
                }
            }
        }
        EffectorPositions start = effectors;
        for (GimbalActuator g : gimbals) {
            g.advance(periodS);
        }
        for (ThrottleActuator t : throttles) {
            t.advance(periodS);
        }
        for (FirstOrderActuator f : fins) {
            f.advance(periodS);
        }
        for (RcsValve v : valves) {
            v.advance(periodS);
        }
        effectors = snapshot();
        EffectorPositions held = average(start, effectors);
        FlightConditions c = dynamics.conditions(state, held);
        SixDofPropagator.Step step = propagator.advance(state, periodS, held, air.next(c, periodS));
        state = step.state();
        ground = step.ground();
        return !ground;
    }

    private EffectorPositions snapshot() {
        int n = gimbals.size();
        double[] pitch = new double[n];
        double[] yaw = new double[n];
        double[] thrust = new double[n];
        for (int i = 0; i < n; i++) {
            pitch[i] = gimbals.get(i).pitch();
            yaw[i] = gimbals.get(i).yaw();
            thrust[i] = throttles.get(i).thrustFraction();
        }
        double[] fin = new double[fins.size()];
        for (int i = 0; i < fin.length; i++) {
            fin[i] = fins.get(i).position();
        }
        double[] rcs = new double[valves.size()];
        for (int i = 0; i < rcs.length; i++) {
            rcs[i] = valves.get(i).impulseFraction();
        }
        return new EffectorPositions(pitch, yaw, thrust, fin, rcs);
    }

    /** The positions held over a period: the mean of its start and end (the RCS valves' open fractions as they are). */
    private static EffectorPositions average(EffectorPositions a, EffectorPositions b) {
        int n = b.engineCount();
        double[] pitch = new double[n];
        double[] yaw = new double[n];
        double[] thrust = new double[n];
        for (int i = 0; i < n; i++) {
            pitch[i] = 0.5 * (a.gimbalPitchRad(i) + b.gimbalPitchRad(i));
            yaw[i] = 0.5 * (a.gimbalYawRad(i) + b.gimbalYawRad(i));
            thrust[i] = 0.5 * (a.thrustFraction(i) + b.thrustFraction(i));
        }
        double[] fin = new double[b.finCount()];
        for (int i = 0; i < fin.length; i++) {
            fin[i] = 0.5 * (a.finDeflectionRad(i) + b.finDeflectionRad(i));
        }
        double[] rcs = new double[b.rcsCount()];
        for (int i = 0; i < rcs.length; i++) {
            rcs[i] = b.rcsOnFraction(i);
        }
        return new EffectorPositions(pitch, yaw, thrust, fin, rcs);
    }

    /** @return the stage's state now */
    public RigidBodyState state() {
        return state;
    }

    /** @return its conditions now (air data, attitude, mass properties) with the actuators' positions now */
    public FlightConditions conditions() {
        return dynamics.conditions(state, effectors);
    }

    /** @return the actuators' achieved positions now */
    public EffectorPositions effectors() {
        return effectors;
    }

    /** @return the control period, s */
    public double periodS() {
        return periodS;
    }

    /** @return the stage as a 6-DOF body */
    public StageFlightModel model() {
        return model;
    }
}
