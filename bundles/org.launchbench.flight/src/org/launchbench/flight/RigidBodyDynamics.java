package org.launchbench.flight;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The equations of motion of a rigid body of variable mass over the rotating Earth, written in the inertial
 * frame with body-axis rotational equations (Stevens and Lewis, Aircraft Control and Simulation, 3rd ed.,
 * eqs. 1.7-1 and 1.7-4; Zipfel, Modeling and Simulation of Aerospace Vehicle Dynamics, 2nd ed., ch. 9):
 * <pre>
 *   dr/dt = v                       dv/dt = (F_inertial + C_I&lt;-B F_body) / m
 *   dq/dt = ½ q ⊗ (0, ω)            dω/dt = I⁻¹ (M - ω × I ω - İ ω)
 *   dm/dt = Σ mass flows
 * </pre>
 * with r and v in ECI, q the body-to-ECI quaternion and ω the body rates relative to inertial space in body axes.
 * The forces and moments come from the {@link ForceModel}s the caller assembles; nothing is hard-wired here.
 * Immutable; the models must be too for parallel use.
 */
public final class RigidBodyDynamics {

    private final FlightEnvironment environment;
    private final MassModel massModel;
    private final List<ForceModel> models;

    /**
     * @param environment the Earth, air and winds
     * @param massModel   the body's mass properties against its mass
     * @param models      the force-and-moment models, applied in order
     */
    public RigidBodyDynamics(FlightEnvironment environment, MassModel massModel, List<ForceModel> models) {
        this.environment = environment;
        this.massModel = massModel;
        this.models = List.copyOf(models);
    }

    /** @return the environment the body flies in */
    public FlightEnvironment environment() {
        return environment;
    }

    /**
     * @param state     a state
     * @param effectors what the actuators achieved
     * @return its derived conditions (air data, geodetic position, NED axes, mass properties) in the mean wind
     */
    public FlightConditions conditions(RigidBodyState state, EffectorPositions effectors) {
        return conditions(state, effectors, Vector3D.ZERO);
    }

    /**
     * @param state     a state
     * @param effectors what the actuators achieved
     * @param gustNedMS a gust added to the mean wind, NED, m/s
     * @return its derived conditions
     */
    public FlightConditions conditions(RigidBodyState state, EffectorPositions effectors, Vector3D gustNedMS) {
        return new FlightConditions(state, environment, massModel.at(state.massKg()), effectors, gustNedMS);
    }

    /**
     * @param t         time, s
     * @param y         the state vector ({@link RigidBodyState#toArray()} layout)
     * @param effectors what the actuators achieved, held over the interval
     * @param gustNedMS the gust held over the interval, NED, m/s
     * @param dy        where the derivative goes
     */
    public void derivatives(double t, double[] y, EffectorPositions effectors, Vector3D gustNedMS, double[] dy) {
        RigidBodyState state = RigidBodyState.ofArray(t, y);
        MassProperties mp = massModel.at(state.massKg());
        FlightConditions c = new FlightConditions(state, environment, mp, effectors, gustNedMS);
        Loads loads = new Loads();
        for (ForceModel m : models) {
            m.contribute(c, loads);
        }
        double mass = state.massKg();
        Quaternion q = state.attitude();
        Vector3D accel = loads.forceInertial().add(q.toInertial(loads.forceBody())).scalarMultiply(1 / mass);
        Vector3D w = state.bodyRatesInertialRadS();
        InertiaTensor inertia = mp.inertiaKgM2();
        Vector3D h = inertia.times(w);
        Vector3D rhs = loads.momentBody().subtract(PlainVectorAlgebra.cross(w, h)).subtract(mp.inertiaPerKg().times(w).scalarMultiply(loads.massRate()));
        Vector3D wdot = inertia.inverse().times(rhs);
        dy[0] = y[3];
        dy[1] = y[4];
        dy[2] = y[5];
        dy[3] = accel.getX();
        dy[4] = accel.getY();
        dy[5] = accel.getZ();
        double p = w.getX();
        double qr = w.getY();
        double r = w.getZ();
        // q ⊗ (0, ω) / 2 = (-q_v·ω, w ω + q_v × ω) / 2
        dy[6] = -0.5 * (q.x() * p + q.y() * qr + q.z() * r);
        dy[7] = 0.5 * (q.w() * p + q.y() * r - q.z() * qr);
        dy[8] = 0.5 * (q.w() * qr + q.z() * p - q.x() * r);
        dy[9] = 0.5 * (q.w() * r + q.x() * qr - q.y() * p);
        dy[10] = wdot.getX();
        dy[11] = wdot.getY();
        dy[12] = wdot.getZ();
        dy[13] = loads.massRate();
    }
}
