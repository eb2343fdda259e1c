package org.launchbench.benchmarks;

import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.recovery.stage.RecoveryService;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.ascent.RecoveredPayload;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.VehicleFactory;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
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
 * {@code launchbench payload}'s solve ({@link RecoveredPayload}): Falcon 9 from SLC-40 to 200 km at 28.6 deg, expended
 * (the capability with its lofting search) and with a drone ship stationed where the stage falls (the capability and the
 * reserve solved together). Models are read from the repository (run from its root, or set -Dlaunchbench.root).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class PayloadByRecoveryBenchmarks {

    @Param({"expendable", "downrange"})
    public String mode;

    private MissionAscent mission;

    @Setup
    public void setUp() {
        VehicleCatalog catalog = RepositoryCatalog.falcon9();
        LaunchVehicle f9 = catalog.vehicles().get(0).model();
        LaunchSite site = catalog.launchSites().stream().filter(x -> x.getId().equals("slc-40")).findFirst().orElseThrow();
        EarthModel earth = EarthModel.WGS84;
        double r = earth.equatorialRadius() + 200_000;
        InsertionTarget target = new InsertionTarget(r, r, Math.toRadians(28.6));
        double azimuth = OrbitGeometry.launchAzimuth(earth, site, target.inclination(), target.perigeeSpeed(earth.mu()));
        RecoveryPlan plan = null;
        if (mode.equals("downrange")) {
            // as 'payload --recovery downrange' flies it from the Cape (PayloadPlans)
            plan = VehicleFactory.eINSTANCE.createRecoveryPlan();
            plan.setMode(RecoveryMode.SHIP);
            plan.setLandingZoneId("ocisly");
            plan.setPlaceShip(true);
            plan.setEntryBurn(true);
            plan.setPropellantMargin(0.05);
        }
        mission = MissionAscent.of(f9, site, catalog.references(), target, azimuth, plan);
    }

    @Benchmark
    public RecoveredPayload.Capability capability() {
        return RecoveredPayload.solve(mission, AscentProfile.DEFAULT, new RecoveryService(), "benchmark", new NullProgressMonitor());
    }
}
