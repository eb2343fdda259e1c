package org.launchbench.flight.models;

import java.util.function.DoubleSupplier;

import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * The engines' thrust as their model gives it times a factor read at each evaluation: the net force, its moments and
 * the flow all scaled alike (as for a feed-pressure or mixture error or an engine lost out of several), the flow also
 * divided by a specific-impulse factor. A flight's thrust and specific-impulse dispersions and its thrust failures,
 * which its flight software does not know, are flown this way on the plant. (The point mass scales the vacuum thrust,
 * so at the ground the same error is a few per cent of itself larger here.)
 *
 * @param engines   the engines' model
 * @param factor    the thrust over the model's now (1: as modelled; 0: no thrust)
 * @param ispFactor the specific impulse over the model's
 */
public record ScaledThrust(EngineThrust engines, DoubleSupplier factor, double ispFactor) implements ForceModel {

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        double k = factor.getAsDouble();
        if (k == 1 && ispFactor == 1) {
            engines.contribute(c, loads);
            return;
        }
        Loads own = new Loads();
        engines.contribute(c, own);
        loads.addForceBody(own.forceBody().scalarMultiply(k));
        loads.addForceInertial(own.forceInertial().scalarMultiply(k));
        loads.addMomentBody(own.momentBody().scalarMultiply(k));
        loads.addMassRate(own.massRate() * k / ispFactor);
    }
}
