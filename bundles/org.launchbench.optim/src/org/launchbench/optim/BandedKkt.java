package org.launchbench.optim;

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
 * Either matrix is reordered ({@link EnvelopeShape#of}: reverse Cuthill-McKee from a pseudo-peripheral vertex, George
 * and Liu, Computer Solution of Large Sparse Positive Definite Systems, 1981, which gives a trajectory a band a node or
 * two wide, or Sloan's profile order, whichever factorises in fewer operations) and factorised ({@link EnvelopeFactor})
 * as L D Lᵀ in envelope (variable band, "skyline") storage without pivoting: any symmetric permutation of a
 * quasi-definite matrix has such a factorisation (Vanderbei, SIAM J. Optim. 5(1), 1995), and its fill stays inside the
 * envelope. Too small a pivot is replaced by ±δ (dynamic regularisation). Iterative refinement against the full
 * unregularised system ({@link ReducedRefinement}, {@link FullRefinement}) removes the regularisation's error; it
 * stops as soon as the residual is at the accuracy the interior-point iteration asks for ({@link #setAccuracy}), or
 * stops falling. On the fast path each refinement step
 * computes only the x and y rows' residual (z is computed from x, so its row holds up to the rounding of W⁻² and W²,
 * which the solver never applies to a solution's z).
 * <p>
 * The structure (sparse A and G, ordering, envelope, where each number goes) is analysed once per sparsity pattern
 * ({@link KktStructure}); {@link #factor} only refills numbers and factorises. One instance belongs to one solve (it
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
    static final double STAGNANT = 0.25;
    /**
     * A reduced-system solve whose refined residual stays above this (relative), or above the accuracy asked for when
     * that is coarser, switches to the full system.
     */
    private static final double REDUCED_FAILS = 1e-8;

    final int n;
    final int pe;
    final int m;
    private final int orthant;
    private final int[] cones;
    final SparseMatrix a;
    final SparseMatrix g;
    /** The program's structure, analysed once per sparsity pattern (shared by the programs that have it). */
    private final KktStructure structure;
    /** G's rows block by block as dense rows × u matrices (see {@link KktStructure}), and W⁻¹ applied to them. */
    private final double[] blockG;
    private final double[] blockV;
    /** The reduced matrix's numbers. */
    private final EnvelopeFactor reduced;
    /** The full matrix's numbers (on the first switch), and where A's, G's and W²'s entries go in it. */
    private EnvelopeFactor full;
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
    private final double[] coneWork;
    private final double[] coneWork2;
    private final ReducedRefinement first;
    private final ReducedRefinement second;
    /** The full system's refined solve (on the first switch to it), and its answer while compared with the reduced one. */
    private FullRefinement fullSolve;
    private final double[] fx;
    private final double[] fy;
    private final double[] fz;

    /**
     * Analyses the program's structure (as {@link KktStructure}) and sets it up to be solved. No numbers are factorised
     * until {@link #factor}.
     *
     * @param p the program (A, G and the cone structure)
     */
    BandedKkt(SparseConeProgram p) {
        this(p, new KktStructure(p));
    }

    /**
     * Sets a program up to be solved with a structure already analysed (from {@link KktStructure#of}: a program of the
     * same sparsity pattern).
     *
     * @param p         the program
     * @param structure its structure
     */
    BandedKkt(SparseConeProgram p, KktStructure structure) {
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
        reduced = new EnvelopeFactor(structure.reduced);
        coneWork = new double[m];
        coneWork2 = new double[m];
        first = new ReducedRefinement(this);
        second = new ReducedRefinement(this);
        fx = new double[n];
        fy = new double[pe];
        fz = new double[m];
    }

    /** Sets up the full system (on the first switch to it). */
    private void analyseFull() {
        KktStructure.Full f = structure.full();
        full = new EnvelopeFactor(f.shape());
        aFull = f.a();
        gFull = f.g();
        wFull = f.w();
        fullSolve = new FullRefinement(this, full);
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

    /** @return the residual, relative to 1 + the right-hand side's, at which refinement stops */
    double accuracy() {
        return accuracy;
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
        EnvelopeShape shape = structure.reduced;
        IndexPairs pattern = structure.reducedPattern;
        int[] rcm = ReverseCuthillMcKee.order(shape.size, pattern);
        return new long[] {new EnvelopeShape(shape.size, shape.positives, pattern, rcm).operations(),
            new EnvelopeShape(shape.size, shape.positives, pattern, SloanOrdering.order(shape.size, pattern, rcm)).operations(), shape.operations()};
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
    void applyTwice(boolean inverse, double[] u, double[] out) {
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
            return fullSolve.solve(rx, ry, rz, x, y, z, scale) < Double.POSITIVE_INFINITY;
        }
        first.start(rx, ry, rz, x, y, z, scale);
        ReducedRefinement.refine(reduced, first, null);
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
        ReducedRefinement.refine(reduced, first, second);
        if (!(fallback(first) < Double.POSITIVE_INFINITY)) {
            return false;
        }
        if (useFull) {
            // the first solve switched to the full system: so would the second, solved after it
            return fullSolve.solve(r2x, r2y, r2z, x2, y2, z2, second.scale) < Double.POSITIVE_INFINITY;
        }
        return fallback(second) < Double.POSITIVE_INFINITY;
    }

    private static double scale(double[] rx, double[] ry, double[] rz) {
        return 1 + Math.max(KktVectors.maxAbs(rx), Math.max(KktVectors.maxAbs(ry), KktVectors.maxAbs(rz)));
    }

    /** @return the reduced system's residual, relative, above which the full system is tried */
    double failure() {
        return Math.max(REDUCED_FAILS, accuracy);
    }

    /**
     * After a reduced solve: if its residual is too large (W's conditioning may have cost the reduced system too much),
     * tries the full system and keeps the better answer.
     *
     * @return the final residual
     */
    private double fallback(ReducedRefinement r) {
        double residual = r.result;
        if (!(residual <= failure() * r.scale)) {
            if (!fullCurrent) {
                factorFull();
            }
            double fullResidual = fullSolve.solve(r.rx, r.ry, r.rz, fx, fy, fz, r.scale);
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

}
