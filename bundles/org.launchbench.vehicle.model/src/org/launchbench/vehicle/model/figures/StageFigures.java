package org.launchbench.vehicle.model.figures;

/**
 * Derived figures of one stage within its vehicle (computed from the model, never stored in it).
 *
 * @param id                     the stage's id
 * @param name                   the stage's name
 * @param wetMass                dry mass plus propellant, kg
 * @param dryMass                kg
 * @param propellantMass         loaded propellant, kg
 * @param usablePropellantMass   propellant less unusable residuals, kg
 * @param ignitionMass           mass of the whole stack when this stage ignites, kg
 * @param burnoutMass            mass of the stack when this stage has burned its usable propellant, kg
 * @param thrustSeaLevel         all engines at full throttle at sea level, N (0 for a vacuum stage)
 * @param thrustVacuum           all engines at full throttle in vacuum, N
 * @param burnTime               usable propellant at full throttle, s
 * @param deltaVVacuum           ideal velocity change in vacuum, m/s (rocket equation, no gravity or drag)
 * @param deltaVSeaLevel         the same with sea-level specific impulse, m/s; {@code null} for a stage whose
 *                               engines have no sea-level rating
 */
public record StageFigures(String id, String name, double wetMass, double dryMass, double propellantMass,
                           double usablePropellantMass, double ignitionMass, double burnoutMass,
                           double thrustSeaLevel, double thrustVacuum, double burnTime, double deltaVVacuum,
                           Double deltaVSeaLevel) {
}
