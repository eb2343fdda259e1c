package org.launchbench.flight.actuators;

/**
 * An engine gimbal: two axes, pitch and yaw, each an {@link Actuator} with the same limits (the vehicle model's
 * gimbalRange as the stops, in rad).
 * <p>
 * Optionally the total deflection is limited too, as a nozzle swinging in a ring or cone is: with the circular
 * limit on, a pair whose deflection sqrt(pitch^2 + yaw^2) exceeds the range is scaled back onto the circle of that
 * radius, keeping its direction. This applies to the commands and, after each interval, to the achieved pair
 * (the axes, each moving toward its own command at its own rate, can cut across outside the circle); an achieved
 * pair scaled back is held there as by a hard stop, both axes' rates zeroed. Zeroing the motion along the ring as
 * well as into it is a simplification: the axes recover that motion within their response time. Without the
 * circular limit the stops are a square, each axis up to the range.
 */
public final class GimbalActuator {

    private final Actuator pitch;
    private final Actuator yaw;
    private final boolean circular;

    /**
     * @param pitch    the pitch axis
     * @param yaw      the yaw axis, a different object with equal limits
     * @param circular whether the total deflection is limited to the range (needs stops at -range and +range)
     */
    public GimbalActuator(Actuator pitch, Actuator yaw, boolean circular) {
        if (pitch == yaw) {
            throw new IllegalArgumentException("pitch and yaw must be separate actuators");
        }
        if (!pitch.limits().equals(yaw.limits())) {
            throw new IllegalArgumentException(
                "pitch and yaw limits must be equal, were " + pitch.limits() + " and " + yaw.limits());
        }
        if (circular && !pitch.limits().isSymmetric()) {
            throw new IllegalArgumentException(
                "a circular limit needs symmetric stops [-range, range], were " + pitch.limits().rangeText());
        }
        this.pitch = pitch;
        this.yaw = yaw;
        this.circular = circular;
        if (circular && Math.hypot(pitch.position(), yaw.position()) > range()) {
            throw new IllegalArgumentException("the starting deflection must be within the circular range " + range());
        }
    }

    /**
     * @param limits   each axis's stops and rate limit
     * @param lagS     each axis's time constant, s
     * @param circular whether the total deflection is limited to the range
     * @return a gimbal of two {@link FirstOrderActuator}s at rest at 0
     */
    public static GimbalActuator firstOrder(ActuatorLimits limits, double lagS, boolean circular) {
        return new GimbalActuator(FirstOrderActuator.atRest(limits, lagS), FirstOrderActuator.atRest(limits, lagS),
            circular);
    }

    /**
     * @param limits               each axis's stops and rate limit
     * @param naturalFrequencyRadS each axis's wn, rad/s
     * @param dampingRatio         each axis's zeta
     * @param circular             whether the total deflection is limited to the range
     * @return a gimbal of two {@link SecondOrderActuator}s at rest at 0
     */
    public static GimbalActuator secondOrder(ActuatorLimits limits, double naturalFrequencyRadS, double dampingRatio,
                                             boolean circular) {
        return new GimbalActuator(SecondOrderActuator.atRest(limits, naturalFrequencyRadS, dampingRatio),
            SecondOrderActuator.atRest(limits, naturalFrequencyRadS, dampingRatio), circular);
    }

    /**
     * Sets the deflections to drive toward, each clamped to the stops, then, with the circular limit, the pair
     * scaled back onto the circle.
     *
     * @param pitchCommand the pitch deflection, not NaN
     * @param yawCommand   the yaw deflection, not NaN
     */
    public void command(double pitchCommand, double yawCommand) {
        pitch.command(pitchCommand);
        yaw.command(yawCommand);
        double scale = circleScale(pitch.commanded(), yaw.commanded());
        if (scale < 1) {
            pitch.command(pitch.commanded() * scale);
            yaw.command(yaw.commanded() * scale);
        }
    }

    /**
     * Moves both axes through an interval with the commands held, then applies the circular limit.
     *
     * @param dtS the interval, s, finite and at least 0
     */
    public void advance(double dtS) {
        pitch.advance(dtS);
        yaw.advance(dtS);
        double scale = circleScale(pitch.position(), yaw.position());
        if (scale < 1) {
            pitch.stopAt(pitch.position() * scale);
            yaw.stopAt(yaw.position() * scale);
        }
    }

    /** @return the factor (at most 1) that brings (p, y) within the circle, 1 without the circular limit */
    private double circleScale(double p, double y) {
        double deflection = Math.hypot(p, y);
        return circular && deflection > range() ? range() / deflection : 1;
    }

    /**
     * Puts both axes at rest at a deflection, commanding it.
     *
     * @param pitchPosition the pitch deflection, within the stops
     * @param yawPosition   the yaw deflection, within the stops (and the pair within the circle if circular)
     */
    public void reset(double pitchPosition, double yawPosition) {
        if (circleScale(pitchPosition, yawPosition) < 1) {
            throw new IllegalArgumentException("the deflection must be within the circular range " + range()
                + ", was " + Math.hypot(pitchPosition, yawPosition));
        }
        pitch.reset(pitchPosition);
        yaw.reset(yawPosition);
    }

    /** @return the achieved pitch deflection */
    public double pitch() {
        return pitch.position();
    }

    /** @return the achieved yaw deflection */
    public double yaw() {
        return yaw.position();
    }

    /** @return the achieved total deflection, sqrt(pitch^2 + yaw^2) */
    public double deflection() {
        return Math.hypot(pitch.position(), yaw.position());
    }

    /** @return the pitch axis */
    public Actuator pitchAxis() {
        return pitch;
    }

    /** @return the yaw axis */
    public Actuator yawAxis() {
        return yaw;
    }

    /** @return the range: each axis's upper stop, and the circle's radius with the circular limit */
    public double range() {
        return pitch.limits().positionMax();
    }

    /** @return whether the total deflection is limited to the range */
    public boolean isCircular() {
        return circular;
    }
}
