package org.launchbench.flight;

/**
 * What the rotational equations need of the body at one instant: its mass and inertia tensor about its centre of
 * mass, in body axes.
 *
 * @param massKg             mass, kg
 * @param inertiaKgM2        inertia about the centre of mass, body axes
 * @param inertiaRateKgM2PerS the tensor's time derivative as propellant burns (zero for a body of fixed mass); it
 *                           enters Euler's equation as -İ ω
 */
public record MassProperties(double massKg, InertiaTensor inertiaKgM2, InertiaTensor inertiaRateKgM2PerS) {

    /** A zero tensor, for bodies whose inertia does not change. */
    public static final InertiaTensor CONSTANT = new InertiaTensor(0, 0, 0, 0, 0, 0);
}
