package org.launchbench.flight.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The gimbal's circular limit scales a pair beyond the range back onto the circle, keeping its direction; without
 * it each axis stops at the range on its own (a square). Tolerances of 1e-15 on 0.1 rad are rounding of one
 * hypot and one product.
 */
class GimbalActuatorTest {

    private static final double RANGE = 0.1;

    @Test
    void circularLimitScalesTheCommandOntoTheCircle() {
        GimbalActuator g = GimbalActuator.firstOrder(ActuatorLimits.symmetric(RANGE, Double.POSITIVE_INFINITY), 0, true);
        g.command(0.1, 0.1);
        assertEquals(RANGE / Math.sqrt(2), g.pitchAxis().commanded(), 1e-15, "(0.1, 0.1) scaled by 0.1 / 0.1414");
        assertEquals(RANGE / Math.sqrt(2), g.yawAxis().commanded(), 1e-15);
        g.advance(0.01);
        assertEquals(RANGE, g.deflection(), 1e-15, "the achieved pair is on the circle");
        g.command(0.03, -0.04);
        g.advance(0.01);
        assertEquals(0.03, g.pitch(), 0, "a pair within the circle is untouched");
        assertEquals(-0.04, g.yaw(), 0);
    }

    @Test
    void withoutTheCircularLimitTheCornerIsReached() {
        GimbalActuator g = GimbalActuator.firstOrder(ActuatorLimits.symmetric(RANGE, Double.POSITIVE_INFINITY), 0, false);
        g.command(0.5, 0.5);
        g.advance(0.01);
        assertEquals(RANGE, g.pitch(), 0, "each axis stops at the range");
        assertEquals(RANGE * Math.sqrt(2), g.deflection(), 1e-15, "the square's corner");
    }

    @Test
    void overshootIsHeldOnTheCircle() {
        // zeta = 0.2 overshoots a step by 52.7 %: a command on the circle carries the nozzle out along the diagonal
        GimbalActuator g = GimbalActuator.secondOrder(ActuatorLimits.symmetric(RANGE, Double.POSITIVE_INFINITY), 30, 0.2, true);
        g.command(1, 1);
        double largest = 0;
        for (int k = 0; k < 2000; k++) {
            g.advance(0.001);
            largest = Math.max(largest, g.deflection());
            assertEquals(g.pitch(), g.yaw(), 1e-15, "the direction is kept");
        }
        assertEquals(RANGE, largest, 1e-15, "the overshoot ends on the circle, not on the per-axis stops");
        assertEquals(RANGE, g.deflection(), 1e-9, "it met the ring at the scaled command itself, rates zeroed, so it rests there");
    }

    @Test
    void rejectsMismatchedOrAsymmetricAxes() {
        ActuatorLimits l = ActuatorLimits.symmetric(RANGE, 1);
        assertThrows(IllegalArgumentException.class, () -> new GimbalActuator(FirstOrderActuator.atRest(l, 0.1),
            FirstOrderActuator.atRest(ActuatorLimits.symmetric(0.2, 1), 0.1), false));
        ActuatorLimits offset = new ActuatorLimits(-0.05, 0.1, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GimbalActuator.firstOrder(offset, 0.1, true))
            .getMessage().contains("symmetric"));
        GimbalActuator g = GimbalActuator.firstOrder(l, 0.1, true);
        assertThrows(IllegalArgumentException.class, () -> g.reset(0.09, 0.09), "0.127 is beyond the circle");
    }
}
