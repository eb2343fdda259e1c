package org.launchbench.vehicle.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.figures.StageFigures;
import org.launchbench.vehicle.model.figures.VehicleFigures;

/**
 * Derived figures against hand calculation with the rocket equation, Δv = Isp g0 ln(m0/mf) (Sutton &amp;
 * Biblarz, Rocket Propulsion Elements, 9th ed., eq. 4-7), g0 = 9.80665 m/s². The expected values were worked
 * out independently from TestModels' round numbers; tolerances are floating-point only (1e-6 relative).
 */
class VehicleFiguresTest {

    private final VehicleFigures f = VehicleFigures.of(TestModels.vehicle(), 0);

    @Test
    void liftoffMassIsEveryStageWetPlusTheFairing() {
        // 22 000 + 400 000 + 4 000 + 100 000 + 2 000
        assertEquals(528_000, f.liftoffMass(), 1e-6);
    }

    @Test
    void liftoffThrustToWeightUsesSeaLevelThrust() {
        // 9 x 800 kN / (528 t x g0) = 7.2e6 / 5 177 911.2
        assertEquals(7_200_000, f.liftoffThrust(), 1e-6);
        assertEquals(1.3905221086, f.liftoffThrustToWeight(), 1e-9);
    }

    @Test
    void firstStageDeltaVIsTheRocketEquationOverUsablePropellant() {
        StageFigures s1 = f.stages().get(0);
        assertEquals(528_000, s1.ignitionMass(), 1e-6);
        assertEquals(396_000, s1.usablePropellantMass(), 1e-6, "400 t less 4 t residuals");
        assertEquals(132_000, s1.burnoutMass(), 1e-6);
        // 310 s x g0 x ln(4) ; sea level: 280 s x g0 x ln(4)
        assertEquals(4214.4201149, s1.deltaVVacuum(), 1e-6);
        assertEquals(3806.5730070, s1.deltaVSeaLevel(), 1e-6);
        // 396 t / (9 x 900 kN / (310 s x g0))
        assertEquals(148.6252289, s1.burnTime(), 1e-6);
    }

    @Test
    void upperStageCarriesNoFairingAndHasNoSeaLevelFigure() {
        StageFigures s2 = f.stages().get(1);
        assertEquals(104_000, s2.ignitionMass(), 1e-6);
        // 350 s x g0 x ln(104 000 / 4 000)
        assertEquals(11182.8543451, s2.deltaVVacuum(), 1e-6);
        assertNull(s2.deltaVSeaLevel(), "a vacuum engine has no sea-level rating");
        assertEquals(4214.4201149 + 11182.8543451, f.deltaVVacuum(), 1e-6);
    }

    @Test
    void payloadRidesOnEveryStage() {
        VehicleFigures loaded = VehicleFigures.of(TestModels.vehicle(), 1_000);
        assertEquals(529_000, loaded.liftoffMass(), 1e-6);
        assertEquals(105_000, loaded.stages().get(1).ignitionMass(), 1e-6);
        // 350 s x g0 x ln(105 000 / 5 000)
        assertEquals(350 * 9.80665 * Math.log(21.0), loaded.stages().get(1).deltaVVacuum(), 1e-6);
    }

    @Test
    void throttleAboveNominalIsNotAssumed() {
        LaunchVehicle v = TestModels.vehicle();
        v.getStages().get(0).getEngines().get(0).getEngine().setThrottleMax(0.5);
        assertEquals(3_600_000, VehicleFigures.of(v, 0).liftoffThrust(), 1e-6, "full throttle is throttleMax");
    }
}
