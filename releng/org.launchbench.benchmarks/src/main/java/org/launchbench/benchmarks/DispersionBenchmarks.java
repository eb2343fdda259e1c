package org.launchbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.RecoveryResult;
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
        Falcon9Recovery f = Falcon9Recovery.fly();
        engine = f.engine();
        falcon9 = f.c();
        plan = f.plan();
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
