package org.launchbench.optim;

/**
 * Vector operations on the product cone K = R₊^l × Q^{q₁} × … of a {@link ConeProgram}: Jordan products, the
 * identity, the smallest "eigenvalue", step lengths to the boundary, and Nesterov-Todd scalings (Vandenberghe,
 * "The CVXOPT linear and quadratic cone program solvers", 2010, sections 2 and 4). Package-private machinery of
 * {@link SocpSolver}.
 */
final class Cones {

    private final int orthant;
    private final int[] cones;
    private final int size;

    Cones(int orthant, int[] cones) {
        this.orthant = orthant;
        this.cones = cones.clone();
        int m = orthant;
        for (int q : cones) {
            m += q;
        }
        this.size = m;
    }

    int size() {
        return size;
    }

    int degree() {
        return orthant + cones.length;
    }

    /** @return e, the identity of the Jordan product: ones on the orthant, (1, 0, …) on each cone */
    double[] identity() {
        double[] e = new double[size];
        for (int i = 0; i < orthant; i++) {
            e[i] = 1;
        }
        int k = orthant;
        for (int q : cones) {
            e[k] = 1;
            k += q;
        }
        return e;
    }

    /** out = a e + f u (e the identity; out may be u) */
    void identityPlus(double a, double[] u, double f, double[] out) {
        for (int i = 0; i < size; i++) {
            out[i] = a * 0 + u[i] * f;
        }
        for (int i = 0; i < orthant; i++) {
            out[i] = a * 1 + u[i] * f;
        }
        int k = orthant;
        for (int q : cones) {
            out[k] = a * 1 + u[k] * f;
            k += q;
        }
    }

    /** @return u ∘ v: elementwise on the orthant, (uᵀv, u₀v₁ + v₀u₁) on each cone */
    double[] product(double[] u, double[] v) {
        double[] w = new double[size];
        product(u, v, w);
        return w;
    }

    /** w = u ∘ v (w distinct from u and v) */
    void product(double[] u, double[] v, double[] w) {
        for (int i = 0; i < orthant; i++) {
            w[i] = u[i] * v[i];
        }
        int k = orthant;
        for (int q : cones) {
            double dot = 0;
            for (int i = 0; i < q; i++) {
                dot += u[k + i] * v[k + i];
            }
            w[k] = dot;
            for (int i = 1; i < q; i++) {
                w[k + i] = u[k] * v[k + i] + v[k] * u[k + i];
            }
            k += q;
        }
    }

    /** @return u such that λ ∘ u = v (λ in the interior of K) */
    double[] divide(double[] lambda, double[] v) {
        double[] u = new double[size];
        divide(lambda, v, u);
        return u;
    }

    /** u such that λ ∘ u = v, into u (distinct from λ and v) */
    void divide(double[] lambda, double[] v, double[] u) {
        for (int i = 0; i < orthant; i++) {
            u[i] = v[i] / lambda[i];
        }
        int k = orthant;
        for (int q : cones) {
            double l0 = lambda[k];
            double l1v1 = 0;
            double l1l1 = 0;
            for (int i = 1; i < q; i++) {
                l1v1 += lambda[k + i] * v[k + i];
                l1l1 += lambda[k + i] * lambda[k + i];
            }
            double u0 = (l0 * v[k] - l1v1) / (l0 * l0 - l1l1);
            u[k] = u0;
            for (int i = 1; i < q; i++) {
                u[k + i] = (v[k + i] - u0 * lambda[k + i]) / l0;
            }
            k += q;
        }
    }

    /** @return the smallest eigenvalue of u: min of the orthant entries and of u₀ - ‖u₁‖ over the cones */
    double minEigenvalue(double[] u) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < orthant; i++) {
            min = Math.min(min, u[i]);
        }
        int k = orthant;
        for (int q : cones) {
            min = Math.min(min, u[k] - tailNorm(u, k, q));
            k += q;
        }
        return min;
    }

    /** @return the largest α ≥ 0 (at most max) with u + α du in K, u in the interior */
    double maxStep(double[] u, double[] du, double max) {
        double alpha = max;
        for (int i = 0; i < orthant; i++) {
            if (du[i] < 0) {
                alpha = Math.min(alpha, -u[i] / du[i]);
            }
        }
        int k = orthant;
        for (int q : cones) {
            // (u0 + α du0)² - ‖u1 + α du1‖² ≥ 0 with u0 + α du0 ≥ 0
            double a = du[k] * du[k];
            double b = u[k] * du[k];
            double c = u[k] * u[k];
            for (int i = 1; i < q; i++) {
                a -= du[k + i] * du[k + i];
                b -= u[k + i] * du[k + i];
                c -= u[k + i] * u[k + i];
            }
            b *= 2;
            if (du[k] < 0) {
                alpha = Math.min(alpha, -u[k] / du[k]);
            }
            double root = smallestPositiveRoot(a, b, c);
            alpha = Math.min(alpha, root);
            k += q;
        }
        return Math.max(0, alpha);
    }

    private static double smallestPositiveRoot(double a, double b, double c) {
        // c > 0 (interior); the first α > 0 where a α² + b α + c reaches 0
        if (Math.abs(a) < 1e-300) {
            return b < 0 ? -c / b : Double.POSITIVE_INFINITY;
        }
        double disc = b * b - 4 * a * c;
        if (disc < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double sq = Math.sqrt(disc);
        // numerically stable pair of roots
        double qq = -0.5 * (b + Math.copySign(sq, b));
        double r1 = qq / a;
        double r2 = qq != 0 ? c / qq : Double.POSITIVE_INFINITY;
        double best = Double.POSITIVE_INFINITY;
        if (r1 > 0) {
            best = r1;
        }
        if (r2 > 0) {
            best = Math.min(best, r2);
        }
        return best;
    }

    private static double tailNorm(double[] u, int k, int q) {
        double s = 0;
        for (int i = 1; i < q; i++) {
            s += u[k + i] * u[k + i];
        }
        return Math.sqrt(s);
    }

    /**
     * The Nesterov-Todd scaling of an interior pair (s, z): W with W z = W⁻¹ s = λ (W symmetric). Orthant:
     * W = diag(√(s/z)). Cone: W = η [a qᵀ; q I + q qᵀ/(1 + a)] with (a, q) = w̄, so that W² = η² (2 w̄ w̄ᵀ - J),
     * η = (sᵀJs / zᵀJz)^¼, w̄ = (s̄ + J z̄) / (2γ),
     * γ = √((1 + s̄ᵀz̄) / 2), s̄ and z̄ normalised to unit J-norm (Vandenberghe 2010, section 4.1).
     */
    Scaling scaling(double[] s, double[] z) {
        double[] d = new double[orthant];
        for (int i = 0; i < orthant; i++) {
            d[i] = Math.sqrt(s[i] / z[i]);
        }
        double[][] blocks = new double[cones.length][];
        double[] etas = new double[cones.length];
        int k = orthant;
        for (int c = 0; c < cones.length; c++) {
            int q = cones[c];
            double sj = jnorm2(s, k, q);
            double zj = jnorm2(z, k, q);
            double sn = Math.sqrt(sj);
            double zn = Math.sqrt(zj);
            double dot = 0;
            for (int i = 0; i < q; i++) {
                dot += (s[k + i] / sn) * (z[k + i] / zn);
            }
            double gamma = Math.sqrt((1 + dot) / 2);
            double[] w = new double[q];
            w[0] = (s[k] / sn + z[k] / zn) / (2 * gamma);
            for (int i = 1; i < q; i++) {
                w[i] = (s[k + i] / sn - z[k + i] / zn) / (2 * gamma);
            }
            blocks[c] = w;
            etas[c] = Math.sqrt(sn / zn);
            k += q;
        }
        return new Scaling(d, blocks, etas);
    }

    private static double jnorm2(double[] u, int k, int q) {
        double v = u[k] * u[k];
        for (int i = 1; i < q; i++) {
            v -= u[k + i] * u[k + i];
        }
        return v;
    }

    /** A Nesterov-Todd scaling: the orthant's diagonal and each cone's η and w̄. */
    final class Scaling {
        private final double[] diagonal;
        private final double[][] w;
        private final double[] eta;

        Scaling(double[] diagonal, double[][] w, double[] eta) {
            this.diagonal = diagonal;
            this.w = w;
            this.eta = eta;
        }

        /** @return W u */
        double[] apply(double[] u) {
            double[] out = new double[size];
            apply(u, out, false);
            return out;
        }

        /** @return W⁻¹ u */
        double[] applyInverse(double[] u) {
            double[] out = new double[size];
            apply(u, out, true);
            return out;
        }

        /** out = W u or W⁻¹ u (out and u distinct) */
        void apply(double[] u, double[] out, boolean inverse) {
            for (int i = 0; i < orthant; i++) {
                out[i] = inverse ? u[i] / diagonal[i] : u[i] * diagonal[i];
            }
            int k = orthant;
            for (int c = 0; c < cones.length; c++) {
                applyCone(c, inverse, u, k, out, k);
                k += cones[c];
            }
        }

        /**
         * out = W² u or W⁻² u (out and u distinct), cone by cone through temp (at least the largest cone's
         * dimension long), so that each block's intermediate stays in cache.
         */
        void applyTwice(double[] u, double[] out, boolean inverse, double[] temp) {
            for (int i = 0; i < orthant; i++) {
                double di = diagonal[i];
                out[i] = inverse ? u[i] / di / di : u[i] * di * di;
            }
            int k = orthant;
            for (int c = 0; c < cones.length; c++) {
                applyCone(c, inverse, u, k, temp, 0);
                applyCone(c, inverse, temp, 0, out, k);
                k += cones[c];
            }
        }

        /**
         * out[to …] = W_c u[from …] or W_c⁻¹ u[from …] for cone c's block W_c = η [a qᵀ; q I + q qᵀ/(1 + a)], with
         * (a, q) = w̄: the hyperbolic rotation whose square is 2 w̄ w̄ᵀ - J, applied in this factored form because it
         * keeps its accuracy when w̄ is large (near the boundary), where the explicit 2 w̄ w̄ᵀ - J loses its small
         * eigenvalue to cancellation. Its inverse is (1/η) [a -qᵀ; -q I + q qᵀ/(1 + a)]. Works in place (out = u).
         */
        void applyCone(int c, boolean inverse, double[] u, int from, double[] out, int to) {
            int q = cones[c];
            double[] wb = w[c];
            double av = wb[0];
            double qu = 0;
            for (int i = 1; i < q; i++) {
                qu += wb[i] * u[from + i];
            }
            double sign = inverse ? -1 : 1;
            double f = inverse ? 1 / eta[c] : eta[c];
            double u0 = u[from];
            out[to] = f * (av * u0 + sign * qu);
            double t = qu / (1 + av);
            for (int i = 1; i < q; i++) {
                out[to + i] = f * (sign * wb[i] * u0 + u[from + i] + wb[i] * t);
            }
        }

        /** @return the orthant's i-th entry of the diagonal W */
        double orthantDiagonal(int i) {
            return diagonal[i];
        }

        /** @return the orthant's part of W²: the squares of its diagonal */
        double[] orthantSquared() {
            double[] d2 = new double[orthant];
            for (int i = 0; i < orthant; i++) {
                d2[i] = diagonal[i] * diagonal[i];
            }
            return d2;
        }

        /** @return cone c's block of W² in closed form, η² (2 w̄ w̄ᵀ - J) */
        double[][] coneSquared(int c) {
            int q = cones[c];
            double[] wb = w[c];
            double e2 = eta[c] * eta[c];
            double[][] b = new double[q][q];
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    b[i][j] = e2 * 2 * wb[i] * wb[j];
                }
                b[i][i] += i == 0 ? -e2 : e2;
            }
            return b;
        }

        /** @return WᵀW = W² as a dense m × m matrix (for tests) */
        double[][] squared() {
            double[][] m = new double[size][size];
            double[] d2 = orthantSquared();
            for (int i = 0; i < orthant; i++) {
                m[i][i] = d2[i];
            }
            int k = orthant;
            for (int c = 0; c < cones.length; c++) {
                double[][] b = coneSquared(c);
                for (int i = 0; i < b.length; i++) {
                    System.arraycopy(b[i], 0, m[k + i], k, b.length);
                }
                k += cones[c];
            }
            return m;
        }
    }
}
