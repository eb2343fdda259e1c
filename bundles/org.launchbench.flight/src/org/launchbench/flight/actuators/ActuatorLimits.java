package org.launchbench.flight.actuators;

/**
 * How far and how fast an actuator can move: the hard stops of its travel and the largest speed its drive gives
 * (a hydraulic gimbal actuator's valve flow, a throttle valve's stroke rate, a fin servo's no-load speed).
 * Positions are in the actuator's own unit: rad for a gimbal axis or a fin, a fraction of full thrust for a
 * throttle.
 *
 * @param positionMin  the lower stop, finite
 * @param positionMax  the upper stop, finite, not below positionMin (equal pins the actuator)
 * @param rateMaxPerS  the largest speed, position unit per second, greater than 0; +infinity for no rate limit
 */
public record ActuatorLimits(double positionMin, double positionMax, double rateMaxPerS) {

    /** Rejects NaN, infinite stops, crossed stops and a rate limit that is not positive. */
    public ActuatorLimits {
        Arguments.finite("positionMin", positionMin);
        Arguments.finite("positionMax", positionMax);
        if (!(positionMax >= positionMin)) {
            throw new IllegalArgumentException(
                "positionMax must be in [positionMin, +inf) = [" + positionMin + ", +inf), was " + positionMax);
        }
        if (!(rateMaxPerS > 0)) {
            throw new IllegalArgumentException("rateMaxPerS must be in (0, +inf], was " + rateMaxPerS);
        }
    }

    /**
     * @param range       the largest deflection either way, at least 0 (a gimbal's or fin's range)
     * @param rateMaxPerS the largest speed, position unit per second, or +infinity
     * @return stops at -range and +range
     */
    public static ActuatorLimits symmetric(double range, double rateMaxPerS) {
        Arguments.nonNegative("range", range);
        return new ActuatorLimits(-range, range, rateMaxPerS);
    }

    /** @return whether the stops are at -r and +r (which a circular gimbal limit needs) */
    public boolean isSymmetric() {
        return positionMin == -positionMax;
    }

    /**
     * @param position a position, not NaN
     * @return it moved onto the nearer stop if beyond one
     */
    public double clamp(double position) {
        return Math.max(positionMin, Math.min(positionMax, position));
    }

    /** @return whether position lies between the stops, inclusive */
    public boolean contains(double position) {
        return position >= positionMin && position <= positionMax;
    }

    /** @return the stops as "[min, max]", for messages */
    String rangeText() {
        return "[" + positionMin + ", " + positionMax + "]";
    }
}
