package org.launchbench.trajectory.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Jettison;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.launchbench.trajectory.flight.Flight;

/**
 * Flies an upper-stage burn closed-loop, as a predictor-corrector guidance of the PEG/UPFG class does (Jaggers, "An
 * explicit solution to the exoatmospheric powered flight guidance and trajectory optimization problem for rocket
 * propelled vehicles", AIAA 77-1051, 1977; Brand, Brown &amp; Higgins, "Space Shuttle GN&amp;C equation document no. 24:
 * unified powered flight guidance", 1973): every guidance cycle the cut-off is predicted from the current state with
 * the steering flown so far, and where it misses the target the steering is corrected from there
 * ({@link InsertionGuidance#correct}). The prediction flies the full equations (J2, pressure-corrected thrust) rather
 * than PEG's closed-form vacuum integrals; the law it corrects is PEG's linear-tangent family.
 * <p>
 * The guidance's model of the engines is their rating, scaled at each cycle to the thrust the accelerometers sense
 * (the specific force less what drag would give, of which an upper stage has none), so a weak engine or a thrust
 * shortfall is flown longer rather than steered by a wrong model; the specific impulse is taken as rated (a sensor
 * cannot tell it). The engines are cut off when the orbital energy reaches the target's, as a velocity-to-be-gained
 * cut-off does, not at a predicted time. Within {@value #TERMINAL_S} s of the predicted cut-off the steering is held:
 * the law's rate becomes ill-conditioned as the time to go vanishes (the Shuttle's PEG stopped updating its steering in
 * its last seconds for the same reason); a burn shorter than {@link InsertionGuidance#SHORT_BURN} s is held throughout.
 * <p>
 * The guidance reads the true state (the ascent has no navigation model) and the propellant left from the state's
 * mass. Not thread-safe.
 */
public final class ClosedLoopBurn {

    /**
     * Seconds between guidance cycles unless told: the Shuttle's PEG ran its major cycle every 1.92 s (Brand et al.);
     * 2 s keeps a re-solve's prediction honest at a few per cent of a burn's cost each.
     */
    public static final double DEFAULT_CYCLE_S = 2;
    /** Below this predicted time to go, s, the steering is held to the cut-off. */
    public static final double TERMINAL_S = 10;
    /** Position, velocity and mass off the predicted path below which the prediction stands ({@link #onPath}). */
    static final double ON_PATH_M = 0.05;
    static final double ON_PATH_M_S = 5e-5;
    static final double ON_PATH_KG = 0.01;
    /** A burn is abandoned after this many cycles (a guard: a burn of hours at 2 s). */
    static final int MAX_CYCLES = 10_000;

    /** The engines as they really burn: a thrust that may change at known times (failures), deviated from the rating. */
    public interface Engines {

        /** @param t time, s; @return the engines then */
        Propulsion at(double t);

        /** @param t time, s; @return the first time after {@code t} at which the engines change; +∞ when none */
        double nextChange(double t);

        /** @param t a time the engines change; @return the timeline's event for it (null: none) */
        default String changeEvent(double t) {
            return null;
        }

        /** @param p engines that never change; @return them */
        static Engines constant(Propulsion p) {
            return new Engines() {
                @Override
                public Propulsion at(double t) {
                    return p;
                }

                @Override
                public double nextChange(double t) {
                    return Double.POSITIVE_INFINITY;
                }
            };
        }
    }

    /**
     * A flown burn.
     *
     * @param steering   the steering flown, part by part (what a replay flies again)
     * @param cutoffTime engine cut-off, s
     * @param cycles     guidance cycles, the solve at ignition included
     */
    public record Result(Steering steering, double cutoffTime, int cycles) {
    }

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final Propulsion rated;
    private final double cycle;

    /**
     * @param earth      the Earth
     * @param atmosphere the atmosphere
     * @param rated      the engines as the guidance knows them (their rating)
     * @param cycleS     seconds between guidance cycles; +∞ flies the ignition's solution open-loop (to the energy
     *                   cut-off)
     */
    public ClosedLoopBurn(EarthModel earth, Atmosphere atmosphere, Propulsion rated, double cycleS) {
        if (!(cycleS > 0)) {
            throw new IllegalArgumentException("a guidance cycle must be positive: " + cycleS);
        }
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.rated = rated;
        this.cycle = cycleS;
    }

    /**
     * Flies the burn from the flight's current state, solved at ignition, to the cut-off.
     *
     * @param flight      the flight, at ignition; left at cut-off
     * @param engines     the engines as they burn
     * @param first       the burn as solved at ignition (by {@link InsertionGuidance#solve})
     * @param burnoutMass mass with the usable propellant gone (a jettison pending at ignition still on board), kg
     * @param target      the orbit
     * @param cutoffEvent the event marked at cut-off
     * @return the burn flown
     * @throws ShortOfOrbitException when the stage runs out of propellant, or loses its thrust, before the orbit
     * @throws RunFailedException    when a correction does not converge
     */
    public Result fly(Flight flight, Engines engines, InsertionGuidance.Solution first, double burnoutMass, InsertionTarget target,
                      String cutoffEvent) {
        double targetEnergy = -earth.mu() / (2 * target.semiMajorAxis());
        ToDoubleFunction<ODEStateAndDerivative> reached = s -> energy(s.getPrimaryState()) - targetEnergy;
        Jettison atIgnition = flight.pendingJettison();
        LinearTangentSteering steering = (LinearTangentSteering) first.steering();
        List<Double> starts = new ArrayList<>(List.of(flight.time()));
        List<Steering> parts = new ArrayList<>(List.of(steering));
        double cutoff = first.cutoffTime();
        PredictedPath path = first.path();
        double predictedWith = 1;
        double step = Double.NaN;
        // a burn too short to steer its cut-off radius (a circularisation at the apogee a coast was aimed at) is held as
        // solved at ignition, like the last seconds of any burn: a correction could only fight the radius it cannot move
        boolean held = Double.isInfinite(cycle) || first.cutoffTime() - flight.time() < InsertionGuidance.SHORT_BURN;
        for (int cycles = 1; cycles <= MAX_CYCLES; cycles++) {
            double now = flight.time();
            double togo = cutoff - now;
            // the last seconds, a held burn or open loop: to the cut-off, with room for a weaker engine than predicted
            double until = togo <= TERMINAL_S || held ? now + 2 * Math.max(togo, 0) + 30 : now + cycle;
            Flight.End end = Flight.End.TIME;
            for (double t = now; end == Flight.End.TIME && t < until; ) {
                double change = engines.nextChange(t);
                double stop = Math.min(until, change);
                PointMassDynamics d = new PointMassDynamics(earth, atmosphere, engines.at(t), Aerodynamics.NONE, steering, Winds.CALM);
                // each piece continues the burn's equations: it starts with the step the last piece reached, not with the
                // integrator's cautious first estimate
                end = flight.fly(d, burnoutNow(burnoutMass, atIgnition), stop - t, null, reached, step);
                step = flight.lastStepS();
                if (end == Flight.End.TIME && stop == change && engines.changeEvent(change) != null) {
                    flight.mark(engines.changeEvent(change), new PointMassDynamics(earth, atmosphere, engines.at(change),
                        Aerodynamics.NONE, steering, Winds.CALM));
                }
                // a change too close to fly to (below the flight's least phase) is passed over
                t = Math.max(flight.time(), stop);
            }
            switch (end) {
                case CONDITION -> {
                    flight.mark(cutoffEvent, new PointMassDynamics(earth, atmosphere, engines.at(flight.time()), Aerodynamics.NONE,
                        steering, Winds.CALM));
                    Steering flown = parts.size() == 1 ? steering
                        : new SteeringSequence(starts.stream().mapToDouble(Double::doubleValue).toArray(), parts.toArray(Steering[]::new));
                    return new Result(flown, flight.time(), cycles);
                }
                case BURNOUT -> throw new ShortOfOrbitException(String.format(Locale.ROOT, "the upper stage runs out of propellant"
                    + " before reaching the target orbit (%.0f m/s short)", shortfall(flight, target)), shortfall(flight, target));
                case GROUND -> throw new RunFailedException(String.format(Locale.ROOT, "the upper stage falls back to the ground"
                    + " at %.0f s", flight.time()));
                default -> {
                }
            }
            if (held) {
                // nothing senses or corrects a held burn; one not cut off by then never will be
                throw new ShortOfOrbitException(String.format(Locale.ROOT, "the upper stage's burn, its steering held, has not"
                    + " reached the target orbit at %.1f s (%.0f m/s short)", flight.time(), shortfall(flight, target)),
                    shortfall(flight, target));
            }
            // a guidance cycle: sense the thrust, predict the cut-off, correct the steering where the prediction misses
            double[] y = flight.state();
            double factor = sensedThrustFactor(flight.time(), y, engines.at(flight.time()), steering);
            if (factor < 1e-3) {
                throw new ShortOfOrbitException(String.format(Locale.ROOT, "the upper stage has no thrust at %.1f s and cannot"
                    + " reach the target orbit (%.0f m/s short)", flight.time(), shortfall(flight, target)), shortfall(flight, target));
            }
            if (Math.abs(factor - predictedWith) < 1e-6 && onPath(path.stateAt(flight.time()), y)) {
                // where the last prediction has the vehicle, on the same engines: its cut-off stands
                continue;
            }
            InsertionGuidance guidance = new InsertionGuidance(earth, atmosphere, rated.deviated(factor, 1), Aerodynamics.NONE);
            InsertionGuidance.Solution next = guidance.correct(flight.time(), y, burnoutNow(burnoutMass, atIgnition), target, steering,
                flight.pendingJettison());
            if (next.iterations() > 0) {
                steering = (LinearTangentSteering) next.steering();
                starts.add(flight.time());
                parts.add(steering);
            }
            cutoff = next.cutoffTime();
            path = next.path();
            predictedWith = factor;
        }
        throw new RunFailedException("the upper-stage burn was not cut off in " + MAX_CYCLES + " guidance cycles");
    }

    /** @return the burn-out mass now: less a jettison pending at ignition once it has happened, kg */
    private static double burnoutNow(double burnoutMass, Jettison atIgnition) {
        return burnoutMass - (atIgnition != null && atIgnition.done() ? atIgnition.mass() : 0);
    }

    /**
     * Whether a state is the predicted one to well within what moves the cut-off by the guidance's tolerances: a
     * position error grows by about the velocity error times the time to go (a few hundred seconds), so 5 cm and
     * 5e-5 m/s keep the predicted cut-off radius within a few centimetres of a prediction flown again.
     */
    private static boolean onPath(double[] predicted, double[] y) {
        if (predicted == null) {
            return false;
        }
        double dr = Math.sqrt(sq(predicted[0] - y[0]) + sq(predicted[1] - y[1]) + sq(predicted[2] - y[2]));
        double dv = Math.sqrt(sq(predicted[3] - y[3]) + sq(predicted[4] - y[4]) + sq(predicted[5] - y[5]));
        return dr < ON_PATH_M && dv < ON_PATH_M_S && Math.abs(predicted[6] - y[6]) < ON_PATH_KG;
    }

    private static double sq(double x) {
        return x * x;
    }

    /**
     * The thrust the accelerometers sense over what the rated engines would give in the same state and steering.
     */
    private double sensedThrustFactor(double t, double[] y, Propulsion real, Steering steering) {
        double model = specificForce(rated, steering, t, y);
        return model > 0 ? specificForce(real, steering, t, y) / model : 0;
    }

    /** @return the specific force (acceleration less gravity) engines give in a state, m/s² */
    private double specificForce(Propulsion engines, Steering steering, double t, double[] y) {
        double[] d = new PointMassDynamics(earth, atmosphere, engines, Aerodynamics.NONE, steering, Winds.CALM).computeDerivatives(t, y);
        return new Vector3D(d[3], d[4], d[5]).subtract(earth.gravity(new Vector3D(y[0], y[1], y[2]))).getNorm();
    }

    private double energy(double[] y) {
        return 0.5 * (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - earth.mu() / Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    }

    private double shortfall(Flight flight, InsertionTarget target) {
        return InsertionGuidance.shortfall(earth.mu(), flight.state(), target);
    }
}
