package org.launchbench.trajectory.guidance;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.StopWhen;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * Closed-loop upper-stage guidance to orbit insertion by shooting on the full dynamics: the two parameters of
 * {@link LinearTangentSteering} are solved by Newton's method (finite-difference Jacobian, damped steps) so
 * that, when the orbital energy reaches the target's (engine cut-off), the vehicle is at the target perigee
 * radius with zero flight-path angle. Energy, radius and flight-path angle at perigee fix perigee and apogee;
 * the steering keeps the burn in the target plane, which fixes the inclination. Because every iteration flies
 * the real equations of motion (J2, pressure-corrected thrust, drag), the converged burn is the one flown.
 * Re-solving from the current state during the burn makes it closed-loop.
 */
public final class InsertionGuidance {

    /** Cut-off radius tolerance, m. */
    static final double RADIUS_TOLERANCE = 1.0;
    /** Cut-off flight-path-angle tolerance, rad (1e-5 rad moves apogee by a few hundred metres in LEO). */
    static final double ANGLE_TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 40;

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final Propulsion propulsion;
    private final Aerodynamics aerodynamics;

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
     */
    public record Solution(LinearTangentSteering steering, double cutoffTime, double[] cutoff, int iterations) {
    }

    /** One flown burn: where it ended and why. */
    private record Burn(double time, double[] state, boolean burnedOut) {
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
        double burnTime = (y0[6] - burnoutMass) / propulsion.massFlow(throttle);
        double a = 0.3;
        double b = 2 * a / burnTime;
        double[] f = residuals(fly(t0, y0, burnoutMass, target, steering(a, b, t0, target, throttle)), target);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double da = 1e-5;
            double db = 1e-8;
            double[] fa = residuals(fly(t0, y0, burnoutMass, target, steering(a + da, b, t0, target, throttle)), target);
            double[] fb = residuals(fly(t0, y0, burnoutMass, target, steering(a, b + db, t0, target, throttle)), target);
            double j11 = (fa[0] - f[0]) / da, j12 = (fb[0] - f[0]) / db;
            double j21 = (fa[1] - f[1]) / da, j22 = (fb[1] - f[1]) / db;
            double det = j11 * j22 - j12 * j21;
            if (det == 0 || !Double.isFinite(det)) {
                throw new RunFailedException("upper-stage guidance: the shooting problem is singular at iteration " + it);
            }
            double stepA = -(j22 * f[0] - j12 * f[1]) / det;
            double stepB = -(-j21 * f[0] + j11 * f[1]) / det;
            // damping: never move the initial pitch tangent by more than 0.3, nor its rate by more than 1e-3/s
            double scale = Math.min(1, Math.min(0.3 / Math.abs(stepA), 1e-3 / Math.abs(stepB)));
            a += scale * stepA;
            b += scale * stepB;
            LinearTangentSteering steering = steering(a, b, t0, target, throttle);
            Burn burn = fly(t0, y0, burnoutMass, target, steering);
            f = residuals(burn, target);
            if (Math.abs(f[0]) < RADIUS_TOLERANCE && Math.abs(f[1]) < ANGLE_TOLERANCE) {
                if (burn.burnedOut()) {
                    throw new RunFailedException(String.format("the upper stage runs out of propellant before reaching the"
                        + " target orbit (%.0f m/s short)", shortfall(burn, target)));
                }
                return new Solution(steering, burn.time(), burn.state(), it);
            }
        }
        throw new RunFailedException("upper-stage guidance did not converge in " + MAX_ITERATIONS + " iterations"
            + String.format(" (cut-off radius off by %.0f m, flight-path angle by %.4f deg)", f[0], Math.toDegrees(f[1])));
    }

    private LinearTangentSteering steering(double a, double b, double t0, InsertionTarget target, double throttle) {
        return new LinearTangentSteering(a, b, t0, target.inclination(), throttle, earth.mu(),
            -earth.mu() / (2 * target.semiMajorAxis()));
    }

    private double shortfall(Burn burn, InsertionTarget target) {
        double r = new Vector3D(burn.state()[0], burn.state()[1], burn.state()[2]).getNorm();
        // the speed the target orbit has at the radius where the propellant ran out (vis-viva)
        double need = Math.sqrt(earth.mu() * (2 / r - 1 / target.semiMajorAxis()));
        return need - new Vector3D(burn.state()[3], burn.state()[4], burn.state()[5]).getNorm();
    }

    /** @return {radius error (m), flight-path angle (rad)} at cut-off */
    private static double[] residuals(Burn burn, InsertionTarget target) {
        Vector3D r = new Vector3D(burn.state()[0], burn.state()[1], burn.state()[2]);
        Vector3D v = new Vector3D(burn.state()[3], burn.state()[4], burn.state()[5]);
        double gamma = Math.asin(Vector3D.dotProduct(r, v) / (r.getNorm() * v.getNorm()));
        return new double[] {r.getNorm() - target.perigeeRadius(), gamma};
    }

    private Burn fly(double t0, double[] y0, double burnoutMass, InsertionTarget target, LinearTangentSteering steering) {
        PointMassDynamics ode = new PointMassDynamics(earth, atmosphere, propulsion, aerodynamics, steering, Winds.CALM);
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-6, 20, 1e-4, 1e-11);
        double targetEnergy = -earth.mu() / (2 * target.semiMajorAxis());
        boolean[] burnedOut = {false};
        integrator.addEventDetector(new StopWhen(s -> {
            double[] y = s.getPrimaryState();
            double v2 = y[3] * y[3] + y[4] * y[4] + y[5] * y[5];
            return 0.5 * v2 - earth.mu() / Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]) - targetEnergy;
        }, true, 5.0, 1e-9, () -> { }));
        integrator.addEventDetector(new StopWhen(s -> s.getPrimaryState()[6] - burnoutMass, false, 5.0, 1e-9,
            () -> burnedOut[0] = true));
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(t0, y0), t0 + 5_000);
        return new Burn(end.getTime(), end.getPrimaryState().clone(), burnedOut[0]);
    }
}
