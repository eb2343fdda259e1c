package org.launchbench.flight.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The valve's minimum impulse bit and delays, with intervals that do not divide the on-times, so the valve opens
 * and closes inside intervals. Times are sums of a few steps; 1e-15 s bounds their rounding.
 */
class RcsValveTest {

    private static final double ROUNDING_S = 1e-15;

    @Test
    void aOneMillisecondCommandYieldsTheMinimumOnTime() {
        RcsValve v = RcsValve.withoutDelays(0.020);
        v.command(true);
        v.advance(0.001);
        assertTrue(v.isOpen());
        assertEquals(1, v.impulseFraction(), 0, "open from the start of the interval");
        double impulseS = 0.001;
        v.command(false);
        double[] fractions = new double[10];
        for (int k = 0; k < 10; k++) {
            v.advance(0.003);
            fractions[k] = v.impulseFraction();
            impulseS += v.impulseFraction() * 0.003;
        }
        assertEquals(0.020, impulseS, ROUNDING_S, "the impulse fractions sum to the minimum on-time");
        assertEquals(0.020, v.totalOnTimeS(), ROUNDING_S);
        // open over [0, 0.020]: the interval [0.019, 0.022] is a third open
        assertEquals(1, fractions[5], 0, "open through [0.016, 0.019]");
        assertEquals(1.0 / 3, fractions[6], 1e-12, "the valve closes a third of the way into [0.019, 0.022]");
        assertEquals(0, fractions[7], 0);
        assertFalse(v.isOpen());
        assertEquals(0, v.thrustFraction(), 0);
        assertEquals(1, v.firings());
        assertEquals(400 * 0.020, v.minimumImpulseBitNS(400), 1e-12, "thrust x minimum on-time");
    }

    @Test
    void aLongCommandLastsAsCommanded() {
        RcsValve v = RcsValve.withoutDelays(0.020);
        v.command(true);
        for (int k = 0; k < 10; k++) {
            v.advance(0.005);
        }
        v.command(false);
        v.advance(0.005);
        assertEquals(0.050, v.totalOnTimeS(), ROUNDING_S, "longer than the minimum, the command sets the on-time");
        assertEquals(0, v.impulseFraction(), 0, "closed as soon as the command drops");
    }

    @Test
    void delaysShiftTheOpeningAndTheClosing() {
        // opens 5 ms after the command; a 20 ms command closes 3 ms after it drops: open over [5, 23] ms
        RcsValve v = new RcsValve(0.010, 0.005, 0.003);
        v.command(true);
        double impulseS = 0;
        for (int k = 0; k < 5; k++) {
            v.advance(0.004);
            impulseS += v.impulseFraction() * 0.004;
        }
        v.command(false);
        for (int k = 0; k < 5; k++) {
            v.advance(0.004);
            impulseS += v.impulseFraction() * 0.004;
        }
        assertEquals(0.018, v.totalOnTimeS(), ROUNDING_S, "23 ms - 5 ms");
        assertEquals(0.018, impulseS, ROUNDING_S);

        // a 1 ms command with both delays: open over [5, 15] ms, the minimum on-time outlasting the closing delay
        RcsValve brief = new RcsValve(0.010, 0.005, 0.003);
        brief.command(true);
        brief.advance(0.001);
        assertFalse(brief.isOpen(), "not yet open within the opening delay");
        brief.command(false);
        brief.advance(0.030);
        assertEquals(0.010, brief.totalOnTimeS(), ROUNDING_S, "the started firing still runs its minimum on-time");
    }

    @Test
    void commandingDuringTheClosingDelayExtendsTheSameFiring() {
        RcsValve v = new RcsValve(0, 0, 0.004);
        v.command(true);
        v.advance(0.002);
        v.command(false);
        v.advance(0.002);
        assertTrue(v.isOpen(), "still within the closing delay");
        v.command(true);
        v.advance(0.002);
        v.command(false);
        v.advance(0.010);
        assertEquals(1, v.firings(), "one continuous opening");
        assertEquals(0.002 + 0.002 + 0.002 + 0.004, v.totalOnTimeS(), ROUNDING_S);
        v.command(true);
        v.advance(0.001);
        assertEquals(2, v.firings(), "a command after the valve closed is a new firing");
    }

    @Test
    void rejectsNegativeOrNaNTimes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RcsValve(-0.01, 0, 0)).getMessage()
            .contains("minOnTimeS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RcsValve(0.01, Double.NaN, 0)).getMessage()
            .contains("openingDelayS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RcsValve(0.01, 0, -1)).getMessage()
            .contains("closingDelayS"));
    }
}
