package org.launchbench.optim;

import java.util.Arrays;

/**
 * The robust path's solve: the full regularised KKT matrix [δI Aᵀ Gᵀ; A -δI 0; G 0 -W² - δI] back-solved and refined
 * against the full unregularised system [0 Aᵀ Gᵀ; A 0 0; G 0 -W²] (see {@link BandedKkt}). It never forms W⁻², so it
 * holds when W is too ill-conditioned for the reduced system.
 */
final class FullRefinement {

    private final int n;
    private final int pe;
    private final int m;
    private final SparseMatrix a;
    private final SparseMatrix g;
    private final EnvelopeFactor full;
    /** The system refined against: its scaling and the accuracy asked for. */
    private final BandedKkt kkt;
    /** The envelope solves' right-hand side and the residual's rows. */
    private final double[] rhs;
    private final double[] resx;
    private final double[] resy;
    private final double[] resz;

    /**
     * @param kkt  the KKT system (its A, G, scaling and accuracy)
     * @param full the full matrix's factorisation
     */
    FullRefinement(BandedKkt kkt, EnvelopeFactor full) {
        this.kkt = kkt;
        this.full = full;
        n = kkt.n;
        pe = kkt.pe;
        m = kkt.m;
        a = kkt.a;
        g = kkt.g;
        rhs = new double[n + pe + m];
        resx = new double[n];
        resy = new double[pe];
        resz = new double[m];
    }

    /** The full regularised system, refined against the full unregularised one; @return the final residual's max norm */
    double solve(double[] rx, double[] ry, double[] rz, double[] x, double[] y, double[] z, double scale) {
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
                KktVectors.add(1, rhs, 0, x, n);
                KktVectors.add(1, rhs, n, y, pe);
                KktVectors.add(1, rhs, n + pe, z, m);
            } else {
                System.arraycopy(rhs, 0, x, 0, n);
                System.arraycopy(rhs, n, y, 0, pe);
                System.arraycopy(rhs, n + pe, z, 0, m);
            }
            double norm = residual(rx, ry, rz, x, y, z);
            if (!(norm < last)) {
                // the last correction did not help: take it back (still in rhs)
                if (it > 0) {
                    KktVectors.add(-1, rhs, 0, x, n);
                    KktVectors.add(-1, rhs, n, y, pe);
                    KktVectors.add(-1, rhs, n + pe, z, m);
                }
                return Double.isNaN(norm) ? norm : it > 0 ? last : norm;
            }
            if (norm < kkt.accuracy() * scale || it == BandedKkt.REFINEMENT) {
                return norm;
            }
            last = norm;
            System.arraycopy(resx, 0, rhs, 0, n);
            System.arraycopy(resy, 0, rhs, n, pe);
            System.arraycopy(resz, 0, rhs, n + pe, m);
        }
    }

    /** The residual of the full unregularised system [0 Aᵀ Gᵀ; A 0 0; G 0 -W²] into resx, resy, resz; @return its max norm */
    private double residual(double[] rx, double[] ry, double[] rz, double[] x, double[] y, double[] z) {
        System.arraycopy(rx, 0, resx, 0, n);
        a.transposeTimesAdd(-1, y, resx);
        g.transposeTimesAdd(-1, z, resx);
        System.arraycopy(ry, 0, resy, 0, pe);
        a.times(-1, x, 1, resy);
        kkt.applyTwice(false, z, resz);
        for (int i = 0; i < m; i++) {
            resz[i] += rz[i];
        }
        g.times(-1, x, 1, resz);
        return Math.max(KktVectors.maxAbs(resx, n), Math.max(KktVectors.maxAbs(resy, pe), KktVectors.maxAbs(resz, m)));
    }
}
