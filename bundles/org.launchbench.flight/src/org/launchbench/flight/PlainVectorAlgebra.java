package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Dot and cross products as plain sums of products. Hipparchus's {@code Vector3D.dotProduct} and
 * {@code crossProduct} compensate their rounding (MathArrays.linearCombination) at several times the cost; the flight's
 * force models take these products four times a Runge-Kutta step on quantities known to a few digits, where the
 * compensation buys nothing (the check-cases agree with NASA's tools to the same digits either way).
 */
public final class PlainVectorAlgebra {

    private PlainVectorAlgebra() {
    }

    /** @param a a vector; @param b another; @return a · b */
    public static double dot(Vector3D a, Vector3D b) {
        return a.getX() * b.getX() + a.getY() * b.getY() + a.getZ() * b.getZ();
    }

    /** @param a a vector; @param b another; @return a × b */
    public static Vector3D cross(Vector3D a, Vector3D b) {
        return new Vector3D(a.getY() * b.getZ() - a.getZ() * b.getY(), a.getZ() * b.getX() - a.getX() * b.getZ(),
            a.getX() * b.getY() - a.getY() * b.getX());
    }
}
