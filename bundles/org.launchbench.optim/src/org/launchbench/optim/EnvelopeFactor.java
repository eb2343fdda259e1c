package org.launchbench.optim;

import java.util.Arrays;

/**
 * A symmetric quasi-definite matrix of a {@link EnvelopeShape}, factorised as L D Lᵀ in its envelope: L below the diagonal
 * and D on it after {@link #factorise}.
 */
final class EnvelopeFactor {
    final int size;
    final int positives;
    /** perm[new] = old. */
    final int[] perm;
    final int[] first;
    final int[] offset;
    final double[] values;
    final double[] d;
    final double[] work;
    final double[] work2;
    final int bandwidth;

    EnvelopeFactor(EnvelopeShape shape) {
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
            values[offset[i] + i] = perm[i] < positives ? BandedKkt.REGULARISATION : -BandedKkt.REGULARISATION;
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
            if (positive ? di < BandedKkt.PIVOT_FLOOR : di > -BandedKkt.PIVOT_FLOOR) {
                di = positive ? BandedKkt.REGULARISATION : -BandedKkt.REGULARISATION;
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
}
