package org.launchbench.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.core.OrekitData;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.AscentSimulator;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.trajectory.orbit.OrbitalPhase;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.SiteCatalog;
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
import org.orekit.time.AbsoluteDate;

/**
 * The trajectory engine's costs, single-threaded: one flight of a solved ascent (the unit other tools are
 * timed by), the same at several integrator tolerances, the solves that find an ascent, and Orekit's orbital
 * phase. Vehicles and sites are read from the repository's shipped model files (run from the repository root,
 * or set -Dlaunchbench.root).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AscentBenchmarks {

    private static final EarthModel EARTH = EarthModel.WGS84;

    /** Integrator relative tolerance of the replayed flight. */
    @Param({"1e-6", "1e-8", "1e-10", "1e-12"})
    public double tolerance;

    private Case falcon9;
    private Case zhuque3;
    private AscentSimulator simulator;
    private AscentSimulator tolerant;
    private OrbitalPhase orbital;

    /** A vehicle, a pad, a target and the ascent solved for them. */
    record Case(LaunchVehicle vehicle, EarthModel.Geodetic pad, double azimuth, double payload, double reserve, InsertionTarget target,
                AscentResult plan) {
    }

    @Setup
    public void solve() {
        Path root = Path.of(System.getProperty("launchbench.root", "."));
        SiteCatalog sites = ModelFiles.load(root.resolve("bundles/org.launchbench.vehicles.sites/model/launch-sites.sites"),
            SiteCatalog.class);
        simulator = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT);
        tolerant = simulator.withTolerance(tolerance);
        falcon9 = plan(root.resolve("bundles/org.launchbench.vehicles.spacex/model/falcon9.vehicle"), site(sites, "slc-40"),
            10_000, 0, 200, 28.6);
        zhuque3 = plan(root.resolve("bundles/org.launchbench.vehicles.landspace/model/zhuque3.vehicle"),
            site(sites, "dongfeng-commercial"), 4_000, 20_000, 450, 57);
        orbital = new OrbitalPhase(EARTH, UsStandardAtmosphere1976.INSTANCE, OrekitData.bundled().context(),
            new AbsoluteDate(2025, 6, 1, 12, 0, 0.0, OrekitData.bundled().context().getTimeScales().getUTC()));
    }

    private static LaunchSite site(SiteCatalog sites, String id) {
        return sites.getLaunchSites().stream().filter(s -> id.equals(s.getId())).findFirst().orElseThrow();
    }

    private Case plan(Path vehicleFile, LaunchSite site, double payload, double reserve, double km, double incDeg) {
        LaunchVehicle vehicle = ModelFiles.load(vehicleFile, LaunchVehicle.class);
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double r = EARTH.equatorialRadius() + km * 1000;
        InsertionTarget target = new InsertionTarget(r, r, Math.toRadians(incDeg));
        double azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(), target.perigeeSpeed(EARTH.mu()));
        AscentResult plan = simulator.fly(vehicle, pad, azimuth, payload, reserve, target, new NullProgressMonitor());
        return new Case(vehicle, pad, azimuth, payload, reserve, target, plan);
    }

    /** One flight of Falcon 9's solved ascent, pad to orbit insertion, at the tolerance parameter. */
    @Benchmark
    public AscentResult falcon9Flight() {
        return tolerant.replay(falcon9.vehicle, falcon9.pad, falcon9.azimuth, falcon9.payload, falcon9.reserve, falcon9.plan);
    }

    /** One flight of Zhuque-3's solved parking-orbit ascent (two burns and a 2700 s coast). */
    @Benchmark
    public AscentResult zhuque3ParkingFlight() {
        return tolerant.replay(zhuque3.vehicle, zhuque3.pad, zhuque3.azimuth, zhuque3.payload, zhuque3.reserve, zhuque3.plan);
    }

    /** Solving Falcon 9's ascent: the pitch-over bisection and the upper-stage shooting (default tolerances). */
    @Benchmark
    @Measurement(iterations = 3, time = 5)
    public AscentResult falcon9Solve() {
        return simulator.fly(falcon9.vehicle, falcon9.pad, falcon9.azimuth, falcon9.payload, falcon9.reserve, falcon9.target,
            new NullProgressMonitor());
    }

    /** Solving it with the best lofting (what 'launchbench simulate' does). */
    @Benchmark
    @Measurement(iterations = 3, time = 10)
    public AscentResult falcon9SolveBestLofting() {
        return simulator.flyBest(falcon9.vehicle, falcon9.pad, falcon9.azimuth, falcon9.payload, falcon9.reserve, falcon9.target,
            new NullProgressMonitor());
    }

    /** Orekit's orbital phase: one 90-minute orbit after insertion with J2 and drag. */
    @Benchmark
    public Object orbitalPhaseOneOrbit() {
        return orbital.propagate(falcon9.plan.cutoffTime(), falcon9.plan.cutoffState(), 10, 5400);
    }
}
