package org.launchbench.benchmarks;

import java.nio.file.Path;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.recovery.stage.MissionRecovery;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.AscentSimulator;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.SiteCatalog;
import org.launchbench.vehicle.model.VehicleFactory;
import org.launchbench.vehicle.model.io.ModelFiles;

/**
 * The Falcon 9 drone-ship recovery the recovery benchmarks fly: the ascent to a 200 km, 28.6° orbit from SLC-40 with the
 * vehicle's 30 t reserve, the first stage separated, the ship stationed where it falls and its recovery planned. Models are read from the repository (run from its root, or set
 * -Dlaunchbench.root).
 *
 * @param engine the recovery engine
 * @param c      the recovery case
 * @param plan   its nominal targeting
 */
record Falcon9Recovery(StageRecovery engine, StageRecovery.Case c, StageRecovery.Plan plan) {

    private static final EarthModel EARTH = EarthModel.WGS84;

    static Falcon9Recovery fly() {
        Path root = Path.of(System.getProperty("launchbench.root", "."));
        SiteCatalog sites = ModelFiles.load(root.resolve("bundles/org.launchbench.vehicles.sites/model/launch-sites.sites"),
            SiteCatalog.class);
        LaunchVehicle vehicle = ModelFiles.load(root.resolve("bundles/org.launchbench.vehicles.spacex/model/falcon9.vehicle"),
            LaunchVehicle.class);
        LaunchSite site = sites.getLaunchSites().stream().filter(s -> "slc-40".equals(s.getId())).findFirst().orElseThrow();
        LandingZone zone = sites.getLandingZones().stream().filter(z -> "asds-atlantic".equals(z.getId())).findFirst().orElseThrow();
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double r = EARTH.equatorialRadius() + 200_000;
        InsertionTarget target = new InsertionTarget(r, r, Math.toRadians(28.6));
        double azimuth = OrbitGeometry.launchAzimuth(EARTH, site, target.inclination(), target.perigeeSpeed(EARTH.mu()));
        AscentResult ascent = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT).flyBest(vehicle, pad,
            azimuth, 15_000, vehicle.getStages().get(0).getRecovery().getLandingPropellantReserve(), target, new NullProgressMonitor());
        RecoveryPlan p = VehicleFactory.eINSTANCE.createRecoveryPlan();
        p.setMode(RecoveryMode.SHIP);
        p.setLandingZoneId("asds-atlantic");
        p.setEntryBurn(true);
        p.setMaxDynamicPressure(110_000);
        p.setPropellantMargin(0.05);
        StageRecovery engine = new StageRecovery(EARTH, UsStandardAtmosphere1976.INSTANCE);
        // the ship stationed where the stage falls, as the shipped example's (placeShip)
        StageRecovery.Case c = MissionRecovery.stationed(new StageRecovery.Case(pad,
            vehicle.getStages().get(0), p, zone, ascent.booster().separationTime(), ascent.booster().separationState(), "benchmark"));
        return new Falcon9Recovery(engine, c, engine.plan(c));
    }
}
