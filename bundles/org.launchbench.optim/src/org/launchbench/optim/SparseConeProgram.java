package org.launchbench.optim;

/**
 * A {@link ConeProgram} with sparse constraint matrices: minimise cᵀx subject to A x = b, G x + s = h,
 * s ∈ K = R₊^l × Q^{q₁} × … × Q^{q_N}, the rows of G and h ordered as K. What {@link SocpSolver} works with; a
 * large structured program given this way is never stored dense. Immutable (the vectors are copied).
 *
 * @param c       objective, length n
 * @param a       equality constraints, p × n (p may be 0)
 * @param b       right-hand sides, length p
 * @param g       cone constraints, m × n
 * @param h       right-hand sides, length m
 * @param orthant l, the number of linear inequality rows
 * @param cones   q₁ … q_N, the second-order cones' dimensions (each at least 2)
 */
public record SparseConeProgram(double[] c, SparseMatrix a, double[] b, SparseMatrix g, double[] h, int orthant, int[] cones) {

    /**
     * @throws IllegalArgumentException when the dimensions disagree
     */
    public SparseConeProgram {
        int n = c.length;
        checkRows(a.rows(), b.length, g.rows(), h.length);
        require(a.columns() == n, "A has " + a.columns() + " columns, c has " + n);
        require(g.columns() == n, "G has " + g.columns() + " columns, c has " + n);
        checkCones(orthant, cones, g.rows());
        c = c.clone();
        b = b.clone();
        h = h.clone();
        cones = cones.clone();
    }

    /** The row counts of A and b, G and h agree (shared with {@link ConeProgram}). */
    static void checkRows(int aRows, int bLength, int gRows, int hLength) {
        if (aRows != bLength || gRows != hLength) {
            throw new IllegalArgumentException("A has " + aRows + " rows for " + bLength + " in b; G has " + gRows
                + " rows for " + hLength + " in h");
        }
    }

    /** The orthant and the cones cover G's rows exactly, each cone of dimension 2 or more. */
    static void checkCones(int orthant, int[] cones, int gRows) {
        int m = orthant;
        for (int q : cones) {
            require(q >= 2, "a second-order cone of dimension " + q + " (at least 2)");
            m += q;
        }
        require(orthant >= 0 && m == gRows, "the cones cover " + m + " rows, G has " + gRows);
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    /** @return n, the number of variables */
    public int variables() {
        return c.length;
    }

    /** @return m, the rows of the cone constraints */
    public int coneRows() {
        return h.length;
    }

    /** @return the cone's degree: l plus the number of second-order cones */
    public int degree() {
        return orthant + cones.length;
    }
}
