package org.launchbench.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.recovery.stage.RecoveryService;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.ascent.RecoveredPayload;
import org.launchbench.trajectory.ascent.ReserveSizing;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.PayloadAdapter;
import org.launchbench.vehicle.model.TargetOrbit;
import org.launchbench.vehicle.model.catalog.FolderReferences;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
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
 * A mission-sized ascent, as {@code simulate} flies it before the recovery: the first stage's reserve sized by its
 * recovery ({@link ReserveSizing}: the lofting search with each angle's reserve, every trial an ascent and a nominal
 * point-mass recovery). The Falcon 9 drone-ship example (ship stationed where the stage falls) and CRS-16's return to
 * LZ-1. Models are read from the repository (run from its root, or set -Dlaunchbench.root).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class MissionSizingBenchmarks {

    @Param({"falcon9-leo-asds", "falcon9-flights/crs-16"})
    public String mission;

    private MissionAscent ascent;
    private Path file;

    @Setup
    public void setUp() {
        Path root = RepositoryCatalog.root();
        VehicleCatalog catalog = RepositoryCatalog.falcon9();
        LaunchVehicle f9 = catalog.vehicles().get(0).model();
        file = root.resolve("examples/missions/" + mission + ".mission");
        // MissionAscent.load validates with EMF's Diagnostician, whose messages this shaded jar does not carry: the
        // mission resolved as load resolves it (valid files only)
        Mission m = ModelFiles.load(file, Mission.class);
        LaunchSite site = catalog.launchSites().stream().filter(x -> x.getId().equals(m.getLaunchSiteId())).findFirst().orElseThrow();
        EarthModel earth = EarthModel.WGS84;
        TargetOrbit t = m.getTargetOrbit();
        InsertionTarget target = new InsertionTarget(earth.equatorialRadius() + t.getPerigeeAltitude(),
            earth.equatorialRadius() + t.getApogeeAltitude(), Math.toRadians(t.getInclination()));
        double azimuth = OrbitGeometry.launchAzimuth(earth, site, target.inclination(), target.perigeeSpeed(earth.mu()));
        double payload = m.getManifest().stream().mapToDouble(e -> e.getCount() * e.getSatellite().getMass()).sum();
        double adapter = f9.getPayloadAdapters().stream().filter(a -> a.getId().equals(m.getPayloadAdapterId()))
            .mapToDouble(PayloadAdapter::getMass).sum();
        ascent = new MissionAscent(m, FolderReferences.beside(catalog.references(), file), f9, site, EarthModel.Geodetic.of(site), target,
            azimuth, payload, payload + adapter, f9.getStages().get(0).getRecovery().getLandingPropellantReserve());
    }

    @Benchmark
    public ReserveSizing.Sized sizedAscent() {
        return ascent.fly(AscentProfile.DEFAULT, new RecoveryService(), file.toString(), new NullProgressMonitor());
    }

    /**
     * What simulate adds for {@code recovery_cost_kg}: two payload searches at the flight's lofting, up from its own
     * payload ({@link RecoveredPayload#cost}).
     */
    @Benchmark
    public double recoveryCost(Sized sized) {
        return RecoveredPayload.cost(ascent, AscentProfile.DEFAULT, sized.sized, new NullProgressMonitor());
    }

    /** The mission's sized ascent, flown once per trial. */
    @State(Scope.Benchmark)
    public static class Sized {
        ReserveSizing.Sized sized;

        @Setup
        public void setUp(MissionSizingBenchmarks b) {
            sized = b.sizedAscent();
        }
    }
}
