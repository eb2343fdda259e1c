package org.launchbench.flight.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The second-order actuator against the underdamped unit-step response and its peak overshoot (Ogata, Modern
 * Control Engineering, 5th ed., sec. 5-3): x(t) = 1 - exp(-zeta wn t) (cos wd t + zeta / sqrt(1 - zeta^2) sin wd t),
 * wd = wn sqrt(1 - zeta^2), peaking at t = pi / wd with overshoot exp(-pi zeta / sqrt(1 - zeta^2)). The tolerance
 * 1e-6 of the step is the integrator's budget: RK4 at wn h = 0.02 errs by a few 1e-9 here, so 1e-6 leaves room
 * while a 1 % error in wn or zeta (about 1e-3 at the steep part) fails it.
 */
class SecondOrderActuatorTest {

    private static final double WN = 10;
    private static final double ZETA = 0.3;
    private static final ActuatorLimits WIDE = new ActuatorLimits(-10, 10, Double.POSITIVE_INFINITY);

    private static double underdampedStep(double t) {
        double wd = WN * Math.sqrt(1 - ZETA * ZETA);
        return 1 - Math.exp(-ZETA * WN * t) * (Math.cos(wd * t) + ZETA / Math.sqrt(1 - ZETA * ZETA) * Math.sin(wd * t));
    }

    @Test
    void stepFollowsTheUnderdampedClosedForm() {
        SecondOrderActuator a = new SecondOrderActuator(WIDE, WN, ZETA, 0);
        a.command(1);
        for (int k = 1; k <= 300; k++) {
            a.advance(0.01);
            double t = k * 0.01;
            assertEquals(underdampedStep(t), a.position(), 1e-6, "x(" + t + ")");
        }
    }

    @Test
    void overshootPeaksAtPiOverWd() {
        double wd = WN * Math.sqrt(1 - ZETA * ZETA);
        double overshoot = Math.exp(-Math.PI * ZETA / Math.sqrt(1 - ZETA * ZETA));
        SecondOrderActuator a = new SecondOrderActuator(WIDE, WN, ZETA, 0);
        a.command(1);
        a.advance(Math.PI / wd);
        assertEquals(1 + overshoot, a.position(), 1e-6, "x(pi / wd) = 1 + exp(-pi zeta / sqrt(1 - zeta^2)) = 1.372");
        assertEquals(0, a.rate(), 1e-5, "at rest at the peak (1e-6 of x times wn)");

        SecondOrderActuator sampled = new SecondOrderActuator(WIDE, WN, ZETA, 0);
        sampled.command(1);
        double peak = 0;
        for (int k = 0; k < 2000; k++) {
            sampled.advance(0.001);
            peak = Math.max(peak, sampled.position());
        }
        // sampling at 1 ms misses the peak by at most (wn^2 overshoot)(0.5 ms)^2 / 2, about 5e-6
        assertEquals(1 + overshoot, peak, 1e-5, "the largest sampled position is the peak overshoot");
    }

    @Test
    void saturatedRateRampsAtTheLimit() {
        double rateMax = 0.5;
        SecondOrderActuator a = new SecondOrderActuator(new ActuatorLimits(-10, 10, rateMax), 20, 0.7, 0);
        a.command(1);
        a.advance(0.5);
        assertEquals(rateMax, a.rate(), 0, "unlimited, the speed would peak at 9.2 per s; it is held at the limit");
        double x = a.position();
        a.advance(0.5);
        // a saturated speed is held while wn^2 (u - x) > 2 zeta wn rateMax, i.e. below x = 0.965, and x is below 0.5 by t = 1 s
        assertEquals(x + rateMax * 0.5, a.position(), 1e-12, "x moves exactly rateMax dt while saturated");
        for (int k = 0; k < 300; k++) {
            a.advance(0.01);
            assertTrue(Math.abs(a.rate()) <= rateMax, "never faster than the limit");
        }
        assertEquals(1, a.position(), 1e-6, "and settles on the command");
    }

    @Test
    void overshootStopsOnTheHardStop() {
        SecondOrderActuator a = new SecondOrderActuator(new ActuatorLimits(-1, 1.1, Double.POSITIVE_INFINITY), WN, 0.2, 0);
        a.command(1);
        double peak = 0;
        boolean stoppedAtStop = false;
        for (int k = 0; k < 10_000; k++) {
            a.advance(0.001);
            peak = Math.max(peak, a.position());
            stoppedAtStop |= a.position() == 1.1 && a.rate() == 0;
        }
        // free, zeta = 0.2 overshoots by exp(-0.2 pi / sqrt(0.96)) = 0.527, to 1.527: the stop at 1.1 takes it
        assertEquals(1.1, peak, 0, "the overshoot ends on the stop, not past it");
        assertTrue(stoppedAtStop, "the stop zeroes the rate into it");
        assertEquals(1, a.position(), 1e-6, "then it settles on the command (the free envelope exp(-zeta wn t) is 2e-9 at 10 s)");
    }

    @Test
    void commandIsClampedAndParametersValidated() {
        SecondOrderActuator a = SecondOrderActuator.atRest(ActuatorLimits.symmetric(0.2, 1), WN, ZETA);
        a.command(-4);
        assertEquals(-0.2, a.commanded(), 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SecondOrderActuator(WIDE, 0, 0.5, 0))
            .getMessage().contains("naturalFrequencyRadS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SecondOrderActuator(WIDE, 10, Double.NaN, 0))
            .getMessage().contains("dampingRatio"));
    }
}
