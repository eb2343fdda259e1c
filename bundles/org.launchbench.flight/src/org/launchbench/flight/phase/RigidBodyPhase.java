package org.launchbench.flight.phase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;
import org.launchbench.flight.MassModel;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyDynamics;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.models.Gravitation;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.PhaseDynamics;
import org.launchbench.trajectory.dynamics.PointMassDynamics;

/**
 * One phase of a stage's flight as a rigid body: gravitation, the phase's engines along the body axis, the stage's
 * slender-body aerodynamics at its incidence, the grid fins' steering force as the point-mass model gives it, and an
 * {@link IdealAttitudeLoop} pointing the body where the guidance wants the thrust (engines first into the air-relative
 * velocity while the engines are off, as a returning booster falls). State: {r, v, m} as every phase's, then the
 * body-to-inertial quaternion (w, x, y, z) and the body rates relative to inertial space (p, q, r).
 * <p>
 * The engines push along the body axis through the centre of mass: their gimbals are part of the ideal loop's moment.
 * Thrust and mass flow are the phase's {@code Propulsion} (the engines lit, with a dispersed flight's errors), so a
 * burn takes the same propellant as at 3-DOF and differs only by where the body points.
 */
public final class RigidBodyPhase implements PhaseDynamics {

    /** The state's length: {r, v, m} then quaternion 4 and rates 3. */
    public static final int DIMENSION = 14;

    private final PointMassDynamics pointMass;
    private final DynamicsFactory.Phase phase;
    private final RigidBodyDynamics body;

    /**
     * @param phase       what the phase is
     * @param massModel   the stage's mass properties against its mass
     * @param aerodynamic the stage's aerodynamic forces and moments at any incidence
     */
    public RigidBodyPhase(DynamicsFactory.Phase phase, MassModel massModel, ForceModel aerodynamic) {
        this.phase = phase;
        PointMassDynamics d = new PointMassDynamics(phase.earth(), phase.atmosphere(), phase.propulsion(), phase.aerodynamics(),
            phase.steering(), phase.winds());
        this.pointMass = phase.control() == null ? d : d.withControl(phase.control());
        List<ForceModel> models = new ArrayList<>();
        models.add(new Gravitation());
        models.add(this::thrust);
        models.add(aerodynamic);
        if (phase.control() != null) {
            models.add(this::fins);
        }
        models.add(new IdealAttitudeLoop(this::target));
        this.body = new RigidBodyDynamics(new FlightEnvironment(phase.earth(), phase.atmosphere(), phase.winds()), massModel, models);
    }

    @Override
    public int getDimension() {
        return DIMENSION;
    }

    /**
     * The loop's rate time constant (k_ω h = 1, 0.25 s): |h λ| = 1, inside Dormand-Prince's stability region on the real
     * axis, and short enough that the loop's saturation and its target's changes are seen.
     */
    @Override
    public double maxStepS() {
        return 1 / IdealAttitudeLoop.RATE_GAIN_PER_S;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        double[] rigid = new double[RigidBodyState.SIZE];
        body.derivatives(t, toRigid(y), EffectorPositions.NONE, Vector3D.ZERO, rigid);
        return fromRigid(rigid);
    }

    @Override
    public PointMassDynamics.Environment environment(double t, Vector3D r, Vector3D v) {
        return pointMass.environment(t, r, v);
    }

    @Override
    public double throttleAt(double t, Vector3D r, Vector3D v, double m) {
        return pointMass.throttleAt(t, r, v, m);
    }

    /**
     * A rigid body's state carries on; a point mass's gets the attitude a stage has then: along the thrust when the
     * engines burn, else nose first along its air-relative velocity (a stage just separated), at rest in inertial
     * space (the local horizontal turns at the orbital rate, 1e-3 rad/s, which the loop takes up at once).
     */
    @Override
    public double[] enter(double t, double[] state) {
        if (state.length == DIMENSION) {
            // the integrator does not hold the quaternion to unit norm; a phase starts from the rotation it stands for
            double[] y = state.clone();
            double n = Math.sqrt(y[7] * y[7] + y[8] * y[8] + y[9] * y[9] + y[10] * y[10]);
            for (int i = 7; i <= 10; i++) {
                y[i] /= n;
            }
            return y;
        }
        Vector3D r = new Vector3D(state[0], state[1], state[2]);
        Vector3D v = new Vector3D(state[3], state[4], state[5]);
        Vector3D axis = throttleAt(t, r, v, state[6]) > 0 ? phase.steering().direction(t, r, v, state[6])
            : environment(t, r, v).airVelocity();
        if (!(axis.getNorm() > 0)) {
            axis = r;
        }
        Quaternion q = pointing(axis.normalize(), r);
        double[] y = Arrays.copyOf(state, DIMENSION);
        y[7] = q.w();
        y[8] = q.x();
        y[9] = q.y();
        y[10] = q.z();
        return y;
    }

    /** @param y a phase's state; @return whether it is a rigid body's (this layout) rather than a point mass's */
    public static boolean isRigid(double[] y) {
        return y.length == DIMENSION;
    }

    /** @param y a rigid body's phase state; @return its body-to-ECI attitude */
    public static Quaternion attitude(double[] y) {
        return new Quaternion(y[7], y[8], y[9], y[10]).normalized();
    }

    /** @param y a rigid body's phase state; @return its body rates relative to inertial space, body axes, rad/s */
    public static Vector3D bodyRates(double[] y) {
        return new Vector3D(y[11], y[12], y[13]);
    }

    /** @return the attitude with body x along the axis and body z as near the local down as it allows */
    static Quaternion pointing(Vector3D xAxis, Vector3D position) {
        Vector3D down = position.normalize().negate();
        Vector3D z = down.subtract(Vector3D.dotProduct(down, xAxis), xAxis);
        if (z.getNorm() < 1e-9) {
            z = xAxis.orthogonal();
        }
        z = z.normalize();
        return Quaternion.fromAxes(xAxis, Vector3D.crossProduct(z, xAxis), z);
    }

    private Vector3D target(FlightConditions c) {
        RigidBodyState s = c.state();
        Vector3D r = s.positionEciM();
        Vector3D v = s.velocityEciMS();
        if (phase.steering().points() || throttleAt(s.timeS(), r, v, s.massKg()) > 0) {
            return phase.steering().direction(s.timeS(), r, v, s.massKg());
        }
        // engines first: body x against the air-relative velocity
        return s.attitude().toInertial(c.airVelocityBodyMS()).negate();
    }

    private void thrust(FlightConditions c, Loads loads) {
        RigidBodyState s = c.state();
        double throttle = throttleAt(s.timeS(), s.positionEciM(), s.velocityEciMS(), s.massKg());
        if (throttle > 0) {
            loads.addForceBody(new Vector3D(phase.propulsion().thrust(throttle, c.pressurePa()), 0, 0));
            loads.addMassRate(-phase.propulsion().massFlow(throttle));
        }
    }

    private void fins(FlightConditions c, Loads loads) {
        RigidBodyState s = c.state();
        Vector3D r = s.positionEciM();
        Vector3D v = s.velocityEciMS();
        Vector3D a = phase.control().acceleration(s.timeS(), r, v, s.massKg(), pointMass.environment(s.timeS(), r, v));
        loads.addForceInertial(a.scalarMultiply(s.massKg()));
    }

    /** The phase's layout {r, v, m, q, ω} to the rigid body's {r, v, q, ω, m}. */
    private static double[] toRigid(double[] y) {
        double[] x = new double[RigidBodyState.SIZE];
        System.arraycopy(y, 0, x, 0, 6);
        System.arraycopy(y, 7, x, 6, 7);
        x[13] = y[6];
        return x;
    }

    private static double[] fromRigid(double[] x) {
        double[] y = new double[DIMENSION];
        System.arraycopy(x, 0, y, 0, 6);
        y[6] = x[13];
        System.arraycopy(x, 6, y, 7, 7);
        return y;
    }
}
