package org.launchbench.recovery.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.InvalidInputException;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.phase.RigidBodyPhase;
import org.launchbench.flight.sensors.GnssErrors;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.descent.ApproachSteering;
import org.launchbench.recovery.descent.DescentDrag;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.FailureKind;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Scenario;

/**
 * The recovery with its flight software in the loop, as the 6-DOF fidelity flies it. The {@link StageRecovery}
 * sequencer flies the stage (a rigid body at this fidelity, turned by an ideal attitude loop) through its flip,
 * boostback and entry burns; from the entry burn's cut-off the flight software flies it on its own sensors and
 * navigation on the 6-DOF plant with its actuators ({@link LandingBurnLoop}): it steers the fall by the body's lift,
 * lights the engines by its own rule, brakes along the retrograde and ends in a vertical descent, not told the flight's
 * thrust error, landing-burn failures or wind. The touchdown is judged as every recovery's, and the flight's record
 * (events, history) runs on through the loop's part.
 */
public final class FlightSoftwareRecovery {

    /**
     * Where the flight software takes over, m above the zone: at once after the entry burn (infinity), so that it
     * steers the whole aerodynamic descent with the authority the body has. Handed over lower, the sequencer's steering
     * of the fall on the truth (the point mass's grid-fin force, far stronger than the body's lift at its incidence)
     * aims where the flight software cannot follow (docs/gnc.md).
     */
    public static final double HAND_OVER_M = Double.POSITIVE_INFINITY;

    /** The longest the flight software's part of the flight may take, s. */
    static final double MAX_SECONDS = 300;

    /**
     * The flight computer's sensors and where it takes over.
     *
     * @param imu       the IMU's grade at the loop's rate
     * @param gnss      the GNSS receiver's figures
     * @param handOverM where the flight software takes over, m above the zone ({@link #HAND_OVER_M})
     */
    public record Settings(ImuErrors imu, GnssErrors gnss, double handOverM) {
        /**
         * A tactical-grade IMU at 100 Hz and a single-frequency GNSS receiver (docs/gnc.md gives their figures' sources),
         * taking over after the entry burn.
         */
        public static final Settings DEFAULT = new Settings(ImuErrors.TACTICAL.atRate(100), GnssErrors.SINGLE_FREQUENCY, HAND_OVER_M);
    }

    private final StageRecovery engine;
    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final Settings settings;

    /**
     * @param engine     the recovery engine that flies the approach (at the 6-DOF fidelity, a rigid body)
     * @param earth      the Earth (the engine's)
     * @param atmosphere the air (the engine's)
     * @param settings   the flight computer's sensors and its hand-over
     */
    public FlightSoftwareRecovery(StageRecovery engine, EarthModel earth, Atmosphere atmosphere, Settings settings) {
        this.engine = engine;
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.settings = settings;
    }

    /**
     * The lift share the targeting aims the fall at: none, the middle of the body's reach, so that the fall's steering
     * has its whole lift either way for what the flight brings (drag, wind, thrust).
     */
    static final double AIM_LIFT_SHARE = 0;

    /**
     * The nominal targeting for this loop: the boostback aimed so that the flight software's own prediction from the
     * entry burn's cut-off (its fall on the body's trimmed lift at {@link #AIM_LIFT_SHARE}, its rule's ignition, its
     * braking) comes to rest on the zone. The point-mass targeting puts the fins-off impact point there instead, which
     * the body cannot reach: its landing burn brakes short of that point and its lift is a fraction of the point mass's
     * fins' (docs/gnc.md).
     *
     * @param c the recovery
     * @return the plan
     */
    public StageRecovery.Plan plan(StageRecovery.Case c) {
        KnownStage[] known = {null};
        double scheduled = c.plan().isSetLandingIgnitionAltitude() ? c.plan().getLandingIgnitionAltitude() : Double.NaN;
        return engine.plan(c, (local, massKg) -> {
            if (known[0] == null) {
                // built at the first call, after the engine has checked the stage's recovery hardware
                known[0] = knownStage(c, massKg);
            }
            // a steering of its own for each trial: the rule's and the braking's memories (the window found, the last
            // raise) belong to one flight, and the trials' flights differ by kilometres
            ApproachSteering.Rest r = known[0].approach(known[0].braking(), scheduled).predict(local, massKg, 0, AIM_LIFT_SHARE);
            return new double[] {r.east(), r.north()};
        });
    }

    /** @param c a recovery case @return its stage as a rigid body with its force models, its propellant its vehicle's */
    static StageFlightModel model(StageRecovery.Case c) {
        return StageFlightModel.of(c.stage(), ((LaunchVehicle) c.stage().eContainer()).getPropellantFamily(), false);
    }

    /** The stage as the flight software will know it at the entry burn's cut-off, in still air. */
    private KnownStage knownStage(StageRecovery.Case c, double massKg) {
        StageFlightModel model = model(c);
        EarthModel.Geodetic zone = EarthModel.Geodetic.of(c.zone());
        var stage = c.stage();
        return KnownStage.flying(model, landingEngines(model, stage.getRecovery().getLandingEngines()),
            stage.getDryMass() + stage.getResidualPropellantMass(), DescentDrag.of(stage, atmosphere, zone.height()), earth, atmosphere, zone,
            massKg, new ThrustEstimator(), AirData.STILL);
    }

    /**
     * Flies the recovery.
     *
     * @param c        the recovery
     * @param plan     the nominal targeting
     * @param p        what this flight has that the plan did not assume
     * @param failures injected failures
     * @param o        options
     * @param seed     the sensors' and the navigation's initial error's seed
     * @return how it ended
     * @throws InvalidInputException for a failure the loop does not fly yet (named, with its scenario)
     */
    public RecoveryResult fly(StageRecovery.Case c, StageRecovery.Plan plan, Perturbation p, List<Failure> failures, StageRecovery.Options o,
                              long seed) {
        refuseWhatTheLoopDoesNotFly(c, failures);
        StageRecovery.LandingBurn handedOver = engine.handOver(c, plan, p, failures, o, settings.handOverM());
        if (handedOver.finished()) {
            return handedOver.result();
        }
        StageFlightModel model = model(c);
        LandingBurnLoop.Setup setup = new LandingBurnLoop.Setup(model, EarthModel.Geodetic.of(c.zone()),
            landingEngines(model, handedOver.landingEngines()), handedOver.emptyMass(), handedOver.propellantMargin(), handedOver.maxTiltDeg(),
            Double.NaN, settings.imu(), settings.gnss(), seed, true, c.plan().isSetLandingIgnitionAltitude() ? c.plan().getLandingIgnitionAltitude()
                : Double.NaN);
        LandingBurnLoop.Plant plant = new LandingBurnLoop.Plant(handedOver.winds(), handedOver::thrustFactor, handedOver.ignitionDelay(),
            1 + p.isp(), 1 + p.drag());
        boolean[] was = {false};
        LandingBurnLoop.Result r = new LandingBurnLoop(setup, earth, atmosphere).fly(body(handedOver, earth), MAX_SECONDS, plant,
            (truth, burning, throttle, specificForce) -> {
                // the engines gave thrust (or stopped) over the period just flown: marked where it began, where the
                // flight still stands
                if (burning && !was[0]) {
                    handedOver.markIgnition();
                } else if (!burning && was[0]) {
                    handedOver.markCutoff();
                }
                was[0] = burning;
                handedOver.carriedTo(truth.timeS(), layout(truth), burning ? throttle : 0, specificForce);
            });
        return handedOver.landedBy(r.grounded() ? r.trouble() : "the stage was still in the air after " + (int) MAX_SECONDS + " s",
            r.software());
    }

    /**
     * The failures this loop flies: those of the boostback and entry burns (the approach flies them), and the landing
     * burn's thrust failures and late ignition (its plant flies them; an engine out as a symmetric loss of thrust,
     * its moment not modelled). A stuck fin and a navigation bias are the 3-DOF recovery's models and are refused here
     * rather than dropped.
     */
    public static void refuseWhatTheLoopDoesNotFly(StageRecovery.Case c, List<Failure> failures) {
        for (Failure x : failures) {
            if (x.getKind() == FailureKind.STUCK_FIN || x.getKind() == FailureKind.NAVIGATION_BIAS) {
                String scenario = x.eContainer() instanceof Scenario s ? s.getName() : "?";
                throw InvalidInputException.because("the 6-DOF flight software loop does not fly this failure yet").source(c.source())
                    .element("scenario " + scenario + "/failure").value(x.getKind().getLiteral())
                    .allowed("at 6dof: " + FailureKind.THRUST_SHORTFALL + ", " + FailureKind.THRUST_LOSS + ", " + FailureKind.ENGINE_OUT + ", "
                        + FailureKind.LATE_IGNITION)
                    .fix("fly this scenario with --fidelity 3dof").build();
            }
        }
    }

    /**
     * The landing engines among the stage's, in effector order: the centre engine for an odd count, then pairs of
     * opposite outer engines spread evenly round the ring (Falcon 9's three: the centre and two opposite), so that
     * their thrust passes through the axis.
     */
    static int[] landingEngines(StageFlightModel model, int count) {
        int n = model.engines().size();
        if (count >= n) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        List<Integer> centre = new ArrayList<>();
        List<Integer> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Vector3D m = model.engines().get(i).mountM();
            (Math.hypot(m.getY(), m.getZ()) < 0.01 ? centre : ring).add(i);
        }
        ring.sort(Comparator.comparingDouble(i -> Math.atan2(model.engines().get(i).mountM().getZ(), model.engines().get(i).mountM().getY())));
        List<Integer> out = new ArrayList<>();
        if (count % 2 == 1 && !centre.isEmpty()) {
            out.add(centre.get(0));
        }
        int pairs = (count - out.size()) / 2;
        int half = ring.size() / 2;
        for (int k = 0; k < pairs && half > 0; k++) {
            int j = k * half / pairs;
            out.add(ring.get(j));
            out.add(ring.get(j + half));
        }
        for (int i = 0; out.size() < count && i < n; i++) {
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The stage at the hand-over as a rigid body: its own attitude and rates when the approach flew one. */
    static RigidBodyState body(StageRecovery.LandingBurn h, EarthModel earth) {
        double[] y = h.state();
        double t = h.flightTime();
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]);
        if (RigidBodyPhase.isRigid(y)) {
            return new RigidBodyState(t, r, v, RigidBodyPhase.attitude(y), RigidBodyPhase.bodyRates(y), y[6]);
        }
        // a point-mass approach: the body along its retrograde, not turning relative to the air
        Vector3D vRel = v.subtract(Vector3D.crossProduct(earth.rotation(), r));
        Vector3D x = vRel.normalize().negate();
        Vector3D y0 = Vector3D.crossProduct(r, x).normalize();
        return new RigidBodyState(t, r, v, Quaternion.fromAxes(x, y0, Vector3D.crossProduct(x, y0)), Vector3D.ZERO, y[6]);
    }

    /** A rigid body's state in the flight's layout. */
    private static double[] layout(RigidBodyState s) {
        Quaternion q = s.attitude();
        Vector3D r = s.positionEciM();
        Vector3D v = s.velocityEciMS();
        Vector3D w = s.bodyRatesInertialRadS();
        return new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), s.massKg(), q.w(), q.x(), q.y(), q.z(), w.getX(),
            w.getY(), w.getZ()};
    }
}
