package org.launchbench.flight;

import java.util.Optional;

/**
 * A service through which a bundle adds a {@link ForceModel} to 6-DOF flights (propagating slosh, a plume
 * interaction, a tether...). The flight asks every registered provider, in service-ranking order, whether it
 * has a model for the body being flown.
 */
public interface ForceModelProvider {

    /** @return a short, stable name for messages and output notes ({@code "slosh"}) */
    String name();

    /**
     * @param body what is known about the body: its name and mass properties at the start
     * @return the model for this body, or empty when the provider does not apply to it
     */
    Optional<ForceModel> modelFor(BodyDescription body);

    /**
     * @param name           the body's name (a vehicle id, or a check-case's description)
     * @param initialMass    mass properties at the start
     */
    record BodyDescription(String name, MassProperties initialMass) {
    }
}
