package org.launchbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The banded KKT solver against a dense solve, and the bandwidth a chain-structured problem gets. */
class BandedKktTest {

    /**
     * A chain of 40 nodes (3 variables each, linked by 3 equalities to the next node, each node with 2 orthant rows
     * and a 3-dimensional cone), given with its unknowns shuffled: the reordering must find a band of a few
     * nodes' width, and the banded solve (cone rows eliminated) must agree with Gaussian elimination on the full
     * matrix to 1e-9.
     */
    @Test
    void aShuffledChainIsBandedAndSolvedExactly() {
        shuffledChain(false);
    }

    /**
     * A powered descent's sparsity (position, velocity, log-mass, thrust and its bound at each of 9 nodes; dynamics
     * rows to the next node; the thrust cone, the mass cone and five orthant rows a node): Sloan's ordering, which aims
     * at a small profile, factorises it in fewer operations than reverse Cuthill-McKee, which aims at a small band (on
     * the landing guidance's own 8-interval programs: 6,088 multiply-adds against 9,881), and the ordering used is the
     * cheaper of the two.
     */
    @Test
    void aDescentIsOrderedForFewOperations() {
        int nodes = 9;
        int per = 11;
        int n = per * nodes;
        SparseMatrix.Builder a = new SparseMatrix.Builder(n);
        SparseMatrix.Builder g = new SparseMatrix.Builder(n);
        Random rnd = new Random(3);
        for (int i = 0; i < 7; i++) {
            a.row().add(i, 1);
        }
        for (int k = 0; k + 1 < nodes; k++) {
            int at = per * k;
            int next = at + per;
            for (int i = 0; i < 3; i++) {
                // v' - v - dt/2 (u + u'), r' - r - dt v - dt²/3 u - dt²/6 u'
                a.row().add(next + 3 + i, 1).add(at + 3 + i, -1).add(at + 7 + i, -0.5).add(next + 7 + i, -0.5);
                a.row().add(next + i, 1).add(at + i, -1).add(at + 3 + i, -1).add(at + 7 + i, -0.3).add(next + 7 + i, -0.2);
            }
            a.row().add(next + 6, 1).add(at + 6, -1).add(at + 10, 0.1).add(next + 10, 0.1);
        }
        for (int i = 0; i < 6; i++) {
            a.row().add(per * (nodes - 1) + i, 1);
        }
        int orthant = 0;
        java.util.List<Integer> cones = new java.util.ArrayList<>();
        for (int k = 0; k < nodes; k++) {
            int at = per * k;
            g.row().add(at + 10, 1).add(at + 6, rnd.nextDouble());
            g.row().add(at + 6, -1);
            g.row().add(at + 6, 1);
            g.row().add(at + 7, -1).add(at + 10, 0.5);
            g.row().add(at, -1);
            orthant += 5;
        }
        for (int k = 0; k < nodes; k++) {
            int at = per * k;
            g.row().add(at + 10, -1);
            for (int i = 0; i < 3; i++) {
                g.row().add(at + 7 + i, -1);
            }
            g.row().add(at + 10, -1).add(at + 6, -1);
            g.row().add(at + 6, -1);
            g.row().add(at + 10, -1).add(at + 6, -1);
            cones.add(4);
            cones.add(3);
        }
        SparseMatrix am = a.build();
        SparseMatrix gm = g.build();
        SparseConeProgram p = new SparseConeProgram(new double[n], am, new double[am.rows()], gm, new double[gm.rows()], orthant,
            cones.stream().mapToInt(Integer::intValue).toArray());
        long[] ops = new BandedKkt(p).orderingOperations();
        assertTrue(ops[1] < 0.8 * ops[0], "Sloan " + ops[1] + " against RCM " + ops[0]);
        assertEquals(Math.min(ops[0], ops[1]), ops[2]);
    }

    /** The same with the full (unreduced) matrix, the path taken when W is too ill-conditioned to eliminate. */
    @Test
    void theFullSystemSolvesTheShuffledChainExactly() {
        shuffledChain(true);
    }

    private static void shuffledChain(boolean full) {
        Random rnd = new Random(11);
        int nodes = 40;
        int n = 3 * nodes;
        int pe = 3 * (nodes - 1);
        int l = 2 * nodes;
        int[] cones = new int[nodes];
        java.util.Arrays.fill(cones, 3);
        int m = l + 3 * nodes;
        // shuffle which variable holds which node's unknown
        int[] place = new int[n];
        for (int i = 0; i < n; i++) {
            place[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = place[i];
            place[i] = place[j];
            place[j] = t;
        }
        double[][] a = new double[pe][n];
        for (int k = 0; k < nodes - 1; k++) {
            for (int i = 0; i < 3; i++) {
                a[3 * k + i][place[3 * (k + 1) + i]] = 1;
                a[3 * k + i][place[3 * k + i]] = -1 + 0.1 * rnd.nextGaussian();
                a[3 * k + i][place[3 * k + (i + 1) % 3]] = 0.2 * rnd.nextGaussian();
            }
        }
        double[][] g = new double[m][n];
        for (int k = 0; k < nodes; k++) {
            for (int r = 0; r < 2; r++) {
                for (int i = 0; i < 3; i++) {
                    g[2 * k + r][place[3 * k + i]] = rnd.nextGaussian();
                }
            }
            for (int r = 0; r < 3; r++) {
                g[l + 3 * k + r][place[3 * k + r]] = -1;
            }
        }
        ConeProgram p = new ConeProgram(new double[n], a, new double[pe], g, new double[m], l, cones);
        Cones k = new Cones(l, cones);
        double[] s = new double[m];
        double[] z = new double[m];
        for (int i = 0; i < l; i++) {
            s[i] = 0.5 + rnd.nextDouble();
            z[i] = 0.5 + rnd.nextDouble();
        }
        for (int c = 0; c < nodes; c++) {
            int at = l + 3 * c;
            s[at] = 2;
            s[at + 1] = rnd.nextGaussian() * 0.5;
            s[at + 2] = rnd.nextGaussian() * 0.5;
            z[at] = 3;
            z[at + 1] = rnd.nextGaussian();
            z[at + 2] = rnd.nextGaussian();
        }
        Cones.Scaling scaling = k.scaling(s, z);
        double[][] w2 = scaling.squared();
        BandedKkt banded = new BandedKkt(p.toSparse());
        if (full) {
            banded.preferFull();
        }
        banded.factor(scaling);
        assertEquals(full, banded.isFull());
        int size = n + pe + m;
        // the reduced system (cone rows eliminated) has 6 unknowns a node; RCM must keep it within ~2 nodes
        assertEquals(n + pe, banded.size());
        assertTrue(banded.bandwidth() <= 15, "bandwidth " + banded.bandwidth() + " for " + banded.size() + " unknowns");

        double[] rhs = new double[size];
        for (int i = 0; i < size; i++) {
            rhs[i] = rnd.nextGaussian();
        }
        double[][] xyz = banded.solve(java.util.Arrays.copyOfRange(rhs, 0, n), java.util.Arrays.copyOfRange(rhs, n, n + pe),
            java.util.Arrays.copyOfRange(rhs, n + pe, size));
        double[] u = new double[size];
        System.arraycopy(xyz[0], 0, u, 0, n);
        System.arraycopy(xyz[1], 0, u, n, pe);
        System.arraycopy(xyz[2], 0, u, n + pe, m);
        // the same system, dense: [0 Aᵀ Gᵀ; A 0 0; G 0 -W²]
        double[][] dense = new double[size][size];
        for (int i = 0; i < pe; i++) {
            for (int j = 0; j < n; j++) {
                dense[n + i][j] = a[i][j];
                dense[j][n + i] = a[i][j];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                dense[n + pe + i][j] = g[i][j];
                dense[j][n + pe + i] = g[i][j];
            }
            for (int j = 0; j < m; j++) {
                dense[n + pe + i][n + pe + j] = -w2[i][j];
            }
        }
        double[] ref = new org.hipparchus.linear.LUDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(dense)).getSolver()
            .solve(new org.hipparchus.linear.ArrayRealVector(rhs)).toArray();
        for (int i = 0; i < size; i++) {
            assertEquals(ref[i], u[i], 1e-9 * (1 + Math.abs(ref[i])), "unknown " + i);
        }
    }
}
