package org.launchbench.recovery.descent;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The landing guidance's pointing limit: with it, a plan's thrust stays near the retrograde of the plan before it
 * while the stage is fast (the first plan: near its own, solved free first); at the plan's start that axis is the
 * present retrograde exactly, so the first node's thrust is within the limit of it. Here the free plan starts 43° off
 * the retrograde; held to 35° it keeps to it (a limit tighter than about 30° leaves this descent no solution, and
 * the free plan stays in force).
 */
class LandingGuidancePointingTest {

    /** A Falcon 9-like stage 4 km up, falling at 200 m/s and drifting east at 80 m/s, 600 m east of the pad. */
    private static final double[] POSITION = {4000, 600, 0};
    private static final double[] VELOCITY = {-200, 80, 0};

    private static LandingGuidance.Plan plan(double pointingDeg) {
        LandingGuidance g = new LandingGuidance(new LandingGuidance.Config(25_600, 0, 282, Double.NaN, 20, 0.25, 2, null, pointingDeg, 100));
        return g.update(0, POSITION, VELOCITY, 31_000, 0.4 * 845e3, 845e3, new double[] {-9.81, 0, 0});
    }

    private static double fromRetrogradeAtStart(LandingGuidance.Plan p) {
        double[] a = p.acceleration(0);
        double speed = Math.sqrt(VELOCITY[0] * VELOCITY[0] + VELOCITY[1] * VELOCITY[1]);
        double dot = -(a[0] * VELOCITY[0] + a[1] * VELOCITY[1] + a[2] * VELOCITY[2]) / speed;
        return Math.toDegrees(Math.acos(Math.min(1, dot / Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]))));
    }

    @Test
    void theFirstNodesThrustIsWithinTheLimitOfTheRetrograde() {
        LandingGuidance.Plan free = plan(Double.NaN);
        LandingGuidance.Plan held = plan(35);
        assertNotNull(free);
        assertNotNull(held);
        // the limit binds: the free plan pushes further from the retrograde to come back west
        assertTrue(fromRetrogradeAtStart(free) > 35.5, "free " + fromRetrogradeAtStart(free));
        assertTrue(fromRetrogradeAtStart(held) <= 35 + 1e-4, "held " + fromRetrogradeAtStart(held));
    }
}
