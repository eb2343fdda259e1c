package org.launchbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.launchbench.flight.phase.RigidBodyFidelity;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.RecoveryResult;
import org.launchbench.recovery.stage.StageRecovery;
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
 * burn with its guidance re-solved every 4 s), flown by the recovery engine at each fidelity on one thread: the cost
 * of {@code --fidelity 6dof} against 3dof. Untimed record (no history), as a dispersion flies it.
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

    private StageRecovery engine;
    private Falcon9Recovery f9;

    @Setup
    public void setUp() {
        f9 = Falcon9Recovery.fly();
        engine = "6dof".equals(fidelity) ? f9.engine().withDynamics(new RigidBodyFidelity()) : f9.engine();
    }

    @Benchmark
    public RecoveryResult wholeReturn() {
        return engine.fly(f9.c(), f9.plan(), Perturbation.NONE, List.of(),
            new StageRecovery.Options(StageRecovery.Options.DEFAULT.rate(), StageRecovery.Options.DEFAULT.nodes(), false, 1e-9));
    }
}
