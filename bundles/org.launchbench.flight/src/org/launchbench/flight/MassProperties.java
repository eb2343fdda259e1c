package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * What the equations of motion need of the body at one instant: its mass, the position of its centre of mass and
 * its inertia tensor about that centre, in body axes.
 * <p>
 * Positions on the body (engine mounts, fins, thrusters, the centre of pressure) are given in the body's
 * <em>structural frame</em>: axes parallel to body axes, origin at a fixed point of the structure (for a stage, the
 * centre of its engines' exit plane). A force applied at structural position p acts with the arm p − centreOfMass.
 *
 * @param massKg            mass, kg
 * @param centreOfMassM     the centre of mass in the structural frame, m
 * @param inertiaKgM2       inertia about the centre of mass, body axes
 * @param inertiaPerKg      the tensor's derivative with respect to mass, m² (zero for a body whose inertia does not
 *                          change): times the mass flow it gives İ, which enters Euler's equation as −İ ω
 */
public record MassProperties(double massKg, Vector3D centreOfMassM, InertiaTensor inertiaKgM2, InertiaTensor inertiaPerKg) {

    /** A zero tensor, for bodies whose inertia does not change. */
    public static final InertiaTensor CONSTANT = new InertiaTensor(0, 0, 0, 0, 0, 0);
}
