package org.launchbench.optim;

import java.util.Arrays;

/**
 * A second-order cone program in standard form:
 * <pre>
 *   minimise    cᵀx
 *   subject to  A x = b
 *               G x + s = h,   s ∈ K = R₊^l × Q^{q₁} × … × Q^{q_N}
 * </pre>
 * where Q^q = {(u₀, u₁) ∈ R × R^{q-1} : u₀ ≥ ‖u₁‖} is the second-order (Lorentz) cone. Its dual is
 * maximise -hᵀz - bᵀy subject to Gᵀz + Aᵀy + c = 0, z ∈ K. The rows of G and h are ordered as K: first the l
 * orthant rows, then each cone's rows with its "head" u₀ first. Dense matrices, row-major; immutable. A large sparse
 * program is better given as a {@link SparseConeProgram}.
 *
 * @param c        objective, length n
 * @param a        equality constraints, p × n (p may be 0)
 * @param b        right-hand sides, length p
 * @param g        cone constraints, m × n
 * @param h        right-hand sides, length m
 * @param orthant  l, the number of linear inequality rows
 * @param cones    q₁ … q_N, the second-order cones' dimensions (each at least 2)
 */
public record ConeProgram(double[] c, double[][] a, double[] b, double[][] g, double[] h, int orthant, int[] cones) {

    /**
     * @throws IllegalArgumentException when the dimensions disagree
     */
    public ConeProgram {
        int n = c.length;
        SparseConeProgram.checkRows(a.length, b.length, g.length, h.length);
        for (double[] row : a) {
            SparseConeProgram.require(row.length == n, "a row of A has " + row.length + " columns, c has " + n);
        }
        for (double[] row : g) {
            SparseConeProgram.require(row.length == n, "a row of G has " + row.length + " columns, c has " + n);
        }
        SparseConeProgram.checkCones(orthant, cones, g.length);
        c = c.clone();
        b = b.clone();
        h = h.clone();
        a = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
        g = Arrays.stream(g).map(double[]::clone).toArray(double[][]::new);
        cones = cones.clone();
    }

    /** @return n, the number of variables */
    public int variables() {
        return c.length;
    }

    /** @return m, the rows of the cone constraints */
    public int coneRows() {
        return h.length;
    }

    /** @return the same program with sparse A and G, the form {@link SocpSolver} works with */
    public SparseConeProgram toSparse() {
        int n = c.length;
        return new SparseConeProgram(c, SparseMatrix.fromDense(a, n), b, SparseMatrix.fromDense(g, n), h, orthant, cones);
    }

    /** @return the cone's degree: l plus the number of second-order cones */
    public int degree() {
        return orthant + cones.length;
    }
}
