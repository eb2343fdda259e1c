package org.launchbench.flight.models;

import java.util.function.DoubleSupplier;

import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * The engines' thrust as their model gives it times a factor read at each evaluation: the force, its moments and
 * the flow all scaled alike (the specific impulse unchanged, as for a feed-pressure or mixture error or an engine
 * lost out of several). A flight's thrust dispersion and its thrust failures, which its flight software does not
 * know, are flown this way on the plant.
 *
 * @param engines the engines' model
 * @param factor  the thrust over the model's now (1: as modelled; 0: no thrust)
 */
public record ScaledThrust(EngineThrust engines, DoubleSupplier factor) implements ForceModel {

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        double k = factor.getAsDouble();
        if (k == 1) {
            engines.contribute(c, loads);
            return;
        }
        Loads own = new Loads();
        engines.contribute(c, own);
        loads.addForceBody(own.forceBody().scalarMultiply(k));
        loads.addForceInertial(own.forceInertial().scalarMultiply(k));
        loads.addMomentBody(own.momentBody().scalarMultiply(k));
        loads.addMassRate(own.massRate() * k);
    }
}
