package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A rigid body's inertia tensor about its centre of mass in body axes, kg m², with products of inertia as the
 * tensor's off-diagonal terms (I_xy = -∫xy dm, the sign convention of NASA/TM-2015-218675's data files). Symmetric
 * by construction; {@link #check()} says whether it can belong to a real body. Immutable.
 *
 * @param xx I_xx
 * @param yy I_yy
 * @param zz I_zz
 * @param xy tensor element (x, y)
 * @param yz tensor element (y, z)
 * @param zx tensor element (z, x)
 */
public record InertiaTensor(double xx, double yy, double zz, double xy, double yz, double zx) {

    /**
     * @param m a 3×3 matrix, row by row
     * @return the tensor, if the matrix is symmetric to 1e-9 of its largest element
     * @throws IllegalArgumentException if it is not
     */
    public static InertiaTensor of(double[][] m) {
        double scale = 0;
        for (double[] row : m) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double tol = 1e-9 * scale;
        if (Math.abs(m[0][1] - m[1][0]) > tol || Math.abs(m[1][2] - m[2][1]) > tol || Math.abs(m[2][0] - m[0][2]) > tol) {
            throw new IllegalArgumentException("an inertia tensor is symmetric");
        }
        return new InertiaTensor(m[0][0], m[1][1], m[2][2], m[0][1], m[1][2], m[2][0]);
    }

    /**
     * @return null if the tensor can be a real body's, else why not: it must be positive definite (Sylvester's
     *         criterion on the leading minors) and its principal moments must satisfy the triangle inequality
     *         I1 + I2 ≥ I3 (a body's mass lies at non-negative squared distances)
     */
    public String check() {
        double m1 = xx;
        double m2 = xx * yy - xy * xy;
        double m3 = determinant();
        if (!(m1 > 0 && m2 > 0 && m3 > 0)) {
            return "not positive definite";
        }
        // the triangle inequality holds for the principal moments exactly when it holds for the diagonal in every
        // frame; checking the eigenvalues needs them, so use the equivalent: every diagonal element of (tr/2) I - I
        // in the principal frame is >= 0, i.e. the largest eigenvalue <= trace / 2
        double largest = largestEigenvalue();
        double half = (xx + yy + zz) / 2;
        if (largest > half * (1 + 1e-9)) {
            return "not a physical body: its largest principal moment exceeds the sum of the other two";
        }
        return null;
    }

    private double determinant() {
        return xx * (yy * zz - yz * yz) - xy * (xy * zz - yz * zx) + zx * (xy * yz - yy * zx);
    }

    private double largestEigenvalue() {
        // symmetric 3x3: closed form (O. K. Smith, "Eigenvalues of a symmetric 3 x 3 matrix", CACM 4(4), 1961)
        double p1 = xy * xy + yz * yz + zx * zx;
        double q = (xx + yy + zz) / 3;
        double p2 = (xx - q) * (xx - q) + (yy - q) * (yy - q) + (zz - q) * (zz - q) + 2 * p1;
        double p = Math.sqrt(p2 / 6);
        if (p == 0) {
            return q;
        }
        InertiaTensor b = new InertiaTensor((xx - q) / p, (yy - q) / p, (zz - q) / p, xy / p, yz / p, zx / p);
        double r = Math.max(-1, Math.min(1, b.determinant() / 2));
        return q + 2 * p * Math.cos(Math.acos(r) / 3);
    }

    /**
     * @param w a body-axis vector (an angular rate, rad/s)
     * @return I w
     */
    public Vector3D times(Vector3D w) {
        double a = w.getX();
        double b = w.getY();
        double c = w.getZ();
        return new Vector3D(xx * a + xy * b + zx * c, xy * a + yy * b + yz * c, zx * a + yz * b + zz * c);
    }

    /** @return the inverse tensor (the body must be {@link #check() valid}) */
    public InertiaTensor inverse() {
        double det = determinant();
        return new InertiaTensor((yy * zz - yz * yz) / det, (xx * zz - zx * zx) / det, (xx * yy - xy * xy) / det,
            (yz * zx - xy * zz) / det, (xy * zx - xx * yz) / det, (xy * yz - yy * zx) / det);
    }
}
