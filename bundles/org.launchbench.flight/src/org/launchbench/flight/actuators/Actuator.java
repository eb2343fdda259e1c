package org.launchbench.flight.actuators;

/**
 * One actuated degree of freedom (a gimbal axis, a fin, a throttle valve): a controller commands a position, the
 * simulation advances time, and the position the hardware achieved comes out, after its lag and its rate and
 * travel limits. The command is held constant over each {@link #advance(double)} interval (zero-order hold, as
 * a digital controller's output is).
 */
public interface Actuator {

    /** @return the stops and rate limit */
    ActuatorLimits limits();

    /**
     * Sets the position to drive toward from now on, held until the next command. A command beyond the stops is
     * clamped to them, as hardware cannot be driven past its travel.
     *
     * @param position the commanded position, not NaN (an infinite command drives onto a stop)
     * @throws IllegalArgumentException if position is NaN
     */
    void command(double position);

    /** @return the command being held, after clamping to the stops */
    double commanded();

    /**
     * Moves the actuator through an interval with the command held.
     *
     * @param dtS the interval, s, finite and at least 0
     */
    void advance(double dtS);

    /** @return the achieved position, within the stops */
    double position();

    /** @return the achieved rate at the end of the last interval (the current rate), position unit per second */
    double rate();

    /**
     * Puts the actuator at rest at a position, commanding that position.
     *
     * @param position a position between the stops
     * @throws IllegalArgumentException if position is NaN or beyond the stops
     */
    void reset(double position);

    /**
     * Holds the actuator at a position imposed by something outside it (a gimbal's circular stop), keeping its
     * command: the position is set and the rate zeroed, as a hard stop absorbs the motion into it.
     *
     * @param position a position between the stops
     * @throws IllegalArgumentException if position is NaN or beyond the stops
     */
    void stopAt(double position);
}
