package org.launchbench.benchmarks;

import java.util.concurrent.TimeUnit;

import org.launchbench.optim.SocpSolver;
import org.launchbench.recovery.descent.DescentProblem;
import org.launchbench.recovery.descent.PoweredDescent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Powered-descent guidance: one cone program for the Açıkmeşe and Ploen (2007) Mars example at its published
 * 81 s time of flight, at several node counts (the anchor: 50 nodes under 5 ms).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DescentBenchmarks {

    /** Discretisation intervals. */
    @Param({"20", "50", "100"})
    public int nodes;

    private final PoweredDescent descent = new PoweredDescent(new SocpSolver());

    /** One fixed-time solve of the Mars example. */
    @Benchmark
    public PoweredDescent.Solution marsFixedTime() {
        return descent.solve(mars(nodes));
    }

    /** @return the Mars example (Açıkmeşe and Ploen 2007) at 81 s on a number of intervals */
    static DescentProblem mars(int nodes) {
        return new DescentProblem(new double[] {-3.7114, 0, 0}, 1505, 1905, 225 * Math.cos(Math.toRadians(27)), 4972, 13260,
            new double[] {1500, 2000, 0}, new double[] {-75, 100, 0}, 4, Double.NaN, Double.NaN, 81, nodes,
            DescentProblem.Objective.MIN_PROPELLANT);
    }
}
