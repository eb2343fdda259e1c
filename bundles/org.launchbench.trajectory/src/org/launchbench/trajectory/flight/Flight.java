package org.launchbench.trajectory.flight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Jettison;
import org.launchbench.trajectory.dynamics.PhaseDynamics;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.StopWhen;

/**
 * One vehicle's flight, flown phase by phase (a phase = one configuration of stages, engines and steering)
 * with an adaptive Dormand-Prince 8(5,3) integrator. Each phase ends exactly at its event (burnout mass,
 * ground contact at the ground's height, or its time limit), located by the integrator's event detection to 1e-6 s; max-Q is
 * located to 1e-4 s on the integrator's dense output. Records the event timeline and a time history.
 * Not thread-safe: one instance per flight.
 */
public final class Flight {

    /** Relative tolerance of the integrator unless set (absolute: 1e-3 m, m/s, kg at this setting). */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-10;

    /** A phase shorter than this (relative to the time) is not integrated (the integrator refuses it), s/s. */
    static final double MIN_PHASE = 1e-11;

    /** The longest integration step unless the phase's dynamics want shorter, s. */
    static final double MAX_STEP = 10;

    /** Mean Earth radius for downrange distances, m (IUGG R1). */
    static final double MEAN_RADIUS = 6_371_008.8;

    private final EarthModel earth;
    private final EarthModel.Geodetic site;
    private final double sampleInterval;
    private final List<FlightEvent> events = new ArrayList<>();
    private final List<FlightSample> samples = new ArrayList<>();
    private double time;
    private double[] state;
    private double maxQ = -1;
    private FlightEvent maxQEvent;
    private double nextSample;
    private double groundHeight;
    private Jettison jettison;
    private String jettisonEvent;
    private boolean recording = true;
    private boolean started;
    private String groundEvent = "ground";
    private double relativeTolerance = DEFAULT_RELATIVE_TOLERANCE;
    /** The last phase's largest step, s (NaN before any): where the next piece of the same burn can start. */
    private double lastStep = Double.NaN;

    /**
     * Starts on the pad: at rest on the rotating Earth at the site, at t = 0.
     *
     * @param earth          the Earth
     * @param site           the launch point
     * @param liftoffMass    total mass at liftoff, kg
     * @param sampleInterval time between history samples, s
     */
    public Flight(EarthModel earth, EarthModel.Geodetic site, double liftoffMass, double sampleInterval) {
        this.earth = earth;
        this.site = site;
        this.sampleInterval = sampleInterval;
        this.groundHeight = site.height();
        Vector3D r = earth.ecef(site);
        Vector3D v = Vector3D.crossProduct(earth.rotation(), r);
        this.state = new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), liftoffMass};
    }

    /**
     * Starts from a state in flight (a separated stage, say).
     *
     * @param earth          the Earth
     * @param site           the launch point (downrange is measured from it)
     * @param time           time since liftoff, s
     * @param state          state {x, y, z, vx, vy, vz, m} in the flight frame
     * @param sampleInterval time between history samples, s
     */
    public Flight(EarthModel earth, EarthModel.Geodetic site, double time, double[] state, double sampleInterval) {
        this.earth = earth;
        this.site = site;
        this.sampleInterval = sampleInterval;
        // the ground around the launch site until told otherwise (groundAt)
        this.groundHeight = site.height();
        this.time = time;
        this.state = state.clone();
        this.nextSample = Math.ceil(time / sampleInterval) * sampleInterval;
        this.started = true;
    }

    /** How a phase ended. */
    public enum End {
        /** The mass reached the phase's burnout mass. */
        BURNOUT,
        /** The vehicle reached the ground. */
        GROUND,
        /** The phase's time limit. */
        TIME,
        /** The phase's own stop condition. */
        CONDITION
    }

    /**
     * Flies one phase.
     *
     * @param dynamics    the equations of motion of the phase
     * @param burnoutMass the phase ends when the mass falls to this, kg (negative: no mass limit)
     * @param maxDuration the phase ends after this long at most, s
     * @param endEvent    name of the event recorded at burnout or time limit (null: none)
     * @return why the phase ended
     */
    public End fly(PhaseDynamics dynamics, double burnoutMass, double maxDuration, String endEvent) {
        return fly(dynamics, burnoutMass, maxDuration, endEvent, null);
    }

    /**
     * Flies one phase, which may also end where a condition of the state rises through zero (the approach of an
     * apoapsis at the end of a coast, say).
     *
     * @param dynamics    the equations of motion of the phase
     * @param burnoutMass the phase ends when the mass falls to this, kg (negative: no mass limit); a jettison
     *                    during the phase lowers it by the mass dropped
     * @param maxDuration the phase ends after this long at most, s
     * @param endEvent    name of the event recorded at burnout, time limit or condition (null: none)
     * @param until       the phase ends where this rises through zero (null: no condition)
     * @return why the phase ended
     */
    public End fly(PhaseDynamics dynamics, double burnoutMass, double maxDuration, String endEvent,
                   ToDoubleFunction<ODEStateAndDerivative> until) {
        return fly(dynamics, burnoutMass, maxDuration, endEvent, until, Double.NaN);
    }

    /**
     * Flies one phase that continues the last one's equations (a guidance cycle's next piece of a burn), starting with a
     * given step (the largest the last one took, {@link #lastStepS}) instead of the integrator's cautious first estimate.
     *
     * @param dynamics    the equations of motion of the phase
     * @param burnoutMass as {@link #fly(PhaseDynamics, double, double, String, ToDoubleFunction)}
     * @param maxDuration the phase ends after this long at most, s
     * @param endEvent    name of the event recorded at burnout, time limit or condition (null: none)
     * @param until       the phase ends where this rises through zero (null: no condition)
     * @param firstStep   the first step tried, s (NaN: the integrator's estimate)
     * @return why the phase ended
     */
    public End fly(PhaseDynamics dynamics, double burnoutMass, double maxDuration, String endEvent,
                   ToDoubleFunction<ODEStateAndDerivative> until, double firstStep) {
        if (!started) {
            started = true;
            events.add(event("liftoff", dynamics, time, state));
        }
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-9, Math.min(MAX_STEP, dynamics.maxStepS()),
            1e7 * relativeTolerance, relativeTolerance);
        if (firstStep > 0) {
            integrator.setInitialStepSize(firstStep);
        }
        End[] end = {End.TIME};
        Jettison drop = jettison != null && !jettison.done() ? jettison : null;
        if (burnoutMass >= 0) {
            integrator.addEventDetector(new StopWhen(s -> s.getPrimaryState()[6] - burnoutMass + (drop == null ? 0 : drop.dropped()),
                false, 1.0, 1e-6, () -> end[0] = End.BURNOUT));
        }
        if (drop != null) {
            integrator.addEventDetector(drop);
        }
        if (until != null) {
            integrator.addEventDetector(new StopWhen(until, true, 10.0, 1e-6, () -> end[0] = End.CONDITION));
        }
        state = dynamics.enter(time, state);
        double startTime = time;
        integrator.addEventDetector(new StopWhen(s -> s.getTime() - startTime < 1 ? 1
            : earth.geodetic(earth.toFixed(s.getTime(), position(s.getPrimaryState()))).height() - groundHeight, false, 1.0, 1e-6,
            () -> end[0] = End.GROUND));
        if (recording) {
            integrator.addStepHandler(new Recorder(dynamics));
        }
        if (maxDuration > MIN_PHASE * Math.max(1, time)) {
            double[] largest = {0};
            integrator.addStepHandler(step -> largest[0] = Math.max(largest[0],
                Math.abs(step.getCurrentState().getTime() - step.getPreviousState().getTime())));
            ODEStateAndDerivative last = integrator.integrate(dynamics, new ODEState(time, state), time + maxDuration);
            lastStep = largest[0];
            time = last.getTime();
            state = last.getPrimaryState().clone();
        }
        if (drop != null && drop.done()) {
            events.add(event(jettisonEvent, dynamics, drop.time(), drop.state()));
        }
        if (end[0] == End.GROUND) {
            events.add(event(groundEvent, dynamics, time, state));
        } else if (endEvent != null) {
            events.add(event(endEvent, dynamics, time, state));
        }
        return end[0];
    }

    /** @return the largest step of the last phase flown, s (NaN before any) */
    public double lastStepS() {
        return lastStep;
    }

    /** @param name the event recorded on ground contact ("ground" unless set); @return this flight */
    public Flight groundEvent(String name) {
        this.groundEvent = name;
        return this;
    }

    /**
     * @param record false for a trial flight whose history and max-Q nobody reads (events are still recorded):
     *               the solvers fly many of those
     * @return this flight
     */
    public Flight recording(boolean record) {
        this.recording = record;
        return this;
    }

    /**
     * @param relative the integrator's relative tolerance (absolute tolerance scales with it: 1e-3 m, m/s, kg at
     *                 1e-10); the default is {@value #DEFAULT_RELATIVE_TOLERANCE}
     * @return this flight
     */
    public Flight tolerance(double relative) {
        this.relativeTolerance = relative;
        return this;
    }

    /**
     * Arms a jettison (the payload fairing): from the next phase on, the flight drops its mass where its condition
     * is met, and records the event.
     *
     * @param drop      what and when
     * @param eventName the event recorded then
     */
    public void jettison(Jettison drop, String eventName) {
        this.jettison = drop;
        this.jettisonEvent = eventName;
    }

    /** @return the armed jettison if it has not happened yet, else null */
    public Jettison pendingJettison() {
        return jettison != null && !jettison.done() ? jettison : null;
    }

    /**
     * @param height height of the ground above the ellipsoid for the ground-contact event from now on, m (the
     *               launch site's at first; a landing zone's for a landing)
     */
    public void groundAt(double height) {
        this.groundHeight = height;
    }

    /** @param mass mass dropped now (a separated stage, a jettisoned fairing), kg */
    public void drop(double mass) {
        state[6] -= mass;
    }

    /**
     * Moves the flight on to where another simulation has flown the vehicle (flight software in the loop on its own
     * plant, say): later events, phases and the history go on from there; a history sample is recorded when one is
     * due, and max-q moves when passed. Called at the other simulation's steps, in time order.
     *
     * @param time          s since liftoff, not before now
     * @param state         the state there, in this flight's layout and frame
     * @param airData       the equations of motion for the air data of the sample
     * @param throttle      the throttle then, for the sample
     * @param specificForce the specific force's magnitude then, m/s², for the sample
     */
    public void carriedTo(double time, double[] state, PhaseDynamics airData, double throttle, double specificForce) {
        if (time < this.time - 1e-9) {
            throw new IllegalArgumentException("a flight is carried forward in time, not back: " + time + " s after " + this.time + " s");
        }
        this.time = time;
        this.state = state.clone();
        Vector3D r = position(state);
        Vector3D v = new Vector3D(state[3], state[4], state[5]);
        PointMassDynamics.Environment env = airData.environment(time, r, v);
        if (env.dynamicPressure() > maxQ) {
            maxQ = env.dynamicPressure();
            maxQEvent = event("max-q", airData, time, state);
        }
        if (recording && time >= nextSample - 1e-9) {
            Vector3D ground = v.subtract(Vector3D.crossProduct(earth.rotation(), r));
            samples.add(new FlightSample(time, env.position().height(), ground.getNorm(), env.mach(), env.dynamicPressure(),
                downrange(site, env.position()), state[6], throttle, specificForce, Math.toDegrees(env.position().latitude()),
                Math.toDegrees(Math.IEEEremainder(env.position().longitude(), 2 * Math.PI))));
            while (nextSample <= time + 1e-9) {
                nextSample += sampleInterval;
            }
        }
    }

    /** @param name an event to record now, with the current state; @param dynamics for the air data */
    public void mark(String name, PhaseDynamics dynamics) {
        events.add(event(name, dynamics, time, state));
    }

    /** @return the current time since liftoff, s */
    public double time() {
        return time;
    }

    /**
     * @return a copy of the current state {x, y, z, vx, vy, vz, m} (inertial, SI), followed by the attitude and
     *         rates when the last phase flew a rigid body ({@link PhaseDynamics})
     */
    public double[] state() {
        return state.clone();
    }

    /** @return the events so far, max-Q included, in time order */
    public List<FlightEvent> events() {
        List<FlightEvent> all = new ArrayList<>(events);
        if (maxQEvent != null) {
            all.add(maxQEvent);
        }
        all.sort(Comparator.comparingDouble(FlightEvent::time));
        return List.copyOf(all);
    }

    /** @return the time history so far */
    public List<FlightSample> samples() {
        return List.copyOf(samples);
    }

    private static Vector3D position(double[] y) {
        return new Vector3D(y[0], y[1], y[2]);
    }

    private FlightEvent event(String name, PhaseDynamics dynamics, double t, double[] y) {
        return event(earth, site, name, dynamics, t, y);
    }

    /**
     * An event from a state, for phases flown outside a flight (the orbital phase, say).
     *
     * @param earth    the Earth
     * @param site     the launch point (downrange is measured from it)
     * @param name     the event's name
     * @param dynamics the equations of motion in force then (for the air data)
     * @param t        time since liftoff, s
     * @param y        state {x, y, z, vx, vy, vz, m}
     * @return the event
     */
    public static FlightEvent event(EarthModel earth, EarthModel.Geodetic site, String name, PhaseDynamics dynamics,
                                    double t, double[] y) {
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]);
        PointMassDynamics.Environment env = dynamics.environment(t, r, v);
        Vector3D ground = v.subtract(Vector3D.crossProduct(earth.rotation(), r));
        return new FlightEvent(name, t, env.position().height(), ground.getNorm(), v.getNorm(), env.mach(),
            env.dynamicPressure(), downrange(site, env.position()), y[6]);
    }

    private static double downrange(EarthModel.Geodetic site, EarthModel.Geodetic p) {
        double dLat = p.latitude() - site.latitude();
        double dLon = p.longitude() - site.longitude();
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(site.latitude()) * Math.cos(p.latitude()) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Samples the history and tracks max-Q on the dense output. */
    private final class Recorder implements ODEStepHandler {
        private final PhaseDynamics dynamics;

        Recorder(PhaseDynamics dynamics) {
            this.dynamics = dynamics;
        }

        private double q(ODEStateInterpolator i, double t) {
            double[] y = i.getInterpolatedState(t).getPrimaryState();
            return dynamics.environment(t, new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5])).dynamicPressure();
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            double t0 = interpolator.getPreviousState().getTime();
            double t1 = interpolator.getCurrentState().getTime();
            while (nextSample <= t1) {
                if (nextSample >= t0) {
                    sample(interpolator.getInterpolatedState(nextSample));
                }
                nextSample += sampleInterval;
            }
            // the largest q within the step, refined by Brent's method when it is inside the step
            double tm = (t0 + t1) / 2;
            double q0 = q(interpolator, t0), qm = q(interpolator, tm), q1 = q(interpolator, t1);
            double best = Math.max(q0, Math.max(qm, q1));
            double tBest = best == q0 ? t0 : best == qm ? tm : t1;
            if (t1 > t0 && qm >= q0 && qm >= q1) {
                var opt = new BrentOptimizer(1e-12, 1e-4).optimize(new MaxEval(200), GoalType.MAXIMIZE,
                    new UnivariateObjectiveFunction(t -> q(interpolator, t)), new SearchInterval(t0, t1, tm));
                if (opt.getValue() > best) {
                    best = opt.getValue();
                    tBest = opt.getPoint();
                }
            }
            if (best > maxQ) {
                maxQ = best;
                maxQEvent = event("max-q", dynamics, tBest, interpolator.getInterpolatedState(tBest).getPrimaryState());
            }
        }

        private void sample(ODEStateAndDerivative s) {
            double t = s.getTime();
            double[] y = s.getPrimaryState();
            double[] d = s.getPrimaryDerivative();
            Vector3D r = new Vector3D(y[0], y[1], y[2]);
            Vector3D v = new Vector3D(y[3], y[4], y[5]);
            PointMassDynamics.Environment env = dynamics.environment(t, r, v);
            Vector3D sensed = new Vector3D(d[3], d[4], d[5]).subtract(earth.gravity(r));
            double throttle = dynamics.throttleAt(t, r, v, y[6]);
            Vector3D ground = v.subtract(Vector3D.crossProduct(earth.rotation(), r));
            samples.add(new FlightSample(t, env.position().height(), ground.getNorm(), env.mach(), env.dynamicPressure(),
                downrange(site, env.position()), y[6], throttle, sensed.getNorm(), Math.toDegrees(env.position().latitude()),
                Math.toDegrees(Math.IEEEremainder(env.position().longitude(), 2 * Math.PI))));
        }
    }
}
