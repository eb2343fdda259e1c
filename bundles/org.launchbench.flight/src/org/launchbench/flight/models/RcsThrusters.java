package org.launchbench.flight.models;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.PlainVectorAlgebra;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * Reaction-control thrusters (cold-gas nitrogen on Falcon 9, hot-gas on others), each at its position pushing along
 * its direction when its valve is open. Thruster i reads from {@link EffectorPositions} RCS index i the fraction of
 * the interval its valve was open, so a pulse shorter than the interval gives its true impulse.
 *
 * @param thrusters the thrusters
 */
public record RcsThrusters(List<Thruster> thrusters) implements ForceModel {

    /**
     * @param positionM     the nozzle in the structural frame, m
     * @param forceDirection the direction of the force on the vehicle, unit, body axes (opposite the plume)
     * @param thrustN       thrust when open, N
     * @param ispS          specific impulse, s
     */
    public record Thruster(Vector3D positionM, Vector3D forceDirection, double thrustN, double ispS) {

        /** Checks the figures and normalises the direction. */
        public Thruster {
            if (!(thrustN > 0 && ispS > 0)) {
                throw new IllegalArgumentException("a thruster has positive thrust and Isp");
            }
            forceDirection = forceDirection.normalize();
        }
    }

    /** Copies the list. */
    public RcsThrusters {
        thrusters = List.copyOf(thrusters);
    }

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        EffectorPositions e = c.effectors();
        for (int i = 0; i < thrusters.size() && i < e.rcsCount(); i++) {
            double duty = e.rcsOnFraction(i);
            if (duty <= 0) {
                continue;
            }
            Thruster t = thrusters.get(i);
            Vector3D force = t.forceDirection().scalarMultiply(duty * t.thrustN());
            loads.addForceBody(force);
            loads.addMomentBody(PlainVectorAlgebra.cross(c.armM(t.positionM()), force));
            loads.addMassRate(-duty * t.thrustN() / (PhysicalConstants.STANDARD_GRAVITY * t.ispS()));
        }
    }
}
