package org.launchbench.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.flight.SixDofCase;
import org.launchbench.flight.SixDofCaseFile;
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
 * One NASA 6-DOF check-case flown end to end, single-threaded: 30 s of flight at the default 0.01 s step (3,000
 * Runge-Kutta steps, 12,000 evaluations of gravitation, atmosphere and aerodynamics) sampled every 0.5 s. The cases
 * are read from examples/sixdof/ (run from the repository root, or set -Dlaunchbench.root). The issue asks for
 * under 50 ms per case.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SixDofBenchmarks {

    /** The check-case: 02 the tumbling brick (no aerodynamics), 03 the brick with damping, 06 the sphere with drag. */
    @Param({"02", "03", "06"})
    public String nescCase;

    private SixDofCase flight;

    @Setup
    public void read() {
        Path root = Path.of(System.getProperty("launchbench.root", "."));
        flight = SixDofCaseFile.read(root.resolve("examples/sixdof/nesc-case" + nescCase + ".json"));
    }

    @Benchmark
    public SixDofCase.Flight nescCheckCase() {
        return flight.fly(new NullProgressMonitor());
    }
}
