package org.launchbench.flight.vehicle;

import org.launchbench.vehicle.model.PropellantFamily;
import org.launchbench.vehicle.model.Propulsion;

/**
 * How a stage's propellant fills its tanks: the oxidiser's share of the mass and each propellant's density, for the
 * estimates of tank volumes. Densities at the normal boiling point for cryogens (NIST Chemistry WebBook, fluid
 * properties: LOX 1141 kg/m³, liquid methane 422 kg/m³, liquid hydrogen 70.8 kg/m³), at 15 °C for storables (Sutton
 * and Biblarz, Rocket Propulsion Elements, 9th ed., Table 7-1: RP-1 810, N2O4 1440, UDMH 791 kg/m³) and of a composite
 * grain (ch. 13: AP/Al/HTPB about 1800 kg/m³). Mixture ratios by mass near the optimum of Sutton's Table 5-5
 * (LOX/RP-1 2.56, LOX/CH4 3.45, LOX/LH2 6.0 as flown, N2O4/UDMH 2.6). Densified propellants (Falcon 9's subcooled
 * LOX and RP-1) are denser by some 8 %: the estimate's tanks are then a little long, on the safe side for the
 * centre of mass.
 *
 * @param oxidiserShare     the oxidiser's fraction of the propellant mass (0 for a grain or a monopropellant)
 * @param oxidiserDensity   kg/m³
 * @param fuelDensity       kg/m³ (the grain's, for a solid)
 * @param grain             true for a solid motor: the propellant burns from its port outward, not from a tank
 */
public record PropellantLoad(double oxidiserShare, double oxidiserDensity, double fuelDensity, boolean grain) {

    /**
     * @param family     the vehicle's propellant family
     * @param propulsion the stage's propulsion
     * @return the load of a stage of that family and propulsion (a liquid stage of a solid-family vehicle, such as
     *         Ceres-1's upper stage, is taken as storable N2O4/UDMH)
     */
    public static PropellantLoad of(PropellantFamily family, Propulsion propulsion) {
        if (propulsion == Propulsion.SOLID) {
            return new PropellantLoad(0, 0, 1800, true);
        }
        return switch (family) {
            case KEROLOX -> bipropellant(2.56, 1141, 810);
            case METHALOX -> bipropellant(3.45, 1141, 422);
            case HYDROLOX -> bipropellant(6.0, 1141, 70.8);
            default -> bipropellant(2.6, 1440, 791);
        };
    }

    private static PropellantLoad bipropellant(double mixtureRatio, double oxidiser, double fuel) {
        return new PropellantLoad(mixtureRatio / (1 + mixtureRatio), oxidiser, fuel, false);
    }
}
