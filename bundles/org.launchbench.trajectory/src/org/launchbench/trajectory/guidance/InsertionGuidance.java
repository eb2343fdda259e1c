package org.launchbench.trajectory.guidance;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Jettison;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.StopWhen;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * Closed-loop upper-stage guidance to orbit insertion by shooting on the full dynamics: the two parameters of
 * {@link LinearTangentSteering} are solved by Newton's method (finite-difference Jacobian, damped steps) so
 * that, when the orbital energy reaches the target's (engine cut-off), the vehicle is at the target perigee
 * radius with zero flight-path angle. Energy, radius and flight-path angle at perigee fix perigee and apogee;
 * the steering keeps the burn in the target plane, which fixes the inclination. Because every iteration flies
 * the real equations of motion (J2, pressure-corrected thrust, drag), the converged burn is the one its model of the
 * engines would fly; {@link #correct} re-solves it from the current state during the burn ({@link ClosedLoopBurn}).
 * Not thread-safe.
 */
public final class InsertionGuidance {

    /** Cut-off radius tolerance, m. */
    static final double RADIUS_TOLERANCE = 1.0;
    /** Cut-off flight-path-angle tolerance, rad (1e-5 rad moves apogee by a few hundred metres in LEO). */
    static final double ANGLE_TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 40;
    /**
     * Burns expected to be shorter than this (s) cannot steer their cut-off radius and are solved for the
     * flight-path angle alone.
     */
    static final double SHORT_BURN = 30;
    /** A short burn at apogee is accepted this close to the target radius, m (its coast is aimed to 20 m). */
    static final double SHORT_BURN_RADIUS_TOLERANCE = 500;

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final Propulsion propulsion;
    private final Aerodynamics aerodynamics;
    private Jettison pending;
    /** Below this excess (m/s) a solid stage whose waste does not converge keeps the ordinary cut-off. */
    static final double SMALL_EXCESS = 30;
    private double wasteStart;
    private double wasteEnd;

    /**
     * @param earth        the Earth
     * @param atmosphere   the atmosphere
     * @param propulsion   the upper stage's engines
     * @param aerodynamics the upper stack's drag (usually negligible by then)
     */
    public InsertionGuidance(EarthModel earth, Atmosphere atmosphere, Propulsion propulsion, Aerodynamics aerodynamics) {
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.propulsion = propulsion;
        this.aerodynamics = aerodynamics;
    }

    /**
     * A converged burn.
     *
     * @param steering   the steering to fly
     * @param cutoffTime engine cut-off time, s
     * @param cutoff     state at cut-off {x, y, z, vx, vy, vz, m}
     * @param iterations Newton iterations used
     * @param path       the burn as the guidance predicts it, ignition to cut-off
     */
    public record Solution(Steering steering, double cutoffTime, double[] cutoff, int iterations, PredictedPath path) {
    }

    /** One flown burn: where it ended and why, and the way there. */
    private record Burn(double time, double[] state, boolean burnedOut, PredictedPath path) {
    }

    /**
     * @param t0          ignition time, s
     * @param y0          state at ignition
     * @param burnoutMass mass with the usable propellant gone, kg
     * @param target      the orbit to insert into
     * @param throttle    throttle setting for the burn
     * @return the burn that reaches the target
     * @throws RunFailedException when the stage runs out of propellant first, or the shooting does not converge
     */
    public Solution solve(double t0, double[] y0, double burnoutMass, InsertionTarget target, double throttle) {
        return solve(t0, y0, burnoutMass, target, throttle, null);
    }

    /**
     * As {@link #solve(double, double[], double, InsertionTarget, double)}, with a jettison (the fairing) still to
     * come during the burn, which every trial flies as the flight will.
     *
     * @param t0          ignition time, s
     * @param y0          state at ignition
     * @param burnoutMass mass with the usable propellant gone (and the jettisoned mass still on board), kg
     * @param target      the orbit to insert into
     * @param throttle    throttle setting for the burn
     * @param pending     a jettison still to happen (null: none)
     * @return the burn that reaches the target
     */
    public Solution solve(double t0, double[] y0, double burnoutMass, InsertionTarget target, double throttle, Jettison pending) {
        this.pending = pending;
        double burnTime = (y0[6] - burnoutMass) / propulsion.massFlow(throttle);
        // the pitch rate is solved scaled by the expected burn time (rocket equation on the speed still to gain),
        // so that a four-second circularisation and a six-minute ascent burn are equally well conditioned
        Vector3D r0 = new Vector3D(y0[0], y0[1], y0[2]);
        Vector3D v0 = new Vector3D(y0[3], y0[4], y0[5]);
        double toGain = Math.abs(target.speedAt(earth.mu(), target.insertionRadius()) - v0.getNorm());
        double exhaust = propulsion.vacuumThrust() / propulsion.massFlow();
        double expected = Math.min(burnTime, Math.max(1, y0[6] * (1 - Math.exp(-toGain / exhaust)) / propulsion.massFlow(throttle)));
        double climb = Math.asin(Vector3D.dotProduct(r0, v0) / (r0.getNorm() * v0.getNorm()));
        // climbing out of the atmosphere: start pitched up and pitching down; near an apsis: start level
        double a = climb > Math.toRadians(5) ? 0.3 : 0;
        double bs = 2 * a * expected / burnTime;
        if (expected < SHORT_BURN && target.insertionRadius() == target.apogeeRadius() && climb < Math.toRadians(5)) {
            return solveShort(t0, y0, burnoutMass, target, throttle);
        }
        return newton(t0, y0, burnoutMass, target, throttle, a, bs, expected, null);
    }

    /**
     * The in-flight correction of a burn being flown (one guidance cycle): the steering flown so far is carried on from
     * the current state and its cut-off predicted; where it misses the target by more than the tolerances, Newton's
     * method corrects it from there. The predictor-corrector of closed-loop guidance, on this guidance's model of the
     * engines (which the caller may have scaled to the thrust it senses).
     *
     * @param t           now, s
     * @param y           the state now (as navigated)
     * @param burnoutMass mass with the usable propellant gone (and a pending jettison's mass on board), kg
     * @param target      the orbit
     * @param previous    the steering flown until now
     * @param pending     a jettison still to happen (null: none)
     * @return the steering to fly from now (the same law, re-based at {@code t}); its iterations are 0 when the
     *         prediction needed no correction
     * @throws RunFailedException when the stage cannot reach the orbit any more, or the correction does not converge
     */
    public Solution correct(double t, double[] y, double burnoutMass, InsertionTarget target, LinearTangentSteering previous,
                            Jettison pending) {
        this.pending = pending;
        double throttle = previous.throttle();
        double a = previous.a() - previous.b() * (t - previous.ignition());
        LinearTangentSteering carried = steering(a, previous.b(), t, target, throttle);
        Burn burn = fly(t, y, burnoutMass, target, carried);
        double[] f = residuals(burn, target);
        if (Math.abs(f[0]) < RADIUS_TOLERANCE && Math.abs(f[1]) < ANGLE_TOLERANCE && !burn.burnedOut()) {
            return new Solution(carried, burn.time(), burn.state(), 0, burn.path());
        }
        double expected = Math.max(1, Math.min(burn.time() - t, (y[6] - burnoutMass) / propulsion.massFlow(throttle)));
        return newton(t, y, burnoutMass, target, throttle, a, previous.b() * expected, expected, f);
    }

    /**
     * Newton's method on the pitch law from a starting point.
     *
     * @param bs the pitch rate scaled by the expected burn time
     * @param f  the residuals at the start when already flown (null: fly them)
     */
    private Solution newton(double t0, double[] y0, double burnoutMass, InsertionTarget target, double throttle, double a,
                            double bs, double expected, double[] f) {
        double b = bs / expected;
        if (f == null) {
            f = residuals(fly(t0, y0, burnoutMass, target, steering(a, b, t0, target, throttle)), target);
        }
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double da = 1e-5;
            double db = 1e-5;
            double[] fa = residuals(fly(t0, y0, burnoutMass, target, steering(a + da, b, t0, target, throttle)), target);
            double[] fb = residuals(fly(t0, y0, burnoutMass, target, steering(a, (bs + db) / expected, t0, target, throttle)), target);
            double j11 = (fa[0] - f[0]) / da, j12 = (fb[0] - f[0]) / db;
            double j21 = (fa[1] - f[1]) / da, j22 = (fb[1] - f[1]) / db;
            double det = j11 * j22 - j12 * j21;
            if (det == 0 || !Double.isFinite(det)) {
                throw new RunFailedException("upper-stage guidance: the shooting problem is singular at iteration " + it);
            }
            double stepA = -(j22 * f[0] - j12 * f[1]) / det;
            double stepB = -(-j21 * f[0] + j11 * f[1]) / det;
            // damping: never move the initial pitch tangent, nor its change over the expected burn, by more than 0.3
            double scale = Math.min(1, Math.min(0.3 / Math.abs(stepA), 0.3 / Math.abs(stepB)));
            a += scale * stepA;
            bs += scale * stepB;
            b = bs / expected;
            LinearTangentSteering steering = steering(a, b, t0, target, throttle);
            Burn burn = fly(t0, y0, burnoutMass, target, steering);
            f = residuals(burn, target);
            if (Math.abs(f[0]) < RADIUS_TOLERANCE && Math.abs(f[1]) < ANGLE_TOLERANCE) {
                if (burn.burnedOut()) {
                    throw outOfPropellant(burn, target);
                }
                return new Solution(steering, burn.time(), burn.state(), it, burn.path());
            }
        }
        throw new RunFailedException("upper-stage guidance did not converge in " + MAX_ITERATIONS + " iterations"
            + String.format(" (cut-off radius off by %.0f m, flight-path angle by %.4f deg)", f[0], Math.toDegrees(f[1])));
    }

    /**
     * A burn that cannot be cut off (a solid motor): it burns to depletion, and the excess the orbit does not need
     * is spent by pitching up and down about the optimal direction ({@link EnergyWasting}). First the ordinary burn is solved (its
     * propellant left at cut-off sizes the excess and gives the starting point), then Newton's method on the pitch
     * law's two parameters and the waste's squared amplitude so that at burnout the radius is the insertion radius,
     * the flight-path angle zero and the energy the target's (Δv equivalent within 0.05 m/s).
     *
     * @param t0          ignition time, s
     * @param y0          state at ignition
     * @param burnoutMass mass with the usable propellant gone, kg
     * @param target      the orbit
     * @param pending     a jettison still to happen (null: none)
     * @return the burn, cut off at burnout
     * @throws RunFailedException when the stage falls short, the excess is too large to waste (more than a 70 deg
     *                            swing), or the shooting does not converge
     */
    public Solution solveToDepletion(double t0, double[] y0, double burnoutMass, InsertionTarget target, Jettison pending) {
        Solution cut = solve(t0, y0, burnoutMass, target, 1, pending);
        this.pending = pending;
        double duration = (y0[6] - burnoutMass) / propulsion.massFlow(1);
        double exhaust = propulsion.vacuumThrust() / propulsion.massFlow();
        // propellant left at the ordinary cut-off (a jettison still pending at ignition happens during the burn)
        double left = cut.cutoff()[6] - (burnoutMass - (pending == null ? 0 : pending.mass()));
        double excess = exhaust * Math.log(cut.cutoff()[6] / Math.max(1, cut.cutoff()[6] - Math.max(0, left)));
        double total = exhaust * Math.log(y0[6] / burnoutMass);
        double u = 4 * excess / total;
        if (left <= 1e-3 * (y0[6] - burnoutMass)) {
            return cut;
        }
        if (u > Math.pow(Math.toRadians(70), 2)) {
            throw new RunFailedException(String.format("the solid last stage has %.0f m/s more than the orbit needs and cannot"
                + " waste it by steering; carry more payload or aim higher", excess));
        }
        wasteStart = y0[6];
        wasteEnd = burnoutMass;
        LinearTangentSteering lt = (LinearTangentSteering) cut.steering();
        double a = lt.a();
        double bs = lt.b() * duration;
        double[] x = {a, bs, u};
        double[] f = depletionResiduals(t0, y0, burnoutMass, target, x, duration);
        double[] step = {1e-5, 1e-5, 1e-4};
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double[][] j = new double[3][3];
            for (int k = 0; k < 3; k++) {
                double[] xk = x.clone();
                xk[k] += step[k];
                double[] fk = depletionResiduals(t0, y0, burnoutMass, target, xk, duration);
                for (int i = 0; i < 3; i++) {
                    j[i][k] = (fk[i] - f[i]) / step[k];
                }
            }
            double[] dx;
            try {
                dx = new org.hipparchus.linear.LUDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(j)).getSolver()
                    .solve(new org.hipparchus.linear.ArrayRealVector(new double[] {-f[0], -f[1], -f[2]})).toArray();
            } catch (org.hipparchus.exception.MathRuntimeException e) {
                throw new RunFailedException("solid-stage guidance: the shooting problem is singular at iteration " + it, e);
            }
            double scale = Math.min(1, Math.min(0.3 / Math.abs(dx[0]), Math.min(0.3 / Math.abs(dx[1]), 0.2 / Math.abs(dx[2]))));
            for (int k = 0; k < 3; k++) {
                x[k] += scale * dx[k];
            }
            x[2] = Math.max(0, x[2]);
            f = depletionResiduals(t0, y0, burnoutMass, target, x, duration);
            if (Math.abs(f[0]) < 50 && Math.abs(f[1]) < 2e-5 && Math.abs(f[2]) < 0.05) {
                Steering s = wasting(x, t0, target, duration);
                Burn burn = fly(t0, y0, burnoutMass, target, s, true);
                return new Solution(s, burn.time(), burn.state(), it, burn.path());
            }
        }
        if (excess < SMALL_EXCESS) {
            // a few tens of m/s the steering could not place: keep the cut-off (the caller reports what is left)
            return cut;
        }
        throw new RunFailedException(String.format("solid-stage guidance did not converge in %d iterations (radius off by %.0f m,"
            + " flight-path angle by %.4f deg, %.1f m/s of energy)", MAX_ITERATIONS, f[0], Math.toDegrees(f[1]), f[2]));
    }

    private Steering wasting(double[] x, double t0, InsertionTarget target, double duration) {
        return new EnergyWasting(steering(x[0], x[1] / duration, t0, target, 1), Math.sqrt(Math.max(0, x[2])), wasteStart,
            wasteEnd);
    }

    /** @return {radius error (m), flight-path angle (rad), energy error as Δv (m/s)} at burnout */
    private double[] depletionResiduals(double t0, double[] y0, double burnoutMass, InsertionTarget target, double[] x,
                                        double duration) {
        Burn burn = fly(t0, y0, burnoutMass, target, wasting(x, t0, target, duration), true);
        double[] rg = residuals(burn, target);
        double[] y = burn.state();
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]);
        double energy = v.getNormSq() / 2 - earth.mu() / r.getNorm();
        double targetEnergy = -earth.mu() / (2 * target.semiMajorAxis());
        return new double[] {rg[0], rg[1], (energy - targetEnergy) / v.getNorm()};
    }

    /**
     * A burn too short to move its cut-off radius (a circularisation at the apogee a coast was aimed at): one
     * constant pitch angle, solved by the secant method so that the flight-path angle is zero at cut-off; the
     * radius is what the coast delivered.
     */
    private Solution solveShort(double t0, double[] y0, double burnoutMass, InsertionTarget target, double throttle) {
        double a0 = 0;
        double f0 = residuals(fly(t0, y0, burnoutMass, target, steering(a0, 0, t0, target, throttle)), target)[1];
        double a1 = 0.05;
        Burn burn = fly(t0, y0, burnoutMass, target, steering(a1, 0, t0, target, throttle));
        double f1 = residuals(burn, target)[1];
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            if (Math.abs(f1) < ANGLE_TOLERANCE) {
                double miss = residuals(burn, target)[0];
                if (!burn.burnedOut() && Math.abs(miss) > SHORT_BURN_RADIUS_TOLERANCE) {
                    throw new RunFailedException(String.format("the burn at apogee cuts off %.0f m %s the target radius (the coast"
                        + " was not aimed at it)", Math.abs(miss), miss > 0 ? "above" : "below"));
                }
                if (burn.burnedOut()) {
                    throw outOfPropellant(burn, target);
                }
                return new Solution(steering(a1, 0, t0, target, throttle), burn.time(), burn.state(), it, burn.path());
            }
            if (f1 == f0) {
                break;
            }
            double next = a1 - f1 * (a1 - a0) / (f1 - f0);
            a0 = a1;
            f0 = f1;
            a1 = Math.max(-3, Math.min(3, next));
            burn = fly(t0, y0, burnoutMass, target, steering(a1, 0, t0, target, throttle));
            f1 = residuals(burn, target)[1];
        }
        throw new RunFailedException(String.format("upper-stage guidance (short burn) did not converge: flight-path angle off by"
            + " %.4f deg at cut-off", Math.toDegrees(f1)));
    }

    private LinearTangentSteering steering(double a, double b, double t0, InsertionTarget target, double throttle) {
        return new LinearTangentSteering(a, b, t0, target.inclination(), throttle, earth.mu(),
            -earth.mu() / (2 * target.semiMajorAxis()));
    }

    private RunFailedException outOfPropellant(Burn burn, InsertionTarget target) {
        double shortfall = shortfall(burn, target);
        return new ShortOfOrbitException(String.format("the upper stage runs out of propellant before reaching the target orbit"
            + " (%.0f m/s short)", shortfall), shortfall);
    }

    private double shortfall(Burn burn, InsertionTarget target) {
        return shortfall(earth.mu(), burn.state(), target);
    }

    /**
     * @param mu     gravitational parameter, m³/s²
     * @param y      a state {x, y, z, vx, vy, vz, ...}
     * @param target the orbit
     * @return the speed the target orbit has at that state's radius (vis-viva) less the state's speed, m/s
     */
    static double shortfall(double mu, double[] y, InsertionTarget target) {
        double r = new Vector3D(y[0], y[1], y[2]).getNorm();
        return Math.sqrt(mu * (2 / r - 1 / target.semiMajorAxis())) - new Vector3D(y[3], y[4], y[5]).getNorm();
    }

    /** @return {radius error (m), flight-path angle (rad)} at cut-off */
    private static double[] residuals(Burn burn, InsertionTarget target) {
        Vector3D r = new Vector3D(burn.state()[0], burn.state()[1], burn.state()[2]);
        Vector3D v = new Vector3D(burn.state()[3], burn.state()[4], burn.state()[5]);
        double gamma = Math.asin(Vector3D.dotProduct(r, v) / (r.getNorm() * v.getNorm()));
        return new double[] {r.getNorm() - target.insertionRadius(), gamma};
    }

    private Burn fly(double t0, double[] y0, double burnoutMass, InsertionTarget target, Steering steering) {
        return fly(t0, y0, burnoutMass, target, steering, false);
    }

    private Burn fly(double t0, double[] y0, double burnoutMass, InsertionTarget target, Steering steering, boolean toDepletion) {
        PointMassDynamics ode = new PointMassDynamics(earth, atmosphere, propulsion, aerodynamics, steering, Winds.CALM);
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-6, 20, 1e-4, 1e-11);
        double targetEnergy = -earth.mu() / (2 * target.semiMajorAxis());
        boolean[] burnedOut = {false};
        Jettison drop = pending == null ? null : pending.copy();
        if (drop != null) {
            integrator.addEventDetector(drop);
        }
        if (!toDepletion) {
            integrator.addEventDetector(new StopWhen(s -> {
                double[] y = s.getPrimaryState();
                double v2 = y[3] * y[3] + y[4] * y[4] + y[5] * y[5];
                return 0.5 * v2 - earth.mu() / Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]) - targetEnergy;
            }, true, 5.0, 1e-9, () -> { }));
        }
        integrator.addEventDetector(new StopWhen(s -> s.getPrimaryState()[6] - burnoutMass + (drop == null ? 0 : drop.dropped()), false, 5.0, 1e-9,
            () -> burnedOut[0] = true));
        List<ODEStateInterpolator> steps = new ArrayList<>();
        integrator.addStepHandler(steps::add);
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(t0, y0), t0 + 5_000);
        return new Burn(end.getTime(), end.getPrimaryState().clone(), burnedOut[0], new PredictedPath(steps));
    }
}
