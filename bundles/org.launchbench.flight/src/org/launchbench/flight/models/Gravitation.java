package org.launchbench.flight.models;

import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * The Earth's gravitation on the centre of mass: the point mass plus J2 of the environment's Earth model (no
 * centrifugal term: the equations of motion are written in the inertial frame). A uniform field exerts no moment
 * about the centre of mass; the gravity-gradient torque (of order 3 μ/r³ ΔI, 1e-5 rad/s² on a 40 m stage) is
 * left out, as by every tool of NASA/TM-2015-218675.
 */
public final class Gravitation implements ForceModel {

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        loads.addForceInertial(c.environment().earth().gravity(c.state().positionEciM()).scalarMultiply(c.state().massKg()));
    }
}
