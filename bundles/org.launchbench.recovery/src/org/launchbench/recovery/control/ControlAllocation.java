package org.launchbench.recovery.control;

/**
 * Control allocation: the effector positions u, within their limits, that give a wanted moment B u = m with the least
 * Σ u² when the limits allow, by the redistributed pseudo-inverse (Virnig and Bodden, "Multivariable control
 * allocation and control law conditioning when control effectors limit", AIAA 94-3609, 1994): solve by the
 * minimum-norm pseudo-inverse, fix the effectors that pass a limit at that limit, and solve again for what is left
 * with the others, until none passes or none is left. The moment it cannot give is the caller's to take (RCS) or to
 * report (anti-windup).
 */
public final class ControlAllocation {

    private ControlAllocation() {
    }

    /**
     * @param b      3 × n effectiveness, N m per rad
     * @param wanted the moment wanted, N m
     * @param lower  each effector's lower limit, rad
     * @param upper  each effector's upper limit, rad
     * @return the positions, rad
     */
    public static double[] allocate(double[][] b, double[] wanted, double[] lower, double[] upper) {
        int n = lower.length;
        double[] u = new double[n];
        boolean[] fixed = new boolean[n];
        double[] left = wanted.clone();
        for (int round = 0; round < n; round++) {
            double[] step = minimumNorm(b, left, fixed);
            boolean passed = false;
            for (int j = 0; j < n; j++) {
                if (!fixed[j] && (u[j] + step[j] > upper[j] || u[j] + step[j] < lower[j])) {
                    passed = true;
                }
            }
            if (!passed) {
                for (int j = 0; j < n; j++) {
                    u[j] += step[j];
                }
                return u;
            }
            // fix the effectors that pass at their limits; what they give comes off what is left
            for (int j = 0; j < n; j++) {
                if (!fixed[j] && (u[j] + step[j] > upper[j] || u[j] + step[j] < lower[j])) {
                    double at = u[j] + step[j] > upper[j] ? upper[j] : lower[j];
                    for (int i = 0; i < 3; i++) {
                        left[i] -= b[i][j] * (at - u[j]);
                    }
                    u[j] = at;
                    fixed[j] = true;
                }
            }
        }
        return u;
    }

    /** The least-norm x over the free columns with B x = m, or the least-squares one when B's free columns lack rank. */
    private static double[] minimumNorm(double[][] b, double[] m, boolean[] fixed) {
        int n = fixed.length;
        // x = Bᵀ (B Bᵀ + εI)⁻¹ m: ε (a millionth of the largest diagonal) keeps an axis no effector reaches (roll, say)
        // from blowing up the others
        double[][] bbt = new double[3][3];
        double largest = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    if (!fixed[j]) {
                        s += b[i][j] * b[k][j];
                    }
                }
                bbt[i][k] = s;
            }
            largest = Math.max(largest, bbt[i][i]);
        }
        if (largest == 0) {
            return new double[n];
        }
        for (int i = 0; i < 3; i++) {
            bbt[i][i] += 1e-6 * largest;
        }
        double[] y = solve3(bbt, m);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            if (!fixed[j]) {
                x[j] = b[0][j] * y[0] + b[1][j] * y[1] + b[2][j] * y[2];
            }
        }
        return x;
    }

    /** Cramer's rule on a symmetric positive definite 3 × 3. */
    private static double[] solve3(double[][] a, double[] r) {
        double det = det(a[0][0], a[0][1], a[0][2], a[1][0], a[1][1], a[1][2], a[2][0], a[2][1], a[2][2]);
        double x = det(r[0], a[0][1], a[0][2], r[1], a[1][1], a[1][2], r[2], a[2][1], a[2][2]) / det;
        double y = det(a[0][0], r[0], a[0][2], a[1][0], r[1], a[1][2], a[2][0], r[2], a[2][2]) / det;
        double z = det(a[0][0], a[0][1], r[0], a[1][0], a[1][1], r[1], a[2][0], a[2][1], r[2]) / det;
        return new double[] {x, y, z};
    }

    private static double det(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
