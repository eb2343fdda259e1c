package org.launchbench.flight.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.MassModel;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyDynamics;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.SixDofPropagator;
import org.launchbench.flight.models.EngineThrust;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * Thrust, mass flow and the translational equations together, against Tsiolkovsky's rocket equation: in free space
 * an engine through the centre of mass gives Δv = g0 Isp ln(m0 / m1), and the attitude does not move.
 */
class RocketEquationTest {

    @Test
    void aBurnInFreeSpaceGainsTheRocketEquationsDeltaV() {
        double thrust = 934_000;
        double isp = 348;
        double m0 = 120_000;
        FlightEnvironment space = new FlightEnvironment(new EarthModel(3.986004418e14, 6_378_137, 0, 0, 0), null, Winds.CALM);
        EngineThrust engine = new EngineThrust(List.of(new EngineThrust.Engine(new Vector3D(-8, 0, 0), Vector3D.PLUS_I, thrust, isp, 0.9)));
        RigidBodyDynamics dynamics = new RigidBodyDynamics(space, MassModel.rigid(m0, new InertiaTensor(1e5, 3e6, 3e6, 0, 0, 0)),
            List.of(engine));
        Quaternion q = new Quaternion(0.8, 0.2, 0.4, -0.4).normalized();
        RigidBodyState s = new RigidBodyState(0, new Vector3D(4e7, 0, 0), Vector3D.ZERO, q, Vector3D.ZERO, m0);
        SixDofPropagator propagator = new SixDofPropagator(dynamics, 0.01);
        for (int i = 0; i < 100; i++) {
            // a flight loop's cadence: 1 s intervals with the engine's command held
            s = propagator.advance(s, 1, EffectorPositions.engines(1, 1)).state();
        }
        double flow = thrust / (PhysicalConstants.STANDARD_GRAVITY * isp);
        assertEquals(m0 - 100 * flow, s.massKg(), 1e-6);
        double dv = PhysicalConstants.STANDARD_GRAVITY * isp * Math.log(m0 / s.massKg());
        // along the body's x axis in inertial space, which the burn does not turn
        Vector3D axis = q.toInertial(Vector3D.PLUS_I);
        assertEquals(dv, s.velocityEciMS().dotProduct(axis), 1e-6);
        assertEquals(0, s.velocityEciMS().subtract(axis.scalarMultiply(dv)).getNorm(), 1e-6);
        assertEquals(0, s.bodyRatesInertialRadS().getNorm(), 1e-15);
    }
}
