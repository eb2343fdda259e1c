package org.launchbench.flight.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.Quaternion;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.PhaseDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.launchbench.trajectory.flight.Flight;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.io.ModelFiles;

/**
 * The 6-DOF fidelity's phases on the Falcon 9 booster: the ideal attitude loop turns the stage as its gains say, and a
 * rigid body held on its command with no moment on it flies the point mass's trajectory.
 */
class RigidBodyPhaseTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final EarthModel.Geodetic SITE = new EarthModel.Geodetic(Math.toRadians(28.5), Math.toRadians(-80.5), 0);
    private static Stage booster;

    @BeforeAll
    static void load() throws Exception {
        booster = ModelFiles.load(Path.of("../org.launchbench.vehicles.spacex/model/falcon9.vehicle"), LaunchVehicle.class).getStages()
            .get(0);
    }

    /** A separated stage at a height, 2 km/s east and 1 km/s up. */
    private static double[] separated(double heightM) {
        EarthModel.Geodetic at = new EarthModel.Geodetic(Math.toRadians(28.5), Math.toRadians(-79.7), heightM);
        Vector3D r = EARTH.ecef(at);
        Vector3D v = Vector3D.crossProduct(EARTH.rotation(), r).add(at.east().scalarMultiply(2000)).add(at.up().scalarMultiply(1000));
        return new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), 60_000};
    }

    private static PhaseDynamics phase(DynamicsFactory f, Propulsion p, Steering s) {
        return f.create(new DynamicsFactory.Phase(EARTH, UsStandardAtmosphere1976.INSTANCE, booster, p, Aerodynamics.of(booster), s,
            Winds.CALM, null));
    }

    private static Vector3D axis(double[] y) {
        return new Quaternion(y[7], y[8], y[9], y[10]).normalized().toInertial(Vector3D.PLUS_I);
    }

    private static double fromEnginesFirst(double[] y) {
        Vector3D relative = new Vector3D(y[3], y[4], y[5]).subtract(Vector3D.crossProduct(EARTH.rotation(), new Vector3D(y[0], y[1], y[2])));
        return Math.toDegrees(Vector3D.angle(axis(y), relative.negate()));
    }

    /**
     * The flip after separation, at 120 km (air density 2e-8 kg/m³, no aerodynamic moment to speak of): the stage enters nose first and the loop turns it engines first. Closed form of the
     * loop: at 30 deg/s (its limit, reached after the rate loop's 0.25 s) until 30 deg are left (k_θ θ = 30 deg/s),
     * then θ'' + 4 θ' + 4 θ = 0 from 30 deg at 30 deg/s, θ = 30 (1 + t) e^(-2t): 2.5 deg at 7 s and 0.46 deg at 8 s.
     * 0.3 deg covers the closed form's corners (the rate's build-up and the hand-over are not instantaneous).
     */
    @Test
    void theLoopTurnsASeparatedStageEnginesFirstAtItsRateLimitThenSettlesCriticallyDamped() {
        PhaseDynamics coast = phase(new RigidBodyFidelity(), Propulsion.NONE, Steering.COAST);
        Flight flight = new Flight(EARTH, SITE, 0, separated(120_000), 1.0).tolerance(1e-9);
        double maxRate = 0;
        double at7 = Double.NaN;
        double at8 = Double.NaN;
        for (int i = 1; i <= 20; i++) {
            flight.fly(coast, -1, 0.5, null);
            double[] y = flight.state();
            assertEquals(14, y.length);
            maxRate = Math.max(maxRate, Math.toDegrees(Math.hypot(y[12], y[13])));
            at7 = i == 14 ? fromEnginesFirst(y) : at7;
            at8 = i == 16 ? fromEnginesFirst(y) : at8;
        }
        // the limit bounds the command; the rate follows it through the rate loop's lag while the target (the
        // velocity, which gravity turns at 0.2 deg/s) moves, so it may pass the limit by a hair
        assertTrue(maxRate <= 30.01 && maxRate > 29.9, "peak rate " + maxRate);
        assertEquals(2.49, at7, 0.3);
        assertEquals(0.46, at8, 0.3);
        // one 10 s phase flies the same turn: the integrator's step is bounded by the loop's time constant (unbounded,
        // Dormand-Prince once stepped over the whole turn and left the stage spinning at 1,200 deg/s)
        Flight once = new Flight(EARTH, SITE, 0, separated(120_000), 1.0).tolerance(1e-9);
        once.fly(coast, -1, 10, null);
        assertEquals(0, Vector3D.angle(axis(once.state()), axis(flight.state())), 1e-4);
    }

    /**
     * The flip to a burn's attitude: a coast whose steering points ({@link Steering#pointing}) turns the body along the
     * direction with its engines off, as the boostback's flip does, where a plain coast turns it engines first. The
     * direction is 180 deg from engines first: the loop's closed form above after 150 deg more at its rate limit (5 s),
     * 30 (1 + t) e^(-2t) deg from then, 3e-4 deg at 12 s; 0.1 deg covers the corners as above. (Without it the rigid
     * body lit the boostback tail first, and its arc came down 2.6 km south and 2 km west of the point mass's.)
     */
    @Test
    void aPointingCoastTurnsTheBodyToItsNextBurnWithTheEnginesOff() {
        double[] y0 = separated(120_000);
        Vector3D relative = new Vector3D(y0[3], y0[4], y0[5]).subtract(Vector3D.crossProduct(EARTH.rotation(), new Vector3D(y0[0], y0[1], y0[2])));
        Vector3D back = relative.normalize();
        PhaseDynamics flip = phase(new RigidBodyFidelity(), Propulsion.NONE, Steering.pointing((t, r, v, m) -> back));
        Flight flight = new Flight(EARTH, SITE, 0, y0, 1.0).tolerance(1e-9);
        flight.fly(flip, -1, 12, null);
        double[] y = flight.state();
        assertEquals(0, Math.toDegrees(Vector3D.angle(axis(y), back)), 0.1);
        // no thrust: the mass is the same, and a point mass flies the pointing coast as a coast
        assertEquals(y0[6], y[6], 0);
        Flight point = new Flight(EARTH, SITE, 0, y0, 1.0).tolerance(1e-9);
        point.fly(phase(DynamicsFactory.POINT_MASS, Propulsion.NONE, Steering.pointing((t, r, v, m) -> back)), -1, 12, null);
        Flight coast = new Flight(EARTH, SITE, 0, y0, 1.0).tolerance(1e-9);
        coast.fly(phase(DynamicsFactory.POINT_MASS, Propulsion.NONE, Steering.COAST), -1, 12, null);
        assertEquals(0, new Vector3D(point.state()[0] - coast.state()[0], point.state()[1] - coast.state()[1], point.state()[2] - coast.state()[2])
            .getNorm(), 0);
    }

    /**
     * The roll channel: the loop drives the roll rate to zero at its rate gain, ω_x' = −k_ω ω_x (the gyroscopic terms
     * it cancels, the aerodynamic ones it has none of at 120 km), so 0.2 rad/s falls to 0.2 e^(−4) in a second while the
     * stage also turns over. 1 % covers the integrator (1e-9) many times.
     */
    @Test
    void theLoopDampsARollRateAtItsRateGain() {
        PhaseDynamics coast = phase(new RigidBodyFidelity(), Propulsion.NONE, Steering.COAST);
        double[] y = coast.enter(0, separated(120_000));
        y[11] = 0.2;
        Flight flight = new Flight(EARTH, SITE, 0, y, 1.0).tolerance(1e-9);
        flight.fly(coast, -1, 1.0, null);
        double expected = 0.2 * Math.exp(-IdealAttitudeLoop.RATE_GAIN_PER_S);
        assertEquals(expected, flight.state()[11], 0.01 * expected);
    }

    /**
     * The point-mass limit: a 30 s burn of three engines along a fixed direction, the body entering on it (a burning
     * phase starts along its thrust) with nothing to turn it at 200 km, flies the point mass's trajectory; both
     * integrate at 1e-10, whose absolute tolerance is 1 mm, 1 mm/s and 1 g per step. (At 120 km the rigid body's
     * crossflow drag, 9 N at its 60 deg incidence, already moves it 1 cm in the 30 s.)
     */
    @Test
    void aBodyHeldOnItsCommandFliesThePointMassBurn() {
        double[] y0 = separated(200_000);
        Vector3D dir = new Vector3D(-1, 0.3, 0.2).normalize();
        Steering fixed = Steering.fullThrust((t, r, v, m) -> dir);
        Propulsion three = Propulsion.of(booster.getEngines(), 3);
        Flight point = new Flight(EARTH, SITE, 0, y0, 1.0).tolerance(1e-10);
        point.fly(phase(DynamicsFactory.POINT_MASS, three, fixed), -1, 30, null);
        Flight rigid = new Flight(EARTH, SITE, 0, y0, 1.0).tolerance(1e-10);
        rigid.fly(phase(new RigidBodyFidelity(), three, fixed), -1, 30, null);
        double[] a = point.state();
        double[] b = rigid.state();
        assertEquals(7, a.length);
        assertEquals(0, Vector3D.angle(axis(b), dir), 1e-6);
        assertTrue(y0[6] - a[6] > 10_000, "the burn took " + (y0[6] - a[6]) + " kg");
        assertEquals(a[6], b[6], 1e-3);
        assertEquals(0, new Vector3D(a[0] - b[0], a[1] - b[1], a[2] - b[2]).getNorm(), 1e-2);
        assertEquals(0, new Vector3D(a[3] - b[3], a[4] - b[4], a[5] - b[5]).getNorm(), 1e-3);
    }
}
