package org.launchbench.recovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The redistributed pseudo-inverse on cases worked by hand. */
class ControlAllocationTest {

    /** Two equal effectors on one axis share the moment equally (the least Σ u²); the other axes get nothing. */
    @Test
    void withinTheLimitsTheMomentIsGivenWithTheLeastDeflection() {
        double[][] b = {{0, 0}, {2, 2}, {0, 0}};
        double[] u = ControlAllocation.allocate(b, new double[] {0, 1, 0}, new double[] {-1, -1}, new double[] {1, 1});
        assertEquals(0.25, u[0], 1e-6);
        assertEquals(0.25, u[1], 1e-6);
    }

    /**
     * The stronger effector alone would take most of it and pass its limit: it is held at the limit and the other
     * gives the rest. y: 4 u0 + 1 u1 = 2 with u0 ≤ 0.3 → u0 = 0.3, u1 = 0.8.
     */
    @Test
    void anEffectorThatPassesItsLimitIsHeldThereAndTheOthersGiveTheRest() {
        double[][] b = {{0, 0}, {4, 1}, {0, 0}};
        double[] u = ControlAllocation.allocate(b, new double[] {0, 2, 0}, new double[] {-0.3, -1}, new double[] {0.3, 1});
        assertEquals(0.3, u[0], 1e-9);
        assertEquals(0.8, u[1], 1e-5);
    }

    /** More than all of them can give: every one at its limit, on the side that helps. */
    @Test
    void whenNothingIsLeftEveryEffectorIsAtItsLimit() {
        double[][] b = {{0, 0}, {1, -1}, {0, 0}};
        double[] u = ControlAllocation.allocate(b, new double[] {0, 10, 0}, new double[] {-0.5, -0.5}, new double[] {0.5, 0.5});
        assertEquals(0.5, u[0], 1e-9);
        assertEquals(-0.5, u[1], 1e-9);
    }
}
