package org.launchbench.flight.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The limits' validation names the parameter and its range; clamping goes to the nearer stop. */
class ActuatorLimitsTest {

    @Test
    void rejectsCrossedStopsNaNAndNonPositiveRates() {
        assertEquals("positionMax must be in [positionMin, +inf) = [1.0, +inf), was 0.0",
            assertThrows(IllegalArgumentException.class, () -> new ActuatorLimits(1, 0, 1)).getMessage());
        assertEquals("rateMaxPerS must be in (0, +inf], was 0.0",
            assertThrows(IllegalArgumentException.class, () -> new ActuatorLimits(0, 1, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ActuatorLimits(0, 1, Double.NaN))
            .getMessage().contains("rateMaxPerS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ActuatorLimits(Double.NaN, 1, 1))
            .getMessage().contains("positionMin"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new ActuatorLimits(0, Double.POSITIVE_INFINITY, 1)).getMessage().contains("positionMax"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ActuatorLimits.symmetric(-0.1, 1))
            .getMessage().contains("range"));
    }

    @Test
    void clampsToTheNearerStop() {
        ActuatorLimits l = ActuatorLimits.symmetric(0.1, Double.POSITIVE_INFINITY);
        assertTrue(l.isSymmetric());
        assertFalse(new ActuatorLimits(0.4, 1, 1).isSymmetric());
        assertEquals(0.1, l.clamp(3), 0);
        assertEquals(-0.1, l.clamp(-3), 0);
        assertEquals(0.05, l.clamp(0.05), 0);
    }
}
