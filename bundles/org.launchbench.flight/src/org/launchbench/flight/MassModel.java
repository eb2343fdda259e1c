package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * How a body's mass properties follow its mass as propellant is consumed. A rigid body of fixed inertia is
 * {@link #rigid(double, InertiaTensor)}; a stage derives them from its dry structure and its tanks' contents.
 * Implementations are immutable.
 */
@FunctionalInterface
public interface MassModel {

    /**
     * @param massKg the body's current mass, kg
     * @return the mass properties at that mass
     */
    MassProperties at(double massKg);

    /**
     * @param massKg  the mass, kg (reported as given whatever the state's mass)
     * @param inertia the inertia about the centre of mass
     * @return a body whose centre of mass is the structural origin and whose inertia never changes
     */
    static MassModel rigid(double massKg, InertiaTensor inertia) {
        MassProperties fixed = new MassProperties(massKg, Vector3D.ZERO, inertia, MassProperties.CONSTANT);
        return m -> fixed;
    }
}
