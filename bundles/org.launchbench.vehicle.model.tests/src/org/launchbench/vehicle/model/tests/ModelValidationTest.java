package org.launchbench.vehicle.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.launchbench.vehicle.model.Engine;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.Propulsion;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.SiteCatalog;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.launchbench.vehicle.model.validation.ModelValidation;
import org.launchbench.vehicle.model.validation.Problem;

/** Every constraint: the valid models pass, and each broken value is reported with its path, value and range. */
class ModelValidationTest {

    private LaunchVehicle vehicle = TestModels.vehicle();
    private final SiteCatalog sites = TestModels.sites();

    private final ModelReferences refs = new ModelReferences() {
        @Override
        public Optional<LaunchVehicle> vehicle(String id) {
            return Optional.of(vehicle).filter(v -> v.getId().equals(id));
        }

        @Override
        public Optional<LaunchSite> launchSite(String id) {
            return sites.getLaunchSites().stream().filter(s -> s.getId().equals(id)).findFirst();
        }

        @Override
        public Optional<LandingZone> landingZone(String id) {
            return sites.getLandingZones().stream().filter(z -> z.getId().equals(id)).findFirst();
        }

        @Override
        public java.util.Collection<String> vehicleIds() {
            return List.of(vehicle.getId());
        }
    };

    private List<Problem> problems(EObject root) {
        return ModelValidation.validate(root, refs);
    }

    /** Breaks the vehicle one way and expects exactly one problem on that feature. */
    private Problem onlyProblem(Consumer<LaunchVehicle> breakIt) {
        breakIt.accept(vehicle);
        List<Problem> p = problems(vehicle);
        assertEquals(1, p.size(), p.toString());
        return p.get(0);
    }

    private Engine boosterEngine() {
        return vehicle.getStages().get(0).getEngines().get(0).getEngine();
    }

    @Test
    void theTestModelsAreValid() {
        assertEquals(List.of(), problems(vehicle));
        assertEquals(List.of(), problems(sites));
        assertEquals(List.of(), problems(TestModels.mission()));
    }

    @Test
    void dryMassMustBePositive() {
        Problem p = onlyProblem(v -> v.getStages().get(1).setDryMass(-5));
        assertEquals("LaunchVehicle 'test-rocket' / Stage 'stage-2'", p.element());
        assertEquals("dryMass", p.feature());
        assertEquals("-5", p.value());
        assertEquals("> 0 kg", p.allowed());
        assertEquals("LaunchVehicle 'test-rocket' / Stage 'stage-2': dryMass = -5: a stage has structure (allowed: > 0 kg)",
            p.message());
    }

    @Test
    void wetMassMustExceedDryMass() {
        assertEquals("propellantMass", onlyProblem(v -> v.getStages().get(1).setPropellantMass(0)).feature());
    }

    @Test
    void residualsCannotExceedThePropellant() {
        Problem p = onlyProblem(v -> v.getStages().get(1).setResidualPropellantMass(200_000));
        assertEquals("residualPropellantMass", p.feature());
        assertEquals("0 to the propellant mass 100000 kg", p.allowed());
    }

    @Test
    void thrustMustBePositive() {
        assertEquals("thrustVacuum", onlyProblem(v -> v.getStages().get(1).getEngines().get(0).getEngine().setThrustVacuum(0)).feature());
    }

    @Test
    void seaLevelThrustCannotExceedVacuumThrust() {
        Problem p = onlyProblem(v -> boosterEngine().setThrustSeaLevel(950_000));
        assertEquals("thrustSeaLevel", p.feature());
        assertEquals("0 to the vacuum thrust 900000 N", p.allowed());
    }

    @Test
    void specificImpulseMustBePlausibleForAChemicalRocket() {
        Problem p = onlyProblem(v -> v.getStages().get(1).getEngines().get(0).getEngine().setIspVacuum(3000));
        assertEquals("ispVacuum", p.feature());
        assertEquals("150.0 to 470.0 s", p.allowed());
        assertTrue(p.why().contains("465.5 s"), p.why());
    }

    @Test
    void theThrottleRangeMustLieWithinZeroAndOneAndBeOrdered() {
        assertEquals("throttleMin", onlyProblem(v -> boosterEngine().setThrottleMin(-0.1)).feature());
    }

    @Test
    void anInvertedThrottleRangeIsReported() {
        // on the upper stage, so that liftoff thrust-to-weight is not affected too
        Problem p = onlyProblem(v -> v.getStages().get(1).getEngines().get(0).getEngine().setThrottleMax(0.3));
        assertEquals("throttleMax", p.feature());
        assertEquals("throttleMin (0.4) to 1", p.allowed());
    }

    @Test
    void liftoffThrustToWeightMustExceedOne() {
        Problem p = onlyProblem(v -> v.getStages().get(0).setPropellantMass(900_000));
        assertEquals("LaunchVehicle 'test-rocket'", p.element());
        assertEquals("> 1", p.allowed());
        assertTrue(p.why().startsWith("liftoff thrust-to-weight without payload: 7200 kN of sea-level thrust cannot lift"), p.why());
    }

    @Test
    void theLandingReserveMustComeOutOfTheUsablePropellant() {
        Problem p = onlyProblem(v -> v.getStages().get(0).getRecovery().setLandingPropellantReserve(500_000));
        assertEquals("landingPropellantReserve", p.feature());
        assertEquals("0 to the usable propellant 396000 kg", p.allowed());
    }

    /** The descent limits, the stage's and a mission's, are a pressure in 1 to 1000 kPa; NaN is not one. */
    @Test
    void theDescentDynamicPressureLimitsMustBePressures() {
        Problem p = onlyProblem(v -> v.getStages().get(0).getRecovery().setMaxDescentDynamicPressure(-1));
        assertEquals("maxDescentDynamicPressure", p.feature());
        assertEquals("1 to 1000 kPa", p.allowed());
        assertEquals("maxDescentDynamicPressure", onlyProblem(v -> v.getStages().get(0).getRecovery()
            .setMaxDescentDynamicPressure(Double.NaN)).feature());
        // the mission's vehicle is validated with it: mend it first
        vehicle.getStages().get(0).getRecovery().setMaxDescentDynamicPressure(110_000);
        Mission m = TestModels.mission();
        m.getRecovery().setMaxDynamicPressure(Double.NaN);
        List<Problem> problems = problems(m);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("maxDynamicPressure", problems.get(0).feature());
        m.getRecovery().setMaxDynamicPressure(110_000);
        assertEquals(List.of(), problems(m));
    }

    @Test
    void landingEnginesMustBeEnginesOfTheStage() {
        assertEquals("1 to 9", onlyProblem(v -> v.getStages().get(0).getRecovery().setLandingEngines(12)).allowed());
    }

    @Test
    void aSolidMotorCannotRestart() {
        Problem p = onlyProblem(v -> v.getStages().get(1).setPropulsion(Propulsion.SOLID));
        assertEquals("propulsion", p.feature());
        assertTrue(p.why().contains("restarts = 3"), p.why());
    }

    @Test
    void aStageNeedsAnEngine() {
        assertEquals("engines", onlyProblem(v -> v.getStages().get(1).getEngines().clear()).feature());
    }

    @Test
    void latitudeAndLongitudeMustBeOnTheGlobe() {
        sites.getLaunchSites().get(0).setLatitude(91);
        sites.getLandingZones().get(0).setLongitude(-181);
        List<Problem> p = problems(sites);
        assertEquals(2, p.size(), p.toString());
        assertEquals("latitude", p.get(0).feature());
        assertEquals("-90 to 90 deg", p.get(0).allowed());
        assertEquals("longitude", p.get(1).feature());
        assertEquals("SiteCatalog 'test-sites' / LandingZone 'test-pad'", p.get(1).element());
    }

    @Test
    void theManifestMustFitTheDispenser() {
        Mission m = TestModels.mission();
        m.getManifest().get(0).setCount(7);
        List<Problem> p = problems(m);
        assertEquals(1, p.size(), p.toString());
        assertEquals("7 satellites", p.get(0).value());
        assertEquals("at most 6", p.get(0).allowed());
        m.getManifest().get(0).setCount(6);
        m.getManifest().get(0).getSatellite().setMass(600);
        List<Problem> heavy = problems(m);
        assertEquals("3600 kg", heavy.get(0).value());
        assertEquals("at most 3000 kg", heavy.get(0).allowed());
    }

    @Test
    void unknownReferencesListTheKnownIds() {
        Mission m = TestModels.mission();
        m.setVehicleId("zhuque-9");
        List<Problem> p = problems(m);
        assertEquals("zhuque-9", p.get(0).value());
        assertEquals("test-rocket", p.get(0).allowed());
    }

    @Test
    void aRecoveryPlanMustSuitTheStagesHardware() {
        Mission m = TestModels.mission();
        vehicle.getStages().get(0).getRecovery().setLandingLegs(null);
        List<Problem> p = problems(m);
        assertEquals(1, p.size(), p.toString());
        assertEquals("mode", p.get(0).feature());
        assertTrue(p.get(0).why().contains("has no landing legs"), p.get(0).why());
    }

    @Test
    void aShipLandingNeedsAShip() {
        Mission m = TestModels.mission();
        m.getRecovery().setMode(RecoveryMode.SHIP);
        List<Problem> p = problems(m);
        assertEquals(1, p.size(), p.toString());
        assertEquals("test-pad (PAD)", p.get(0).value());
        assertEquals("a SHIP zone", p.get(0).allowed());
    }

    @Test
    void returningToTheLaunchSiteNeedsABoostback() {
        Mission m = TestModels.mission();
        m.getRecovery().setBoostback(false);
        assertEquals("boostback", problems(m).get(0).feature());
    }

    @Test
    void aSunSynchronousOrbitNeedsItsLocalTime() {
        Mission m = TestModels.mission();
        m.getTargetOrbit().setSunSynchronous(true);
        assertEquals("localTimeAscendingNode", problems(m).get(0).feature());
        m.getTargetOrbit().setLocalTimeAscendingNode(10.5);
        assertEquals(List.of(), problems(m));
    }

    @Test
    void theEpochMustBeAnIsoDate() {
        Mission m = TestModels.mission();
        m.setEpoch("3 Dec 2025");
        assertEquals("epoch", problems(m).get(0).feature());
    }

    /** Ids are names, not paths (issue 28: a mission id of "../escaped-by-id" made simulate write outside --csv DIR). */
    @Test
    void anIdIsANameNotAPath() {
        Mission m = TestModels.mission();
        for (String bad : new String[] {"../escaped-by-id", "/etc/passwd", ".hidden", "a b", "x".repeat(65), "a/b"}) {
            m.setId(bad);
            Problem p = problems(m).get(0);
            assertEquals("id", p.feature(), bad);
            assertTrue(p.why().contains("not a path"), p.why());
        }
        for (String good : new String[] {"falcon9-leo_asds.v2", "x".repeat(64), "7"}) {
            m.setId(good);
            assertEquals(List.of(), problems(m), good);
        }
    }

    @Test
    void aMissionsFidelityIsOneLaunchBenchShips() {
        Mission m = TestModels.mission();
        m.setFidelity("6dof");
        assertEquals(List.of(), problems(m));
        m.setFidelity("3dof");
        assertEquals(List.of(), problems(m));
        m.setFidelity("6DOF");
        Problem p = problems(m).get(0);
        assertEquals("fidelity", p.feature());
        assertEquals("6DOF", p.value());
        assertTrue(p.allowed().contains("3dof or 6dof"), p.allowed());
    }

    @Test
    void anIdUsedTwiceAmongElementsOfOneKindIsReported() {
        Problem p = onlyProblem(v -> v.getStages().get(1).setId("stage-1"));
        assertEquals("id", p.feature());
        assertEquals("stage-1", p.value());
        assertEquals("LaunchVehicle 'test-rocket' / Stage 'stage-1'", p.element());
        assertTrue(p.why().contains("another Stage"), p.why());
    }

    @Test
    void aStagelessVehicleBreaksTheMultiplicity() {
        vehicle.getStages().clear();
        List<Problem> p = problems(vehicle);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).why().contains("stages"), p.get(0).why());
    }

    @Test
    void aSecondProblemIsNotHiddenByTheFirst() {
        Stage s = vehicle.getStages().get(1);
        s.setDryMass(0);
        s.setReferenceDiameter(50);
        assertEquals(2, problems(vehicle).size());
    }

    @Test
    void strapOnsMustComeFirstAndBeFollowedByTheirCore() {
        Problem p = onlyProblem(v -> v.getStages().get(1).setStrapOn(true));
        assertEquals("strapOn", p.feature());
        assertEquals("LaunchVehicle 'test-rocket' / Stage 'stage-2'", p.element());
    }

    /** The remaining range constraints, one broken value each: exactly one problem, on that feature. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"referenceDiameter", "gimbalRange", "ignitionTransient",
        "ispSeaLevel", "restarts", "count", "area", "deflectionLimit", "legs", "maxTouchdownVerticalSpeed", "fairing",
        "jettisonAltitude", "maxSatellites", "maxPayloadMass", "machOrder", "coefficient", "boostbackEngines",
        "entryEngines"})
    void eachRangeConstraintReportsItsFeature(String what) {
        Stage s1 = vehicle.getStages().get(0);
        Engine e = boosterEngine();
        var hw = s1.getRecovery();
        String expected = what;
        switch (what) {
            case "referenceDiameter" -> s1.setReferenceDiameter(0);
            case "gimbalRange" -> e.setGimbalRange(45);
            case "ignitionTransient" -> e.setIgnitionTransient(-1);
            case "ispSeaLevel" -> e.setIspSeaLevel(0);
            case "restarts" -> e.setRestarts(-1);
            case "count" -> s1.getEngines().get(0).setCount(0);
            case "area" -> hw.getGridFins().setArea(0);
            case "deflectionLimit" -> hw.getGridFins().setDeflectionLimit(120);
            case "legs" -> { hw.getLandingLegs().setCount(2); expected = "count"; }
            case "maxTouchdownVerticalSpeed" -> hw.getLandingLegs().setMaxTouchdownVerticalSpeed(0);
            case "fairing" -> { vehicle.getFairing().setMass(0); expected = "mass"; }
            case "jettisonAltitude" -> vehicle.getFairing().setJettisonAltitude(500_000);
            case "maxSatellites" -> vehicle.getPayloadAdapters().get(0).setMaxSatellites(0);
            case "maxPayloadMass" -> vehicle.getPayloadAdapters().get(0).setMaxPayloadMass(-1);
            case "machOrder" -> { s1.getDrag().getPoints().get(2).setMach(0.5); expected = "points"; }
            case "coefficient" -> { s1.getDrag().getPoints().get(1).setCoefficient(9); expected = "points"; }
            case "boostbackEngines" -> hw.setBoostbackEngines(10);
            case "entryEngines" -> hw.setEntryEngines(-1);
            default -> throw new IllegalArgumentException(what);
        }
        List<Problem> p = problems(vehicle);
        if (what.equals("count")) {
            // a cluster of zero engines also leaves the stage without liftoff thrust and landing engines
            assertTrue(p.stream().anyMatch(x -> "count".equals(x.feature())), p.toString());
            return;
        }
        assertEquals(1, p.size(), p.toString());
        assertEquals(expected, p.get(0).feature(), p.toString());
    }

    @Test
    void siteAzimuthsLandingZoneRadiusAndAltitudeHaveRanges() {
        var range = TestModels.F.createAzimuthRange();
        range.setMin(200);
        range.setMax(100);
        sites.getLaunchSites().get(0).getAzimuthRanges().add(range);
        sites.getLandingZones().get(0).setRadius(0);
        sites.getLandingZones().get(1).setAltitude(20_000);
        List<Problem> p = problems(sites);
        assertEquals(List.of("max", "radius", "altitude"), p.stream().map(Problem::feature).toList(), p.toString());
    }

    @Test
    void missionValuesHaveRanges() {
        Mission m = TestModels.mission();
        m.getManifest().get(0).getSatellite().setMass(0);
        m.getTargetOrbit().setPerigeeAltitude(50_000);
        m.getTargetOrbit().setApogeeAltitude(40_000);
        m.getRecovery().setLandingIgnitionAltitude(50_000);
        m.getRecovery().setPropellantMargin(1.5);
        m.setLaunchAzimuth(400);
        var scenario = TestModels.F.createScenario();
        scenario.setId("bad-burn");
        var failure = TestModels.F.createFailure();
        failure.setKind(org.launchbench.vehicle.model.FailureKind.THRUST_SHORTFALL);
        failure.setMagnitude(2);
        failure.setTime(-1);
        scenario.getFailures().add(failure);
        m.getScenarios().add(scenario);
        List<Problem> p = problems(m);
        assertEquals(java.util.Set.of("mass", "perigeeAltitude", "apogeeAltitude", "landingIgnitionAltitude",
            "propellantMargin", "launchAzimuth", "magnitude", "time"),
            new java.util.HashSet<>(p.stream().map(Problem::feature).toList()), p.toString());
    }

    @Test
    void rigidBodyStationsMustLieOnTheStage() {
        Problem p = onlyProblem(v -> v.getStages().get(0).getRigidBody().setDryCentreOfMass(45));
        assertEquals("dryCentreOfMass", p.feature());
        assertEquals("0 to the stage length 41 m", p.allowed());
        vehicle = TestModels.vehicle();
        assertEquals("centreOfPressure", onlyProblem(v -> v.getStages().get(0).getRigidBody().setCentreOfPressure(Double.NaN)).feature());
    }

    @Test
    void rigidBodyDataNeedsTheStageLength() {
        // with no length the stations are checked against the largest allowed, so only the length is reported
        Problem p = onlyProblem(v -> v.getStages().get(0).setLength(0));
        assertEquals("length", p.feature());
        assertEquals("> 0 m with rigid-body data", p.allowed());
    }

    @Test
    void anInertiaNoAxisymmetricBodyCanHaveIsReported() {
        Problem p = onlyProblem(v -> v.getStages().get(0).getRigidBody().setDryRollInertia(7e6));
        assertEquals("dryRollInertia", p.feature());
        assertEquals("at most twice the pitch inertia (6000000 kg m2)", p.allowed());
    }

    @Test
    void tankSharesMustAddUpToOneAndTanksFitTheStage() {
        assertEquals("tanks", onlyProblem(v -> v.getStages().get(0).getRigidBody().getTanks().get(0).setPropellantShare(0.6)).feature());
        vehicle = TestModels.vehicle();
        assertEquals("top", onlyProblem(v -> v.getStages().get(0).getRigidBody().getTanks().get(1).setTop(50)).feature());
        vehicle = TestModels.vehicle();
        assertEquals("diameter", onlyProblem(v -> v.getStages().get(0).getRigidBody().getTanks().get(1).setDiameter(4)).feature());
    }

    @Test
    void engineMountsComeOnePerEngineWithinTheStage() {
        Problem p = onlyProblem(v -> v.getStages().get(0).getEngines().get(0).getMounts().remove(0));
        assertEquals("mounts", p.feature());
        assertEquals("none, or one per engine (9)", p.allowed());
        vehicle = TestModels.vehicle();
        assertEquals("y", onlyProblem(v -> v.getStages().get(0).getEngines().get(0).getMounts().get(1).setY(5)).feature());
    }

    @Test
    void actuatorRatesAndFinGeometryMustBePlausible() {
        assertEquals("gimbalRate", onlyProblem(v -> boosterEngine().setGimbalRate(-1)).feature());
        vehicle = TestModels.vehicle();
        assertEquals("station", onlyProblem(v -> v.getStages().get(0).getRecovery().getGridFins().setStation(42)).feature());
        vehicle = TestModels.vehicle();
        assertEquals("minimumImpulseBit", onlyProblem(v -> {
            var rcs = org.launchbench.vehicle.model.VehicleFactory.eINSTANCE.createRcs();
            rcs.setThrusters(8);
            rcs.setThrust(400);
            rcs.setIsp(70);
            rcs.setMinimumImpulseBit(2);
            v.getStages().get(0).getRecovery().setRcs(rcs);
        }).feature());
    }
}
