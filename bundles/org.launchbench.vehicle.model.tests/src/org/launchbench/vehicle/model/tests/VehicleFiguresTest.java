package org.launchbench.vehicle.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
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

    @Test
    void strapOnsBurnInParallelWithTheCoreAndAreDroppedAtBurnout() {
        // two identical 'motors' of 20 t propellant, 2 t dry, 500 kN vacuum / 450 kN sea level, Isp 250 s
        // (sea level 225 s) : one pair as strap-ons (both together), one as the core, and a 1 t payload
        LaunchVehicle v = TestModels.F.createLaunchVehicle();
        v.setId("parallel");
        Stage boosters = TestModels.stage("boosters", 4_000, 40_000, 1, 2, TestModels.engine("m", 450_000, 500_000, 225, 250));
        boosters.setStrapOn(true);
        Stage core = TestModels.stage("core", 2_000, 20_000, 1, 1, TestModels.engine("m", 450_000, 500_000, 225, 250));
        v.getStages().add(boosters);
        v.getStages().add(core);
        VehicleFigures f = VehicleFigures.of(v, 1_000);
        double g0 = 9.80665;
        double mdot = 500_000 / (250 * g0);             // one motor, kg/s
        double t = 20_000 / mdot;                         // every motor burns out together: 98.07 s
        assertEquals(67_000, f.liftoffMass(), 1e-6);
        assertEquals(1_350_000, f.liftoffThrust(), 1e-6, "boosters and core are all lit at liftoff");
        assertEquals(t, f.stages().get(0).burnTime(), 1e-9);
        // parallel phase: 3 motors, 67 t -> 7 t ; then the core has nothing left
        assertEquals(7_000, f.stages().get(0).burnoutMass(), 1e-6);
        assertEquals(250 * g0 * Math.log(67_000.0 / 7_000), f.stages().get(0).deltaVVacuum(), 1e-6);
        assertEquals(3_000, f.stages().get(1).ignitionMass(), 1e-6, "strap-ons dropped: core dry + payload");
        assertEquals(0, f.stages().get(1).deltaVVacuum(), 1e-9);
    }

    @Test
    void aCoreWithPropellantLeftContinuesAfterTheStrapOnsAreDropped() {
        LaunchVehicle v = TestModels.F.createLaunchVehicle();
        v.setId("parallel");
        Stage boosters = TestModels.stage("boosters", 2_000, 20_000, 1, 1, TestModels.engine("m", 450_000, 500_000, 225, 250));
        boosters.setStrapOn(true);
        Stage core = TestModels.stage("core", 4_000, 60_000, 1, 1, TestModels.engine("m", 450_000, 500_000, 225, 250));
        v.getStages().add(boosters);
        v.getStages().add(core);
        VehicleFigures f = VehicleFigures.of(v, 0);
        // parallel phase burns 20 t of each: 86 t -> 46 t; drop 2 t; core 44 t -> 4 t
        assertEquals(46_000, f.stages().get(0).burnoutMass(), 1e-6);
        assertEquals(44_000, f.stages().get(1).ignitionMass(), 1e-6);
        assertEquals(4_000, f.stages().get(1).burnoutMass(), 1e-6);
        assertEquals(250 * 9.80665 * Math.log(11.0), f.stages().get(1).deltaVVacuum(), 1e-6);
    }
}
