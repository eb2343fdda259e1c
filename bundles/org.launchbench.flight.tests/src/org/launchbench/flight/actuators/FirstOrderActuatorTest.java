package org.launchbench.flight.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The rate-limited first-order lag against its closed forms (Ogata, Modern Control Engineering, 5th ed., sec. 5-2:
 * unit-step response 1 - exp(-t / T); a saturated rate gives a straight ramp). The model is the exact solution,
 * so the tolerance is 1e-12 on positions of order 1: rounding of exp and of sums over at most 1000 steps, some
 * 1e-14 to 1e-13, and far below any modelling error (a lag of 0.5 s taken for 0.500001 s moves x(1 s) by 5e-7).
 */
class FirstOrderActuatorTest {

    private static final double EXACT = 1e-12;

    @Test
    void lagStepFollowsOneMinusExponential() {
        double tau = 0.5;
        double u = 2;
        FirstOrderActuator a = new FirstOrderActuator(new ActuatorLimits(-10, 10, Double.POSITIVE_INFINITY), tau, 0);
        a.command(u);
        double t = 0;
        for (double next : new double[] {0.1, 0.5, 1.0, 2.5}) {
            a.advance(next - t);
            t = next;
            double expected = u * (1 - Math.exp(-t / tau));
            assertEquals(expected, a.position(), EXACT, "x(" + t + ") = u (1 - exp(-t / tau))");
            assertEquals((u - expected) / tau, a.rate(), EXACT, "dx/dt = (u - x) / tau at the end of the interval");
        }
    }

    @Test
    void oneStepAndAThousandStepsAgree() {
        ActuatorLimits limits = new ActuatorLimits(-10, 10, 1.3);
        FirstOrderActuator whole = new FirstOrderActuator(limits, 0.4, 0);
        FirstOrderActuator split = new FirstOrderActuator(limits, 0.4, 0);
        whole.command(3);
        split.command(3);
        whole.advance(2.0);
        for (int k = 0; k < 1000; k++) {
            split.advance(0.002);
        }
        // 2 s spans the rate-limited ramp (it ends at (3 - 1.3 * 0.4) / 1.3 = 1.9077 s) and the start of the lag
        assertTrue(whole.position() > 3 - 1.3 * 0.4 && whole.position() < 3, "the run crosses the switch");
        assertEquals(whole.position(), split.position(), EXACT, "the solution does not depend on the step");
        assertEquals(whole.rate(), split.rate(), EXACT, "nor does the rate, (u - x) / tau");
    }

    @Test
    void pureRateLimitRampsAndArrivesAtUOverRateMax() {
        double rateMax = 2;
        FirstOrderActuator a = new FirstOrderActuator(new ActuatorLimits(-5, 5, rateMax), 0, 0);
        a.command(3);
        a.advance(1.0);
        assertEquals(2.0, a.position(), EXACT, "x = rateMax t on the ramp");
        assertEquals(rateMax, a.rate(), 0, "the ramp runs at the rate limit");
        a.advance(0.5 - 1e-6);
        assertEquals(3 - rateMax * 1e-6, a.position(), EXACT, "still ramping just before u / rateMax = 1.5 s");
        a.advance(1e-6);
        assertEquals(3.0, a.position(), 0, "at u at exactly u / rateMax");
        assertEquals(0, a.rate(), 0, "and at rest there");

        FirstOrderActuator once = new FirstOrderActuator(new ActuatorLimits(-5, 5, rateMax), 0, 0);
        once.command(3);
        once.advance(1.5);
        assertEquals(3.0, once.position(), 0, "one interval of exactly u / rateMax ends on u");
    }

    @Test
    void rateLimitedLagSwitchesAtTheBandAndThenDecays() {
        double tau = 0.5;
        double rateMax = 1;
        double u = 2;
        // the lag's own speed (u - x) / tau falls to rateMax when u - x = rateMax tau = 0.5, i.e. at x = 1.5, after
        // a ramp at rateMax from 0 of t1 = 1.5 s; from then x = u - 0.5 exp(-(t - t1) / tau)
        double t1 = (u - rateMax * tau) / rateMax;
        FirstOrderActuator a = new FirstOrderActuator(new ActuatorLimits(-10, 10, rateMax), tau, 0);
        a.command(u);
        a.advance(1.0);
        assertEquals(1.0, a.position(), EXACT, "ramp at rateMax before the switch");
        a.advance(t1 - 1.0);
        assertEquals(1.5, a.position(), EXACT, "at the band at t1 = (u - rateMax tau) / rateMax");
        assertEquals(rateMax, a.rate(), EXACT, "the rate is continuous at the switch");
        a.advance(0.5);
        assertEquals(u - rateMax * tau * Math.exp(-1), a.position(), EXACT, "x(t1 + tau) = u - rateMax tau / e");
        assertEquals(rateMax * Math.exp(-1), a.rate(), EXACT, "dx/dt = rateMax exp(-(t - t1) / tau)");

        FirstOrderActuator across = new FirstOrderActuator(new ActuatorLimits(-10, 10, rateMax), tau, 0);
        across.command(u);
        across.advance(3.2);
        assertEquals(u - rateMax * tau * Math.exp(-(3.2 - t1) / tau), across.position(), EXACT,
            "one interval across the switch gives the same continuation");
    }

    @Test
    void commandBeyondTheStopsIsClampedAndThePositionStaysWithin() {
        FirstOrderActuator a = new FirstOrderActuator(new ActuatorLimits(-1, 1, 4), 0.05, 0);
        a.command(5);
        assertEquals(1, a.commanded(), 0, "a command past the upper stop is the stop");
        for (int k = 0; k < 200; k++) {
            a.advance(0.01);
            assertTrue(a.position() <= 1, "never past the stop: " + a.position());
        }
        // what the lag leaves after the 0.2 s ramp, 0.2 exp(-36) = 5e-17, is below rounding: x - u stops within 2 ulps
        assertEquals(1, a.position(), 1e-15, "settled on the stop");
        a.command(Double.NEGATIVE_INFINITY);
        assertEquals(-1, a.commanded(), 0, "an infinite command drives onto the lower stop");
    }

    @Test
    void rejectsNaNStepsAndPositionsOutsideTheStops() {
        FirstOrderActuator a = new FirstOrderActuator(new ActuatorLimits(-1, 1, 1), 0.1, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.command(Double.NaN)).getMessage().contains("position"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.advance(-0.01)).getMessage().contains("dtS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.reset(1.5)).getMessage().contains("[-1.0, 1.0]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new FirstOrderActuator(new ActuatorLimits(-1, 1, 1), Double.NaN, 0)).getMessage().contains("lagS"));
    }

    @Test
    void resetPutsItAtRestAtThePosition() {
        FirstOrderActuator a = new FirstOrderActuator(new ActuatorLimits(-1, 1, 1), 0.1, 0);
        a.command(1);
        a.advance(0.3);
        a.reset(-0.5);
        a.advance(1.0);
        assertEquals(-0.5, a.position(), 0, "reset also commands the position, so it stays");
        assertEquals(0, a.rate(), 0);
    }
}
