package org.launchbench.flight;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Integrates {@link RigidBodyDynamics} with the classical fourth-order Runge-Kutta method at a fixed step, the
 * method of most tools in NASA/TM-2015-218675 (its step of 0.01 s or less puts the truncation error far below the
 * spread between those tools). The quaternion is renormalised after every step, which removes its drift without
 * changing the rotation it stands for. Flight stops at the duration or at the first event of its
 * {@link FlightEventDetector}s (by default the ground, height above the ellipsoid 0), located by bisection on the step
 * it falls in: to a microsecond, or to where its function is within 1e-9 of zero.
 */
public final class SixDofPropagator {

    /** The largest internal step, s: 0.01 s, below which NASA's check-cases' results change by under 1e-9. */
    public static final double DEFAULT_MAX_STEP_S = 0.01;

    private final RigidBodyDynamics dynamics;
    private final double maxStep;
    private final List<FlightEventDetector> events;

    /**
     * @param dynamics the equations of motion
     * @param maxStepS the largest internal step, s (the output step is divided evenly into steps no longer)
     */
    public SixDofPropagator(RigidBodyDynamics dynamics, double maxStepS) {
        this(dynamics, maxStepS, List.of(FlightEventDetector.ground()));
    }

    /**
     * @param dynamics the equations of motion
     * @param maxStepS the largest internal step, s
     * @param events   the events that end a flight (include {@link FlightEventDetector#ground()} to stop at the ground)
     */
    public SixDofPropagator(RigidBodyDynamics dynamics, double maxStepS, List<FlightEventDetector> events) {
        if (!(maxStepS > 0)) {
            throw new IllegalArgumentException("step must be positive: " + maxStepS);
        }
        this.dynamics = dynamics;
        this.maxStep = maxStepS;
        this.events = List.copyOf(events);
    }

    /** Why a flight ended. */
    public enum End {
        /** the requested duration was flown */
        DURATION,
        /** the body reached the ground (height above the ellipsoid 0) */
        GROUND,
        /** another of the propagator's events happened */
        EVENT
    }

    /**
     * @param samples the states at the output times, the first the initial state, the last the end
     * @param end     why the flight ended
     * @param event   the event's name, or null at the duration
     */
    public record Result(List<RigidBodyState> samples, End end, String event) {
    }

    /**
     * @param state    the state at the end of an interval, or at the event that ended it
     * @param detector the event that ended the interval early, or null
     */
    public record Step(RigidBodyState state, FlightEventDetector detector) {

        /**
         * @return whether the body reached the ground in the interval (the state is then the touchdown): the event named
         *         {@code "ground"}, at the ellipsoid or at a landing pad's height
         */
        public boolean ground() {
            return detector != null && FlightEventDetector.GROUND.name().equals(detector.name());
        }

        /** @return whether an event ended the interval early */
        public boolean ended() {
            return detector != null;
        }

        /** @return the name of the event that ended the interval, or null */
        public String event() {
            return detector == null ? null : detector.name();
        }
    }

    /**
     * Flies one interval with the effectors held (a zero-order hold, as a flight computer commands), in equal
     * Runge-Kutta steps no longer than the maximum; a flight loop calls this once per actuator update.
     *
     * @param start     the state at the interval's start
     * @param dtS       the interval, s (positive)
     * @param effectors what the actuators achieved, held over it
     * @return the state at its end, or at the ground if reached first
     */
    public Step advance(RigidBodyState start, double dtS, EffectorPositions effectors) {
        return advance(start, dtS, effectors, Vector3D.ZERO);
    }

    /**
     * @param start     the state at the interval's start
     * @param dtS       the interval, s (positive)
     * @param effectors what the actuators achieved, held over it
     * @param gustNedMS a gust (turbulence, a discrete gust) held over it, added to the mean wind, NED, m/s
     * @return the state at its end, or just past the first event in it (within a microsecond)
     */
    public Step advance(RigidBodyState start, double dtS, EffectorPositions effectors, Vector3D gustNedMS) {
        int n = (int) Math.ceil(dtS / maxStep - 1e-9);
        double h = dtS / n;
        Stepper stepper = new Stepper(dynamics, effectors, gustNedMS);
        double[] y = start.toArray();
        double t = start.timeS();
        var earth = dynamics.environment().earth();
        double[] before = new double[events.size()];
        for (int k = 0; k < before.length; k++) {
            before[k] = events.get(k).g(start, earth);
        }
        for (int i = 0; i < n; i++) {
            double step = i == n - 1 ? start.timeS() + dtS - t : h;
            double[] next = stepper.step(t, y, step);
            RigidBodyState end = RigidBodyState.ofArray(t + step, next);
            FlightEventDetector first = null;
            double firstDt = Double.POSITIVE_INFINITY;
            for (int k = 0; k < before.length; k++) {
                FlightEventDetector e = events.get(k);
                double after = e.g(end, earth);
                // an event is a crossing from positive: a function already at or below zero is not one
                if (before[k] > 0 && after <= 0) {
                    double dt = eventStep(stepper, t, y, step, e);
                    if (dt < firstDt) {
                        firstDt = dt;
                        first = e;
                    }
                }
                before[k] = after;
            }
            if (first != null) {
                return new Step(RigidBodyState.ofArray(t + firstDt, stepper.step(t, y, firstDt)), first);
            }
            y = next;
            t += step;
        }
        return new Step(RigidBodyState.ofArray(start.timeS() + dtS, y), null);
    }

    /**
     * Flies a body with no actuators (the effectors {@link EffectorPositions#NONE}), sampled at a fixed interval.
     *
     * @param initial     the state at t = initial.timeS()
     * @param durationS   how long to fly, s
     * @param outputStepS the interval between samples, s (the last interval may be shorter, to end at the duration)
     * @param monitor     cancellation (checked every output step)
     * @return the sampled flight
     */
    public Result propagate(RigidBodyState initial, double durationS, double outputStepS, IProgressMonitor monitor) {
        List<RigidBodyState> samples = new ArrayList<>();
        samples.add(initial);
        RigidBodyState s = initial;
        long outputs = Math.round(Math.ceil(durationS / outputStepS - 1e-9));
        for (long k = 1; k <= outputs; k++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            // each sample's time from the start, so that rounding does not accumulate over many samples
            double target = Math.min(k * outputStepS, durationS);
            double previous = Math.min((k - 1) * outputStepS, durationS);
            Step step = advance(s, target - previous, EffectorPositions.NONE);
            s = step.ended() ? step.state() : new RigidBodyState(initial.timeS() + target, step.state().positionEciM(),
                step.state().velocityEciMS(), step.state().attitude(), step.state().bodyRatesInertialRadS(), step.state().massKg());
            samples.add(s);
            if (step.ended()) {
                return new Result(List.copyOf(samples), step.ground() ? End.GROUND : End.EVENT, step.event());
            }
        }
        return new Result(List.copyOf(samples), End.DURATION, null);
    }

    /**
     * The step from (t, y) that ends at an event whose function is positive at t and not at t + step, by bisection:
     * the first time at which it is at or below zero, to a microsecond (or where it is within 1e-9 of zero).
     */
    private double eventStep(Stepper stepper, double t, double[] y, double step, FlightEventDetector e) {
        var earth = dynamics.environment().earth();
        double lo = 0;
        double hi = step;
        while (hi - lo > 1e-6) {
            double mid = 0.5 * (lo + hi);
            double g = e.g(RigidBodyState.ofArray(t + mid, stepper.step(t, y, mid)), earth);
            if (Math.abs(g) < 1e-9) {
                return mid;
            }
            if (g > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** One classical Runge-Kutta step with the quaternion renormalised; work arrays reused. */
    private static final class Stepper {
        private final RigidBodyDynamics dynamics;
        private final EffectorPositions effectors;
        private final Vector3D gust;
        private final double[] k1 = new double[RigidBodyState.SIZE];
        private final double[] k2 = new double[RigidBodyState.SIZE];
        private final double[] k3 = new double[RigidBodyState.SIZE];
        private final double[] k4 = new double[RigidBodyState.SIZE];
        private final double[] tmp = new double[RigidBodyState.SIZE];

        Stepper(RigidBodyDynamics dynamics, EffectorPositions effectors, Vector3D gust) {
            this.dynamics = dynamics;
            this.effectors = effectors;
            this.gust = gust;
        }

        double[] step(double t, double[] y, double h) {
            int n = y.length;
            dynamics.derivatives(t, y, effectors, gust, k1);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * h * k1[i];
            }
            dynamics.derivatives(t + 0.5 * h, tmp, effectors, gust, k2);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * h * k2[i];
            }
            dynamics.derivatives(t + 0.5 * h, tmp, effectors, gust, k3);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * k3[i];
            }
            dynamics.derivatives(t + h, tmp, effectors, gust, k4);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            double norm = Math.sqrt(out[6] * out[6] + out[7] * out[7] + out[8] * out[8] + out[9] * out[9]);
            for (int i = 6; i < 10; i++) {
                out[i] /= norm;
            }
            return out;
        }
    }
}
