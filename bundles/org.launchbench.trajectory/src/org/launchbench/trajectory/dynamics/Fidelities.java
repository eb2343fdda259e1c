package org.launchbench.trajectory.dynamics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.Mission;

/**
 * Chooses the fidelity a command flies at: {@code --fidelity NAME} when given, else the mission's {@code fidelity},
 * else the point mass. Names are checked against the fidelities installed ({@link DynamicsFactory} services and the
 * built-in point mass), so a misspelt or missing one is the user's error, named with what is installed.
 */
public final class Fidelities {

    /** The command-line option. */
    public static final String OPTION = "--fidelity";

    private Fidelities() {
    }

    /**
     * @param installed the fidelity services registered (the point mass is always there; null: none, as a command's
     *                  dynamic reference is before any registers)
     * @param option    the {@value #OPTION} value, if given
     * @param mission   the mission (its {@code fidelity} is the default)
     * @param source    the mission file, for error messages
     * @return the fidelity to fly at
     * @throws InvalidInputException when the name is not installed
     */
    public static DynamicsFactory choose(Collection<DynamicsFactory> installed, Optional<String> option, Mission mission, String source) {
        if (installed == null) {
            return choose(List.of(), option, mission, source);
        }
        if (option.isPresent()) {
            return find(installed, option.get()).orElseThrow(() -> InvalidInputException.because("unknown fidelity").element(OPTION)
                .value(option.get()).allowed(names(installed)).build());
        }
        if (mission.isSetFidelity()) {
            return find(installed, mission.getFidelity()).orElseThrow(() -> InvalidInputException.because("unknown fidelity")
                .source(source).element("mission/fidelity").value(mission.getFidelity()).allowed(names(installed))
                .fix("name an installed fidelity, or remove the attribute for 3dof").build());
        }
        return DynamicsFactory.POINT_MASS;
    }

    private static Optional<DynamicsFactory> find(Collection<DynamicsFactory> installed, String name) {
        if (DynamicsFactory.POINT_MASS.name().equals(name)) {
            return Optional.of(DynamicsFactory.POINT_MASS);
        }
        return installed.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static String names(Collection<DynamicsFactory> installed) {
        List<String> names = new ArrayList<>();
        names.add(DynamicsFactory.POINT_MASS.name());
        installed.stream().map(DynamicsFactory::name).filter(n -> !names.contains(n)).sorted().forEach(names::add);
        return String.join(", ", names);
    }
}
