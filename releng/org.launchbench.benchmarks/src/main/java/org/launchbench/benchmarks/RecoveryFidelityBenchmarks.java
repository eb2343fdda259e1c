package org.launchbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.launchbench.flight.phase.RigidBodyFidelity;
import org.launchbench.recovery.loop.FlightSoftwareRecovery;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.RecoveryFlight;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
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
 * The Falcon 9 booster's whole return, separation to the ground (345 s: flip, coast, entry burn, fin descent, landing
 * burn), flown as each fidelity flies it on one thread: at 3dof the point-mass sequencer with its landing guidance
 * re-solved every 4 s; at 6dof, as {@code --fidelity 6dof} does, the rigid body to the entry burn's cut-off and the
 * flight software in the loop from there at 100 Hz ({@link FlightSoftwareRecovery}; the shipped plan, which at 6-DOF
 * comes down 4.6 km short of its ship). The cost of {@code --fidelity 6dof} against 3dof. No history, as a dispersion
 * flies it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RecoveryFidelityBenchmarks {

    @Param({"3dof", "6dof"})
    public String fidelity;

    private RecoveryFlight flight;
    private Falcon9Recovery f9;

    @Setup
    public void setUp() {
        f9 = Falcon9Recovery.fly();
        if ("6dof".equals(fidelity)) {
            FlightSoftwareRecovery loop = new FlightSoftwareRecovery(f9.engine().withDynamics(new RigidBodyFidelity()), EarthModel.WGS84,
                UsStandardAtmosphere1976.INSTANCE, FlightSoftwareRecovery.Settings.DEFAULT);
            flight = loop::fly;
        } else {
            flight = (c, plan, p, failures, o, seed) -> f9.engine().fly(c, plan, p, failures, o);
        }
    }

    @Benchmark
    public RecoveryResult wholeReturn() {
        return flight.fly(f9.c(), f9.plan(), Perturbation.NONE, List.of(),
            new StageRecovery.Options(StageRecovery.Options.DEFAULT.rate(), StageRecovery.Options.DEFAULT.nodes(), false, 1e-9), 1);
    }
}
