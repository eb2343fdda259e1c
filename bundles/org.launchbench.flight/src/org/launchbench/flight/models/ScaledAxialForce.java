package org.launchbench.flight.models;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * An aerodynamic model with its axial force (along the body axis) times a factor: a flight's drag-coefficient
 * dispersion, as the point mass's drag factor, which its flight software does not know. The normal force, the
 * moments and any inertial force are left as the model gives them.
 *
 * @param aerodynamics the model
 * @param factor       the axial force over the model's
 */
public record ScaledAxialForce(ForceModel aerodynamics, double factor) implements ForceModel {

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        Loads own = new Loads();
        aerodynamics.contribute(c, own);
        Vector3D f = own.forceBody();
        loads.addForceBody(new Vector3D(f.getX() * factor, f.getY(), f.getZ()));
        loads.addForceInertial(own.forceInertial());
        loads.addMomentBody(own.momentBody());
        loads.addMassRate(own.massRate());
    }
}
