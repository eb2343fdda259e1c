package org.launchbench.flight;

import java.util.Optional;

/**
 * A service through which a bundle adds a {@link ForceModel} to 6-DOF flights (propellant slosh, a plume
 * interaction, a tether...). {@code launchbench sixdof} asks every registered provider whether it has a model for
 * the body being flown, adds each model it gets to the flight's list, and names the provider in the output's notes.
 * docs/extending.md shows a provider as a DS component.
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

    /**
     * A provider's model for a body, with the provider's name.
     *
     * @param provider the provider's {@link ForceModelProvider#name()}
     * @param model    its model
     */
    record Contribution(String provider, ForceModel model) {
    }

    /**
     * @param providers the registered providers
     * @param body      the body being flown
     * @return the models the providers have for it, in the providers' order
     */
    static java.util.List<Contribution> contributions(java.util.List<ForceModelProvider> providers, BodyDescription body) {
        java.util.List<Contribution> out = new java.util.ArrayList<>();
        for (ForceModelProvider p : providers) {
            p.modelFor(body).ifPresent(m -> out.add(new Contribution(p.name(), m)));
        }
        return out;
    }
}
