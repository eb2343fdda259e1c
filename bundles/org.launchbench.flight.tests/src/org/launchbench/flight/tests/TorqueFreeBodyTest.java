package org.launchbench.flight.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.MassModel;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyDynamics;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.SixDofPropagator;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * The rotational equations of a body on which nothing acts, against what mechanics guarantees (Goldstein, Classical
 * Mechanics, 3rd ed., §5.6 and §5.7; Landau and Lifshitz, Mechanics, §37): kinetic energy and inertial angular
 * momentum are constant, an axisymmetric body's rates precess in closed form, and spin about the intermediate
 * axis is unstable while spin about the other two is not.
 */
class TorqueFreeBodyTest {

    /** A non-rotating Earth with no gravitation acting (no force model): the body is free in inertial space. */
    private static final FlightEnvironment FREE_SPACE = new FlightEnvironment(new EarthModel(3.986004418e14, 6_378_137, 0, 0, 0),
        null, Winds.CALM);

    private static SixDofPropagator.Result fly(InertiaTensor inertia, Vector3D rates, double seconds, double step) {
        RigidBodyDynamics dynamics = new RigidBodyDynamics(FREE_SPACE, MassModel.rigid(10, inertia), List.of());
        RigidBodyState start = new RigidBodyState(0, new Vector3D(7e6, 0, 0), Vector3D.ZERO,
            new Quaternion(0.9, 0.1, -0.3, 0.2).normalized(), rates, 10);
        return new SixDofPropagator(dynamics, step).propagate(start, seconds, 0.5, new NullProgressMonitor());
    }

    @Test
    void energyAndInertialAngularMomentumAreConstantForAnAsymmetricTumblingBody() {
        // NASA's brick (case 02) inertia, kg m², tumbling at its [10, 20, 30] deg/s
        InertiaTensor brick = new InertiaTensor(0.002568217, 0.008421011, 0.009754656, 0, 0, 0);
        Vector3D w0 = new Vector3D(10, 20, 30).scalarMultiply(Math.PI / 180);
        var flight = fly(brick, w0, 30, 0.002);
        double e0 = energy(brick, w0);
        Vector3D h0 = flight.samples().get(0).attitude().toInertial(brick.times(w0));
        double worstE = 0;
        double worstH = 0;
        for (RigidBodyState s : flight.samples()) {
            Vector3D w = s.bodyRatesInertialRadS();
            worstE = Math.max(worstE, Math.abs(energy(brick, w) / e0 - 1));
            worstH = Math.max(worstH, s.attitude().toInertial(brick.times(w)).subtract(h0).getNorm() / h0.getNorm());
            // the integrator renormalises the quaternion at every step
            assertEquals(1, s.attitude().norm(), 1e-14);
        }
        // RK4's local truncation at 2 ms on rates of 0.6 rad/s is of order (ωh)^5 / 120 = 2e-17 per step, far below
        // the 1e-9 asserted; rounding over 15,000 steps is of order 1e-13
        assertTrue(worstE < 1e-9, "energy drifted by " + worstE);
        assertTrue(worstH < 1e-9, "angular momentum drifted by " + worstH);
    }

    @Test
    void anAxisymmetricBodysRatesPrecessAtTheClosedFormRate() {
        // I = diag(It, It, Iz): ωx + i ωy = ω0 e^{iλt} with λ = (Iz - It) / It ωz (Goldstein eq. 5.73)
        double it = 2;
        double iz = 5;
        double w0 = 0.3;
        double wz = 1.2;
        InertiaTensor spinner = new InertiaTensor(it, it, iz, 0, 0, 0);
        var flight = fly(spinner, new Vector3D(w0, 0, wz), 20, 0.005);
        double lambda = (iz - it) / it * wz;
        for (RigidBodyState s : flight.samples()) {
            double t = s.timeS();
            Vector3D w = s.bodyRatesInertialRadS();
            assertEquals(w0 * Math.cos(lambda * t), w.getX(), 1e-9, "t = " + t);
            assertEquals(w0 * Math.sin(lambda * t), w.getY(), 1e-9, "t = " + t);
            assertEquals(wz, w.getZ(), 1e-12);
        }
    }

    @Test
    void spinAboutTheIntermediateAxisTumblesAndAboutTheOthersDoesNot() {
        // principal moments 1, 2, 3 kg m²: the perturbation about the intermediate axis grows at
        // sqrt((I2 - I1)(I3 - I2) / (I1 I3)) ω = 0.577/s, from 1e-6 to order one in about 24 s (Landau §37)
        InertiaTensor body = new InertiaTensor(1, 2, 3, 0, 0, 0);
        double eps = 1e-6;
        var intermediate = fly(body, new Vector3D(eps, 1, eps), 40, 0.005);
        double least = intermediate.samples().stream().mapToDouble(s -> s.bodyRatesInertialRadS().getY()).min().orElseThrow();
        assertTrue(least < -0.9, "spin about y should reverse; least ω_y " + least);
        for (Vector3D axis : List.of(Vector3D.PLUS_I, Vector3D.PLUS_K)) {
            Vector3D w0 = axis.add(new Vector3D(eps, eps, eps));
            var stable = fly(body, w0, 40, 0.005);
            for (RigidBodyState s : stable.samples()) {
                // bounded: the perturbation only circulates, with amplitude of order eps times the moment ratios
                assertEquals(0, s.bodyRatesInertialRadS().subtract(w0).getNorm(), 10 * eps, "axis " + axis + " t = " + s.timeS());
            }
        }
    }

    private static double energy(InertiaTensor inertia, Vector3D w) {
        return 0.5 * w.dotProduct(inertia.times(w));
    }
}
