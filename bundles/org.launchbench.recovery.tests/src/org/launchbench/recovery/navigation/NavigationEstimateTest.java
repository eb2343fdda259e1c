package org.launchbench.recovery.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.Quaternion;

/** The estimate's normalised estimation error squared of position and velocity, against closed forms. */
class NavigationEstimateTest {

    private static NavigationEstimate with(double[][] p) {
        return new NavigationEstimate(0, new Vector3D(3, 0, 0), new Vector3D(0, 0.2, 0), Quaternion.IDENTITY, Vector3D.ZERO, Vector3D.ZERO,
            new double[3][3], new double[3][3], p);
    }

    private static double[][] diagonal(double... variances) {
        double[][] p = new double[ErrorStateFilter.N][ErrorStateFilter.N];
        for (int i = 0; i < ErrorStateFilter.N; i++) {
            p[i][i] = i < variances.length ? variances[i] : 1;
        }
        return p;
    }

    /**
     * Uncorrelated errors: the sum of each error squared over its variance. 3 m off with a 1.5 m sigma and 0.2 m/s off
     * with 0.1 m/s: 4 + 4 = 8; the states beyond velocity do not count.
     */
    @Test
    void uncorrelatedErrorsAddTheirSquaresOverTheirVariances() {
        NavigationEstimate e = with(diagonal(2.25, 1, 1, 1, 0.01, 1, 1e-12));
        assertEquals(8, e.positionVelocityNees(Vector3D.ZERO, Vector3D.ZERO), 1e-12);
    }

    /**
     * Correlated errors: with position x and velocity y correlated by ρ = 0.5 (unit variances), an error (1, 1) has
     * NEES (1 + 1 − 2ρ) / (1 − ρ²) = 4/3, less than the 2 the variances alone would give.
     */
    @Test
    void aCorrelationTheErrorFollowsCountsLess() {
        double[][] p = diagonal(1, 1, 1, 1, 1, 1);
        p[0][4] = 0.5;
        p[4][0] = 0.5;
        NavigationEstimate e = new NavigationEstimate(0, new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), Quaternion.IDENTITY, Vector3D.ZERO,
            Vector3D.ZERO, new double[3][3], new double[3][3], p);
        assertEquals(4.0 / 3, e.positionVelocityNees(Vector3D.ZERO, Vector3D.ZERO), 1e-12);
    }

    /** A covariance that is not positive definite gives no NEES, rather than a number from a singular solve. */
    @Test
    void aCovarianceNotPositiveDefiniteGivesNone() {
        assertTrue(Double.isNaN(with(diagonal(1, 1, 0, 1, 1, 1)).positionVelocityNees(Vector3D.ZERO, Vector3D.ZERO)));
    }
}
