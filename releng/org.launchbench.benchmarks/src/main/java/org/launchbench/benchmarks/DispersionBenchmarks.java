package org.launchbench.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.RecoveryResult;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The recovery engine's costs: one recovery of the Falcon 9 drone-ship example (separation to touchdown, closed-loop
 * landing guidance) and small dispersion campaigns at several run and thread counts (the anchor: 10,000
 * runs under 60 s on 2 cores). Run from the repository root, or set -Dlaunchbench.root.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class DispersionBenchmarks {

    private static final EarthModel EARTH = EarthModel.WGS84;

    /** Runs of a campaign. */
    @Param({"16", "64"})
    public int runs;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private StageRecovery engine;
    private StageRecovery.Case falcon9;
    private StageRecovery.Plan plan;

    @Setup
    public void flyTheAscent() {
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
        p.setMaxDynamicPressure(150_000);
        p.setPropellantMargin(0.05);
        engine = new StageRecovery(EARTH, UsStandardAtmosphere1976.INSTANCE);
        falcon9 = new StageRecovery.Case(pad, vehicle.getStages().get(0), p, zone, ascent.booster().separationTime(),
            ascent.booster().separationState(), "benchmark");
        plan = engine.plan(falcon9);
    }

    /** One recovery as a campaign flies it (no history). */
    @Benchmark
    public RecoveryResult oneRecovery() {
        return engine.fly(falcon9, plan, Perturbation.NONE, List.of(), Dispersion.OPTIONS);
    }

    /** A campaign of {@code runs} runs on {@code threads} threads. */
    @Benchmark
    public List<Dispersion.Run> campaign() {
        return new Dispersion(engine).fly(falcon9, plan, Dispersion.Sigmas.DEFAULT, List.of(), runs, 1, threads, new NullProgressMonitor());
    }
}
