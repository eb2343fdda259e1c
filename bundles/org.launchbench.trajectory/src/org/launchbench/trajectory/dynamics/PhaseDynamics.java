package org.launchbench.trajectory.dynamics;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The equations of motion of one flight phase, at whatever fidelity: a point mass ({@link PointMassDynamics}) or a
 * rigid body (the flight bundle's). Every fidelity's state vector starts with {x, y, z, vx, vy, vz, m} (inertial,
 * SI), so a flight's events (burnout, ground, conditions) and its samples read any fidelity's state alike; a
 * rigid body's attitude and rates follow at index 7 on.
 */
public interface PhaseDynamics extends OrdinaryDifferentialEquation {

    /** The entries every fidelity's state vector starts with: position 3, velocity 3, mass 1. */
    int COMMON = 7;

    /**
     * @param t time, s; @param r inertial position, m; @param v inertial velocity, m/s
     * @return the air around the vehicle
     */
    PointMassDynamics.Environment environment(double t, Vector3D r, Vector3D v);

    /**
     * @param t time, s; @param r position; @param v velocity; @param m mass, kg
     * @return the throttle the phase's steering commands, within the engines' range (0 when off)
     */
    double throttleAt(double t, Vector3D r, Vector3D v, double m);

    /**
     * @return the longest step the integrator may take, s: a rigid body under an attitude loop has time constants of
     *         a second that an adaptive step, sized by a slowly moving translation, would step over (unbounded for a
     *         point mass)
     */
    default double maxStepS() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The state this phase starts from, given where the previous phase ended: a phase of the same fidelity takes it
     * as it is; a point mass keeps {r, v, m}; a rigid body entering from a point mass gives it an attitude and rates.
     *
     * @param t     time, s
     * @param state the previous phase's final state (at least {@link #COMMON} entries)
     * @return a state of this phase's {@linkplain #getDimension() dimension} (a new array)
     */
    double[] enter(double t, double[] state);
}
