package org.launchbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.launchbench.flight.phase.RigidBodyFidelity;
import org.launchbench.recovery.loop.FlightSoftwareRecovery;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
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
 * The Falcon 9 drone-ship stage with a boostback (aimed at the flight software's rest point, as {@code --fidelity 6dof}
 * aims it) brought home at 6-DOF as {@code --fidelity 6dof} flies it, on one thread: the rigid body to the entry burn's cut-off, then some 100 s of flight software at 100 Hz (IMU, GNSS,
 * radar, the 33-state filter, the fall's predictor-corrector each second, the ignition rule, the braking's
 * predictions, the attitude controller and its allocation, the actuators, the rigid body) to the landing, as
 * {@code FlightSoftwareRecoveryTest} flies it. No history, as a dispersion flies it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class FlightSoftwareLandingBenchmarks {

    private FlightSoftwareRecovery software;
    private StageRecovery.Case c;
    private StageRecovery.Plan plan;

    @Setup
    public void setUp() {
        Falcon9Recovery f9 = Falcon9Recovery.fly();
        StageRecovery.Case shipped = f9.c();
        RecoveryPlan p = EcoreUtil.copy(shipped.plan());
        p.setBoostback(true);
        c = new StageRecovery.Case(shipped.launchSite(), shipped.stage(), p, shipped.zone(), shipped.separationTime(),
            shipped.separationState(), "benchmark");
        StageRecovery sixDof = f9.engine().withDynamics(new RigidBodyFidelity());
        software = new FlightSoftwareRecovery(sixDof, EarthModel.WGS84, UsStandardAtmosphere1976.INSTANCE, FlightSoftwareRecovery.Settings.DEFAULT);
        plan = software.plan(c);
    }

    @Benchmark
    public RecoveryResult landing() {
        return software.fly(c, plan, Perturbation.NONE, List.of(),
            new StageRecovery.Options(StageRecovery.Options.DEFAULT.rate(), StageRecovery.Options.DEFAULT.nodes(), false, 1e-9), 1);
    }
}
