package org.launchbench.flight.actuators;

/**
 * An engine's throttle as a controller sees it: a throttle valve that is a rate-limited first-order lag between
 * throttleMin and throttleMax ({@link FirstOrderActuator}), multiplied by the engine's ignition and shutdown
 * transient ({@link EngineTransient}). The achieved thrust fraction is throttle position x transient fraction,
 * the throttle setting to give the propulsion model (whose thrust is throttle x vacuum thrust less the pressure
 * term). The valve moves whether or not the engine burns, so a throttle set before ignition holds during it.
 */
public final class ThrottleActuator {

    private final FirstOrderActuator valve;
    private final EngineTransient engine;

    /**
     * @param throttleLimits     throttleMin and throttleMax as fractions of full thrust (throttleMin at least 0),
     *                           and the largest throttling rate, fraction per second
     * @param lagS               the throttle's time constant, s, finite and at least 0
     * @param ignitionTransientS time from the ignition command to full thrust, s, finite and at least 0
     * @param shutdownTransientS time from the shutdown command to zero thrust, s, finite and at least 0
     */
    public ThrottleActuator(ActuatorLimits throttleLimits, double lagS, double ignitionTransientS,
                            double shutdownTransientS) {
        if (!(throttleLimits.positionMin() >= 0)) {
            throw new IllegalArgumentException("throttleMin must be in [0, throttleMax], was " + throttleLimits.positionMin());
        }
        this.valve = new FirstOrderActuator(throttleLimits, lagS, throttleLimits.positionMax());
        this.engine = new EngineTransient(ignitionTransientS, shutdownTransientS);
    }

    /**
     * Sets the throttle to drive toward, clamped to [throttleMin, throttleMax].
     *
     * @param throttle fraction of full thrust, not NaN
     */
    public void command(double throttle) {
        valve.command(throttle);
    }

    /** Commands ignition (see {@link EngineTransient#ignite()}). */
    public void ignite() {
        engine.ignite();
    }

    /** Commands shutdown (see {@link EngineTransient#shutdown()}). */
    public void shutdown() {
        engine.shutdown();
    }

    /**
     * Moves the valve and the transient through an interval with the commands held.
     *
     * @param dtS the interval, s, finite and at least 0
     */
    public void advance(double dtS) {
        valve.advance(dtS);
        engine.advance(dtS);
    }

    /** @return the achieved thrust as a fraction of full: throttle position x transient fraction */
    public double thrustFraction() {
        return valve.position() * engine.fraction();
    }

    /** @return the achieved propellant flow as a fraction of full: throttle position x transient flow fraction */
    public double flowFraction() {
        return valve.position() * engine.flowFraction();
    }

    /** @return the throttle valve's achieved position, fraction of full thrust */
    public double throttle() {
        return valve.position();
    }

    /** @return the throttle valve (starting at rest at throttleMax), for its rate or to reset it */
    public Actuator valve() {
        return valve;
    }

    /** @return the engine's transient fraction, 0 to 1 */
    public double transientFraction() {
        return engine.fraction();
    }

    /** @return where the engine is between off and full thrust */
    public EngineTransient.Phase phase() {
        return engine.phase();
    }
}
