package org.launchbench.vehicle.model.tests;

import org.launchbench.vehicle.model.Citation;
import org.launchbench.vehicle.model.Engine;
import org.launchbench.vehicle.model.EngineCluster;
import org.launchbench.vehicle.model.EngineMount;
import org.launchbench.vehicle.model.Fairing;
import org.launchbench.vehicle.model.GridFins;
import org.launchbench.vehicle.model.LandingLegs;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LandingZoneKind;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.MachPoint;
import org.launchbench.vehicle.model.MachTable;
import org.launchbench.vehicle.model.ManifestEntry;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.PayloadAdapter;
import org.launchbench.vehicle.model.Platform;
import org.launchbench.vehicle.model.PropellantFamily;
import org.launchbench.vehicle.model.Propulsion;
import org.launchbench.vehicle.model.RecoveryHardware;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.RigidBody;
import org.launchbench.vehicle.model.Satellite;
import org.launchbench.vehicle.model.SiteCatalog;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.Tank;
import org.launchbench.vehicle.model.TargetOrbit;
import org.launchbench.vehicle.model.VehicleFactory;

/**
 * Small, valid models built in code for the tests: a two-stage kerolox vehicle with the round numbers of a
 * Falcon-9-class launcher (not the catalog's Falcon 9: these numbers are chosen for hand calculation).
 */
public final class TestModels {

    static final VehicleFactory F = VehicleFactory.eINSTANCE;

    private TestModels() {
    }

    public static Engine engine(String id, double fSl, double fVac, double ispSl, double ispVac) {
        Engine e = F.createEngine();
        e.setId(id);
        e.setName(id.toUpperCase());
        e.setThrustSeaLevel(fSl);
        e.setThrustVacuum(fVac);
        e.setIspSeaLevel(ispSl);
        e.setIspVacuum(ispVac);
        e.setThrottleMin(0.4);
        e.setThrottleMax(1.0);
        e.setRestarts(3);
        e.setGimbalRange(5);
        return e;
    }

    public static Stage stage(String id, double dry, double propellant, double diameter, int engines, Engine engine) {
        Stage s = F.createStage();
        s.setId(id);
        s.setName(id);
        s.setPropulsion(Propulsion.LIQUID);
        s.setDryMass(dry);
        s.setPropellantMass(propellant);
        s.setReferenceDiameter(diameter);
        EngineCluster c = F.createEngineCluster();
        c.setCount(engines);
        c.setEngine(engine);
        s.getEngines().add(c);
        return s;
    }

    /** Format 2's six-degree-of-freedom data on a 41 m first stage: tanks, mounts, rates, fin and RCS geometry. */
    static void sixDof(Stage s) {
        s.setLength(41);
        RigidBody b = F.createRigidBody();
        b.setDryCentreOfMass(14);
        b.setDryRollInertia(4.0e4);
        b.setDryPitchInertia(3.0e6);
        b.setCentreOfPressure(12);
        b.setDescentCentreOfPressure(30);
        b.setPitchDamping(-5);
        double[][] tanks = {{0.7, 4, 24}, {0.3, 25, 37}};
        for (double[] t : tanks) {
            Tank tank = F.createTank();
            tank.setPropellantShare(t[0]);
            tank.setBottom(t[1]);
            tank.setTop(t[2]);
            tank.setDiameter(3.6);
            b.getTanks().add(tank);
        }
        Citation c = F.createCitation();
        c.setFigures("all");
        c.setReference("test figures");
        b.getSources().add(c);
        s.setRigidBody(b);
        EngineCluster cluster = s.getEngines().get(0);
        for (int i = 0; i < cluster.getCount(); i++) {
            EngineMount m = F.createEngineMount();
            double angle = 2 * Math.PI * i / cluster.getCount();
            m.setStation(1.5);
            m.setY(i == 0 ? 0 : 1.2 * Math.cos(angle));
            m.setZ(i == 0 ? 0 : 1.2 * Math.sin(angle));
            cluster.getMounts().add(m);
        }
        cluster.getEngine().setGimbalRate(20);
        cluster.getEngine().setGimbalTimeConstant(0.05);
        cluster.getEngine().setThrottleRate(0.5);
        cluster.getEngine().setThrottleTimeConstant(0.1);
        GridFins fins = s.getRecovery().getGridFins();
        fins.setStation(39);
        fins.setRadius(2.6);
        fins.setDeflectionRate(60);
        fins.setTimeConstant(0.05);
        fins.setNormalForceSlope(2);
    }

    /** Liftoff mass 22 000 + 400 000 + 4 000 + 100 000 + 2 000 = 528 000 kg; 9 x 800 kN at sea level. */
    public static LaunchVehicle vehicle() {
        LaunchVehicle v = F.createLaunchVehicle();
        v.setId("test-rocket");
        v.setName("Test Rocket");
        v.setManufacturer("LaunchBench tests");
        v.setPropellantFamily(PropellantFamily.KEROLOX);
        Stage first = stage("stage-1", 22_000, 400_000, 3.7, 9, engine("booster-engine", 800_000, 900_000, 280, 310));
        first.setResidualPropellantMass(4_000);
        MachTable drag = F.createMachTable();
        double[][] points = {{0, 0.3}, {1.0, 0.55}, {2.0, 0.42}, {5.0, 0.28}};
        for (double[] p : points) {
            MachPoint mp = F.createMachPoint();
            mp.setMach(p[0]);
            mp.setCoefficient(p[1]);
            drag.getPoints().add(mp);
        }
        first.setDrag(drag);
        RecoveryHardware hw = F.createRecoveryHardware();
        hw.setLandingPropellantReserve(30_000);
        hw.setBoostbackEngines(3);
        hw.setEntryEngines(3);
        hw.setLandingEngines(1);
        GridFins fins = F.createGridFins();
        fins.setCount(4);
        fins.setArea(1.5);
        fins.setDeflectionLimit(20);
        hw.setGridFins(fins);
        LandingLegs legs = F.createLandingLegs();
        legs.setCount(4);
        legs.setMass(2_000);
        legs.setMaxTouchdownVerticalSpeed(6);
        legs.setMaxTouchdownHorizontalSpeed(2);
        hw.setLandingLegs(legs);
        first.setRecovery(hw);
        sixDof(first);
        v.getStages().add(first);
        Engine vac = engine("vacuum-engine", 0, 1_000_000, 0, 350);
        v.getStages().add(stage("stage-2", 4_000, 100_000, 3.7, 1, vac));
        Fairing fairing = F.createFairing();
        fairing.setMass(2_000);
        fairing.setDiameter(5.2);
        fairing.setLength(13);
        fairing.setJettisonAltitude(110_000);
        v.setFairing(fairing);
        PayloadAdapter dispenser = F.createPayloadAdapter();
        dispenser.setId("dispenser");
        dispenser.setName("Dispenser");
        dispenser.setMass(500);
        dispenser.setMaxSatellites(6);
        dispenser.setMaxPayloadMass(3_000);
        v.getPayloadAdapters().add(dispenser);
        return v;
    }

    public static SiteCatalog sites() {
        SiteCatalog c = F.createSiteCatalog();
        c.setId("test-sites");
        LaunchSite site = F.createLaunchSite();
        site.setId("test-site");
        site.setName("Test Site");
        site.setLatitude(28.56);
        site.setLongitude(-80.58);
        site.setAltitude(5);
        site.setPlatform(Platform.LAND);
        c.getLaunchSites().add(site);
        LandingZone pad = F.createLandingZone();
        pad.setId("test-pad");
        pad.setKind(LandingZoneKind.PAD);
        pad.setLatitude(28.49);
        pad.setLongitude(-80.54);
        pad.setRadius(40);
        c.getLandingZones().add(pad);
        LandingZone ship = F.createLandingZone();
        ship.setId("test-ship");
        ship.setKind(LandingZoneKind.SHIP);
        ship.setLatitude(32.0);
        ship.setLongitude(-75.0);
        ship.setRadius(30);
        c.getLandingZones().add(ship);
        return c;
    }

    /** Six 400 kg satellites on the dispenser, RTLS to test-pad. */
    public static Mission mission() {
        Mission m = F.createMission();
        m.setId("test-mission");
        m.setName("Test mission");
        m.setVehicleId("test-rocket");
        m.setLaunchSiteId("test-site");
        m.setEpoch("2025-12-03T04:00:00Z");
        TargetOrbit o = F.createTargetOrbit();
        o.setPerigeeAltitude(500_000);
        o.setApogeeAltitude(500_000);
        o.setInclination(97.4);
        m.setTargetOrbit(o);
        m.setPayloadAdapterId("dispenser");
        Satellite sat = F.createSatellite();
        sat.setId("sat");
        sat.setMass(400);
        ManifestEntry e = F.createManifestEntry();
        e.setCount(6);
        e.setSatellite(sat);
        m.getManifest().add(e);
        RecoveryPlan plan = F.createRecoveryPlan();
        plan.setMode(RecoveryMode.RETURN_TO_LAUNCH_SITE);
        plan.setLandingZoneId("test-pad");
        plan.setBoostback(true);
        plan.setEntryBurn(true);
        m.setRecovery(plan);
        return m;
    }
}
