package org.launchbench.optim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A primal-dual interior-point solver for {@link ConeProgram}s: the homogeneous self-dual embedding (which finds
 * an optimum or a certificate of primal or dual infeasibility without a feasible starting point), Nesterov-Todd
 * scaling and Mehrotra's predictor-corrector, as in CVXOPT's conelp (Vandenberghe 2010) and ECOS (Domahidi, Chu and
 * Boyd, ECC 2013), the family of the custom solvers that fly (Dueri et al., JGCD 40(2), 2017). The KKT systems are
 * solved by {@link BandedKkt}: cone rows eliminated (a full-system fallback when W is too ill-conditioned for that),
 * an ordering (reverse Cuthill-McKee or Sloan's, whichever factorises cheaper) analysed once per sparsity pattern (and
 * kept for the next program that has it), envelope L D Lᵀ of the regularised quasi-definite matrix refilled each
 * iteration, iterative refinement. Sparse programs ({@link SparseConeProgram}) are never made dense.
 * The iteration's vectors are allocated once per solve. Thread-safe: a solve keeps its state on the stack, and the
 * structures kept are immutable, in a concurrent map.
 */
public final class SocpSolver {

    /**
     * Tolerances and limits.
     *
     * @param feasibility   relative primal and dual residual at which a point counts as feasible
     * @param absoluteGap   duality gap sᵀz at which it counts as optimal
     * @param relativeGap   duality gap relative to the objective at which it counts as optimal
     * @param maxIterations iteration limit
     * @param stallIterations iterations without halving the distance to an answer after which a solve stops as
     *                        {@link Status#STALLED} (at least 1)
     */
    public record Settings(double feasibility, double absoluteGap, double relativeGap, int maxIterations, int stallIterations) {
        /** 1e-8 for all three tolerances, 100 iterations (ECOS's and CVXOPT's defaults are of this order). */
        public static final Settings DEFAULT = new Settings(1e-8, 1e-8, 1e-8, 100);

        /** Settings that stop a stalled solve after {@link SocpSolver#STALL_ITERATIONS}. */
        public Settings(double feasibility, double absoluteGap, double relativeGap, int maxIterations) {
            this(feasibility, absoluteGap, relativeGap, maxIterations, STALL_ITERATIONS);
        }

        /** @throws IllegalArgumentException for fewer than one stall iteration */
        public Settings {
            if (stallIterations < 1) {
                throw new IllegalArgumentException("stallIterations must be at least 1, not " + stallIterations);
            }
        }
    }

    /** How a solve ended. */
    public enum Status {
        /** An optimum within the tolerances. */
        OPTIMAL,
        /** No x satisfies the constraints; y and z are a certificate (Gᵀz + Aᵀy = 0, hᵀz + bᵀy = -1, z ∈ K). */
        PRIMAL_INFEASIBLE,
        /** The objective is unbounded below; x and s are a certificate (Ax = 0, Gx + s = 0, cᵀx = -1, s ∈ K). */
        DUAL_INFEASIBLE,
        /** The iteration limit was reached first. */
        MAX_ITERATIONS,
        /**
         * No progress for {@link Settings#stallIterations} iterations: neither the residuals and gap nor an infeasibility
         * certificate came closer. Typical of a program on the boundary of feasibility (weakly infeasible, or feasible
         * with no interior), where τ and κ both go to zero and no certificate exists at the tolerances.
         */
        STALLED,
        /** A step became too short or a factorisation failed. */
        NUMERICAL_PROBLEM
    }

    /**
     * A solve's outcome.
     *
     * @param status         how it ended
     * @param x              primal variables (or the unboundedness certificate)
     * @param y              multipliers of A x = b (or part of the infeasibility certificate)
     * @param z              multipliers of the cone constraints (or part of the infeasibility certificate)
     * @param s              cone slacks
     * @param primalObjective cᵀx
     * @param dualObjective  -hᵀz - bᵀy
     * @param iterations     interior-point iterations
     * @param primalResidual relative primal residual at the end
     * @param dualResidual   relative dual residual at the end
     * @param gap            duality gap sᵀz at the end
     */
    public record Result(Status status, double[] x, double[] y, double[] z, double[] s, double primalObjective,
                         double dualObjective, int iterations, double primalResidual, double dualResidual, double gap) {
    }

    /** Fraction of the step to the boundary taken. */
    private static final double STEP_FRACTION = 0.99;
    /**
     * The KKT solves are refined to this fraction of the larger of the relative primal and dual residuals (inexact
     * Newton: Dembo, Eisenstat and Steihaug, SIAM J. Numer. Anal. 19(2), 1982; a direction needs no more accuracy
     * than the residuals it is to reduce), between {@link #FINEST} and {@link #COARSEST}. How 1e-4 was chosen, and why
     * 1e-3 is too coarse: docs/optimisation.md, "Inexact KKT solves, as measured".
     */
    static final double INEXACT = 1e-4;
    /**
     * The least accurate KKT solve, relative. The reduced system falls back to the full one only when it cannot reach
     * the accuracy asked for (or 1e-8, whichever is coarser), so early iterations are not refined beyond their need.
     */
    static final double COARSEST = 1e-4;
    /**
     * The most accurate KKT solve the iteration asks for, relative: refinement beyond it, towards rounding level,
     * changes neither the iterations nor the optimum (docs/optimisation.md).
     */
    private static final double FINEST = 1e-10;

    /**
     * A solve stops as {@link Status#STALLED} when this many iterations have not halved the distance to an answer (the
     * larger of the residuals and the gap, or an infeasibility certificate's residual, whichever is nearer). Solves
     * that converge halve it every iteration or two; on the boundary of feasibility the iteration crawls (a powered
     * descent re-solved a few seconds from touchdown with just too little time, docs/optimisation.md). Fewer would stop
     * the slow middle iterations of a solve at 1e-8 as stalled; a caller that stops at coarser tolerances can stop
     * sooner ({@link Settings#stallIterations}).
     */
    public static final int STALL_ITERATIONS = 8;

    private final Settings settings;
    /**
     * The KKT structures of the programs solved so far, by sparsity pattern: a time-of-flight search or a closed loop
     * solves dozens of programs of one pattern, and the ordering and envelope analysis was a tenth of a small solve.
     */
    private final Map<KktPattern, KktStructure> structures = new ConcurrentHashMap<>();

    /** A solver with the default settings. */
    public SocpSolver() {
        this(Settings.DEFAULT);
    }

    /** @param settings tolerances and limits */
    public SocpSolver(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param p the program
     * @return the outcome (never throws for an infeasible or unbounded program: see the status)
     */
    public Result solve(ConeProgram p) {
        return solve(p.toSparse());
    }

    /**
     * @param p the program, with sparse A and G
     * @return the outcome (never throws for an infeasible or unbounded program: see the status)
     */
    public Result solve(SparseConeProgram p) {
        int n = p.variables();
        int pe = p.b().length;
        int m = p.coneRows();
        BandedKkt kkt = new BandedKkt(p, KktStructure.of(structures, p));
        SparseMatrix sa = kkt.a;
        SparseMatrix sg = kkt.g;
        Cones k = new Cones(p.orthant(), p.cones());
        double[] c = p.c();
        double[] b = p.b();
        double[] h = p.h();
        double resx0 = Math.max(1, norm(c));
        double resy0 = Math.max(1, norm(b));
        double resz0 = Math.max(1, norm(h));

        // starting point (Vandenberghe 2010, section 5.3): least-norm s and z from the KKT system with W = I
        kkt.factor(null);
        double[][] primal = kkt.solve(new double[n], b, h);
        double[][] dual = kkt.solve(scale(c, -1), new double[pe], new double[m]);
        if (primal == null || dual == null) {
            return new Result(Status.NUMERICAL_PROBLEM, null, null, null, null, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN,
                Double.NaN);
        }
        double[] x = primal[0];
        double[] s = scale(primal[2], -1);
        double[] y = dual[1];
        double[] z = dual[2];
        double[] e = k.identity();
        double ts = -k.minEigenvalue(s);
        if (ts >= -1e-8 * Math.max(norm(s), 1)) {
            s = axpy(1 + ts, e, s);
        }
        double tz = -k.minEigenvalue(z);
        if (tz >= -1e-8 * Math.max(norm(z), 1)) {
            z = axpy(1 + tz, e, z);
        }
        double tau = 1;
        double kappa = 1;

        double pres = Double.NaN;
        double dres = Double.NaN;
        double gap = Double.NaN;
        // the iteration's vectors, allocated once (same arithmetic as fresh ones)
        double[] hrx = new double[n];
        double[] rx = new double[n];
        double[] hry = new double[pe];
        double[] ry = new double[pe];
        double[] hrz = new double[m];
        double[] rz = new double[m];
        double[] lambda = new double[m];
        double[] lambda2 = new double[m];
        double[] corr = new double[m];
        double[] cw1 = new double[m];
        double[] cw2 = new double[m];
        double[] negC = scale(c, -1);
        double[][] d2 = {new double[n], new double[pe], new double[m]};
        Work work = new Work(n, pe, m);
        Direction affine = new Direction(n, pe, m);
        Direction combined = new Direction(n, pe, m);
        // the distance to an answer last halved, and when
        double reference = Double.POSITIVE_INFINITY;
        int referenceIteration = 0;
        for (int it = 0; it <= settings.maxIterations(); it++) {
            // residuals of the embedding
            java.util.Arrays.fill(hrx, 0);
            sa.transposeTimesAdd(1, y, hrx);
            sg.transposeTimesAdd(1, z, hrx);
            axpy(tau, c, hrx, rx);
            java.util.Arrays.fill(hry, 0);
            sa.times(1, x, 0, hry);
            axpy(-tau, b, hry, ry);
            System.arraycopy(s, 0, hrz, 0, m);
            sg.times(1, x, 1, hrz);
            axpy(-tau, h, hrz, rz);
            double cx = dot(c, x);
            double by = dot(b, y);
            double hz = dot(h, z);
            double rt = kappa + cx + by + hz;
            gap = dot(s, z);
            double mu = (gap + tau * kappa) / (k.degree() + 1);
            double pcost = cx / tau;
            double dcost = -(by + hz) / tau;
            pres = Math.max(norm(ry) / tau / resy0, norm(rz) / tau / resz0);
            dres = norm(rx) / tau / resx0;
            double relgap = pcost < 0 ? gap / tau / tau / -pcost : dcost > 0 ? gap / tau / tau / dcost : Double.NaN;
            double pinf = by + hz < 0 ? norm(hrx) / resx0 / -(by + hz) : Double.NaN;
            double dinf = cx < 0 ? Math.max(norm(hry) / resy0, norm(hrz) / resz0) / -cx : Double.NaN;

            if (pres <= settings.feasibility() && dres <= settings.feasibility()
                && (gap / (tau * tau) <= settings.absoluteGap() || relgap <= settings.relativeGap())) {
                return new Result(Status.OPTIMAL, scale(x, 1 / tau), scale(y, 1 / tau), scale(z, 1 / tau), scale(s, 1 / tau),
                    pcost, dcost, it, pres, dres, gap / (tau * tau));
            }
            if (pinf <= settings.feasibility()) {
                double f = 1 / -(by + hz);
                return new Result(Status.PRIMAL_INFEASIBLE, null, scale(y, f), scale(z, f), null, Double.NaN, Double.NaN, it,
                    pres, dres, gap);
            }
            if (dinf <= settings.feasibility()) {
                double f = 1 / -cx;
                return new Result(Status.DUAL_INFEASIBLE, scale(x, f), null, null, scale(s, f), Double.NaN, Double.NaN, it, pres,
                    dres, gap);
            }
            if (it == settings.maxIterations()) {
                break;
            }
            // the nearer infeasibility certificate's residual (+∞ while neither is defined)
            double certificate = Math.min(pinf >= 0 ? pinf : Double.POSITIVE_INFINITY, dinf >= 0 ? dinf : Double.POSITIVE_INFINITY);
            double absgap = gap / (tau * tau);
            double gapDistance = Double.isNaN(relgap) ? absgap : Math.min(absgap, relgap);
            double distance = Math.min(Math.max(Math.max(pres, dres), gapDistance), certificate);
            if (distance < reference / 2) {
                reference = distance;
                referenceIteration = it;
            } else if (it - referenceIteration >= settings.stallIterations()) {
                return new Result(Status.STALLED, scale(x, 1 / tau), scale(y, 1 / tau), scale(z, 1 / tau), scale(s, 1 / tau), pcost,
                    dcost, it, pres, dres, absgap);
            }

            Cones.Scaling w = k.scaling(s, z);
            w.apply(z, lambda, false);
            k.product(lambda, lambda, lambda2);
            kkt.factor(w);
            // as accurate as the measure that is converging needs: the residuals, or a certificate of infeasibility
            double progress = Math.min(Math.max(pres, dres), certificate);
            kkt.setAccuracy(Math.max(FINEST, Math.min(COARSEST, INEXACT * progress)));

            // predictor (σ = 0, solved together with (-c, b, h)), then corrector with Mehrotra's second-order term
            if (!direction(p, k, kkt, negC, d2, w, lambda, lambda2, rx, ry, rz, rt, tau, kappa, mu, 0, null, 0, work, affine)) {
                return numerical(x, y, z, s, tau, it, pres, dres, gap);
            }
            double alphaAff = step(k, s, z, tau, kappa, affine, 1);
            double sigma = Math.pow(1 - alphaAff, 3);
            w.apply(affine.ds, cw1, true);
            w.apply(affine.dz, cw2, false);
            k.product(cw1, cw2, corr);
            if (!direction(p, k, kkt, null, d2, w, lambda, lambda2, rx, ry, rz, rt, tau, kappa, mu, sigma, corr,
                affine.dtau * affine.dkappa, work, combined)) {
                return numerical(x, y, z, s, tau, it, pres, dres, gap);
            }
            double alpha = STEP_FRACTION * step(k, s, z, tau, kappa, combined, 1 / STEP_FRACTION);
            alpha = Math.min(alpha, 1);
            if (alpha < 1e-12) {
                return numerical(x, y, z, s, tau, it, pres, dres, gap);
            }
            axpy(alpha, combined.dx, x, x);
            axpy(alpha, combined.dy, y, y);
            axpy(alpha, combined.dz, z, z);
            axpy(alpha, combined.ds, s, s);
            tau += alpha * combined.dtau;
            kappa += alpha * combined.dkappa;
        }
        return new Result(Status.MAX_ITERATIONS, scale(x, 1 / tau), scale(y, 1 / tau), scale(z, 1 / tau), scale(s, 1 / tau),
            dot(c, x) / tau, -(dot(b, y) + dot(h, z)) / tau, settings.maxIterations(), pres, dres, gap);
    }

    private static Result numerical(double[] x, double[] y, double[] z, double[] s, double tau, int it, double pres, double dres,
                                    double gap) {
        return new Result(Status.NUMERICAL_PROBLEM, scale(x, 1 / tau), scale(y, 1 / tau), scale(z, 1 / tau), scale(s, 1 / tau),
            Double.NaN, Double.NaN, it, pres, dres, gap);
    }

    /** A search direction of the embedding (its vectors reused from iteration to iteration). */
    private static final class Direction {
        final double[] dx;
        final double[] dy;
        final double[] dz;
        final double[] ds;
        double dtau;
        double dkappa;

        Direction(int n, int pe, int m) {
            dx = new double[n];
            dy = new double[pe];
            dz = new double[m];
            ds = new double[m];
        }
    }

    /** Work vectors of {@link #direction}. */
    private static final class Work {
        final double[] ds;
        final double[] wl;
        final double[] ux;
        final double[] uy;
        final double[] uz;
        final double[] d1x;
        final double[] d1y;
        final double[] d1z;
        final double[] temp;

        Work(int n, int pe, int m) {
            ds = new double[m];
            wl = new double[m];
            ux = new double[n];
            uy = new double[pe];
            uz = new double[m];
            d1x = new double[n];
            d1y = new double[pe];
            d1z = new double[m];
            temp = new double[m];
        }
    }

    /**
     * The Newton direction for centring σ, into d: the linear residuals reduced by (1 - σ), the complementarity
     * λ ∘ (W dz + W⁻ᵀ ds) = -λ∘λ + σμe - corr and κ dτ + τ dκ = -τκ + σμ - corrτ, eliminated into the KKT system
     * (solved once for the right-hand side and once, per iteration, for (-c, b, h), which gives dτ).
     *
     * @param negC -c when d2 is to be solved (for (-c, b, h), together with this direction's system), null when it has
     *             been
     * @return false if the KKT solve failed
     */
    private static boolean direction(SparseConeProgram p, Cones k, BandedKkt kkt, double[] negC, double[][] d2, Cones.Scaling w,
                                     double[] lambda, double[] lambda2, double[] rx, double[] ry, double[] rz, double rt,
                                     double tau, double kappa, double mu, double sigma, double[] corr, double corrTau, Work v,
                                     Direction d) {
        double[] ds = v.ds;
        k.identityPlus(sigma * mu, lambda2, -1, ds);
        if (corr != null) {
            axpy(-1, corr, ds, ds);
        }
        double dk = -tau * kappa + sigma * mu - corrTau;
        double f = 1 - sigma;
        // ds = W (λ \ ds_rhs) - W² dz   (W symmetric)
        k.divide(lambda, ds, v.temp);
        double[] wl = v.wl;
        w.apply(v.temp, wl, false);
        for (int i = 0; i < rx.length; i++) {
            v.ux[i] = rx[i] * -f;
        }
        for (int i = 0; i < ry.length; i++) {
            v.uy[i] = ry[i] * -f;
        }
        for (int i = 0; i < rz.length; i++) {
            v.uz[i] = -1 * wl[i] + rz[i] * -f;
        }
        double[] c = p.c();
        double[] b = p.b();
        double[] h = p.h();
        if (negC != null ? !kkt.solve(negC, b, h, d2[0], d2[1], d2[2], v.ux, v.uy, v.uz, v.d1x, v.d1y, v.d1z)
            : !kkt.solve(v.ux, v.uy, v.uz, v.d1x, v.d1y, v.d1z)) {
            return false;
        }
        double num = -f * rt - dk / tau - dot(c, v.d1x) - dot(b, v.d1y) - dot(h, v.d1z);
        double den = dot(c, d2[0]) + dot(b, d2[1]) + dot(h, d2[2]) - kappa / tau;
        double dtau = num / den;
        axpy(dtau, d2[0], v.d1x, d.dx);
        axpy(dtau, d2[1], v.d1y, d.dy);
        axpy(dtau, d2[2], v.d1z, d.dz);
        // ds from the linearised primal equation, ds + G dx - h dτ = -(1 - σ) r_z, rather than as W(λ \ ·) - W² dz
        // (equal while the KKT system's z row holds): near the end W² is ill-conditioned and applying it to dz
        // amplifies the z row's rounding into ds (docs/optimisation.md, "ds from the primal equation")
        p.g().times(-1, d.dx, 0, d.ds);
        for (int i = 0; i < rz.length; i++) {
            d.ds[i] += dtau * h[i] - f * rz[i];
        }
        d.dtau = dtau;
        d.dkappa = (dk - kappa * dtau) / tau;
        return true;
    }

    private static double step(Cones k, double[] s, double[] z, double tau, double kappa, Direction d, double max) {
        double alpha = Math.min(k.maxStep(s, d.ds, max), k.maxStep(z, d.dz, max));
        if (d.dtau < 0) {
            alpha = Math.min(alpha, -tau / d.dtau);
        }
        if (d.dkappa < 0) {
            alpha = Math.min(alpha, -kappa / d.dkappa);
        }
        return alpha;
    }

    // small dense vector helpers
    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double[] scale(double[] a, double f) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * f;
        }
        return r;
    }

    /** out = alpha u + v (out may be u or v) */
    private static void axpy(double alpha, double[] u, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            out[i] = alpha * u[i] + v[i];
        }
    }

    /** @return alpha u + v */
    private static double[] axpy(double alpha, double[] u, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = alpha * u[i] + v[i];
        }
        return r;
    }
}
