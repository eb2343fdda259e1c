package org.launchbench.flight;

import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * The world a body flies in: the Earth (shape, gravitation, rotation), the air (or none) and the winds.
 *
 * @param earth      the Earth; its rotation rate may be 0 for a non-rotating check-case
 * @param atmosphere the air against geometric altitude, or {@code null} for vacuum; above its ceiling the air is
 *                   taken as vacuum, and the body is outside its floor only under ground
 * @param winds      the air mass's velocity relative to the Earth
 */
public record FlightEnvironment(EarthModel earth, Atmosphere atmosphere, Winds winds) {

    /** Checks the components. */
    public FlightEnvironment {
        java.util.Objects.requireNonNull(earth, "earth");
        java.util.Objects.requireNonNull(winds, "winds");
    }
}
