package org.launchbench.benchmarks;

import org.launchbench.optim.SocpSolver;
import org.launchbench.recovery.descent.DescentProblem;
import org.launchbench.recovery.descent.PoweredDescent;

/**
 * The Mars program of {@link DescentBenchmarks} in a plain loop: 8 rounds of a given number of solves, each round's
 * time a solve, its propellant and iterations. For comparing solver versions by turns on a guest whose speed drifts
 * (the best round of each); JMH's benchmark is the reference figure. Usage: {@code java -cp launchbench-benchmarks.jar
 * org.launchbench.benchmarks.DescentCheck NODES SOLVES}.
 */
public final class DescentCheck {

    private DescentCheck() {
    }

    /** @param args nodes and solves a round */
    public static void main(String[] args) {
        int nodes = Integer.parseInt(args[0]);
        int solves = Integer.parseInt(args[1]);
        PoweredDescent descent = new PoweredDescent(new SocpSolver());
        DescentProblem p = DescentBenchmarks.mars(nodes);
        for (int round = 0; round < 8; round++) {
            PoweredDescent.Solution s = null;
            long t0 = System.nanoTime();
            for (int i = 0; i < solves; i++) {
                s = descent.solve(p);
            }
            long t1 = System.nanoTime();
            System.out.printf("round %d: %.3f ms/solve, propellant %.6f kg, iterations %d%n", round, (t1 - t0) / 1e6 / solves, s.propellant(),
                s.iterations());
        }
    }
}
