package org.launchbench.optim;

/**
 * One right-hand side's reduced solve: [Gᵀ W⁻² G + δI, Aᵀ; A, -δI] [x; y] = [r_x + Gᵀ W⁻² r_z; r_y], with
 * z = W⁻² (G x - r_z), refined against the full unregularised system. Since z is computed from x that way, the
 * full system's z row holds up to rounding, so each refinement step only needs the x and y rows' residual (one
 * product by each of A, Aᵀ, G, Gᵀ and W⁻²) and a correction of the reduced system (see {@link #finish}).
 * Two such solves can be refined in lockstep ({@link #refine}), sharing each pass over the factor.
 */
final class ReducedRefinement {

    private final int n;
    private final int pe;
    private final int m;
    private final SparseMatrix a;
    private final SparseMatrix g;
    /** The system refined against: its scaling and the accuracy asked for. */
    private final BandedKkt kkt;
    /** W⁻² r_z, G x, the envelope solve's right-hand side and solution, corrections, residuals. */
    final double[] t;
    final double[] gx;
    final double[] rhs;
    final double[] dx;
    final double[] dy;
    final double[] resx;
    final double[] resy;
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

    /**
     * @param kkt the KKT system whose reduced solves this refines (its A, G, scaling and accuracy)
     */
    ReducedRefinement(BandedKkt kkt) {
        this.kkt = kkt;
        n = kkt.n;
        pe = kkt.pe;
        m = kkt.m;
        a = kkt.a;
        g = kkt.g;
        t = new double[m];
        gx = new double[m];
        rhs = new double[n + pe];
        dx = new double[n];
        dy = new double[pe];
        resx = new double[n];
        resy = new double[pe];
    }

    /** Sets up the reduced right-hand side [r_x + Gᵀ t; r_y], t = W⁻² r_z, in rhs. */
    void start(double[] rx, double[] ry, double[] rz, double[] x, double[] y, double[] z, double scale) {
        this.rx = rx;
        this.ry = ry;
        this.rz = rz;
        this.x = x;
        this.y = y;
        this.z = z;
        this.scale = scale;
        kkt.applyTwice(true, rz, t);
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
        KktVectors.add(1, dx, 0, x, n);
        KktVectors.add(1, dy, 0, y, pe);
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
                KktVectors.add(-1, dx, 0, x, n);
                KktVectors.add(-1, dy, 0, y, pe);
                residual();
            }
            finish();
            return false;
        }
        // stagnating above the fallback threshold: the full system will be tried, further steps are wasted
        boolean stagnant = steps > 0 && norm > kkt.failure() * scale && norm > BandedKkt.STAGNANT * last;
        last = norm;
        if (norm < kkt.accuracy() * scale || steps == BandedKkt.REFINEMENT || stagnant) {
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
        kkt.applyTwice(true, gx, z);
        for (int i = 0; i < m; i++) {
            z[i] -= t[i];
        }
        System.arraycopy(rx, 0, resx, 0, n);
        a.transposeTimesAdd(-1, y, resx);
        g.transposeTimesAdd(-1, z, resx);
        System.arraycopy(ry, 0, resy, 0, pe);
        a.times(-1, x, 1, resy);
        return Math.max(KktVectors.maxAbs(resx, n), KktVectors.maxAbs(resy, pe));
    }

    /**
     * The result: the x and y rows' residual. The z row, r_z - G x + W² z, holds up to the rounding of applying W⁻²
     * then W², which an ill-conditioned W amplifies; the solver never applies W² to a solution's z (it takes ds
     * from the primal equation), so that rounding does not reach the iteration and is not checked (checking it would
     * send the last iterations of most programs to the full system for nothing: docs/optimisation.md).
     */
    private void finish() {
        result = last;
    }

    /** Refines one or two reduced solves in lockstep (b may be null), sharing each back-solve's pass over the factor. */
    static void refine(EnvelopeFactor reduced, ReducedRefinement a, ReducedRefinement b) {
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
}
