package org.launchbench.optim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The interior-point KKT system [0 Aᵀ Gᵀ; A 0 0; G 0 -W²] solved sparsely: the unknowns are reordered by reverse
 * Cuthill-McKee (George and Liu, Computer Solution of Large Sparse Positive Definite Systems, 1981) so that the
 * matrix becomes banded (a discretised trajectory has a bandwidth of a few nodes' worth of unknowns), the
 * regularised matrix [δI Aᵀ Gᵀ; A -δI 0; G 0 -W² - δI], which is quasi-definite, is factorised as L D Lᵀ in band
 * storage without pivoting (any symmetric permutation of a quasi-definite matrix has such a factorisation:
 * Vanderbei, SIAM J. Optim. 5(1), 1995), and iterative refinement against the unregularised matrix removes the
 * regularisation's error, as ECOS does. Cost per factorisation O(N b²) for N unknowns and bandwidth b.
 */
final class BandedKkt {

    /** Static regularisation δ. */
    static final double REGULARISATION = 1e-8;
    /** A pivot smaller than this (or of the wrong sign) is replaced by ±δ (dynamic regularisation). */
    static final double PIVOT_FLOOR = 1e-13;
    /** Iterative refinement steps at most. */
    static final int REFINEMENT = 4;

    private final int n;
    private final int pe;
    private final int m;
    private final int size;
    /** perm[new] = old; inverse[old] = new. */
    private final int[] perm;
    private final int[] inverse;
    private final int bandwidth;
    /** The unregularised matrix's lower triangle as triplets (old indices), diagonal included. */
    private final List<double[]> entries = new ArrayList<>(1 << 12);
    /** Band storage of L (unit diagonal implied): band[i][k] = L(i, i - bandwidth + k), new indices. */
    private final double[][] band;
    private final double[] d;
    private final boolean[] positive;
    /** How many of the entries come from A and G (the first ones). */
    private final int staticEntries;

    /**
     * @param p     the program (A, G)
     * @param w2      WᵀW as dense cone blocks (only the blocks' entries are read), or null for the identity
     * @param orthant the number of orthant rows
     * @param cones   the cone structure (which rows of W² are coupled)
     * @param order   a previous instance whose ordering to reuse (the pattern does not change), or null
     */
    BandedKkt(ConeProgram p, double[][] w2, int orthant, int[] cones, BandedKkt order) {
        this(p, w2 == null ? null : blocksOf(w2, orthant, cones), orthant, cones, order, true);
    }

    private static double[][][] blocksOf(double[][] w2, int orthant, int[] cones) {
        double[][][] blocks = new double[cones.length + 1][][];
        double[] d = new double[orthant];
        for (int i = 0; i < orthant; i++) {
            d[i] = w2[i][i];
        }
        blocks[0] = new double[][] {d};
        int k = orthant;
        for (int c = 0; c < cones.length; c++) {
            int q = cones[c];
            double[][] b = new double[q][q];
            for (int i = 0; i < q; i++) {
                System.arraycopy(w2[k + i], k, b[i], 0, q);
            }
            blocks[c + 1] = b;
            k += q;
        }
        return blocks;
    }

    /**
     * @param p       the program
     * @param w       the scaling whose W² blocks go into the matrix (closed form per block), or null for W = I
     * @param orthant the number of orthant rows
     * @param cones   the cone structure
     * @param order   a previous instance whose ordering to reuse, or null
     */
    BandedKkt(ConeProgram p, Cones.Scaling w, int orthant, int[] cones, BandedKkt order) {
        this(p, w == null ? null : blocksOf(w, cones.length), orthant, cones, order, true);
    }

    private static double[][][] blocksOf(Cones.Scaling w, int count) {
        double[][][] blocks = new double[count + 1][][];
        blocks[0] = new double[][] {w.orthantSquared()};
        for (int c = 0; c < count; c++) {
            blocks[c + 1] = w.coneSquared(c);
        }
        return blocks;
    }

    /** @param w2 W² as {the orthant diagonal as a one-row block, then each cone's q × q block}, or null for W = I */
    private BandedKkt(ConeProgram p, double[][][] w2, int orthant, int[] cones, BandedKkt order, boolean blocks) {
        n = p.variables();
        pe = p.b().length;
        m = p.coneRows();
        size = n + pe + m;
        positive = new boolean[size];
        for (int i = 0; i < n; i++) {
            positive[i] = true;
        }
        if (order != null) {
            // A and G do not change: their entries are the previous instance's first ones
            entries.addAll(order.entries.subList(0, order.staticEntries));
        } else {
            for (int i = 0; i < pe; i++) {
                for (int j = 0; j < n; j++) {
                    if (p.a()[i][j] != 0) {
                        entries.add(new double[] {n + i, j, p.a()[i][j]});
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    if (p.g()[i][j] != 0) {
                        entries.add(new double[] {n + pe + i, j, p.g()[i][j]});
                    }
                }
            }
        }
        staticEntries = entries.size();
        int base = n + pe;
        for (int i = 0; i < orthant; i++) {
            entries.add(new double[] {base + i, base + i, w2 == null ? -1 : -w2[0][0][i]});
        }
        int k = orthant;
        for (int c = 0; c < cones.length; c++) {
            int q = cones[c];
            for (int i = 0; i < q; i++) {
                for (int j = 0; j <= i; j++) {
                    // the whole block, zeros included: the pattern (and so the ordering) is the same every iteration
                    double v = w2 == null ? (i == j ? -1 : 0) : -w2[c + 1][i][j];
                    entries.add(new double[] {base + k + i, base + k + j, v});
                }
            }
            k += q;
        }
        if (order != null) {
            perm = order.perm;
            inverse = order.inverse;
        } else {
            perm = reverseCuthillMcKee(cones, orthant);
            inverse = new int[size];
            for (int i = 0; i < size; i++) {
                inverse[perm[i]] = i;
            }
        }
        int bw = 0;
        for (double[] e : entries) {
            bw = Math.max(bw, Math.abs(inverse[(int) e[0]] - inverse[(int) e[1]]));
        }
        bandwidth = bw;
        band = new double[size][bandwidth + 1];
        d = new double[size];
        factorise();
    }

    /** @return the bandwidth after reordering */
    int bandwidth() {
        return bandwidth;
    }

    private int[] reverseCuthillMcKee(int[] cones, int orthant) {
        List<List<Integer>> adjacency = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            adjacency.add(new ArrayList<>());
        }
        for (double[] e : entries) {
            int i = (int) e[0];
            int j = (int) e[1];
            if (i != j) {
                adjacency.get(i).add(j);
                adjacency.get(j).add(i);
            }
        }
        int[] degree = new int[size];
        for (int i = 0; i < size; i++) {
            degree[i] = adjacency.get(i).size();
            adjacency.get(i).sort(Comparator.comparingInt(x -> adjacency.get(x).size()));
        }
        boolean[] seen = new boolean[size];
        int[] order = new int[size];
        int count = 0;
        while (count < size) {
            // start each component at a vertex of least degree
            int start = -1;
            for (int i = 0; i < size; i++) {
                if (!seen[i] && (start < 0 || degree[i] < degree[start])) {
                    start = i;
                }
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                order[count++] = v;
                for (int u : adjacency.get(v)) {
                    if (!seen[u]) {
                        seen[u] = true;
                        queue.add(u);
                    }
                }
            }
        }
        int[] reversed = new int[size];
        for (int i = 0; i < size; i++) {
            reversed[i] = order[size - 1 - i];
        }
        return reversed;
    }

    private void factorise() {
        // assemble the regularised matrix's lower band (new indices): a[i][k] = M(i, i - bandwidth + k)
        double[][] a = band;
        for (double[] row : a) {
            Arrays.fill(row, 0);
        }
        for (double[] e : entries) {
            int i = inverse[(int) e[0]];
            int j = inverse[(int) e[1]];
            if (i < j) {
                int t = i;
                i = j;
                j = t;
            }
            a[i][j - i + bandwidth] += e[2];
        }
        for (int i = 0; i < size; i++) {
            a[i][bandwidth] += positive[perm[i]] ? REGULARISATION : -REGULARISATION;
        }
        // band L D Lᵀ: column by column
        for (int j = 0; j < size; j++) {
            int lo = Math.max(0, j - bandwidth);
            double dj = a[j][bandwidth];
            for (int k = lo; k < j; k++) {
                double ljk = a[j][k - j + bandwidth];
                dj -= ljk * ljk * d[k];
            }
            boolean pos = positive[perm[j]];
            if (pos ? dj < PIVOT_FLOOR : dj > -PIVOT_FLOOR) {
                dj = pos ? REGULARISATION : -REGULARISATION;
            }
            d[j] = dj;
            int hi = Math.min(size - 1, j + bandwidth);
            for (int i = j + 1; i <= hi; i++) {
                double s = a[i][j - i + bandwidth];
                int lo2 = Math.max(lo, i - bandwidth);
                for (int k = lo2; k < j; k++) {
                    s -= a[i][k - i + bandwidth] * a[j][k - j + bandwidth] * d[k];
                }
                a[i][j - i + bandwidth] = s / dj;
            }
        }
    }

    /** @return the regularised system's solution for a right-hand side (old order) */
    private double[] backsolve(double[] rhs) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rhs[perm[i]];
        }
        for (int i = 0; i < size; i++) {
            int lo = Math.max(0, i - bandwidth);
            double s = x[i];
            for (int k = lo; k < i; k++) {
                s -= band[i][k - i + bandwidth] * x[k];
            }
            x[i] = s;
        }
        for (int i = 0; i < size; i++) {
            x[i] /= d[i];
        }
        for (int i = size - 1; i >= 0; i--) {
            int hi = Math.min(size - 1, i + bandwidth);
            double s = x[i];
            for (int k = i + 1; k <= hi; k++) {
                s -= band[k][i - k + bandwidth] * x[k];
            }
            x[i] = s;
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[perm[i]] = x[i];
        }
        return out;
    }

    /** @return the unregularised matrix times u (old order) */
    double[] multiply(double[] u) {
        double[] r = new double[size];
        for (double[] e : entries) {
            int i = (int) e[0];
            int j = (int) e[1];
            r[i] += e[2] * u[j];
            if (i != j) {
                r[j] += e[2] * u[i];
            }
        }
        return r;
    }

    /**
     * @return {x, y, z} solving the unregularised system (refined until the residual stops falling), or null if
     *         it produced non-finite numbers
     */
    double[][] solve(double[] rx, double[] ry, double[] rz) {
        double[] rhs = new double[size];
        System.arraycopy(rx, 0, rhs, 0, n);
        System.arraycopy(ry, 0, rhs, n, pe);
        System.arraycopy(rz, 0, rhs, n + pe, m);
        double[] u = backsolve(rhs);
        double last = Double.POSITIVE_INFINITY;
        for (int r = 0; r < REFINEMENT; r++) {
            double[] mu = multiply(u);
            double[] res = new double[size];
            double norm = 0;
            for (int i = 0; i < size; i++) {
                res[i] = rhs[i] - mu[i];
                norm = Math.max(norm, Math.abs(res[i]));
            }
            if (norm >= last || norm < 1e-12 * (1 + maxAbs(rhs))) {
                break;
            }
            last = norm;
            double[] du = backsolve(res);
            for (int i = 0; i < size; i++) {
                u[i] += du[i];
            }
        }
        for (double v : u) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return new double[][] {Arrays.copyOfRange(u, 0, n), Arrays.copyOfRange(u, n, n + pe), Arrays.copyOfRange(u, n + pe, size)};
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
