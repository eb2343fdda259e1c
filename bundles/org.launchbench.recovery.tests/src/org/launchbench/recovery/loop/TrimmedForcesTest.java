package org.launchbench.recovery.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.Loads;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.descent.DescentDrag;
import org.launchbench.recovery.descent.LandingFrame;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.recovery.stage.StageRecoveryTestAccess;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;

/**
 * What the flight software's models of its own stage give, on the Falcon 9 stage: the incidence its fins hold and the
 * lift that is left once they trim ({@link TrimmedLift}), the braking's tilt authority ({@link TrimmedTilt}), the
 * crosswind's push on a body held along the ground's retrograde ({@link KnownStage#crossflow}) and its table along the
 * braking ({@link TrimmedCrossflow}).
 */
class TrimmedForcesTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static StageRecovery.Case falcon9;
    private static StageFlightModel model;
    private static EarthModel.Geodetic zone;
    private static DescentDrag drag;

    @BeforeAll
    static void stage() {
        falcon9 = StageRecoveryTestAccess.falcon9();
        model = FlightSoftwareRecovery.model(falcon9);
        zone = EarthModel.Geodetic.of(falcon9.zone());
        Stage s = falcon9.stage();
        drag = DescentDrag.of(s, UsStandardAtmosphere1976.INSTANCE, zone.height());
    }

    /**
     * The fins hold 6.5 deg of incidence at 80 % of their 20 deg (regression values at Mach 1.6 and 4, the stage at 32 t);
     * flown, the body held 6.5 to 6.9 deg with the fins at 15 to 16 deg, and 8.3 to 8.5 deg with them at their limit
     * (docs/gnc.md), which bounds it from above. A trimming tail pushes against the lift: 57 to 58 % of the body's is left.
     */
    @Test
    void theFinsHoldTheIncidenceTheyCanAndTakeSomeOfTheLift() {
        TrimmedLift t = TrimmedLift.of(model, EARTH, UsStandardAtmosphere1976.INSTANCE, zone, 32_000, Math.toRadians(10));
        for (double mach : new double[] {1.6, 4}) {
            double largest = Math.toDegrees(t.largestRad(mach));
            assertTrue(largest > 5 && largest < 8.3, largest + " deg at Mach " + mach);
            assertTrue(t.liftShare(mach) > 0.4 && t.liftShare(mach) < 0.8, t.liftShare(mach) + " at Mach " + mach);
        }
        assertEquals(6.54, Math.toDegrees(t.largestRad(1.6)), 0.01);
        assertEquals(6.54, Math.toDegrees(t.largestRad(4)), 0.01);
        assertEquals(0.569, t.liftShare(1.6), 0.001);
        assertEquals(0.583, t.liftShare(4), 0.001);
    }

    /**
     * Asked for less than the fins hold (2 deg), both roll planes hold it all, and the trim still takes its share of the
     * lift: the share is the smaller plane's, not 1.
     */
    @Test
    void whereTheFinsHoldItAllTheirTrimStillTakesLift() {
        TrimmedLift t = TrimmedLift.of(model, EARTH, UsStandardAtmosphere1976.INSTANCE, zone, 32_000, Math.toRadians(2));
        assertEquals(2, Math.toDegrees(t.largestRad(1.6)), 1e-12);
        assertTrue(t.liftShare(1.6) > 0.3 && t.liftShare(1.6) < 0.9, t.liftShare(1.6) + "");
        assertEquals(0.436, t.liftShare(1.6), 0.001);
    }

    /** A stage without fins has nothing to trim with: the whole incidence asked for, and the body's whole lift. */
    @Test
    void withoutFinsTheIncidenceIsTheLargestAskedFor() {
        Stage bare = EcoreUtil.copy(falcon9.stage());
        bare.getRecovery().setGridFins(null);
        LaunchVehicle vehicle = EcoreUtil.copy((LaunchVehicle) falcon9.stage().eContainer());
        vehicle.getStages().set(0, bare);
        StageFlightModel finless = StageFlightModel.of(bare, vehicle.getPropellantFamily(), false);
        TrimmedLift t = TrimmedLift.of(finless, EARTH, UsStandardAtmosphere1976.INSTANCE, zone, 32_000, Math.toRadians(10));
        assertEquals(10, Math.toDegrees(t.largestRad(2)), 1e-12);
        assertEquals(1, t.liftShare(2), 1e-12);
    }

    /**
     * The braking's tilt authority: near the ground, slow, the tilted thrust is nearly all of it (T/m, less the small
     * normal force and trim there); at the burn's start, 5 km up at 400 m/s (59 kPa), the air's push on the tilted
     * body and the gimbals' trim exceed the thrust's turn and the authority is negative: tilting one way moves the
     * stage the other (the flight's divert turned its rest point the wrong way under the thrust-less-slope model).
     */
    @Test
    void theBrakingsAuthorityChangesSignWithTheAir() {
        AirData still = AirData.STILL;
        int[] centre = FlightSoftwareRecovery.landingEngines(model, 1);
        TrimmedTilt tilt = new TrimmedTilt(new TrimmedForces(model, centre, EARTH, UsStandardAtmosphere1976.INSTANCE, LandingFrame.at(EARTH, zone),
            still, Math.toRadians(5), Math.toRadians(20)));
        tilt.at(400);
        double thrust = 0.8 * model.engines().get(centre[0]).thrustVacuumN();
        double mass = 30_000;
        double slow = tilt.perRadian(new double[] {200, 0, 0, -60, 0, 0}, mass, thrust, new double[] {0, 1, 0});
        assertTrue(slow > 0.8 * thrust / mass && slow < thrust / mass, slow + " against T/m " + thrust / mass);
        double fast = tilt.perRadian(new double[] {5000, -2000, 0, -300, 260, 0}, mass, thrust, new double[] {0.65, 0.76, 0});
        assertTrue(fast < 0, "authority at 5 km and 400 m/s: " + fast);
        assertEquals(20.52, slow, 0.01);
        assertEquals(-32.48, fast, 0.01);
    }

    /**
     * The crosswind's push on a body falling straight down at 200 m/s, held along the ground's retrograde, in a 10 m/s
     * wind blowing north: the air meets it at atan(10/200) from the side the wind comes from, and its normal force
     * (Jorgensen's, as the aerodynamic model gives it) pushes it north, downwind; none in still air.
     */
    @Test
    void aCrosswindPushesABodyHeldAlongTheGroundsRetrogradeDownwind() {
        SlenderBodyAerodynamics body = model.aerodynamics();
        AirData north = blowingNorth(10, airspeed -> 1);
        double[] v = {-200, 0, 0};
        double[] push = KnownStage.normalInWind(body, drag, north, 1000, v, 30_000);
        double airspeed = Math.hypot(200, 10);
        double q = 0.5 * drag.air(1000).density() * airspeed * airspeed;
        double alpha = Math.atan2(10, 200);
        double mach = airspeed / drag.air(1000).speedOfSound();
        double cn = body.normalSlopePerRad().at(mach) * Math.sin(alpha) * Math.cos(alpha) * Math.cos(alpha / 2)
            + SlenderBodyAerodynamics.crossflowEfficiency(body.referenceLengthM() / Math.sqrt(4 * body.referenceAreaM2() / Math.PI))
            * body.crossflowDragCoefficient() * body.planformAreaM2() / body.referenceAreaM2() * Math.sin(alpha) * Math.sin(alpha);
        assertEquals(0, push[0], 1e-12);
        assertEquals(0, push[1], 1e-12);
        assertEquals(q * body.referenceAreaM2() * cn / 30_000, push[2], 1e-9);
        assertTrue(push[2] > 0);
        // against the plant's own force model (FlightConditions, SlenderBodyAerodynamics) on a body held along the
        // ground's retrograde in that wind: across the ground's velocity, its normal force is all there is
        double across = plantAcross(v, 10, 1000, 30_000);
        assertEquals(across, push[2], 1e-9 * across);
        double[] calm = KnownStage.crossflow(body, drag, AirData.STILL, 1000, v, 30_000);
        assertEquals(0, Math.abs(calm[0]) + Math.abs(calm[1]) + Math.abs(calm[2]), 0);
    }

    /**
     * The plant's body force across the ground's velocity (north here), over the mass: the stage's slender-body model on
     * a body held along the ground's retrograde, falling at a velocity [up, east, north] in a wind blowing north.
     */
    private static double plantAcross(double[] v, double windNorth, double heightM, double massKg) {
        EarthModel.Geodetic at = new EarthModel.Geodetic(zone.latitude(), zone.longitude(), zone.height() + heightM);
        Vector3D r = EARTH.toInertial(0, EARTH.ecef(at));
        Vector3D up = EARTH.toInertial(0, at.up());
        Vector3D east = EARTH.toInertial(0, at.east());
        Vector3D north = EARTH.toInertial(0, at.north());
        Vector3D ground = new Vector3D(v[0], up, v[1], east).add(v[2], north);
        Vector3D x = ground.normalize().negate();
        Vector3D y = Vector3D.crossProduct(x, north.add(east)).normalize();
        Quaternion q = Quaternion.fromAxes(x, y, Vector3D.crossProduct(x, y));
        RigidBodyState s = new RigidBodyState(0, r, ground.add(Vector3D.crossProduct(EARTH.rotation(), r)), q, Vector3D.ZERO, massKg);
        int n = model.engines().size();
        FlightEnvironment air = new FlightEnvironment(EARTH, UsStandardAtmosphere1976.INSTANCE, Winds.horizontal(0, windNorth));
        FlightConditions c = new FlightConditions(s, air,
            model.massModel().at(massKg), new EffectorPositions(new double[n], new double[n], new double[n], new double[model.finCount()],
                new double[model.rcsCount()]), Vector3D.ZERO);
        Loads loads = new Loads();
        model.aerodynamics().contribute(c, loads);
        Vector3D f = q.toInertial(loads.forceBody()).add(loads.forceInertial());
        return Vector3D.dotProduct(EARTH.toFixed(0, f), at.north()) / massKg;
    }

    /**
     * The crosswind's push on the braking stage, tabulated against the airspeed from the trimmed force models
     * ({@link TrimmedCrossflow}): the Falcon 9 stage at 5 km falling at 400 m/s (a burn's start) in a 12 m/s wind from
     * the north. Further down the braking line, at an airspeed between the table's points, the braking's model (the
     * guidance's drag and the body's normal force at the table's scale) gives the side force that {@link TrimmedForces}
     * evaluates there directly for the stage held along the ground's retrograde, trimmed by its gimbals and fins, to the
     * interpolation's error (measured 0.6 %: 2.713 against 2.729 m/s²; allowed 2 %). The scale grows by 60 % from
     * 400 m/s to 170 m/s (regression values at 400, 170 and 40 m/s; in flight, from 0.6 at 510 m/s to 2.0 at 240): one
     * number, measured where the stage was, under-counted the push ahead (docs/gnc.md).
     */
    @Test
    void theCrosswindsPushIsTabulatedAlongTheBraking() {
        TrimmedCrossflow[] table = new TrimmedCrossflow[1];
        AirData north = blowingNorth(-12, airspeed -> table[0].applyAsDouble(airspeed));
        int[] centre = FlightSoftwareRecovery.landingEngines(model, 1);
        TrimmedForces forces = new TrimmedForces(model, centre, EARTH, UsStandardAtmosphere1976.INSTANCE, LandingFrame.at(EARTH, zone), north,
            Math.toRadians(5), Math.toRadians(20));
        table[0] = new TrimmedCrossflow(forces, drag);
        double mass = 30_000;
        double thrust = 0.8 * model.engines().get(centre[0]).thrustVacuumN();
        double decel = thrust / mass - 9.8;
        double[] start = {5000, -2000, 0, -300, 260, 0};
        double speed0 = Math.sqrt(300 * 300 + 260 * 260);
        table[0].update(400, start, mass, thrust, decel);
        // 170 m/s lies between the table's points at 146 and 204 m/s, on its braking line
        double speed = 170;
        double[] u = {start[3] / speed0, start[4] / speed0, start[5] / speed0};
        double h = speed * speed / (2 * decel);
        double[] v = {speed * u[0], speed * u[1], speed * u[2]};
        double[] local = {h, 0, 0, v[0], v[1], v[2]};
        SlenderBodyAerodynamics body = model.aerodynamics();
        double[] normal = KnownStage.normalInWind(body, drag, north, h, v, mass);
        double size = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        double[] dir = {normal[0] / size, normal[1] / size, normal[2] / size};
        double[] d = drag.acceleration(h, north.airVelocity(v), mass);
        double model = size + d[0] * dir[0] + d[1] * dir[1] + d[2] * dir[2];
        double trimmed = forces.along(400, local, mass, thrust, new double[] {-u[0], -u[1], -u[2]}, dir);
        assertEquals(trimmed, model, 0.02 * Math.abs(trimmed));
        assertTrue(dir[2] < 0, "a wind from the north pushes south: " + java.util.Arrays.toString(dir));
        assertEquals(1.22, table[0].applyAsDouble(speed0), 0.01);
        assertEquals(1.95, table[0].applyAsDouble(170), 0.01);
        assertEquals(1.85, table[0].applyAsDouble(40), 0.01);
    }

    /**
     * @param northMS the wind, blowing north, m/s (negative: from the north)
     * @param scale   the trimmed crosswind's scale against the airspeed
     * @return air measured so, the axial factor 1
     */
    private static AirData blowingNorth(double northMS, java.util.function.DoubleUnaryOperator scale) {
        return new AirData() {
            @Override
            public double eastMS() {
                return 0;
            }

            @Override
            public double northMS() {
                return northMS;
            }

            @Override
            public double axialFactor() {
                return 1;
            }

            @Override
            public double crossflowScale(double airspeedMS) {
                return scale.applyAsDouble(airspeedMS);
            }
        };
    }
}
