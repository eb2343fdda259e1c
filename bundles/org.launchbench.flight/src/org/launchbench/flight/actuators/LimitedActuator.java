package org.launchbench.flight.actuators;

/**
 * What every {@link Actuator} model shares: its stops and rate limit, the command held (clamped to the stops), the
 * achieved position and rate, and the resets. A model adds only how it moves over an interval ({@link #advance}).
 */
abstract class LimitedActuator implements Actuator {

    /** The stops and rate limit. */
    protected final ActuatorLimits limits;
    /** The command held, within the stops. */
    protected double commanded;
    /** The achieved position, within the stops. */
    protected double position;
    /** dx/dt at the end of the last interval. */
    protected double rate;

    /**
     * @param limits          the stops and rate limit
     * @param initialPosition the starting position, at rest and commanded, between the stops
     */
    LimitedActuator(ActuatorLimits limits, double initialPosition) {
        this.limits = limits;
        reset(initialPosition);
    }

    @Override
    public final ActuatorLimits limits() {
        return limits;
    }

    @Override
    public final void command(double position) {
        commanded = limits.clamp(Arguments.notNaN("position", position));
    }

    @Override
    public final double commanded() {
        return commanded;
    }

    @Override
    public final double position() {
        return position;
    }

    /** {@inheritDoc} This is dx/dt at the end of the interval; the interval's average is the change of position over it. */
    @Override
    public final double rate() {
        return rate;
    }

    @Override
    public final void reset(double position) {
        stopAt(position);
        commanded = position;
    }

    @Override
    public final void stopAt(double position) {
        if (!limits.contains(position)) {
            throw new IllegalArgumentException("position must be in " + limits.rangeText() + ", was " + position);
        }
        this.position = position;
        rate = 0;
    }
}
