package org.launchbench.recovery.loop;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.Loads;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.control.ControlAllocation;
import org.launchbench.recovery.control.ControlEffectiveness;
import org.launchbench.recovery.descent.BrakingGuidance;
import org.launchbench.recovery.descent.LandingFrame;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * The braking's lateral acceleration per radian of tilt off the retrograde, as the trimmed stage gives it, from its own
 * force models (the flight software's aerodynamic database) at the navigated state: the body tilted a degree either way
 * in the plane asked about, its gimbals and fins set by the control allocation to hold it there (their side forces
 * included), the engines at the braking's thrust, and the whole force across the velocity differenced. The thrust tilts
 * one way; the body's normal force at the incidence (Jorgensen's, with its crossflow part) and the gimbals' and fins'
 * trimming forces push the other. In the thick air at the start of a Falcon 9 landing burn the sum is negative, and a
 * braking that reckoned with the thrust and the normal-force slope alone steered its rest point the wrong way
 * (docs/gnc.md). Not thread-safe: one per flight.
 */
final class TrimmedTilt implements BrakingGuidance.TiltAuthority {

    /** Each way's tilt for the difference, rad (1°). */
    static final double STEP_RAD = Math.toRadians(1);

    private final StageFlightModel model;
    private final int[] engines;
    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final LandingFrame frame;
    private final AirData air;
    private final double thrustVacuumN;
    private final double exitAreaM2;
    private final double gimbalLimitRad;
    private final double finLimitRad;
    private final java.util.function.DoubleConsumer crossflow;
    private double timeS;

    /** Below this normal-force slope the crosswind's scale is not measured, m/s² per rad (the air too thin to say). */
    static final double LEAST_BODY_MS2 = 2;

    /**
     * @param model          the stage as the flight software models it
     * @param engines        the landing engines, in effector order
     * @param earth          the Earth
     * @param atmosphere     the air's model
     * @param frame          the landing frame
     * @param air            the air as measured
     * @param gimbalLimitRad the engines' gimbal limit, rad
     * @param finLimitRad    the fins' deflection limit, rad (0: none)
     * @param crossflow      told the trimmed side force's scale over the body's normal force at each evaluation (null:
     *                       nobody)
     */
    TrimmedTilt(StageFlightModel model, int[] engines, EarthModel earth, Atmosphere atmosphere, LandingFrame frame, AirData air,
                double gimbalLimitRad, double finLimitRad, java.util.function.DoubleConsumer crossflow) {
        this.model = model;
        this.engines = engines.clone();
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.frame = frame;
        this.air = air;
        this.thrustVacuumN = model.engines().get(engines[0]).thrustVacuumN();
        this.exitAreaM2 = model.engines().get(engines[0]).nozzleExitAreaM2();
        this.gimbalLimitRad = gimbalLimitRad;
        this.finLimitRad = finLimitRad;
        this.crossflow = crossflow;
    }

    /** @param t the flight's time now, s (the frame's rotation) */
    void at(double t) {
        timeS = t;
    }

    @Override
    public double perRadian(double[] local, double mass, double thrustN, double[] direction) {
        double[] va = air.airVelocity(new double[] {local[3], local[4], local[5]});
        double speed = Math.sqrt(va[0] * va[0] + va[1] * va[1] + va[2] * va[2]);
        if (speed == 0) {
            return thrustN / mass;
        }
        double[] retro = {-va[0] / speed, -va[1] / speed, -va[2] / speed};
        double plus = lateral(local, mass, thrustN, retro, direction, STEP_RAD);
        double minus = lateral(local, mass, thrustN, retro, direction, -STEP_RAD);
        double perRadian = (plus - minus) / (2 * STEP_RAD);
        if (crossflow != null) {
            // the air's part (all but the thrust's own turn) over the body's normal-force slope: how much the trim
            // adds to the body's normal force in a crosswind
            Vector3D rE = frame.zoneEcef().add(new Vector3D(local[0], frame.up(), local[1], frame.east(), local[2], frame.north()));
            var at = atmosphere.at(Math.max(atmosphere.minAltitude(), Math.min(atmosphere.maxAltitude(), earth.geodetic(rE).height())));
            double mach = at.speedOfSound() > 0 ? speed / at.speedOfSound() : 0;
            double body = 0.5 * at.density() * speed * speed * model.aerodynamics().referenceAreaM2()
                * model.aerodynamics().normalSlopePerRad().at(mach) / mass;
            if (body > LEAST_BODY_MS2) {
                crossflow.accept(Math.max(0, (thrustN / mass - perRadian) / body));
            }
        }
        return perRadian;
    }

    /** The whole specific force along the direction, the body tilted by an angle toward it and trimmed there, m/s². */
    private double lateral(double[] local, double mass, double thrustN, double[] retro, double[] direction, double tilt) {
        double t = timeS;
        double c = Math.cos(tilt);
        double s = Math.sin(tilt);
        Vector3D x = frame.inertial(t, c * retro[0] + s * direction[0], c * retro[1] + s * direction[1], c * retro[2] + s * direction[2])
            .normalize();
        Vector3D y = Vector3D.crossProduct(x, frame.inertial(t, direction[0], direction[1], direction[2]));
        if (y.getNorm() < 1e-9) {
            return 0;
        }
        y = y.normalize();
        Quaternion q = Quaternion.fromAxes(x, y, Vector3D.crossProduct(x, y));
        Vector3D rE = frame.zoneEcef().add(new Vector3D(local[0], frame.up(), local[1], frame.east(), local[2], frame.north()));
        Vector3D vE = new Vector3D(local[3], frame.up(), local[4], frame.east(), local[5], frame.north());
        Vector3D r = earth.toInertial(t, rE);
        Vector3D v = earth.toInertial(t, vE).add(Vector3D.crossProduct(earth.rotation(), r));
        RigidBodyState state = new RigidBodyState(t, r, v, q, Vector3D.ZERO, mass);
        FlightEnvironment env = new FlightEnvironment(earth, atmosphere, Winds.horizontal(air.eastMS(), air.northMS()));
        int n = model.engines().size();
        double[] thrust = new double[n];
        FlightConditions probe = new FlightConditions(state, env, model.massModel().at(mass), EffectorPositions.NONE, Vector3D.ZERO);
        double fraction = (thrustN / engines.length + probe.pressurePa() * exitAreaM2) / thrustVacuumN;
        for (int e : engines) {
            thrust[e] = Math.max(0, fraction);
        }
        int fins = model.finCount();
        FlightConditions centred = new FlightConditions(state, env, model.massModel().at(mass),
            new EffectorPositions(new double[n], new double[n], thrust, new double[fins], new double[model.rcsCount()]), Vector3D.ZERO);
        ControlEffectiveness b = ControlEffectiveness.of(model.models(), centred, thrust, engines, fins);
        int k = 2 * engines.length + fins;
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int j = 0; j < k; j++) {
            double limit = j < 2 * engines.length ? gimbalLimitRad : finLimitRad;
            lower[j] = -limit;
            upper[j] = limit;
        }
        Vector3D m = b.centredNm();
        double[] u = ControlAllocation.allocate(b.perRadNm(), new double[] {0, -m.getY(), -m.getZ()}, lower, upper);
        double[] pitch = new double[n];
        double[] yaw = new double[n];
        for (int i = 0; i < engines.length; i++) {
            pitch[engines[i]] = u[2 * i];
            yaw[engines[i]] = u[2 * i + 1];
        }
        double[] finDeflection = new double[fins];
        System.arraycopy(u, 2 * engines.length, finDeflection, 0, fins);
        FlightConditions trimmed = new FlightConditions(state, env, model.massModel().at(mass),
            new EffectorPositions(pitch, yaw, thrust, finDeflection, new double[model.rcsCount()]), Vector3D.ZERO);
        Loads loads = LandingBurnLoop.nonGravitational(model.models(), trimmed);
        Vector3D force = q.toInertial(loads.forceBody()).add(loads.forceInertial());
        Vector3D fE = earth.toFixed(t, force);
        double along = Vector3D.dotProduct(fE, frame.up()) * direction[0] + Vector3D.dotProduct(fE, frame.east()) * direction[1]
            + Vector3D.dotProduct(fE, frame.north()) * direction[2];
        return along / mass;
    }
}
