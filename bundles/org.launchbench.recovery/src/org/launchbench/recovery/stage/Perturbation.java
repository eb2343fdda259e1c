package org.launchbench.recovery.stage;

/**
 * What one flight of the stage has that the plan did not assume: the errors a Monte Carlo campaign samples. The
 * flight software does not know them (it flies the nominal plan and its closed loops correct what they can).
 *
 * @param thrust        relative thrust error (0.01: 1 % more thrust than the model), all burns
 * @param isp           relative specific-impulse error
 * @param dryMass       dry-mass error, kg
 * @param propellant    error in the propellant left at separation, kg
 * @param drag          relative drag-coefficient error
 * @param windSpeed     speed of the wind below {@link StageRecovery#WIND_CEILING}, m/s
 * @param windFromDeg   direction the wind blows from, degrees clockwise from north
 * @param ignitionDelay landing-burn ignition delay, s (negative: early)
 * @param navEast       navigation position error east, m (the guidance believes it is this far east of where it is)
 * @param navNorth      navigation position error north, m
 */
public record Perturbation(double thrust, double isp, double dryMass, double propellant, double drag, double windSpeed,
                           double windFromDeg, double ignitionDelay, double navEast, double navNorth) {

    /** No error. */
    public static final Perturbation NONE = new Perturbation(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
