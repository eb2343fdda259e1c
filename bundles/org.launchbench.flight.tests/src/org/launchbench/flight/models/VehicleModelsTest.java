package org.launchbench.flight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.Loads;
import org.launchbench.flight.MassProperties;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * The vehicle's force models against statics worked by hand: a force at an arm, the thrust's pressure loss and
 * mass flow, the sign conventions of gimbal, fins and aerodynamics, and a stage's centre of mass and inertia.
 */
class VehicleModelsTest {

    private static final EarthModel SPHERE = new EarthModel(3.986004418e14, 6_378_137, 0, 0, 0);
    private static final MassProperties AT_ORIGIN = new MassProperties(20_000, Vector3D.ZERO,
        new InertiaTensor(1e4, 1e6, 1e6, 0, 0, 0), MassProperties.CONSTANT);

    /** A body over the north pole of a non-rotating sphere, x axis up, at the given height and body-axis air velocity. */
    private static FlightConditions at(double heightM, Vector3D velocityBody, Vector3D rates, EffectorPositions e, boolean air) {
        // body x = ECI z (up at the pole), body y = ECI y, body z = -ECI x
        Quaternion q = Quaternion.fromAxes(Vector3D.PLUS_K, Vector3D.PLUS_J, Vector3D.MINUS_I);
        Vector3D r = new Vector3D(0, 0, SPHERE.equatorialRadius() + heightM);
        RigidBodyState s = new RigidBodyState(0, r, q.toInertial(velocityBody), q, rates, AT_ORIGIN.massKg());
        FlightEnvironment env = new FlightEnvironment(SPHERE, air ? UsStandardAtmosphere1976.INSTANCE : null, Winds.CALM);
        return new FlightConditions(s, env, AT_ORIGIN, e, Vector3D.ZERO);
    }

    private static Loads loads(ForceModel model, FlightConditions c) {
        Loads l = new Loads();
        model.contribute(c, l);
        return l;
    }

    private static void assertVector(Vector3D expected, Vector3D actual, double tolerance) {
        assertEquals(0, expected.subtract(actual).getNorm(), tolerance, "expected " + expected + ", got " + actual);
    }

    @Test
    void aGimballedEngineAftOfTheCentreOfMassPitchesAndYawsTheNosePositive() {
        double thrust = 1e6;
        EngineThrust engine = new EngineThrust(List.of(new EngineThrust.Engine(new Vector3D(-10, 0, 0), Vector3D.PLUS_I, thrust, 300, 1)));
        double d = Math.toRadians(5);
        Loads pitch = loads(engine, at(200_000, Vector3D.ZERO, Vector3D.ZERO,
            new EffectorPositions(new double[] {d}, new double[] {0}, new double[] {1}, new double[0], new double[0]), false));
        // F = T (cos δ, 0, sin δ) at arm (-10, 0, 0): M = arm x F = (0, 10 T sin δ, 0)
        assertVector(new Vector3D(thrust * Math.cos(d), 0, thrust * Math.sin(d)), pitch.forceBody(), 1e-6);
        assertVector(new Vector3D(0, 10 * thrust * Math.sin(d), 0), pitch.momentBody(), 1e-6);
        assertEquals(-thrust / (PhysicalConstants.STANDARD_GRAVITY * 300), pitch.massRate(), 1e-9);
        Loads yaw = loads(engine, at(200_000, Vector3D.ZERO, Vector3D.ZERO,
            new EffectorPositions(new double[] {0}, new double[] {d}, new double[] {1}, new double[0], new double[0]), false));
        assertVector(new Vector3D(0, 0, 10 * thrust * Math.sin(d)), yaw.momentBody(), 1e-6);
    }

    @Test
    void thrustLosesTheAmbientPressureOnTheExitAndFlowFollowsTheThrottle() {
        EngineThrust engine = new EngineThrust(List.of(new EngineThrust.Engine(Vector3D.ZERO, Vector3D.PLUS_I, 1e6, 300, 1.2)));
        Loads l = loads(engine, at(0, Vector3D.ZERO, Vector3D.ZERO, EffectorPositions.engines(1, 0.6), true));
        // sea level 101,325 Pa (U.S. Standard Atmosphere 1976) on 1.2 m²; flow at 60 % of the vacuum figure
        assertEquals(0.6e6 - 101_325 * 1.2, l.forceBody().getX(), 0.5);
        assertEquals(-0.6e6 / (PhysicalConstants.STANDARD_GRAVITY * 300), l.massRate(), 1e-9);
    }

    @Test
    void theExhaustDampsAPitchingStage() {
        // -mdot r_e x (ω x r_e) with r_e = (-L, 0, 0), ω = (0, q, 0): (0, -mdot L² q, 0)
        EngineThrust engine = new EngineThrust(List.of(new EngineThrust.Engine(new Vector3D(-20, 0, 0), Vector3D.PLUS_I, 1e6, 300, 0)));
        Loads l = loads(engine, at(200_000, Vector3D.ZERO, new Vector3D(0, 0.1, 0), EffectorPositions.engines(1, 1), false));
        double flow = 1e6 / (PhysicalConstants.STANDARD_GRAVITY * 300);
        assertVector(new Vector3D(0, -flow * 400 * 0.1, 0), l.momentBody(), 1e-6);
    }

    @Test
    void anRcsThrusterPushesAtItsArmForTheFractionOfTheIntervalItIsOpen() {
        RcsThrusters rcs = new RcsThrusters(List.of(new RcsThrusters.Thruster(new Vector3D(30, 1.8, 0), Vector3D.PLUS_K, 400, 70)));
        Loads l = loads(rcs, at(200_000, Vector3D.ZERO, Vector3D.ZERO,
            new EffectorPositions(new double[0], new double[0], new double[0], new double[0], new double[] {0.25}), false));
        assertVector(new Vector3D(0, 0, 100), l.forceBody(), 1e-12);
        // (30, 1.8, 0) x (0, 0, 100) = (180, -3000, 0)
        assertVector(new Vector3D(180, -3000, 0), l.momentBody(), 1e-9);
        assertEquals(-100 / (PhysicalConstants.STANDARD_GRAVITY * 70), l.massRate(), 1e-12);
    }

    private static SlenderBodyAerodynamics stage() {
        // a Falcon 9-like first stage, 3.66 m across and 41 m long, CP 15 m and 30 m up its axis
        double s = Math.PI * 3.66 * 3.66 / 4;
        return new SlenderBodyAerodynamics(s, 41, 41 * 3.66, MachCurve.constant(0.3), MachCurve.constant(1.0), MachCurve.constant(2),
            1.2, MachCurve.constant(15), MachCurve.constant(30), 0);
    }

    @Test
    void noseFirstAtZeroIncidenceTheBodyFeelsOnlyItsAxialDrag() {
        FlightConditions c = at(10_000, new Vector3D(300, 0, 0), Vector3D.ZERO, EffectorPositions.NONE, true);
        Loads l = loads(stage(), c);
        double qs = c.dynamicPressurePa() * Math.PI * 3.66 * 3.66 / 4;
        assertVector(new Vector3D(-0.3 * qs, 0, 0), l.forceBody(), 1e-6 * qs);
    }

    @Test
    void engineFirstTheDragPushesTheBodyForwardAlongItsAxis() {
        FlightConditions c = at(10_000, new Vector3D(-300, 0, 0), Vector3D.ZERO, EffectorPositions.NONE, true);
        Loads l = loads(stage(), c);
        double qs = c.dynamicPressurePa() * Math.PI * 3.66 * 3.66 / 4;
        assertVector(new Vector3D(1.0 * qs, 0, 0), l.forceBody(), 1e-6 * qs);
    }

    @Test
    void broadsideTheNormalForceIsTheCylindersCrossflowDrag() {
        // α_t = 90°: C_N = η C_dc A_p / S, F = q̄ η C_dc A_p against the crossflow (Jorgensen, NASA TR R-474, eq. 1),
        // η = 0.69 for this 11.2-diameter body
        FlightConditions c = at(10_000, new Vector3D(0, 0, 100), Vector3D.ZERO, EffectorPositions.NONE, true);
        Loads l = loads(stage(), c);
        double force = c.dynamicPressurePa() * SlenderBodyAerodynamics.crossflowEfficiency(41 / 3.66) * 1.2 * 41 * 3.66;
        assertEquals(-force, l.forceBody().getZ(), 1e-6 * force);
        assertEquals(0, l.forceBody().getX(), 1e-6 * force);
    }

    @Test
    void aCentreOfPressureBehindTheCentreOfMassTurnsTheNoseBackIntoTheWind() {
        // nose first at +5° incidence (w > 0: the nose above the flight path), the centre of pressure at 15 m
        FlightConditions c = at(10_000, new Vector3D(300 * Math.cos(0.0873), 0, 300 * Math.sin(0.0873)), Vector3D.ZERO,
            EffectorPositions.NONE, true);
        MassProperties high = new MassProperties(20_000, new Vector3D(25, 0, 0), AT_ORIGIN.inertiaKgM2(), MassProperties.CONSTANT);
        FlightConditions stable = new FlightConditions(c.state(), c.environment(), high, EffectorPositions.NONE, Vector3D.ZERO);
        assertTrue(loads(stage(), stable).momentBody().getY() < 0, "a nose-down moment reduces a positive incidence");
        MassProperties low = new MassProperties(20_000, new Vector3D(5, 0, 0), AT_ORIGIN.inertiaKgM2(), MassProperties.CONSTANT);
        FlightConditions unstable = new FlightConditions(c.state(), c.environment(), low, EffectorPositions.NONE, Vector3D.ZERO);
        assertTrue(loads(stage(), unstable).momentBody().getY() > 0, "with the CP ahead of the CM the moment grows the incidence");
    }

    @Test
    void fourGridFinsDeflectedAlikeRollTheStageWithoutAForce() {
        double slope = 2.0;
        List<GridFins.Fin> fins = List.of(new GridFins.Fin(new Vector3D(40, 0, 0), Math.toRadians(45), 1.5),
            new GridFins.Fin(new Vector3D(40, 0, 0), Math.toRadians(135), 1.5), new GridFins.Fin(new Vector3D(40, 0, 0), Math.toRadians(225), 1.5),
            new GridFins.Fin(new Vector3D(40, 0, 0), Math.toRadians(315), 1.5));
        GridFins model = new GridFins(fins, MachCurve.constant(slope), Math.toRadians(20));
        double d = Math.toRadians(3);
        EffectorPositions e = new EffectorPositions(new double[0], new double[0], new double[0], new double[] {d, d, d, d}, new double[0]);
        FlightConditions c = at(10_000, new Vector3D(-300, 0, 0), Vector3D.ZERO, e, true);
        Loads l = loads(model, c);
        assertEquals(0, l.forceBody().getNorm(), 1e-6);
        // the fins' centres of pressure on the axis give no roll arm here; put them at 2 m out along each fin
        List<GridFins.Fin> outboard = fins.stream().map(f -> new GridFins.Fin(new Vector3D(40, 2 * Math.cos(f.rollAngleRad()),
            2 * Math.sin(f.rollAngleRad())), f.rollAngleRad(), f.areaM2())).toList();
        Loads roll = loads(new GridFins(outboard, MachCurve.constant(slope), Math.toRadians(20)), c);
        // engines first (u < 0) a deflection δ meets the flow at -δ: each fin's force is +q S C_Nα δ along
        // n = (0, -sin φ, cos φ), at (·, 2 cos φ, 2 sin φ): a roll moment of +2 q S C_Nα δ per fin
        double perFin = c.dynamicPressurePa() * 1.5 * slope * d;
        assertEquals(4 * 2 * perFin, roll.momentBody().getX(), 1e-6 * perFin);
        assertEquals(0, roll.forceBody().getNorm(), 1e-6 * perFin);
        // nose first the same deflection rolls the other way
        FlightConditions noseFirst = at(10_000, new Vector3D(300, 0, 0), Vector3D.ZERO, e, true);
        Loads reversed = loads(new GridFins(outboard, MachCurve.constant(slope), Math.toRadians(20)), noseFirst);
        assertEquals(-4 * 2 * perFin, reversed.momentBody().getX(), 1e-6 * perFin);
    }

    @Test
    void finsAtTheTopDampAPitchingStage() {
        // fins 40 m above the centre of mass of a stage falling engines first and pitching at +0.1 rad/s: their own
        // velocity gains ω × r = (·, 0, -4 m/s), an incidence that makes a moment against the rotation
        List<GridFins.Fin> fins = List.of(new GridFins.Fin(new Vector3D(40, 0, 2), Math.toRadians(90), 1.5),
            new GridFins.Fin(new Vector3D(40, 0, -2), Math.toRadians(270), 1.5), new GridFins.Fin(new Vector3D(40, 2, 0), 0, 1.5),
            new GridFins.Fin(new Vector3D(40, -2, 0), Math.toRadians(180), 1.5));
        GridFins model = new GridFins(fins, MachCurve.constant(2), Math.toRadians(20));
        Loads l = loads(model, at(10_000, new Vector3D(-300, 0, 0), new Vector3D(0, 0.1, 0), EffectorPositions.NONE, true));
        assertTrue(l.momentBody().getY() < 0, "a moment against the pitch rate: " + l.momentBody());
        Loads still = loads(model, at(10_000, new Vector3D(-300, 0, 0), Vector3D.ZERO, EffectorPositions.NONE, true));
        assertEquals(0, still.momentBody().getNorm(), 1e-9, "no rotation, no incidence, no moment");
    }

    @Test
    void aStagesCentreOfMassAndInertiaFollowItsTankContents() {
        // dry 1,000 kg at station 5 m with I = diag(100, 2000, 2000); one tank 0 to 10 m of radius 1 m holding 9,000 kg
        StageMassModel stage = new StageMassModel(1000, new Vector3D(5, 0, 0), new InertiaTensor(100, 2000, 2000, 0, 0, 0), 9000,
            List.of(new StageMassModel.Tank(1, 0, 10, 1, false)));
        MassProperties full = stage.at(10_000);
        assertEquals(5, full.centreOfMassM().getX(), 1e-12);
        assertEquals(100 + 0.5 * 9000, full.inertiaKgM2().xx(), 1e-9);
        assertEquals(2000 + 9000 * (3 + 100) / 12.0, full.inertiaKgM2().yy(), 1e-9);
        MassProperties half = stage.at(5500);
        double cm = (1000 * 5 + 4500 * 2.5) / 5500;
        assertEquals(cm, half.centreOfMassM().getX(), 1e-12);
        double yy = 2000 + 1000 * (5 - cm) * (5 - cm) + 4500 * (3 + 25) / 12.0 + 4500 * (2.5 - cm) * (2.5 - cm);
        assertEquals(yy, half.inertiaKgM2().yy(), 1e-6);
        MassProperties empty = stage.at(1000);
        assertEquals(5, empty.centreOfMassM().getX(), 1e-12);
        assertEquals(2000, empty.inertiaKgM2().yy(), 1e-6);
        // draining lowers the transverse inertia: dI/dm > 0 at half load
        assertTrue(half.inertiaPerKg().yy() > 0);
    }

    @Test
    void aSolidGrainBurnsFromItsPortOutwardAndKeepsItsCentroid() {
        // the same stage with a grain: at half burn its centroid stays at 5 m and it is a tube with a port of
        // r² = R² - ½ (R² - 0.15 R²) = 0.575 m²: I_axial = ½ m (R² + r²), I_transverse = m (3 (R² + r²) + h²) / 12
        StageMassModel motor = new StageMassModel(1000, new Vector3D(5, 0, 0), new InertiaTensor(100, 2000, 2000, 0, 0, 0), 9000,
            List.of(new StageMassModel.Tank(1, 0, 10, 1, true)));
        MassProperties half = motor.at(5500);
        assertEquals(5, half.centreOfMassM().getX(), 1e-12);
        assertEquals(100 + 0.5 * 4500 * (1 + 0.575), half.inertiaKgM2().xx(), 1e-9);
        assertEquals(2000 + 4500 * (3 * (1 + 0.575) + 100) / 12.0, half.inertiaKgM2().yy(), 1e-9);
        // dI/dm at the full and the empty stage: the one-sided slope over the load's last and first 1/256 (the table's
        // cells), I_xx = 100 + ½ 9000 f (2 - 0.85 f) for the burnt fraction's complement f, exactly
        double cell = 9000 / 256.0;
        java.util.function.DoubleUnaryOperator ixx = f -> 100 + 0.5 * 9000 * f * (2 - 0.85 * f);
        assertEquals((ixx.applyAsDouble(1) - ixx.applyAsDouble(1 - 1 / 256.0)) / cell, motor.at(10_000).inertiaPerKg().xx(), 1e-9);
        assertEquals((ixx.applyAsDouble(1 / 256.0) - ixx.applyAsDouble(0)) / cell, motor.at(1_000).inertiaPerKg().xx(), 1e-9);
        // beyond the load the properties are clamped: no change with mass
        assertEquals(0, motor.at(10_500).inertiaPerKg().xx());
    }
}
