package org.launchbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.EulerAngles;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.InitialConditions;
import org.launchbench.flight.MassModel;
import org.launchbench.flight.RigidBodyDynamics;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.SixDofPropagator;
import org.launchbench.flight.models.ConstantAerodynamics;
import org.launchbench.flight.models.EngineThrust;
import org.launchbench.flight.models.Gravitation;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of 6-DOF against 3-DOF on the same flight: the point-mass limit of the flight tests (PointMassLimitTest),
 * 100 s of powered flight over the rotating Earth with thrust, drag and J2, integrated by classical Runge-Kutta at
 * 0.01 s (10,000 steps) by the 3-DOF engine's equations (trajectory's PointMassDynamics) and by the 6-DOF rigid body
 * with the same forces. Same integrator and step, so the ratio is the equations' own cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FidelityCostBenchmarks {

    private static final double THRUST_N = 2.0e6;
    private static final double ISP_S = 300;
    private static final double AREA_M2 = Math.PI * 3.7 * 3.7 / 4;
    private static final double MASS_KG = 200_000;

    private RigidBodyState start;
    private RigidBodyDynamics six;
    private PointMassDynamics three;

    @Setup
    public void build() {
        EarthModel earth = EarthModel.WGS84;
        start = new InitialConditions(28.5, -80.6, 10_000, new Vector3D(100, 200, -300), new EulerAngles(0, 60, 45), Vector3D.ZERO, false)
            .toState(earth, MASS_KG);
        six = new RigidBodyDynamics(new FlightEnvironment(earth, UsStandardAtmosphere1976.INSTANCE, Winds.CALM),
            MassModel.rigid(MASS_KG, new InertiaTensor(1e5, 1e7, 1e7, 0, 0, 0)),
            List.of(new Gravitation(), new EngineThrust(List.of(new EngineThrust.Engine(new Vector3D(-10, 0, 0), Vector3D.PLUS_I, THRUST_N, ISP_S, 1))),
                new ConstantAerodynamics(AREA_M2, 0, 0, 0.3, 0, 0, 0, 0, 0)));
        Vector3D axis = start.attitude().toInertial(Vector3D.PLUS_I);
        three = new PointMassDynamics(earth, UsStandardAtmosphere1976.INSTANCE,
            new Propulsion(THRUST_N, 1, THRUST_N / (PhysicalConstants.STANDARD_GRAVITY * ISP_S), 0, 1),
            new Aerodynamics(new double[] {0}, new double[] {0.3}, AREA_M2), Steering.fullThrust((t, r, v, m) -> axis), Winds.CALM);
    }

    @Benchmark
    public RigidBodyState sixDof() {
        SixDofPropagator p = new SixDofPropagator(six, 0.01);
        RigidBodyState s = start;
        for (int i = 0; i < 100; i++) {
            s = p.advance(s, 1, EffectorPositions.engines(1, 1)).state();
        }
        return s;
    }

    @Benchmark
    public double[] threeDof() {
        double[] y = {start.positionEciM().getX(), start.positionEciM().getY(), start.positionEciM().getZ(), start.velocityEciMS().getX(),
            start.velocityEciMS().getY(), start.velocityEciMS().getZ(), MASS_KG};
        double h = 0.01;
        for (int i = 0; i < 10_000; i++) {
            double t = i * h;
            double[] k1 = three.computeDerivatives(t, y);
            double[] k2 = three.computeDerivatives(t + h / 2, add(y, k1, h / 2));
            double[] k3 = three.computeDerivatives(t + h / 2, add(y, k2, h / 2));
            double[] k4 = three.computeDerivatives(t + h, add(y, k3, h));
            double[] out = new double[7];
            for (int j = 0; j < 7; j++) {
                out[j] = y[j] + h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
            y = out;
        }
        return y;
    }

    private static double[] add(double[] y, double[] k, double h) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + h * k[i];
        }
        return out;
    }
}
