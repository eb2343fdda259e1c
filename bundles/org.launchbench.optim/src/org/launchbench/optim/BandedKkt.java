package org.launchbench.optim;

import java.util.Arrays;
import java.util.Map;

/**
 * The interior-point KKT system [0 Aᵀ Gᵀ; A 0 0; G 0 -W²] solved sparsely.
 * <p>
 * Fast path: the cone rows are eliminated, z = W⁻² (G x - r_z), leaving the reduced quasi-definite matrix
 * [Gᵀ W⁻² G + δI, Aᵀ; A, -δI] with static regularisation δ. W⁻² is block-diagonal by cone, so Gᵀ W⁻² G only couples
 * the variables that share a cone (or an orthant row): for a discretised trajectory, those of one node. This system
 * has n + p unknowns instead of n + p + m, and a narrower band. Gᵀ W⁻² G is formed as the Gram matrix of W⁻¹ G, with
 * W⁻¹ applied in its factored form, so that it is positive semidefinite whatever the rounding.
 * <p>
 * Robust path: when W is so ill-conditioned (the last iterations of a degenerate program) that forming Gᵀ W⁻² G loses
 * the small directions and refinement cannot bring the residual down, the solve is repeated with the full regularised
 * matrix [δI Aᵀ Gᵀ; A -δI 0; G 0 -W² - δI], which never forms W⁻² (as ECOS does), and the better answer kept; once
 * the full matrix has done better it is used for the rest of the solve (W only gets worse).
 * <p>
 * Either matrix is reordered by reverse Cuthill-McKee from a pseudo-peripheral vertex (George and Liu, Computer
 * Solution of Large Sparse Positive Definite Systems, 1981), which gives a trajectory a band a node or two wide, and
 * factorised as L D Lᵀ in envelope (variable band, "skyline") storage without pivoting: any symmetric permutation of a
 * quasi-definite matrix has such a factorisation (Vanderbei, SIAM J. Optim. 5(1), 1995), and its fill stays inside the
 * envelope. Too small a pivot is replaced by ±δ (dynamic regularisation). Iterative refinement against the full
 * unregularised system removes the regularisation's error; it stops as soon as the residual is at the accuracy the
 * interior-point iteration asks for ({@link #setAccuracy}), or stops falling. On the fast path each refinement step
 * computes only the x and y rows' residual (z is computed from x, so its row holds up to the rounding of W⁻² and W²,
 * which the solver never applies to a solution's z).
 * <p>
 * The structure (sparse A and G, ordering, envelope, where each number goes) is analysed once per sparsity pattern
 * ({@link Structure}); {@link #factor} only refills numbers and factorises. One instance belongs to one solve (it
 * keeps work vectors).
 */
final class BandedKkt {

    /** Static regularisation δ. */
    static final double REGULARISATION = 1e-8;
    /** A pivot smaller than this (or of the wrong sign) is replaced by ±δ (dynamic regularisation). */
    static final double PIVOT_FLOOR = 1e-13;
    /** Iterative refinement steps at most. */
    static final int REFINEMENT = 4;
    /** The most accurate solve refinement aims at: this residual (max norm), relative to 1 + the right-hand side's. */
    static final double REFINED = 1e-12;
    /** A refinement step that leaves more than this share of the residual, above the fallback threshold, is the last. */
    private static final double STAGNANT = 0.25;
    /**
     * A reduced-system solve whose refined residual stays above this (relative), or above the accuracy asked for when
     * that is coarser, switches to the full system.
     */
    private static final double REDUCED_FAILS = 1e-8;

    private final int n;
    private final int pe;
    private final int m;
    private final int orthant;
    private final int[] cones;
    final SparseMatrix a;
    final SparseMatrix g;
    /** The program's structure, analysed once per sparsity pattern (shared by the programs that have it). */
    private final Structure structure;
    /** G's rows block by block as dense rows × u matrices (see {@link Structure}), and W⁻¹ applied to them. */
    private final double[] blockG;
    private final double[] blockV;
    /** The reduced matrix's numbers. */
    private final Envelope reduced;
    /** The full matrix's numbers (on the first switch), and where A's, G's and W²'s entries go in it. */
    private Envelope full;
    private int[] aFull;
    private int[] gFull;
    private int[] wFull;
    private Cones.Scaling scaling;
    /** The residual, relative to 1 + the right-hand side's, at which refinement stops (see {@link #setAccuracy}). */
    private double accuracy = REFINED;
    private boolean factored;
    /** Whether the full system has been factorised for the current scaling; whether the solves use it. */
    private boolean fullCurrent;
    private boolean useFull;
    /** Set once the full system has done better than the reduced one: W only gets worse from there. */
    private boolean fullPreferred;
    /** Work vectors: the envelope solves' right-hand side, cone-sized temporaries, residuals and corrections. */
    private final double[] rhs;
    private final double[] coneWork;
    private final double[] coneWork2;
    private final Refinement first;
    private final Refinement second;
    private final double[] resx;
    private final double[] resy;
    private final double[] resz;
    private final double[] fx;
    private final double[] fy;
    private final double[] fz;

    /**
     * Analyses the program's structure (as {@link Structure}) and sets it up to be solved. No numbers are factorised
     * until {@link #factor}.
     *
     * @param p the program (A, G and the cone structure)
     */
    BandedKkt(SparseConeProgram p) {
        this(p, new Structure(p));
    }

    /**
     * Sets a program up to be solved with a structure already analysed (from {@link Structure#of}: a program of the
     * same sparsity pattern).
     *
     * @param p         the program
     * @param structure its structure
     */
    BandedKkt(SparseConeProgram p, Structure structure) {
        this.structure = structure;
        n = structure.n;
        pe = structure.pe;
        m = structure.m;
        orthant = structure.orthant;
        cones = structure.cones;
        a = p.a();
        g = p.g();
        int entries = structure.gStart[structure.blockRow.length - 1];
        blockG = new double[entries];
        blockV = new double[entries];
        int[] gBlock = structure.gBlock;
        for (int k = 0; k < gBlock.length; k++) {
            blockG[gBlock[k]] = g.value[k];
        }
        reduced = new Envelope(structure.reduced);
        rhs = new double[n + pe + m];
        coneWork = new double[m];
        coneWork2 = new double[m];
        first = new Refinement();
        second = new Refinement();
        resx = new double[n];
        resy = new double[pe];
        resz = new double[m];
        fx = new double[n];
        fy = new double[pe];
        fz = new double[m];
    }

    /** Sets up the full system (on the first switch to it). */
    private void analyseFull() {
        Structure.Full f = structure.full();
        full = new Envelope(f.shape);
        aFull = f.a;
        gFull = f.g;
        wFull = f.w;
    }

    /**
     * A program's structure, everything about it that its numbers do not change: the blocks of G eliminated
     * together, the reduced and (on demand) full systems' orderings and envelopes, and where each entry of A, G and
     * Gᵀ W⁻² G goes in them. A time-of-flight search or a closed loop solves dozens of programs of one pattern, so
     * {@link #of} keeps the structures it has analysed. Immutable once built (the full system's part is built once,
     * under a lock), so shared between threads.
     */
    static final class Structure {
        /** Patterns kept at most; beyond, the cache starts again. */
        private static final int CACHED = 64;

        final int n;
        final int pe;
        final int m;
        final int orthant;
        final int[] cones;
        /**
         * The blocks of G eliminated together: each orthant row, then each cone. Block b has rows blockRow[b] …
         * blockRow[b + 1] - 1 of G and touches u variables (columnStart[b + 1] - columnStart[b]); its rows as a
         * dense rows × u matrix start at blockG[gStart[b]] (G's k-th nonzero at blockG[gBlock[k]]), and the lower
         * triangle of its u × u contribution to Gᵀ W⁻² G goes to the reduced matrix's values[blockPosition[positionStart[b]
         * + i u + j]] (j ≤ i).
         */
        final int[] blockRow;
        final int[] columnStart;
        final int[] gStart;
        final int[] gBlock;
        final int[] positionStart;
        final int[] blockPosition;
        /** The reduced matrix's envelope, and where A's entries go in it. */
        final Shape reduced;
        /** The reduced matrix's off-diagonal pattern (for {@link BandedKkt#orderingOperations}). */
        final Pairs reducedPattern;
        final int[] aReduced;
        /** The program's pattern (A's and G's, the cones), for the full system's analysis. */
        private final SparseMatrix a;
        private final SparseMatrix g;
        private Full full;

        /** The full system's envelope and where A's, G's and W²'s entries go in it. */
        record Full(Shape shape, int[] a, int[] g, int[] w) {
        }

        /**
         * @param cache the structures analysed so far, by pattern (thread-safe)
         * @param p     a program
         * @return its structure, analysed now or taken from the cache
         */
        static Structure of(Map<Pattern, Structure> cache, SparseConeProgram p) {
            Pattern key = new Pattern(p);
            Structure s = cache.get(key);
            if (s == null) {
                s = new Structure(p);
                if (cache.size() >= CACHED) {
                    cache.clear();
                }
                cache.put(key, s);
            }
            return s;
        }

        Structure(SparseConeProgram p) {
            n = p.variables();
            pe = p.b().length;
            m = p.coneRows();
            orthant = p.orthant();
            cones = p.cones().clone();
            a = p.a();
            g = p.g();
            int blocks = orthant + cones.length;
            blockRow = new int[blocks + 1];
            for (int b = 0; b < blocks; b++) {
                blockRow[b + 1] = blockRow[b] + (b < orthant ? 1 : cones[b - orthant]);
            }
            // each block's columns: the union of its rows' columns
            columnStart = new int[blocks + 1];
            gStart = new int[blocks + 1];
            positionStart = new int[blocks + 1];
            int[] mark = new int[n];
            Arrays.fill(mark, -1);
            int[] cols = new int[Math.max(16, g.column.length)];
            int total = 0;
            for (int b = 0; b < blocks; b++) {
                columnStart[b] = total;
                for (int r = blockRow[b]; r < blockRow[b + 1]; r++) {
                    for (int k = g.start[r]; k < g.start[r + 1]; k++) {
                        int j = g.column[k];
                        if (mark[j] != b) {
                            mark[j] = b;
                            cols[total++] = j;
                        }
                    }
                }
                Arrays.sort(cols, columnStart[b], total);
                int u = total - columnStart[b];
                gStart[b + 1] = gStart[b] + (blockRow[b + 1] - blockRow[b]) * u;
                positionStart[b + 1] = positionStart[b] + u * u;
            }
            columnStart[blocks] = total;
            int[] blockColumns = Arrays.copyOf(cols, total);
            gBlock = new int[g.value.length];
            int[] local = new int[n];
            Pairs pattern = new Pairs();
            for (int r = 0; r < pe; r++) {
                for (int k = a.start[r]; k < a.start[r + 1]; k++) {
                    pattern.add(n + r, a.column[k]);
                }
            }
            for (int b = 0; b < blocks; b++) {
                int u = columnStart[b + 1] - columnStart[b];
                for (int i = 0; i < u; i++) {
                    local[blockColumns[columnStart[b] + i]] = i;
                    for (int j = 0; j < i; j++) {
                        pattern.add(blockColumns[columnStart[b] + i], blockColumns[columnStart[b] + j]);
                    }
                }
                for (int r = blockRow[b]; r < blockRow[b + 1]; r++) {
                    int row = gStart[b] + (r - blockRow[b]) * u;
                    for (int k = g.start[r]; k < g.start[r + 1]; k++) {
                        gBlock[k] = row + local[g.column[k]];
                    }
                }
            }
            reduced = Shape.of(n + pe, n, pattern);
            reducedPattern = pattern;
            aReduced = new int[a.value.length];
            for (int r = 0; r < pe; r++) {
                for (int k = a.start[r]; k < a.start[r + 1]; k++) {
                    aReduced[k] = reduced.position(n + r, a.column[k]);
                }
            }
            blockPosition = new int[positionStart[blocks]];
            for (int b = 0; b < blocks; b++) {
                int u = columnStart[b + 1] - columnStart[b];
                for (int i = 0; i < u; i++) {
                    for (int j = 0; j <= i; j++) {
                        blockPosition[positionStart[b] + i * u + j] =
                            reduced.position(blockColumns[columnStart[b] + i], blockColumns[columnStart[b] + j]);
                    }
                }
            }
        }

        /** @return the full system's structure, analysed on the first call */
        synchronized Full full() {
            if (full == null) {
                full = analyseFull();
            }
            return full;
        }

        private Full analyseFull() {
            Pairs pattern = new Pairs();
            for (int r = 0; r < pe; r++) {
                for (int k = a.start[r]; k < a.start[r + 1]; k++) {
                    pattern.add(n + r, a.column[k]);
                }
            }
            int base = n + pe;
            for (int r = 0; r < m; r++) {
                for (int k = g.start[r]; k < g.start[r + 1]; k++) {
                    pattern.add(base + r, g.column[k]);
                }
            }
            for (int c = 0, k = orthant; c < cones.length; k += cones[c++]) {
                for (int i = 1; i < cones[c]; i++) {
                    for (int j = 0; j < i; j++) {
                        pattern.add(base + k + i, base + k + j);
                    }
                }
            }
            Shape shape = Shape.of(base + m, n, pattern);
            int[] af = new int[a.value.length];
            for (int r = 0; r < pe; r++) {
                for (int k = a.start[r]; k < a.start[r + 1]; k++) {
                    af[k] = shape.position(n + r, a.column[k]);
                }
            }
            int[] gf = new int[g.value.length];
            for (int r = 0; r < m; r++) {
                for (int k = g.start[r]; k < g.start[r + 1]; k++) {
                    gf[k] = shape.position(base + r, g.column[k]);
                }
            }
            int count = orthant;
            for (int q : cones) {
                count += q * q;
            }
            int[] wf = new int[count];
            for (int i = 0; i < orthant; i++) {
                wf[i] = shape.position(base + i, base + i);
            }
            int at = orthant;
            for (int c = 0, k = orthant; c < cones.length; k += cones[c++]) {
                for (int i = 0; i < cones[c]; i++) {
                    for (int j = 0; j < cones[c]; j++) {
                        wf[at++] = shape.position(base + k + i, base + k + j);
                    }
                }
            }
            return new Full(shape, af, gf, wf);
        }
    }

    /**
     * A program's sparsity pattern: the variables, the cones and where A's and G's nonzeros are. Two programs with
     * equal patterns have the same {@link Structure}.
     */
    static final class Pattern {
        private final int n;
        private final int orthant;
        private final int[] cones;
        private final int[] aStart;
        private final int[] aColumn;
        private final int[] gStart;
        private final int[] gColumn;
        private final int hash;

        Pattern(SparseConeProgram p) {
            n = p.variables();
            orthant = p.orthant();
            cones = p.cones();
            aStart = p.a().start;
            aColumn = p.a().column;
            gStart = p.g().start;
            gColumn = p.g().column;
            int h = 31 * n + orthant;
            h = 31 * h + Arrays.hashCode(cones);
            h = 31 * h + Arrays.hashCode(aStart);
            h = 31 * h + Arrays.hashCode(aColumn);
            h = 31 * h + Arrays.hashCode(gStart);
            hash = 31 * h + Arrays.hashCode(gColumn);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pattern q && hash == q.hash && n == q.n && orthant == q.orthant && Arrays.equals(cones, q.cones)
                && Arrays.equals(aStart, q.aStart) && Arrays.equals(aColumn, q.aColumn) && Arrays.equals(gStart, q.gStart)
                && Arrays.equals(gColumn, q.gColumn);
        }
    }

    /**
     * Sets the accuracy the solves are refined to (initially {@link #REFINED}): an interior-point method needs its
     * Newton directions only to a fraction of the residuals they are to reduce (inexact Newton), not to rounding level.
     *
     * @param relative residual relative to 1 + the right-hand side's
     */
    void setAccuracy(double relative) {
        accuracy = relative;
    }

    /** @return the reduced system's largest distance of an envelope entry from the diagonal */
    int bandwidth() {
        return reduced.bandwidth;
    }

    /**
     * @return the reduced system's envelope factorisation's multiply-adds in its reverse Cuthill-McKee order, in Sloan's,
     *         and in the order used
     */
    long[] orderingOperations() {
        Shape shape = structure.reduced;
        Pairs pattern = structure.reducedPattern;
        int[] rcm = Envelope.reverseCuthillMcKee(shape.size, pattern);
        return new long[] {new Shape(shape.size, shape.positives, pattern, rcm).operations(),
            new Shape(shape.size, shape.positives, pattern, Envelope.sloan(shape.size, pattern, rcm)).operations(), shape.operations()};
    }

    /** @return the reduced system's unknowns, n + p */
    int size() {
        return reduced.size;
    }

    /** @return the reduced system's envelope entries, diagonal included (the factor's storage) */
    int profile() {
        return reduced.values.length;
    }

    /** @return whether the solves have switched to the full system for good */
    boolean isFull() {
        return fullPreferred;
    }

    /** Uses the full system from the next {@link #factor} on, as if it had done better (for tests). */
    void preferFull() {
        fullPreferred = true;
    }

    /**
     * Fills in and factorises the KKT matrix for a scaling.
     *
     * @param w the Nesterov-Todd scaling, or null for W = I
     */
    void factor(Cones.Scaling w) {
        scaling = w;
        factored = true;
        fullCurrent = false;
        useFull = fullPreferred;
        if (fullPreferred) {
            factorFull();
            return;
        }
        int[] aReduced = structure.aReduced;
        int[] blockRow = structure.blockRow;
        int[] columnStart = structure.columnStart;
        int[] gStart = structure.gStart;
        int[] positionStart = structure.positionStart;
        int[] blockPosition = structure.blockPosition;
        double[] values = reduced.values;
        reduced.clear();
        for (int k = 0; k < aReduced.length; k++) {
            values[aReduced[k]] += a.value[k];
        }
        // Gᵀ W⁻² G block by block, as the Gram matrix VᵀV of V = W⁻¹ G_b: positive semidefinite by construction
        int blocks = blockRow.length - 1;
        double[] v = blockV;
        for (int b = 0; b < blocks; b++) {
            int u = columnStart[b + 1] - columnStart[b];
            int q = blockRow[b + 1] - blockRow[b];
            int gs = gStart[b];
            if (w == null) {
                System.arraycopy(blockG, gs, v, gs, q * u);
            } else if (b < orthant) {
                double f = 1 / w.orthantDiagonal(b);
                for (int i = 0; i < u; i++) {
                    v[gs + i] = f * blockG[gs + i];
                }
            } else {
                for (int i = 0; i < u; i++) {
                    for (int r = 0; r < q; r++) {
                        coneWork[r] = blockG[gs + r * u + i];
                    }
                    w.applyCone(b - orthant, true, coneWork, 0, coneWork, 0);
                    for (int r = 0; r < q; r++) {
                        v[gs + r * u + i] = coneWork[r];
                    }
                }
            }
            int ps = positionStart[b];
            for (int i = 0; i < u; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int r = 0; r < q; r++) {
                        s += v[gs + r * u + i] * v[gs + r * u + j];
                    }
                    values[blockPosition[ps + i * u + j]] += s;
                }
            }
        }
        reduced.factorise();
    }

    private void factorFull() {
        if (full == null) {
            analyseFull();
        }
        fullCurrent = true;
        double[] values = full.values;
        full.clear();
        for (int k = 0; k < aFull.length; k++) {
            values[aFull[k]] += a.value[k];
        }
        for (int k = 0; k < gFull.length; k++) {
            values[gFull[k]] += g.value[k];
        }
        for (int i = 0; i < orthant; i++) {
            double di = scaling == null ? 1 : scaling.orthantDiagonal(i);
            values[wFull[i]] -= di * di;
        }
        int at = orthant;
        for (int c = 0; c < cones.length; c++) {
            int q = cones[c];
            double[][] w2 = scaling == null ? null : scaling.coneSquared(c);
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++, at++) {
                    // both triangles map to the same lower entry: add half of each
                    double e = w2 == null ? (i == j ? 1 : 0) : w2[i][j];
                    values[wFull[at]] -= i == j ? e : e / 2;
                }
            }
        }
        full.factorise();
    }

    /** out = W⁻² u (inverse) or W² u, applying the current scaling twice (out and u distinct) */
    private void applyTwice(boolean inverse, double[] u, double[] out) {
        if (scaling == null) {
            System.arraycopy(u, 0, out, 0, m);
        } else {
            scaling.applyTwice(u, out, inverse, coneWork2);
        }
    }

    /**
     * @return {x, y, z} solving the unregularised system (refined until the residual is at rounding level or stops
     *         falling), or null if it produced non-finite numbers
     */
    double[][] solve(double[] rx, double[] ry, double[] rz) {
        double[][] out = {new double[n], new double[pe], new double[m]};
        return solve(rx, ry, rz, out[0], out[1], out[2]) ? out : null;
    }

    /**
     * Solves into x, y, z (the unregularised system, refined until the residual is at rounding level or stops falling).
     *
     * @return false if the solve produced non-finite numbers
     */
    boolean solve(double[] rx, double[] ry, double[] rz, double[] x, double[] y, double[] z) {
        if (!factored) {
            throw new IllegalStateException("factor first");
        }
        double scale = scale(rx, ry, rz);
        if (useFull) {
            return refinedFull(rx, ry, rz, x, y, z, scale) < Double.POSITIVE_INFINITY;
        }
        first.start(rx, ry, rz, x, y, z, scale);
        refineReduced(first, null);
        return fallback(first) < Double.POSITIVE_INFINITY;
    }

    /**
     * Two solves with the same factorisation, exactly as {@link #solve} one after the other (the same arithmetic and
     * the same fallback decisions), but the reduced system's back-solves and refinement run on both at once, so that
     * each pass over the factor serves two right-hand sides.
     *
     * @return false if either solve produced non-finite numbers (the second is then not solved)
     */
    boolean solve(double[] r1x, double[] r1y, double[] r1z, double[] x1, double[] y1, double[] z1, double[] r2x, double[] r2y,
                  double[] r2z, double[] x2, double[] y2, double[] z2) {
        if (useFull) {
            return solve(r1x, r1y, r1z, x1, y1, z1) && solve(r2x, r2y, r2z, x2, y2, z2);
        }
        first.start(r1x, r1y, r1z, x1, y1, z1, scale(r1x, r1y, r1z));
        second.start(r2x, r2y, r2z, x2, y2, z2, scale(r2x, r2y, r2z));
        refineReduced(first, second);
        if (!(fallback(first) < Double.POSITIVE_INFINITY)) {
            return false;
        }
        if (useFull) {
            // the first solve switched to the full system: so would the second, solved after it
            return refinedFull(r2x, r2y, r2z, x2, y2, z2, second.scale) < Double.POSITIVE_INFINITY;
        }
        return fallback(second) < Double.POSITIVE_INFINITY;
    }

    private static double scale(double[] rx, double[] ry, double[] rz) {
        return 1 + Math.max(maxAbs(rx), Math.max(maxAbs(ry), maxAbs(rz)));
    }

    /** @return the reduced system's residual, relative, above which the full system is tried */
    private double failure() {
        return Math.max(REDUCED_FAILS, accuracy);
    }

    /**
     * After a reduced solve: if its residual is too large (W's conditioning may have cost the reduced system too much),
     * tries the full system and keeps the better answer.
     *
     * @return the final residual
     */
    private double fallback(Refinement r) {
        double residual = r.result;
        if (!(residual <= failure() * r.scale)) {
            if (!fullCurrent) {
                factorFull();
            }
            double fullResidual = refinedFull(r.rx, r.ry, r.rz, fx, fy, fz, r.scale);
            if (fullResidual < residual || Double.isNaN(residual)) {
                fullPreferred = true;
                useFull = true;
                residual = fullResidual;
                System.arraycopy(fx, 0, r.x, 0, n);
                System.arraycopy(fy, 0, r.y, 0, pe);
                System.arraycopy(fz, 0, r.z, 0, m);
            }
        }
        return residual;
    }

    /** Refines one or two reduced solves in lockstep (b may be null), sharing each back-solve's pass over the factor. */
    private void refineReduced(Refinement a, Refinement b) {
        if (b == null) {
            reduced.solve(a.rhs);
        } else {
            reduced.solve(a.rhs, b.rhs);
        }
        a.accept();
        if (b != null) {
            b.accept();
        }
        while (true) {
            boolean moreA = a.active && a.step();
            boolean moreB = b != null && b.active && b.step();
            if (moreA && moreB) {
                reduced.solve(a.rhs, b.rhs);
            } else if (moreA) {
                reduced.solve(a.rhs);
            } else if (moreB) {
                reduced.solve(b.rhs);
            } else {
                return;
            }
            if (moreA) {
                a.correct();
            }
            if (moreB) {
                b.correct();
            }
        }
    }

    /**
     * One right-hand side's reduced solve: [Gᵀ W⁻² G + δI, Aᵀ; A, -δI] [x; y] = [r_x + Gᵀ W⁻² r_z; r_y], with
     * z = W⁻² (G x - r_z), refined against the full unregularised system. Since z is computed from x that way, the
     * full system's z row holds up to rounding, so each refinement step only needs the x and y rows' residual (one
     * product by each of A, Aᵀ, G, Gᵀ and W⁻²) and a correction of the reduced system (see {@link #finish}).
     */
    private final class Refinement {
        /** W⁻² r_z, G x, the envelope solve's right-hand side and solution, corrections, residuals. */
        final double[] t = new double[m];
        final double[] gx = new double[m];
        final double[] rhs = new double[n + pe];
        final double[] dx = new double[n];
        final double[] dy = new double[pe];
        final double[] resx = new double[n];
        final double[] resy = new double[pe];
        double[] rx;
        double[] ry;
        double[] rz;
        double[] x;
        double[] y;
        double[] z;
        double scale;
        double last;
        int steps;
        boolean active;
        /** The final full-system residual's max norm (NaN or infinite if the solve broke down). */
        double result;

        /** Sets up the reduced right-hand side [r_x + Gᵀ t; r_y], t = W⁻² r_z, in rhs. */
        void start(double[] rx, double[] ry, double[] rz, double[] x, double[] y, double[] z, double scale) {
            this.rx = rx;
            this.ry = ry;
            this.rz = rz;
            this.x = x;
            this.y = y;
            this.z = z;
            this.scale = scale;
            applyTwice(true, rz, t);
            System.arraycopy(rx, 0, rhs, 0, n);
            g.transposeTimesAdd(1, t, rhs);
            System.arraycopy(ry, 0, rhs, n, pe);
            last = Double.POSITIVE_INFINITY;
            steps = 0;
            active = true;
        }

        /** Takes the first back-solve's answer. */
        void accept() {
            System.arraycopy(rhs, 0, x, 0, n);
            System.arraycopy(rhs, n, y, 0, pe);
        }

        /** Adds a correction's back-solve. */
        void correct() {
            System.arraycopy(rhs, 0, dx, 0, n);
            System.arraycopy(rhs, n, dy, 0, pe);
            add(1, dx, 0, x, n);
            add(1, dy, 0, y, pe);
        }

        /**
         * Computes the residual and decides: @return true with the residual in rhs (to be back-solved and passed to
         * {@link #correct}) to refine further, false (and inactive, with the result) when done
         */
        boolean step() {
            double norm = residual();
            if (!(norm < last)) {
                active = false;
                if (Double.isNaN(norm)) {
                    result = norm;
                    return false;
                }
                if (steps > 0) {
                    // the last correction did not help: take it back
                    add(-1, dx, 0, x, n);
                    add(-1, dy, 0, y, pe);
                    residual();
                }
                finish();
                return false;
            }
            // stagnating above the fallback threshold: the full system will be tried, further steps are wasted
            boolean stagnant = steps > 0 && norm > failure() * scale && norm > STAGNANT * last;
            last = norm;
            if (norm < accuracy * scale || steps == REFINEMENT || stagnant) {
                active = false;
                finish();
                return false;
            }
            steps++;
            System.arraycopy(resx, 0, rhs, 0, n);
            System.arraycopy(resy, 0, rhs, n, pe);
            return true;
        }

        /** gx = G x, z = W⁻² gx - t, and the full system's x and y rows' residual; @return its max norm */
        private double residual() {
            g.times(1, x, 0, gx);
            applyTwice(true, gx, z);
            for (int i = 0; i < m; i++) {
                z[i] -= t[i];
            }
            System.arraycopy(rx, 0, resx, 0, n);
            a.transposeTimesAdd(-1, y, resx);
            g.transposeTimesAdd(-1, z, resx);
            System.arraycopy(ry, 0, resy, 0, pe);
            a.times(-1, x, 1, resy);
            return Math.max(maxAbs(resx, n), maxAbs(resy, pe));
        }

        /**
         * The result: the x and y rows' residual. The z row, r_z - G x + W² z, holds up to the rounding of applying W⁻²
         * then W², which an ill-conditioned W amplifies; the solver never applies W² to a solution's z (it takes ds
         * from the primal equation), so that rounding does not reach the iteration and is not checked (it sent the last
         * iterations of most programs to the full system, a third of a 50-node solve, for nothing).
         */
        private void finish() {
            result = last;
        }
    }

    /** The full regularised system, refined against the full unregularised one; @return the final residual's max norm */
    private double refinedFull(double[] rx, double[] ry, double[] rz, double[] x, double[] y, double[] z, double scale) {
        System.arraycopy(rx, 0, rhs, 0, n);
        System.arraycopy(ry, 0, rhs, n, pe);
        System.arraycopy(rz, 0, rhs, n + pe, m);
        double last = Double.POSITIVE_INFINITY;
        Arrays.fill(x, 0);
        Arrays.fill(y, 0);
        Arrays.fill(z, 0);
        for (int it = 0; ; it++) {
            full.solve(rhs);
            if (it > 0) {
                add(1, rhs, 0, x, n);
                add(1, rhs, n, y, pe);
                add(1, rhs, n + pe, z, m);
            } else {
                System.arraycopy(rhs, 0, x, 0, n);
                System.arraycopy(rhs, n, y, 0, pe);
                System.arraycopy(rhs, n + pe, z, 0, m);
            }
            double norm = fullResidual(rx, ry, rz, x, y, z);
            if (!(norm < last)) {
                // the last correction did not help: take it back (still in rhs)
                if (it > 0) {
                    add(-1, rhs, 0, x, n);
                    add(-1, rhs, n, y, pe);
                    add(-1, rhs, n + pe, z, m);
                }
                return Double.isNaN(norm) ? norm : it > 0 ? last : norm;
            }
            if (norm < accuracy * scale || it == REFINEMENT) {
                return norm;
            }
            last = norm;
            System.arraycopy(resx, 0, rhs, 0, n);
            System.arraycopy(resy, 0, rhs, n, pe);
            System.arraycopy(resz, 0, rhs, n + pe, m);
        }
    }

    /** The residual of the full unregularised system [0 Aᵀ Gᵀ; A 0 0; G 0 -W²] into resx, resy, resz; @return its max norm */
    private double fullResidual(double[] rx, double[] ry, double[] rz, double[] x, double[] y, double[] z) {
        System.arraycopy(rx, 0, resx, 0, n);
        a.transposeTimesAdd(-1, y, resx);
        g.transposeTimesAdd(-1, z, resx);
        System.arraycopy(ry, 0, resy, 0, pe);
        a.times(-1, x, 1, resy);
        applyTwice(false, z, resz);
        for (int i = 0; i < m; i++) {
            resz[i] += rz[i];
        }
        g.times(-1, x, 1, resz);
        return Math.max(maxAbs(resx, n), Math.max(maxAbs(resy, pe), maxAbs(resz, m)));
    }

    private static void add(double f, double[] d, int from, double[] u, int count) {
        for (int i = 0; i < count; i++) {
            u[i] += f * d[from + i];
        }
    }

    private static double maxAbs(double[] v, int count) {
        double m = 0;
        for (int i = 0; i < count; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** A growable list of index pairs: a sparsity pattern's off-diagonal entries. */
    static final class Pairs {
        int[] i = new int[256];
        int[] j = new int[256];
        int count;

        void add(int row, int column) {
            if (count == i.length) {
                i = Arrays.copyOf(i, 2 * count);
                j = Arrays.copyOf(j, 2 * count);
            }
            i[count] = row;
            j[count++] = column;
        }
    }

    /**
     * The envelope of a symmetric matrix of fixed pattern reordered by reverse Cuthill-McKee: row i (new order) holds
     * columns first[i] … i at values[offset[i] + column]. Unknowns below {@code positives} (old order) have positive
     * pivots, the others negative. Immutable.
     */
    static final class Shape {
        final int size;
        final int positives;
        /** perm[new] = old; inverse[old] = new. */
        final int[] perm;
        final int[] inverse;
        final int[] first;
        final int[] offset;
        /** Envelope entries, diagonal included. */
        final int count;
        final int bandwidth;

        /**
         * The envelope in the order whose factorisation takes fewer operations: reverse Cuthill-McKee, or Sloan's, which
         * aims at a small profile rather than a small bandwidth (S. W. Sloan, "An algorithm for profile and wavefront
         * reduction of sparse matrices", Int. J. Numer. Meth. Engng 23, 1986). On the landing guidance's programs
         * Sloan's takes 30 to 38 % fewer operations (8 intervals: 6,088 multiply-adds against 9,881, envelope 1,478
         * entries against 1,823); RCM is kept where it does better.
         */
        static Shape of(int size, int positives, Pairs pattern) {
            int[] rcm = Envelope.reverseCuthillMcKee(size, pattern);
            Shape byBand = new Shape(size, positives, pattern, rcm);
            Shape byProfile = new Shape(size, positives, pattern, Envelope.sloan(size, pattern, rcm));
            return byProfile.operations() < byBand.operations() ? byProfile : byBand;
        }

        /** @param perm the order, perm[new] = old */
        Shape(int size, int positives, Pairs pattern, int[] perm) {
            this.size = size;
            this.positives = positives;
            this.perm = perm;
            inverse = new int[size];
            for (int i = 0; i < size; i++) {
                inverse[perm[i]] = i;
            }
            first = new int[size];
            for (int i = 0; i < size; i++) {
                first[i] = i;
            }
            for (int k = 0; k < pattern.count; k++) {
                int i = inverse[pattern.i[k]];
                int j = inverse[pattern.j[k]];
                if (i < j) {
                    first[j] = Math.min(first[j], i);
                } else {
                    first[i] = Math.min(first[i], j);
                }
            }
            offset = new int[size];
            int entries = 0;
            int bw = 0;
            for (int i = 0; i < size; i++) {
                offset[i] = entries - first[i];
                entries += i - first[i] + 1;
                bw = Math.max(bw, i - first[i]);
            }
            count = entries;
            bandwidth = bw;
        }

        /** @return the multiply-adds of an L D Lᵀ factorisation in this envelope */
        long operations() {
            long operations = 0;
            for (int i = 0; i < size; i++) {
                for (int j = first[i]; j < i; j++) {
                    operations += j - Math.max(first[i], first[j]) + 1;
                }
            }
            return operations;
        }

        /** @return the index in the values of the lower-triangle entry at (i, j) or (j, i), old order */
        int position(int i, int j) {
            int ni = inverse[i];
            int nj = inverse[j];
            return ni >= nj ? offset[ni] + nj : offset[nj] + ni;
        }
    }

    /**
     * A symmetric quasi-definite matrix of a {@link Shape}, factorised as L D Lᵀ in its envelope: L below the diagonal
     * and D on it after {@link #factorise}.
     */
    private static final class Envelope {
        final int size;
        final int positives;
        /** perm[new] = old; inverse[old] = new. */
        final int[] perm;
        final int[] first;
        final int[] offset;
        final double[] values;
        final double[] d;
        final double[] work;
        final double[] work2;
        final int bandwidth;

        Envelope(Shape shape) {
            size = shape.size;
            positives = shape.positives;
            perm = shape.perm;
            first = shape.first;
            offset = shape.offset;
            bandwidth = shape.bandwidth;
            values = new double[shape.count];
            d = new double[size];
            work = new double[size];
            work2 = new double[size];
        }

        /** Zeroes the matrix but for the static regularisation ±δ on the diagonal. */
        void clear() {
            Arrays.fill(values, 0);
            for (int i = 0; i < size; i++) {
                values[offset[i] + i] = perm[i] < positives ? REGULARISATION : -REGULARISATION;
            }
        }

        /** In-place L D Lᵀ, row by row ("up-looking"): row i's entries are finished from those above it. */
        void factorise() {
            double[] v = values;
            for (int i = 0; i < size; i++) {
                int fi = first[i];
                int oi = offset[i];
                // g_ij = a_ij - Σ_k g_ik L_jk, where g_ik = L_ik d_k (row i keeps g until it is complete)
                for (int j = fi; j < i; j++) {
                    v[oi + j] -= dot(v, oi, v, offset[j], Math.max(fi, first[j]), j);
                }
                double di = v[oi + i];
                for (int j = fi; j < i; j++) {
                    double gij = v[oi + j];
                    double lij = gij / d[j];
                    di -= gij * lij;
                    v[oi + j] = lij;
                }
                boolean positive = perm[i] < positives;
                if (positive ? di < PIVOT_FLOOR : di > -PIVOT_FLOOR) {
                    di = positive ? REGULARISATION : -REGULARISATION;
                }
                d[i] = di;
                v[oi + i] = di;
            }
        }

        /** Solves with the factor, in place (old order in and out). */
        void solve(double[] rhs) {
            double[] x = work;
            for (int i = 0; i < size; i++) {
                x[i] = rhs[perm[i]];
            }
            double[] v = values;
            for (int i = 0; i < size; i++) {
                x[i] -= dot(v, offset[i], x, 0, first[i], i);
            }
            for (int i = 0; i < size; i++) {
                x[i] /= d[i];
            }
            for (int i = size - 1; i >= 0; i--) {
                int oi = offset[i];
                double xi = x[i];
                for (int k = first[i]; k < i; k++) {
                    x[k] -= v[oi + k] * xi;
                }
            }
            for (int i = 0; i < size; i++) {
                rhs[perm[i]] = x[i];
            }
        }

        /** Solves with the factor for two right-hand sides in one pass, each exactly as {@link #solve(double[])}. */
        void solve(double[] rhs1, double[] rhs2) {
            double[] x = work;
            double[] u = work2;
            for (int i = 0; i < size; i++) {
                x[i] = rhs1[perm[i]];
                u[i] = rhs2[perm[i]];
            }
            double[] v = values;
            for (int i = 0; i < size; i++) {
                int oi = offset[i];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double t0 = 0;
                double t1 = 0;
                double t2 = 0;
                double t3 = 0;
                int k = first[i];
                for (; k + 3 < i; k += 4) {
                    double l0 = v[oi + k];
                    double l1 = v[oi + k + 1];
                    double l2 = v[oi + k + 2];
                    double l3 = v[oi + k + 3];
                    s0 += l0 * x[k];
                    s1 += l1 * x[k + 1];
                    s2 += l2 * x[k + 2];
                    s3 += l3 * x[k + 3];
                    t0 += l0 * u[k];
                    t1 += l1 * u[k + 1];
                    t2 += l2 * u[k + 2];
                    t3 += l3 * u[k + 3];
                }
                for (; k < i; k++) {
                    s0 += v[oi + k] * x[k];
                    t0 += v[oi + k] * u[k];
                }
                x[i] -= (s0 + s1) + (s2 + s3);
                u[i] -= (t0 + t1) + (t2 + t3);
            }
            for (int i = 0; i < size; i++) {
                x[i] /= d[i];
                u[i] /= d[i];
            }
            for (int i = size - 1; i >= 0; i--) {
                int oi = offset[i];
                double xi = x[i];
                double ui = u[i];
                for (int k = first[i]; k < i; k++) {
                    x[k] -= v[oi + k] * xi;
                    u[k] -= v[oi + k] * ui;
                }
            }
            for (int i = 0; i < size; i++) {
                rhs1[perm[i]] = x[i];
                rhs2[perm[i]] = u[i];
            }
        }

        /**
         * @return Σ_{from ≤ k < to} u[ou + k] · w[ow + k], with four partial sums: the JIT keeps one sum's rounding
         *         order and so its latency chain, which four independent sums break
         */
        private static double dot(double[] u, int ou, double[] w, int ow, int from, int to) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int k = from;
            for (; k + 3 < to; k += 4) {
                s0 += u[ou + k] * w[ow + k];
                s1 += u[ou + k + 1] * w[ow + k + 1];
                s2 += u[ou + k + 2] * w[ow + k + 2];
                s3 += u[ou + k + 3] * w[ow + k + 3];
            }
            for (; k < to; k++) {
                s0 += u[ou + k] * w[ow + k];
            }
            return (s0 + s1) + (s2 + s3);
        }

        /** The pattern's graph: vertex v's neighbours are adj[start[v]] … adj[start[v + 1] - 1], no duplicates. */
        private record Graph(int[] start, int[] adj) {
            static Graph of(int size, Pairs pattern) {
                int[] start = new int[size + 1];
                for (int k = 0; k < pattern.count; k++) {
                    start[pattern.i[k] + 1]++;
                    start[pattern.j[k] + 1]++;
                }
                for (int v = 0; v < size; v++) {
                    start[v + 1] += start[v];
                }
                int[] fill = Arrays.copyOf(start, size);
                int[] adj = new int[start[size]];
                for (int k = 0; k < pattern.count; k++) {
                    adj[fill[pattern.i[k]]++] = pattern.j[k];
                    adj[fill[pattern.j[k]]++] = pattern.i[k];
                }
                int[] mark = new int[size];
                Arrays.fill(mark, -1);
                int w = 0;
                for (int v = 0; v < size; v++) {
                    int from = w;
                    for (int k = start[v]; k < start[v + 1]; k++) {
                        if (mark[adj[k]] != v && adj[k] != v) {
                            mark[adj[k]] = v;
                            adj[w++] = adj[k];
                        }
                    }
                    start[v] = from;
                }
                start[size] = w;
                return new Graph(start, adj);
            }

            int degree(int v) {
                return start[v + 1] - start[v];
            }
        }

        private static final int INACTIVE = 0;
        private static final int PREACTIVE = 1;
        private static final int ACTIVE = 2;
        private static final int NUMBERED = 3;

        /**
         * Sloan's ordering, each component from the vertex Cuthill-McKee started it from (pseudo-peripheral) towards the
         * last it reached, with weights 1 on the distance to that end and 2 on the growth of the front (the better of
         * the weights tried on the guidance's programs).
         *
         * @param rcm the reverse Cuthill-McKee order (its components contiguous, each root last)
         */
        static int[] sloan(int size, Pairs pattern, int[] rcm) {
            Graph graph = Graph.of(size, pattern);
            int[] start = graph.start();
            int[] adj = graph.adj();
            int[] status = new int[size];
            int[] priority = new int[size];
            int[] distance = new int[size];
            int[] queue = new int[size];
            boolean[] seen = new boolean[size];
            int[] order = new int[size];
            int count = 0;
            // max-heap of (priority, smaller vertex first), stale entries skipped when taken
            java.util.PriorityQueue<Long> heap = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
            for (int c = size - 1; c >= 0; c--) {
                int root = rcm[c];
                if (seen[root]) {
                    continue;
                }
                // the component, and its end: the last vertex breadth first from the root; then each vertex's
                // distance from that end (its breadth-first level from there)
                int tail = breadthFirst(root, start, adj, seen, distance, queue, 0);
                int end = queue[tail - 1];
                int t = breadthFirst(end, start, adj, new boolean[size], distance, queue, 0);
                for (int i = 0; i < t; i++) {
                    int v = queue[i];
                    priority[v] = distance[v] - 2 * (graph.degree(v) + 1);
                    status[v] = INACTIVE;
                }
                status[root] = PREACTIVE;
                heap.add(key(priority[root], root));
                while (!heap.isEmpty()) {
                    long top = heap.poll();
                    int v = Integer.MAX_VALUE - (int) (top & 0xFFFFFFFFL);
                    if (status[v] == NUMBERED || (int) (top >> 32) != priority[v]) {
                        continue;
                    }
                    if (status[v] == PREACTIVE) {
                        for (int k = start[v]; k < start[v + 1]; k++) {
                            int w = adj[k];
                            priority[w] += 2;
                            if (status[w] == INACTIVE) {
                                status[w] = PREACTIVE;
                            }
                            if (status[w] != NUMBERED) {
                                heap.add(key(priority[w], w));
                            }
                        }
                    }
                    order[count++] = v;
                    status[v] = NUMBERED;
                    for (int k = start[v]; k < start[v + 1]; k++) {
                        int w = adj[k];
                        if (status[w] != PREACTIVE) {
                            continue;
                        }
                        status[w] = ACTIVE;
                        priority[w] += 2;
                        heap.add(key(priority[w], w));
                        for (int q = start[w]; q < start[w + 1]; q++) {
                            int x = adj[q];
                            if (status[x] == NUMBERED) {
                                continue;
                            }
                            priority[x] += 2;
                            if (status[x] == INACTIVE) {
                                status[x] = PREACTIVE;
                            }
                            heap.add(key(priority[x], x));
                        }
                    }
                }
            }
            return order;
        }

        private static long key(int priority, int vertex) {
            return ((long) priority << 32) | (Integer.MAX_VALUE - vertex);
        }

        /** Reverse Cuthill-McKee, each component from a pseudo-peripheral vertex, neighbours by increasing degree. */
        static int[] reverseCuthillMcKee(int size, Pairs pattern) {
            Graph graph = Graph.of(size, pattern);
            int[] start = graph.start();
            int[] adj = graph.adj();
            int[] degree = new int[size];
            for (int v = 0; v < size; v++) {
                degree[v] = graph.degree(v);
            }
            boolean[] seen = new boolean[size];
            int[] order = new int[size];
            int[] level = new int[size];
            int count = 0;
            for (int s = 0; s < size; s++) {
                if (seen[s]) {
                    continue;
                }
                // pseudo-peripheral start (George and Liu): from a vertex, go to a least-degree vertex of the last
                // breadth-first level while the eccentricity grows
                int root = s;
                int eccentricity = -1;
                while (true) {
                    int end = breadthFirst(root, start, adj, seen, level, order, count);
                    int levels = level[order[end - 1]] + 1;
                    int best = -1;
                    for (int i = end - 1; i >= count && level[order[i]] == levels - 1; i--) {
                        if (best < 0 || degree[order[i]] < degree[best]) {
                            best = order[i];
                        }
                    }
                    for (int i = count; i < end; i++) {
                        seen[order[i]] = false;
                    }
                    if (levels <= eccentricity) {
                        break;
                    }
                    eccentricity = levels;
                    root = best;
                }
                // Cuthill-McKee from there: breadth first, each vertex's new neighbours by increasing degree
                int head = count;
                order[count++] = root;
                seen[root] = true;
                while (head < count) {
                    int v = order[head++];
                    int from = count;
                    for (int k = start[v]; k < start[v + 1]; k++) {
                        int u = adj[k];
                        if (!seen[u]) {
                            seen[u] = true;
                            order[count++] = u;
                        }
                    }
                    for (int i = from + 1; i < count; i++) {
                        int x = order[i];
                        int j = i - 1;
                        while (j >= from && degree[order[j]] > degree[x]) {
                            order[j + 1] = order[j];
                            j--;
                        }
                        order[j + 1] = x;
                    }
                }
            }
            int[] reversed = new int[size];
            for (int i = 0; i < size; i++) {
                reversed[i] = order[size - 1 - i];
            }
            return reversed;
        }

        /** Breadth-first levels from root over unseen vertices into order[at …], marking them; @return the end */
        private static int breadthFirst(int root, int[] start, int[] adj, boolean[] seen, int[] level, int[] order, int at) {
            int head = at;
            int tail = at;
            order[tail++] = root;
            seen[root] = true;
            level[root] = 0;
            while (head < tail) {
                int v = order[head++];
                for (int k = start[v]; k < start[v + 1]; k++) {
                    int u = adj[k];
                    if (!seen[u]) {
                        seen[u] = true;
                        level[u] = level[v] + 1;
                        order[tail++] = u;
                    }
                }
            }
            return tail;
        }
    }
}
