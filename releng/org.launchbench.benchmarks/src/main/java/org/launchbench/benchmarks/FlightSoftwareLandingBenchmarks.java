package org.launchbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.sensors.GnssErrors;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.loop.LandingBurnLoop;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The flight software's landing of the Falcon 9 drone-ship stage (with a 34 m/s boostback) on the 6-DOF plant, from
 * the hand-over on its fins 5.5 km up to touchdown (about 30 s at 100 Hz: IMU, GNSS, radar, the 33-state filter, the
 * braking's predictions, the attitude controller and its allocation, the rigid body), as {@code LandingBurnLoopTest}
 * flies it, on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FlightSoftwareLandingBenchmarks {

    private static final EarthModel EARTH = EarthModel.WGS84;

    private LandingBurnLoop.Setup setup;
    private RigidBodyState handedOver;

    @Setup
    public void setUp() {
        Falcon9Recovery f9 = Falcon9Recovery.fly();
        StageRecovery.Case shipped = f9.c();
        RecoveryPlan plan = EcoreUtil.copy(shipped.plan());
        plan.setBoostback(true);
        StageRecovery.Case c = new StageRecovery.Case(shipped.launchSite(), shipped.stage(), plan, shipped.zone(), shipped.separationTime(),
            shipped.separationState(), "benchmark");
        StageRecovery engine = f9.engine();
        StageRecovery.LandingBurn h = engine.handOver(c, engine.plan(c), Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT, 5500);
        EarthModel.Geodetic zone = EarthModel.Geodetic.of(c.zone());
        double[] l = h.local();
        double t = h.time();
        Vector3D rI = EARTH.toInertial(t, EARTH.ecef(zone).add(new Vector3D(l[0], zone.up(), l[1], zone.east(), l[2], zone.north())));
        Vector3D vRelI = EARTH.toInertial(t, new Vector3D(l[3], zone.up(), l[4], zone.east(), l[5], zone.north()));
        Vector3D x = vRelI.normalize().negate();
        Vector3D y = Vector3D.crossProduct(EARTH.toInertial(t, zone.up()), x).normalize();
        handedOver = new RigidBodyState(t, rI, vRelI.add(Vector3D.crossProduct(EARTH.rotation(), rI)),
            Quaternion.fromAxes(x, y, Vector3D.crossProduct(x, y)), Vector3D.ZERO, h.mass());
        StageFlightModel model = StageFlightModel.of(c.stage(), ((LaunchVehicle) c.stage().eContainer()).getPropellantFamily(), false);
        setup = new LandingBurnLoop.Setup(model, zone, new int[] {0}, h.emptyMass(), 0, Double.NaN, Double.NaN, ImuErrors.TACTICAL.atRate(100),
            GnssErrors.SINGLE_FREQUENCY, 1, true);
    }

    @Benchmark
    public LandingBurnLoop.Result landing() {
        return new LandingBurnLoop(setup, EARTH, UsStandardAtmosphere1976.INSTANCE).fly(handedOver, 120);
    }
}
