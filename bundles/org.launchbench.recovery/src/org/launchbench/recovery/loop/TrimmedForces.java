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
import org.launchbench.recovery.descent.LandingFrame;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * The whole specific force on the stage held at an attitude in the measured air, from its own force models (the flight
 * software's aerodynamic database): the landing engines at a thrust, the gimbals and fins set by the control
 * allocation to cancel the pitch and yaw moments there (within their limits), every force but gravitation summed. What
 * the braking's models of its tilt ({@link TrimmedTilt}) and of the crosswind's push ({@link TrimmedCrossflow}) are
 * made of. Not thread-safe: one per flight.
 */
final class TrimmedForces {

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

    /**
     * @param model          the stage as the flight software models it
     * @param engines        the landing engines, in effector order
     * @param earth          the Earth
     * @param atmosphere     the air's model
     * @param frame          the landing frame
     * @param air            the air as measured
     * @param gimbalLimitRad the engines' gimbal limit, rad
     * @param finLimitRad    the fins' deflection limit, rad (0: none)
     */
    TrimmedForces(StageFlightModel model, int[] engines, EarthModel earth, Atmosphere atmosphere, LandingFrame frame, AirData air,
                  double gimbalLimitRad, double finLimitRad) {
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
    }

    /** @return the stage's model */
    StageFlightModel model() {
        return model;
    }

    /** @return the air as measured */
    AirData air() {
        return air;
    }

    /**
     * @param t         the flight's time, s (the frame's rotation)
     * @param local     [up, east, north, v_up, v_east, v_north] over the ground
     * @param mass      kg
     * @param thrustN   the landing engines' thrust, N
     * @param axis      the body axis (engines first: toward the nose), a unit vector [up, east, north]
     * @param direction a unit vector across the axis [up, east, north]: the body's roll puts it in the pitch plane
     * @return the specific force along the direction, the body trimmed there, m/s² (0 where the two are parallel)
     */
    double along(double t, double[] local, double mass, double thrustN, double[] axis, double[] direction) {
        Vector3D x = frame.inertial(t, axis[0], axis[1], axis[2]).normalize();
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
        return (Vector3D.dotProduct(fE, frame.up()) * direction[0] + Vector3D.dotProduct(fE, frame.east()) * direction[1]
            + Vector3D.dotProduct(fE, frame.north()) * direction[2]) / mass;
    }
}
