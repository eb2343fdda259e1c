package org.launchbench.trajectory.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.launchbench.core.OrekitData;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.trajectory.atmosphere.AtmosphereState;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.orekit.forces.gravity.J2OnlyPerturbation;
import org.orekit.frames.Frame;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.numerical.NumericalPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/** The equations of motion against physics that can be checked exactly. */
class PointMassDynamicsTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final double G0 = PhysicalConstants.STANDARD_GRAVITY;

    private static double[] state(Vector3D r, Vector3D v, double m) {
        return new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), m};
    }

    private static double[] integrate(PointMassDynamics ode, double[] y0, double duration) {
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-6, 60, 1e-6, 1e-12);
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0, y0), duration);
        return end.getPrimaryState();
    }

    /** A 400 km, 51.6 deg orbit state (ISS-like), slightly eccentric. */
    private static double[] leo() {
        double r = EARTH.equatorialRadius() + 400_000;
        double v = Math.sqrt(EARTH.mu() / r) * 1.001;
        double inc = Math.toRadians(51.6);
        return state(new Vector3D(r, 0, 0), new Vector3D(0, v * Math.cos(inc), v * Math.sin(inc)), 1000);
    }

    @Test
    void aCoastAgreesWithOrekitsNumericalPropagationWithJ2() {
        double[] y0 = leo();
        double duration = 5_600; // about one orbit
        double[] ours = integrate(new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE,
            Aerodynamics.NONE, Steering.COAST, Winds.CALM), y0, duration);

        Frame gcrf = OrekitData.bundled().context().getFrames().getGCRF();
        AbsoluteDate epoch = new AbsoluteDate(2025, 12, 3, 4, 2, 0.0, OrekitData.bundled().context().getTimeScales().getTAI());
        CartesianOrbit orbit = new CartesianOrbit(new PVCoordinates(new Vector3D(y0[0], y0[1], y0[2]),
            new Vector3D(y0[3], y0[4], y0[5])), gcrf, epoch, EARTH.mu());
        NumericalPropagator propagator = new NumericalPropagator(new DormandPrince853Integrator(1e-6, 60, 1e-6, 1e-12));
        propagator.setOrbitType(OrbitType.CARTESIAN);
        propagator.setMu(EARTH.mu());
        propagator.addForceModel(new J2OnlyPerturbation(EARTH.mu(), EARTH.equatorialRadius(), EARTH.j2(), gcrf));
        propagator.setInitialState(new SpacecraftState(orbit).withMass(1000));
        Vector3D ref = propagator.propagate(epoch.shiftedBy(duration)).getPosition();
        // both integrate the same field to ~1e-12 relative; 1 cm after 40 000 km of arc shows they do
        assertEquals(0, ref.distance(new Vector3D(ours[0], ours[1], ours[2])), 0.01);
    }

    @Test
    void aCoastConservesEnergyAndPolarAngularMomentum() {
        double[] y0 = leo();
        PointMassDynamics ode = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE,
            Aerodynamics.NONE, Steering.COAST, Winds.CALM);
        double e0 = energy(y0);
        double h0 = hz(y0);
        for (double t = 1000; t <= 6000; t += 1000) {
            double[] y = integrate(ode, y0, t);
            // J2 field is conservative and axisymmetric: energy and the z angular momentum are invariants
            assertEquals(e0, energy(y), Math.abs(e0) * 1e-10, "energy at " + t + " s");
            assertEquals(h0, hz(y), Math.abs(h0) * 1e-10, "h_z at " + t + " s");
        }
    }

    private static double energy(double[] y) {
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        double v2 = y[3] * y[3] + y[4] * y[4] + y[5] * y[5];
        return 0.5 * v2 + EARTH.potential(r);
    }

    private static double hz(double[] y) {
        return y[0] * y[4] - y[1] * y[3];
    }

    @Test
    void withoutGravityAndDragTheBurnGivesTheRocketEquationDeltaV() {
        EarthModel noGravity = new EarthModel(0, EARTH.equatorialRadius(), EARTH.flattening(), 0, EARTH.rotationRate());
        Propulsion engine = new Propulsion(1_000_000, 0.5, 1_000_000 / (340 * G0), 0.4, 1);
        Steering alongX = new Steering() {
            @Override
            public double throttle(double t, Vector3D r, Vector3D v, double mass) {
                return 1;
            }

            @Override
            public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
                return Vector3D.PLUS_I;
            }
        };
        double m0 = 100_000;
        double mf = 20_000;
        double burn = (m0 - mf) / engine.massFlow(1);
        // far above the atmosphere: vacuum thrust, no drag
        double[] y = integrate(new PointMassDynamics(noGravity, UsStandardAtmosphere1976.INSTANCE, engine, Aerodynamics.NONE,
            alongX, Winds.CALM), state(new Vector3D(0, 0, 5e7), Vector3D.ZERO, m0), burn);
        assertEquals(mf, y[6], 1e-6);
        // Tsiolkovsky: 340 s x g0 x ln(5) = 5366.29 m/s; tolerance 1e-9 relative, the integrator's accuracy
        double dv = 340 * G0 * Math.log(m0 / mf);
        assertEquals(dv, y[3], dv * 1e-9);
    }

    @Test
    void thrustFollowsAmbientPressureBetweenSeaLevelAndVacuumRatings() {
        // a Merlin-1D-class engine: 845.2 kN at sea level, 914.1 kN in vacuum, 311 s vacuum Isp
        var engine = org.launchbench.vehicle.model.VehicleFactory.eINSTANCE.createEngine();
        engine.setThrustSeaLevel(845_200);
        engine.setThrustVacuum(914_100);
        engine.setIspSeaLevel(282);
        engine.setIspVacuum(311);
        var cluster = org.launchbench.vehicle.model.VehicleFactory.eINSTANCE.createEngineCluster();
        cluster.setCount(9);
        cluster.setEngine(engine);
        Propulsion nine = Propulsion.of(java.util.List.of(cluster), Integer.MAX_VALUE);
        Propulsion one = Propulsion.of(java.util.List.of(cluster), 1);
        assertEquals(9 * 845_200, nine.thrust(1, Propulsion.SEA_LEVEL_PRESSURE), 1e-6);
        assertEquals(9 * 914_100, nine.thrust(1, 0), 1e-6);
        assertEquals(845_200, one.thrust(1, Propulsion.SEA_LEVEL_PRESSURE), 1e-6);
        assertEquals(914_100 / (311 * G0), one.massFlow(1), 1e-9);
        // throttled to 60 % at sea level: the exit-pressure term does not throttle
        assertEquals(0.6 * 914_100 - (914_100 - 845_200), one.thrust(0.6, Propulsion.SEA_LEVEL_PRESSURE), 1e-6);
        assertEquals(0, one.thrust(0, Propulsion.SEA_LEVEL_PRESSURE));
    }

    @Test
    void dragDeceleratesOnTheAirRelativeVelocity() {
        EarthModel still = new EarthModel(EARTH.mu(), EARTH.equatorialRadius(), EARTH.flattening(), EARTH.j2(), 0);
        Aerodynamics aero = new Aerodynamics(new double[] {0, 1}, new double[] {0.3, 0.5}, 10);
        PointMassDynamics ode = new PointMassDynamics(still, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE, aero,
            Steering.COAST, Winds.CALM);
        Vector3D r = still.ecef(new EarthModel.Geodetic(0, 0, 0));
        double speed = 170.147; // Mach 0.5 at sea level (a = 340.294 m/s)
        double[] d = ode.computeDerivatives(0, state(r, new Vector3D(0, speed, 0), 1000));
        AtmosphereState sea = UsStandardAtmosphere1976.INSTANCE.at(0);
        double cd = 0.3 + 0.2 * speed / sea.speedOfSound(); // linear in Mach between the table's two points
        double expected = 0.5 * sea.density() * speed * speed * cd * 10 / 1000;
        assertEquals(-expected, d[4], 1e-9);
    }

    @Test
    void aWindPushesAVehicleAtRestRelativeToTheGroundDownwind() {
        EarthModel still = new EarthModel(EARTH.mu(), EARTH.equatorialRadius(), EARTH.flattening(), EARTH.j2(), 0);
        Aerodynamics aero = new Aerodynamics(new double[] {0}, new double[] {1}, 1);
        // 10 m/s from the west (270 deg) blows towards the east, which is +y at (0, 0)
        PointMassDynamics ode = new PointMassDynamics(still, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE, aero,
            Steering.COAST, Winds.fromDirection(270, h -> 10));
        Vector3D r = still.ecef(new EarthModel.Geodetic(0, 0, 0));
        double[] d = ode.computeDerivatives(0, state(r, Vector3D.ZERO, 100));
        double expected = 0.5 * UsStandardAtmosphere1976.INSTANCE.at(0).density() * 100 / 100;
        assertEquals(expected, d[4], 1e-9);
        assertTrue(Math.abs(d[5]) < 1e-9, "no northward push");
    }

    @Test
    void earthRotationMakesAVehicleOnThePadMoveEastInInertialSpaceWithoutDrag() {
        Aerodynamics aero = new Aerodynamics(new double[] {0}, new double[] {1}, 10);
        PointMassDynamics ode = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, Propulsion.NONE, aero,
            Steering.COAST, Winds.CALM);
        Vector3D r = EARTH.ecef(new EarthModel.Geodetic(0, 0, 0));
        Vector3D padVelocity = Vector3D.crossProduct(EARTH.rotation(), r); // 465.1 m/s east at the equator
        assertEquals(465.1, padVelocity.getNorm(), 0.1);
        PointMassDynamics.Environment env = ode.environment(0, r, padVelocity);
        assertEquals(0, env.airVelocity().getNorm(), 1e-9, "still air relative to the ground");
        assertEquals(0, env.mach(), 1e-12);
    }
}
