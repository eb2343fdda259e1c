package org.launchbench.flight;

/**
 * How a body's mass properties follow its mass as propellant is consumed. A rigid body of fixed mass is
 * {@link #rigid(double, InertiaTensor)}; a stage derives its inertia from dry structure and tank contents.
 */
@FunctionalInterface
public interface MassModel {

    /**
     * @param massKg        the body's current mass, kg
     * @param massRateKgPerS its rate of change (negative while burning), kg/s
     * @return the mass properties at that mass
     */
    MassProperties at(double massKg, double massRateKgPerS);

    /**
     * @param massKg  the fixed mass, kg
     * @param inertia the fixed inertia about the centre of mass
     * @return a body whose inertia never changes
     */
    static MassModel rigid(double massKg, InertiaTensor inertia) {
        MassProperties fixed = new MassProperties(massKg, inertia, MassProperties.CONSTANT);
        return (m, rate) -> fixed;
    }
}
