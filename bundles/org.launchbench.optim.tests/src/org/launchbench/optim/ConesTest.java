package org.launchbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The cone algebra the solver rests on, against its defining identities. */
class ConesTest {

    private final Cones k = new Cones(2, new int[] {3, 4});

    /** A random point of the interior of K: positive orthant entries, u₀ above ‖u₁‖ on each cone. */
    private double[] interior(Random rnd) {
        double[] u = new double[k.size()];
        u[0] = 0.1 + rnd.nextDouble();
        u[1] = 0.1 + rnd.nextDouble();
        int at = 2;
        for (int q : new int[] {3, 4}) {
            double norm = 0;
            for (int i = 1; i < q; i++) {
                u[at + i] = rnd.nextGaussian();
                norm += u[at + i] * u[at + i];
            }
            u[at] = Math.sqrt(norm) + 0.1 + rnd.nextDouble();
            at += q;
        }
        return u;
    }

    /**
     * The Nesterov-Todd scaling's defining property W z = W⁻¹ s (= λ), and W W⁻¹ = I, for random interior pairs
     * (Vandenberghe 2010, section 4.1). To rounding: 1e-12 relative.
     */
    @Test
    void theScalingMapsZAndSToTheSamePoint() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            double[] s = interior(rnd);
            double[] z = interior(rnd);
            Cones.Scaling w = k.scaling(s, z);
            double[] wz = w.apply(z);
            double[] ws = w.applyInverse(s);
            double[] back = w.applyInverse(w.apply(s));
            for (int i = 0; i < s.length; i++) {
                assertEquals(wz[i], ws[i], 1e-12 * (1 + Math.abs(wz[i])), "W z = W⁻¹ s at " + i);
                assertEquals(s[i], back[i], 1e-12 * (1 + Math.abs(s[i])), "W⁻¹ W = I at " + i);
            }
            // λ is in the interior, and W² from the dense matrix agrees with W applied twice
            assertEquals(true, k.minEigenvalue(wz) > 0);
            double[][] w2 = w.squared();
            double[] twice = w.apply(w.apply(z));
            for (int i = 0; i < s.length; i++) {
                double row = 0;
                for (int j = 0; j < s.length; j++) {
                    row += w2[i][j] * z[j];
                }
                assertEquals(twice[i], row, 1e-12 * (1 + Math.abs(row)));
            }
        }
    }

    /** λ ∘ (λ \ v) = v, e ∘ v = v: the Jordan product's inverse and identity. */
    @Test
    void divisionUndoesTheJordanProduct() {
        Random rnd = new Random(7);
        double[] lambda = interior(rnd);
        double[] v = new double[k.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        double[] back = k.product(lambda, k.divide(lambda, v));
        double[] same = k.product(k.identity(), v);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], back[i], 1e-12);
            assertEquals(v[i], same[i], 0);
        }
    }

    /** The step to the boundary lands on it: the smallest eigenvalue there is zero. */
    @Test
    void theLongestStepEndsOnTheBoundary() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            double[] u = interior(rnd);
            double[] du = new double[u.length];
            for (int i = 0; i < du.length; i++) {
                du[i] = 3 * rnd.nextGaussian();
            }
            double alpha = k.maxStep(u, du, 1e6);
            if (alpha < 1e6) {
                double[] end = new double[u.length];
                for (int i = 0; i < u.length; i++) {
                    end[i] = u[i] + alpha * du[i];
                }
                assertEquals(0, k.minEigenvalue(end), 1e-9);
            }
        }
    }
}
