package org.launchbench.benchmarks;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.trajectory.ascent.RecoveryResult;

/**
 * A dispersion campaign of the Falcon 9 drone-ship recovery with its quality next to its time, for comparing guidance
 * or solver changes by turns on a guest whose speed drifts (JMH's {@link DispersionBenchmarks} times it, but says
 * nothing of the landings). Usage, from the repository root: {@code java -cp launchbench-benchmarks.jar
 * org.launchbench.benchmarks.CampaignCheck RUNS THREADS}. One 20-run campaign warms up first; the measured one uses
 * seed 1 and the default errors.
 */
public final class CampaignCheck {

    private CampaignCheck() {
    }

    /** @param args runs and threads */
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Falcon9Recovery f = Falcon9Recovery.fly();
        new Dispersion(f.engine()).fly(f.c(), f.plan(), Dispersion.Sigmas.DEFAULT, List.of(), 20, 99, threads, new NullProgressMonitor());
        long t0 = System.nanoTime();
        List<Dispersion.Run> out = new Dispersion(f.engine()).fly(f.c(), f.plan(), Dispersion.Sigmas.DEFAULT, List.of(), runs, 1, threads,
            new NullProgressMonitor());
        long t1 = System.nanoTime();
        long landed = out.stream().filter(x -> x.result().outcome() == RecoveryResult.Outcome.LANDED).count();
        double[] miss = out.stream().mapToDouble(x -> x.result().missDistance()).sorted().toArray();
        double down = out.stream().mapToDouble(x -> Math.abs(x.result().touchdownVerticalSpeed())).max().orElse(0);
        double across = out.stream().mapToDouble(x -> Math.abs(x.result().touchdownHorizontalSpeed())).max().orElse(0);
        double[] downs = out.stream().mapToDouble(x -> Math.abs(x.result().touchdownVerticalSpeed())).sorted().toArray();
        double least = out.stream().mapToDouble(x -> x.result().propellantRemaining()).min().orElse(0);
        double mean = out.stream().mapToDouble(x -> x.result().propellantRemaining()).average().orElse(0);
        double programs = out.stream().mapToInt(x -> x.result().guidanceSolves()).average().orElse(0);
        System.out.printf("runs %d landed %d | R50 %.2f R95 %.2f max %.2f m | worst touchdown %.2f m/s down (p99 %.2f), %.2f m/s across | "
            + "propellant left least %.0f mean %.0f kg | programs/run %.1f | %.1f ms/run wall (%d threads)%n", runs, landed, miss[runs / 2],
            miss[(int) (runs * 0.95)], miss[runs - 1], down, downs[(int) (runs * 0.99)], across, least, mean, programs, (t1 - t0) / 1e6 / runs, threads);
        out.stream().filter(x -> x.result().outcome() != RecoveryResult.Outcome.LANDED).limit(5)
            .forEach(x -> System.out.println("  run " + x.index() + ": " + x.result().reason()));
    }
}
