package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A unit quaternion (w, x, y, z), scalar first, taken as the rotation from body axes to the inertial frame:
 * {@code v_inertial = q v_body q*}. Hamilton's convention (J. Diebel, "Representing Attitude: Euler Angles,
 * Unit Quaternions, and Rotation Vectors", Stanford, 2006, eqs. 125 and 90 with the transpose, since Diebel's
 * matrix maps the other way). Immutable.
 *
 * @param w scalar part
 * @param x first vector component
 * @param y second vector component
 * @param z third vector component
 */
public record Quaternion(double w, double x, double y, double z) {

    /** No rotation. */
    public static final Quaternion IDENTITY = new Quaternion(1, 0, 0, 0);

    /** @return the Euclidean norm, 1 for a rotation */
    public double norm() {
        return Math.sqrt(w * w + x * x + y * y + z * z);
    }

    /** @return this quaternion scaled to unit norm (the sign kept: q and -q are the same rotation) */
    public Quaternion normalized() {
        double n = norm();
        return new Quaternion(w / n, x / n, y / n, z / n);
    }

    /**
     * @param b a vector in body axes
     * @return the same vector in the inertial frame
     */
    public Vector3D toInertial(Vector3D b) {
        return rotate(w, x, y, z, b);
    }

    /**
     * @param i a vector in the inertial frame
     * @return the same vector in body axes
     */
    public Vector3D toBody(Vector3D i) {
        return rotate(w, -x, -y, -z, i);
    }

    /** @return the inverse rotation (the conjugate of a unit quaternion) */
    public Quaternion conjugate() {
        return new Quaternion(w, -x, -y, -z);
    }

    /**
     * Hamilton's product: {@code this ⊗ q} is the rotation q followed, in this one's frame, by this one (Solà,
     * "Quaternion kinematics for the error-state Kalman filter", 2017, eq. 12). A body attitude turned by a body-axes
     * rotation δ is {@code attitude ⊗ δ}.
     *
     * @param q the right-hand factor
     * @return the product (not renormalised)
     */
    public Quaternion multiply(Quaternion q) {
        return new Quaternion(w * q.w - x * q.x - y * q.y - z * q.z, w * q.x + x * q.w + y * q.z - z * q.y,
            w * q.y - x * q.z + y * q.w + z * q.x, w * q.z + x * q.y - y * q.x + z * q.w);
    }

    /**
     * @param rotationVector a rotation as axis times angle, rad
     * @return its unit quaternion (Solà 2017, eq. 101: the exponential map), exact at every angle
     */
    public static Quaternion fromRotationVector(Vector3D rotationVector) {
        double angle = rotationVector.getNorm();
        if (angle < 1e-12) {
            // the series to first order: the error is angle² / 8, below 1e-25
            return new Quaternion(1, rotationVector.getX() / 2, rotationVector.getY() / 2, rotationVector.getZ() / 2).normalized();
        }
        double s = Math.sin(angle / 2) / angle;
        return new Quaternion(Math.cos(angle / 2), s * rotationVector.getX(), s * rotationVector.getY(), s * rotationVector.getZ());
    }

    /** @return this rotation as axis times angle (the logarithmic map, angle in [0, π]), rad */
    public Vector3D rotationVector() {
        Quaternion q = w < 0 ? new Quaternion(-w, -x, -y, -z) : this;
        double v = Math.sqrt(q.x * q.x + q.y * q.y + q.z * q.z);
        if (v < 1e-12) {
            return new Vector3D(2 * q.x, 2 * q.y, 2 * q.z);
        }
        double angle = 2 * Math.atan2(v, q.w);
        return new Vector3D(angle / v * q.x, angle / v * q.y, angle / v * q.z);
    }

    private static Vector3D rotate(double w, double x, double y, double z, Vector3D v) {
        // v + 2 w (q_v x v) + 2 q_v x (q_v x v), the rotation without building the matrix
        double vx = v.getX();
        double vy = v.getY();
        double vz = v.getZ();
        double tx = 2 * (y * vz - z * vy);
        double ty = 2 * (z * vx - x * vz);
        double tz = 2 * (x * vy - y * vx);
        return new Vector3D(vx + w * tx + (y * tz - z * ty), vy + w * ty + (z * tx - x * tz), vz + w * tz + (x * ty - y * tx));
    }

    /**
     * The quaternion of a rotation matrix given by the body axes' inertial components (the matrix's columns), by
     * Shepperd's method (S. W. Shepperd, "Quaternion from rotation matrix", J. Guidance and Control 1(3), 1978),
     * which divides by the largest of the four candidate squares and so stays accurate at every angle.
     *
     * @param xAxis body x in the inertial frame, unit
     * @param yAxis body y in the inertial frame, unit
     * @param zAxis body z in the inertial frame, unit
     * @return the rotation from body to inertial
     */
    public static Quaternion fromAxes(Vector3D xAxis, Vector3D yAxis, Vector3D zAxis) {
        double m00 = xAxis.getX();
        double m10 = xAxis.getY();
        double m20 = xAxis.getZ();
        double m01 = yAxis.getX();
        double m11 = yAxis.getY();
        double m21 = yAxis.getZ();
        double m02 = zAxis.getX();
        double m12 = zAxis.getY();
        double m22 = zAxis.getZ();
        double trace = m00 + m11 + m22;
        Quaternion q;
        if (trace >= m00 && trace >= m11 && trace >= m22) {
            double s = 2 * Math.sqrt(1 + trace);
            q = new Quaternion(0.25 * s, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s);
        } else if (m00 >= m11 && m00 >= m22) {
            double s = 2 * Math.sqrt(1 + m00 - m11 - m22);
            q = new Quaternion((m21 - m12) / s, 0.25 * s, (m01 + m10) / s, (m02 + m20) / s);
        } else if (m11 >= m22) {
            double s = 2 * Math.sqrt(1 + m11 - m00 - m22);
            q = new Quaternion((m02 - m20) / s, (m01 + m10) / s, 0.25 * s, (m12 + m21) / s);
        } else {
            double s = 2 * Math.sqrt(1 + m22 - m00 - m11);
            q = new Quaternion((m10 - m01) / s, (m02 + m20) / s, (m12 + m21) / s, 0.25 * s);
        }
        return q.normalized();
    }
}
