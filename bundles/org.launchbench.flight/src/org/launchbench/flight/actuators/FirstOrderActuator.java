package org.launchbench.flight.actuators;

/**
 * A rate-limited first-order lag, the usual model of a servo or valve whose position loop is much faster than
 * its drive (Ogata, Modern Control Engineering, 5th ed., sec. 5-2, first-order systems):
 * <pre>
 *     dx/dt = clamp((u - x) / tau, -rateMax, +rateMax),   x in [positionMin, positionMax]
 * </pre>
 * with the command u clamped to the stops. A lag of 0 leaves a pure rate limit; an infinite rate limit leaves a
 * pure lag.
 * <p>
 * {@link #advance(double)} is the exact solution for a command held over the interval, so the result does not
 * depend on how time is divided. With e = u - x and b = rateMax * tau, while |e| &gt; b the speed is saturated and x
 * moves linearly at rateMax toward u, for t1 = (|e| - b) / rateMax; from then on the lag governs and
 * x(t) = u - (u - x(t1)) exp(-(t - t1) / tau). Since u lies between the stops and x approaches it monotonically,
 * x never reaches beyond them.
 */
public final class FirstOrderActuator extends LimitedActuator {

    private final double lagS;

    /**
     * @param limits          the stops and rate limit
     * @param lagS            the time constant tau, s, finite and at least 0
     * @param initialPosition the starting position, at rest and commanded, between the stops
     */
    public FirstOrderActuator(ActuatorLimits limits, double lagS, double initialPosition) {
        super(limits, initialPosition);
        this.lagS = Arguments.nonNegative("lagS", lagS);
    }

    /**
     * @param limits the stops and rate limit
     * @param lagS   the time constant tau, s, finite and at least 0
     * @return an actuator at rest at 0, or at the nearer stop if 0 is outside them
     */
    public static FirstOrderActuator atRest(ActuatorLimits limits, double lagS) {
        return new FirstOrderActuator(limits, lagS, limits.clamp(0));
    }

    /** @return the time constant, s */
    public double lagS() {
        return lagS;
    }

    @Override
    public void advance(double dtS) {
        Arguments.step(dtS);
        double error = commanded - position;
        if (error == 0) {
            rate = 0;
            return;
        }
        double sign = Math.signum(error);
        double rateMax = limits.rateMaxPerS();
        // |u - x| at which the lag's own speed |u - x| / tau falls to the rate limit (0 * inf is no band)
        double band = lagS == 0 ? 0 : rateMax * lagS;
        double t = dtS;
        if (Math.abs(error) > band) {
            double saturatedS = (Math.abs(error) - band) / rateMax;
            if (t < saturatedS) {
                position += sign * rateMax * t;
                rate = sign * rateMax;
                return;
            }
            position = commanded - sign * band;
            t -= saturatedS;
        }
        if (lagS == 0) {
            position = commanded;
            rate = 0;
            return;
        }
        position = limits.clamp(commanded - (commanded - position) * Math.exp(-t / lagS));
        rate = (commanded - position) / lagS;
    }
}
