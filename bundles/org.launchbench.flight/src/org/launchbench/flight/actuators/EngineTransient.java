package org.launchbench.flight.actuators;

/**
 * An engine's thrust build-up after the ignition command and its tail-off after the shutdown command, as a
 * fraction of the thrust its throttle asks for, over the vehicle model's ignitionTransient ("time from ignition to
 * full thrust") and shutdownTransient ("time from cut-off command to zero thrust").
 * <p>
 * Shape: a raised cosine, fraction = (1 - cos(pi p)) / 2 of a progress p that climbs from 0 to 1 over the ignition
 * transient and falls back over the shutdown transient; so t after ignition, fraction = (1 - cos(pi t / Ti)) / 2,
 * and t after shutdown from full thrust, (1 + cos(pi t / Ts)) / 2. Two reasons: liquid engines' measured start
 * and shutdown curves are S-shaped, slow to leave zero and easing onto the steady level (Sutton and Biblarz,
 * Rocket Propulsion Elements, the chapters on liquid-propellant engine start and shutdown), which the cosine's
 * zero slope at both ends follows where a linear ramp would jump the thrust rate and kick the structure and the
 * controller; and its mean over the transient is 1/2, exactly a linear ramp's, so the impulse of each transient
 * (thrust x T / 2) is the same as the usual linear-ramp budget.
 * <p>
 * A shutdown during ignition, or an ignition during shutdown, reverses p from where it is, so thrust stays
 * continuous. How many restarts the engine allows is the engine model's concern, not this one's.
 * <p>
 * Propellant flow follows thrust ({@link #flowFraction()} equals {@link #fraction()}): the transients are
 * burned at the steady specific impulse. Real starts waste some propellant at low chamber pressure; that
 * loss is small next to a burn's and is not modelled.
 */
public final class EngineTransient {

    /** Where an engine is between off and full thrust. */
    public enum Phase {
        /** no thrust, no flow */
        OFF,
        /** thrust building up after the ignition command */
        IGNITING,
        /** full thrust (as throttled) */
        RUNNING,
        /** thrust tailing off after the shutdown command */
        SHUTTING_DOWN
    }

    private final double ignitionTransientS;
    private final double shutdownTransientS;
    private Phase phase = Phase.OFF;
    private double progress;

    /**
     * @param ignitionTransientS time from the ignition command to full thrust, s, finite and at least 0
     * @param shutdownTransientS time from the shutdown command to zero thrust, s, finite and at least 0
     */
    public EngineTransient(double ignitionTransientS, double shutdownTransientS) {
        this.ignitionTransientS = Arguments.nonNegative("ignitionTransientS", ignitionTransientS);
        this.shutdownTransientS = Arguments.nonNegative("shutdownTransientS", shutdownTransientS);
    }

    /** @return time from the ignition command to full thrust, s */
    public double ignitionTransientS() {
        return ignitionTransientS;
    }

    /** @return time from the shutdown command to zero thrust, s */
    public double shutdownTransientS() {
        return shutdownTransientS;
    }

    /**
     * Commands ignition: from OFF or SHUTTING_DOWN the engine starts IGNITING (RUNNING at once for a zero
     * transient); already IGNITING or RUNNING, nothing changes.
     */
    public void ignite() {
        if (phase == Phase.OFF || phase == Phase.SHUTTING_DOWN) {
            phase = Phase.IGNITING;
            settle();
        }
    }

    /**
     * Commands shutdown: from IGNITING or RUNNING the engine starts SHUTTING_DOWN (OFF at once for a zero
     * transient); already SHUTTING_DOWN or OFF, nothing changes.
     */
    public void shutdown() {
        if (phase == Phase.IGNITING || phase == Phase.RUNNING) {
            phase = Phase.SHUTTING_DOWN;
            settle();
        }
    }

    /**
     * Moves the transient on by an interval; a transient that completes within it ends in RUNNING or OFF.
     *
     * @param dtS the interval, s, finite and at least 0
     */
    public void advance(double dtS) {
        Arguments.step(dtS);
        if (phase == Phase.IGNITING) {
            progress += dtS / ignitionTransientS;
        } else if (phase == Phase.SHUTTING_DOWN) {
            progress -= dtS / shutdownTransientS;
        }
        settle();
    }

    /** Ends a transient whose progress has reached its end (a zero transient ends at once). */
    private void settle() {
        if (phase == Phase.IGNITING && (progress >= 1 || ignitionTransientS == 0)) {
            phase = Phase.RUNNING;
            progress = 1;
        } else if (phase == Phase.SHUTTING_DOWN && (progress <= 0 || shutdownTransientS == 0)) {
            phase = Phase.OFF;
            progress = 0;
        }
    }

    /** @return where the engine is between off and full thrust */
    public Phase phase() {
        return phase;
    }

    /** @return thrust as a fraction of what the throttle asks for, 0 to 1 */
    public double fraction() {
        return raisedCosine(progress);
    }

    /** @return propellant flow as a fraction of what the throttle asks for; equal to {@link #fraction()} */
    public double flowFraction() {
        return fraction();
    }

    /**
     * @param progress how far through a transient, 0 (off) to 1 (full)
     * @return (1 - cos(pi progress)) / 2
     */
    static double raisedCosine(double progress) {
        return (1 - Math.cos(Math.PI * progress)) / 2;
    }
}
