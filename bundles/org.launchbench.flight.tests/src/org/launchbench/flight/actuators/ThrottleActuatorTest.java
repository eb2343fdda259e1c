package org.launchbench.flight.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Achieved thrust is throttle position x transient fraction; the throttle is a clamped, rate-limited valve. */
class ThrottleActuatorTest {

    @Test
    void thrustIsThrottleTimesTransient() {
        // throttle 0.4 to 1, 0.5 per s, no lag; ignition 2 s, shutdown 1 s
        ThrottleActuator t = new ThrottleActuator(new ActuatorLimits(0.4, 1, 0.5), 0, 2, 1);
        assertEquals(1, t.throttle(), 0, "the valve starts at throttleMax");
        t.command(0.6);
        t.advance(0.8);
        assertEquals(0.6, t.throttle(), 1e-12, "0.4 of travel at 0.5 per s takes 0.8 s");
        assertEquals(0, t.thrustFraction(), 0, "no thrust before ignition");
        t.ignite();
        t.advance(1.0);
        assertEquals(0.6 * 0.5, t.thrustFraction(), 1e-12, "throttle 0.6 x half-way raised cosine 0.5");
        assertEquals(t.thrustFraction(), t.flowFraction(), 0);
        t.command(1);
        t.advance(0.4);
        double buildUp = (1 - Math.cos(Math.PI * 1.4 / 2)) / 2;
        assertEquals((0.6 + 0.5 * 0.4) * buildUp, t.thrustFraction(), 1e-12, "both move within one interval");
        t.command(0);
        assertEquals(0.4, t.valve().commanded(), 0, "below throttleMin is throttleMin");
    }

    @Test
    void rejectsANegativeThrottleMin() {
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new ThrottleActuator(new ActuatorLimits(-0.1, 1, 1), 0, 1, 1)).getMessage().contains("throttleMin"));
    }
}
