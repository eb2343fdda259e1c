package org.launchbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cone solver on programs whose answers are known in closed form, on randomly generated programs whose
 * optimum is planted by construction (KKT conditions chosen first), and on infeasible and unbounded ones,
 * whose certificates are checked.
 */
class SocpSolverTest {

    private static final double[][] NONE = new double[0][];

    /**
     * A two-variable LP: maximise x₁ + x₂ subject to x₁ + 2x₂ ≤ 4, 3x₁ + x₂ ≤ 6, x ≥ 0. The optimum is the vertex where
     * both constraints bind: x = (8/5, 6/5), objective 14/5 (solving the 2 x 2 system by hand). Tolerance 1e-6: the
     * solver stops at a relative gap of 1e-8.
     */
    @Test
    void aLinearProgramEndsAtItsVertex() {
        ConeProgram lp = new ConeProgram(new double[] {-1, -1}, NONE, new double[0],
            new double[][] {{1, 2}, {3, 1}, {-1, 0}, {0, -1}}, new double[] {4, 6, 0, 0}, 4, new int[0]);
        SocpSolver.Result r = new SocpSolver().solve(lp);
        assertEquals(SocpSolver.Status.OPTIMAL, r.status());
        assertEquals(8.0 / 5, r.x()[0], 1e-6);
        assertEquals(6.0 / 5, r.x()[1], 1e-6);
        assertEquals(-14.0 / 5, r.primalObjective(), 1e-6);
        assertEquals(r.primalObjective(), r.dualObjective(), 1e-6);
        // the multipliers of the binding constraints: c + Gᵀz = 0 gives z = (2/5, 1/5, 0, 0)
        assertEquals(0.4, r.z()[0], 1e-6);
        assertEquals(0.2, r.z()[1], 1e-6);
        assertTrue(r.iterations() < 30, r.iterations() + " iterations");
    }

    /**
     * The distance from p = (1, 2, 3) to the plane x₁ + x₂ + x₃ = 1, as an SOCP: minimise t subject to
     * ‖x - p‖ ≤ t and the plane. Closed form: |1 + 2 + 3 - 1| / √3 = 5/√3, at x = p - (5/3)(1, 1, 1).
     */
    @Test
    void theDistanceToAPlaneIsASecondOrderConeProgram() {
        double[][] g = new double[4][4];
        for (int i = 0; i < 4; i++) {
            g[i][i] = -1;
        }
        // s = h - G v = (t, x - p) with v = (t, x)
        ConeProgram p = new ConeProgram(new double[] {1, 0, 0, 0}, new double[][] {{0, 1, 1, 1}}, new double[] {1}, g,
            new double[] {0, -1, -2, -3}, 0, new int[] {4});
        SocpSolver.Result r = new SocpSolver().solve(p);
        assertEquals(SocpSolver.Status.OPTIMAL, r.status());
        assertEquals(5 / Math.sqrt(3), r.primalObjective(), 1e-7);
        assertEquals(1 - 5.0 / 3, r.x()[1], 1e-6);
        assertEquals(2 - 5.0 / 3, r.x()[2], 1e-6);
        assertEquals(3 - 5.0 / 3, r.x()[3], 1e-6);
    }

    /** x ≥ 1 and x ≤ 0: infeasible, with a certificate z ≥ 0, Gᵀz = 0, hᵀz = -1. */
    @Test
    void anInfeasibleProgramComesWithACertificate() {
        double[][] g = {{-1}, {1}};
        double[] h = {-1, 0};
        SocpSolver.Result r = new SocpSolver().solve(new ConeProgram(new double[] {1}, NONE, new double[0], g, h, 2, new int[0]));
        assertEquals(SocpSolver.Status.PRIMAL_INFEASIBLE, r.status());
        double[] z = r.z();
        assertTrue(z[0] >= -1e-9 && z[1] >= -1e-9, "z in the cone");
        assertEquals(0, g[0][0] * z[0] + g[1][0] * z[1], 1e-7, "Gᵀz = 0");
        assertEquals(-1, h[0] * z[0] + h[1] * z[1], 1e-9, "hᵀz = -1");
    }

    /** Minimise -x subject to x ≥ 0: unbounded, with a certificate x, s: Gx + s = 0, s ≥ 0, cᵀx = -1. */
    @Test
    void anUnboundedProgramComesWithACertificate() {
        SocpSolver.Result r = new SocpSolver().solve(new ConeProgram(new double[] {-1}, NONE, new double[0], new double[][] {{-1}},
            new double[] {0}, 1, new int[0]));
        assertEquals(SocpSolver.Status.DUAL_INFEASIBLE, r.status());
        assertEquals(-1, -r.x()[0], 1e-9, "cᵀx = -1");
        assertEquals(0, -r.x()[0] + r.s()[0], 1e-7, "Gx + s = 0");
        assertTrue(r.s()[0] >= -1e-9);
    }

    /**
     * Minimise t subject to t ≥ √(x² + 1) and t = x: infeasible, but weakly (t - x → 0 as x → ∞), so no certificate
     * exists and the embedding's τ and κ both crawl to zero. The solver ran to its 100-iteration limit on it; it now
     * stops once {@link SocpSolver#STALL_ITERATIONS} iterations have not halved its distance to an answer, and claims
     * neither an optimum nor infeasibility.
     */
    @Test
    void aWeaklyInfeasibleProgramStallsInsteadOfRunningToTheLimit() {
        // v = (t, x); s = h - G v = (t, x, 1) in the cone of dimension 3; A v = t - x = 0
        ConeProgram p = new ConeProgram(new double[] {1, 0}, new double[][] {{1, -1}}, new double[] {0},
            new double[][] {{-1, 0}, {0, -1}, {0, 0}}, new double[] {0, 0, 1}, 0, new int[] {3});
        SocpSolver.Result r = new SocpSolver().solve(p);
        assertEquals(SocpSolver.Status.STALLED, r.status(), "after " + r.iterations() + " iterations");
        assertTrue(r.iterations() < 40, r.iterations() + " iterations");
    }

    /** The stall count is a setting: fewer stall iterations give up on the same program sooner; none is refused. */
    @Test
    void theStallCountIsASetting() {
        ConeProgram p = new ConeProgram(new double[] {1, 0}, new double[][] {{1, -1}}, new double[] {0},
            new double[][] {{-1, 0}, {0, -1}, {0, 0}}, new double[] {0, 0, 1}, 0, new int[] {3});
        SocpSolver.Result patient = new SocpSolver(new SocpSolver.Settings(1e-8, 1e-8, 1e-8, 100, 8)).solve(p);
        SocpSolver.Result quick = new SocpSolver(new SocpSolver.Settings(1e-8, 1e-8, 1e-8, 100, 3)).solve(p);
        assertEquals(SocpSolver.Status.STALLED, quick.status());
        assertEquals(patient.iterations(), new SocpSolver().solve(p).iterations(), "the default is 8");
        assertTrue(quick.iterations() <= patient.iterations() - 5, quick.iterations() + " against " + patient.iterations());
        assertThrows(IllegalArgumentException.class, () -> new SocpSolver.Settings(1e-8, 1e-8, 1e-8, 100, 0));
    }

    /**
     * Random programs with a planted optimum (the construction of Vandenberghe's test problems): choose x*, y*, and
     * complementary s*, z* in K (some cones with s* on the boundary and z* on the opposite ray, some with s*
     * interior and z* = 0), then set b = A x*, h = G x* + s*, c = -Gᵀz* - Aᵀy*. The KKT conditions hold at (x*, y*,
     * z*, s*), so the optimal value is cᵀx*. Tolerance 1e-6 relative: the solver's stopping rules at 1e-8.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aPlantedOptimumIsFound(long seed) {
        Planted planted = planted(seed);
        SocpSolver.Result r = new SocpSolver().solve(planted.program());
        double optimum = planted.optimum();
        assertEquals(SocpSolver.Status.OPTIMAL, r.status(), "after " + r.iterations() + " iterations");
        assertEquals(optimum, r.primalObjective(), 1e-6 * Math.max(1, Math.abs(optimum)));
        assertEquals(optimum, r.dualObjective(), 1e-6 * Math.max(1, Math.abs(optimum)));
        assertTrue(r.iterations() <= 40, r.iterations() + " iterations");
    }

    /**
     * One solver solves programs of one sparsity pattern with the KKT structure it analysed for the first (as a
     * time-of-flight search does): the eight planted programs, solved in turn by one solver, give exactly (bit for
     * bit) what a fresh solver gives each, and their planted optima.
     */
    @Test
    void programsOfOnePatternShareTheirStructureAndKeepTheirOwnNumbers() {
        SocpSolver shared = new SocpSolver();
        for (long seed = 1; seed <= 8; seed++) {
            Planted planted = planted(seed);
            SocpSolver.Result again = shared.solve(planted.program());
            SocpSolver.Result fresh = new SocpSolver().solve(planted.program());
            assertTrue(java.util.Arrays.equals(fresh.x(), again.x()), "seed " + seed);
            assertEquals(fresh.iterations(), again.iterations());
            assertEquals(planted.optimum(), again.primalObjective(), 1e-6 * Math.max(1, Math.abs(planted.optimum())));
        }
    }

    private record Planted(ConeProgram program, double optimum) {
    }

    private static Planted planted(long seed) {
        Random rnd = new Random(seed);
        int n = 8;
        int pe = 2;
        int l = 5;
        int[] cones = {3, 4, 3};
        int m = l + 10;
        double[][] a = randomMatrix(rnd, pe, n);
        double[][] g = randomMatrix(rnd, m, n);
        double[] xs = randomVector(rnd, n);
        double[] ys = randomVector(rnd, pe);
        double[] ss = new double[m];
        double[] zs = new double[m];
        for (int i = 0; i < l; i++) {
            if (rnd.nextBoolean()) {
                ss[i] = 0.5 + rnd.nextDouble();
            } else {
                zs[i] = 0.5 + rnd.nextDouble();
            }
        }
        int k = l;
        for (int q : cones) {
            double[] dir = randomVector(rnd, q - 1);
            double norm = Math.sqrt(java.util.Arrays.stream(dir).map(d -> d * d).sum());
            if (rnd.nextBoolean()) {
                // boundary pair: s = α (1, u), z = β (1, -u), ‖u‖ = 1: sᵀz = 0 and s0 z1 + z0 s1 = 0
                double alpha = 0.5 + rnd.nextDouble();
                double beta = 0.5 + rnd.nextDouble();
                ss[k] = alpha;
                zs[k] = beta;
                for (int i = 1; i < q; i++) {
                    ss[k + i] = alpha * dir[i - 1] / norm;
                    zs[k + i] = -beta * dir[i - 1] / norm;
                }
            } else {
                // s interior, z = 0
                ss[k] = 2 + rnd.nextDouble();
                for (int i = 1; i < q; i++) {
                    ss[k + i] = dir[i - 1] / norm;
                }
            }
            k += q;
        }
        double[] b = new double[pe];
        for (int i = 0; i < pe; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i][j] * xs[j];
            }
        }
        double[] h = new double[m];
        for (int i = 0; i < m; i++) {
            h[i] = ss[i];
            for (int j = 0; j < n; j++) {
                h[i] += g[i][j] * xs[j];
            }
        }
        double[] c = new double[n];
        double optimum = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                c[j] -= g[i][j] * zs[i];
            }
            for (int i = 0; i < pe; i++) {
                c[j] -= a[i][j] * ys[i];
            }
            optimum += c[j] * xs[j];
        }
        return new Planted(new ConeProgram(c, a, b, g, h, l, cones), optimum);
    }

    @Test
    void inconsistentDimensionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConeProgram(new double[] {1, 2}, NONE, new double[0],
            new double[][] {{1, 2}, {3, 4}}, new double[] {1, 2}, 1, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new ConeProgram(new double[] {1}, NONE, new double[0],
            new double[][] {{1}}, new double[] {1}, 0, new int[] {1}));
    }

    private static double[][] randomMatrix(Random rnd, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        return m;
    }

    private static double[] randomVector(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }
}
