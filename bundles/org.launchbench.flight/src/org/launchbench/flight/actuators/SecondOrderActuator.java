package org.launchbench.flight.actuators;

/**
 * A second-order actuator, for drives whose inertia and compliance show (an engine's gimbal with its nozzle mass,
 * a fin servo with a structural mode): the standard second-order system (Ogata, Modern Control Engineering, 5th
 * ed., sec. 5-3)
 * <pre>
 *     d2x/dt2 = wn^2 (u - x) - 2 zeta wn dx/dt
 * </pre>
 * with the speed |dx/dt| limited to rateMax (a saturated speed is held, not pushed further, while the equation
 * would accelerate it) and x limited to the stops, where a hard stop zeroes the rate into it. The command u is
 * clamped to the stops; an underdamped actuator can still overshoot onto a stop.
 * <p>
 * {@link #advance(double)} integrates with the classical fourth-order Runge-Kutta method in equal sub-steps no
 * longer than {@link #MAX_STEP_RAD} / wn. RK4's local error on this system is of order (wn h)^5 / 120 of the
 * motion, some 3e-11 per sub-step at 0.02, so a step response stays within about 1e-8 of its closed form while it
 * settles (at 0.1 / wn it would be near 1e-6, too coarse to test against). The limits are applied after each
 * sub-step, which places the moment a limit is reached to within one sub-step; results depend on how time is
 * divided only at these levels.
 */
public final class SecondOrderActuator extends LimitedActuator {

    /** The largest sub-step as a fraction of 1 / wn (radians of natural motion per sub-step). */
    public static final double MAX_STEP_RAD = 0.02;

    private final double naturalFrequencyRadS;
    private final double dampingRatio;

    /**
     * @param limits               the stops and rate limit
     * @param naturalFrequencyRadS wn, rad/s, finite and greater than 0
     * @param dampingRatio         zeta, finite and at least 0 (below 1 overshoots)
     * @param initialPosition      the starting position, at rest and commanded, between the stops
     */
    public SecondOrderActuator(ActuatorLimits limits, double naturalFrequencyRadS, double dampingRatio,
                               double initialPosition) {
        super(limits, initialPosition);
        this.naturalFrequencyRadS = Arguments.positive("naturalFrequencyRadS", naturalFrequencyRadS);
        this.dampingRatio = Arguments.nonNegative("dampingRatio", dampingRatio);
    }

    /**
     * @param limits               the stops and rate limit
     * @param naturalFrequencyRadS wn, rad/s, finite and greater than 0
     * @param dampingRatio         zeta, finite and at least 0
     * @return an actuator at rest at 0, or at the nearer stop if 0 is outside them
     */
    public static SecondOrderActuator atRest(ActuatorLimits limits, double naturalFrequencyRadS, double dampingRatio) {
        return new SecondOrderActuator(limits, naturalFrequencyRadS, dampingRatio, limits.clamp(0));
    }

    /** @return wn, rad/s */
    public double naturalFrequencyRadS() {
        return naturalFrequencyRadS;
    }

    /** @return zeta */
    public double dampingRatio() {
        return dampingRatio;
    }

    @Override
    public void advance(double dtS) {
        Arguments.step(dtS);
        int steps = (int) Math.max(1, Math.ceil(dtS * naturalFrequencyRadS / MAX_STEP_RAD));
        double h = dtS / steps;
        for (int k = 0; k < steps && h > 0; k++) {
            step(h);
        }
    }

    /** One RK4 step of (x, v), then the rate limit and the stops. */
    private void step(double h) {
        double x = position;
        double v = rate;
        double k1x = v;
        double k1v = acceleration(x, v);
        double k2x = v + h / 2 * k1v;
        double k2v = acceleration(x + h / 2 * k1x, k2x);
        double k3x = v + h / 2 * k2v;
        double k3v = acceleration(x + h / 2 * k2x, k3x);
        double k4x = v + h * k3v;
        double k4v = acceleration(x + h * k3x, k4x);
        x += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
        v += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
        double rateMax = limits.rateMaxPerS();
        v = Math.max(-rateMax, Math.min(rateMax, v));
        if (x >= limits.positionMax()) {
            x = limits.positionMax();
            v = Math.min(v, 0);
        } else if (x <= limits.positionMin()) {
            x = limits.positionMin();
            v = Math.max(v, 0);
        }
        position = x;
        rate = v;
    }

    /** The equation of motion, with a saturated speed held rather than pushed past the rate limit. */
    private double acceleration(double x, double v) {
        double w = naturalFrequencyRadS;
        double a = w * w * (commanded - x) - 2 * dampingRatio * w * v;
        double rateMax = limits.rateMaxPerS();
        if (v >= rateMax && a > 0 || v <= -rateMax && a < 0) {
            return 0;
        }
        return a;
    }
}
