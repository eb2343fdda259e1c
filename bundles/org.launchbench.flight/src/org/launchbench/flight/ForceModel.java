package org.launchbench.flight;

/**
 * One contribution to the forces and moments on a flying body (gravity, thrust of one engine, aerodynamics, a
 * grid fin, an RCS thruster, propellant slosh...), in the manner of Orekit's {@code ForceModel}: the caller
 * assembles a list and each model adds its part at the current conditions. Nothing is hard-wired in the
 * equations of motion.
 * <p>
 * A third-party bundle adds a model by registering a {@link ForceModelProvider} service. Implementations are
 * immutable or thread-safe: one model may serve parallel runs.
 */
@FunctionalInterface
public interface ForceModel {

    /**
     * @param conditions the body's state and what is derived from it (position, air data, rates)
     * @param loads      where to add the force, the moment about the centre of mass and any mass flow
     */
    void contribute(FlightConditions conditions, Loads loads);
}
