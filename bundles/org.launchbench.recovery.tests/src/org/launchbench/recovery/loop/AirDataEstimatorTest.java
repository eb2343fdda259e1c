package org.launchbench.recovery.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.models.Gravitation;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.navigation.ErrorStateFilter;
import org.launchbench.recovery.navigation.NavigationEstimate;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.recovery.stage.StageRecoveryTestAccess;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * The air as the flight software infers it from its accelerometers: on the Falcon 9 stage falling through a known wind,
 * its body at an incidence and its fins deflected, the accelerometers read the specific force of the stage's own force
 * models with 7 % more axial force (a campaign's drag draw); the estimator, which has the undispersed models, recovers the
 * wind and the factor. Noise-free samples, so the model is inverted exactly: what is left after 10 s of updates is the
 * low-pass filter's remainder, (1 − 0.1)^100 ≈ 3e-5 of the first error (2e-4 m/s of the wind's 8, 2e-6 of the
 * factor's 0.07).
 */
class AirDataEstimatorTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static StageRecovery.Case falcon9;
    private static StageFlightModel model;

    @BeforeAll
    static void stage() {
        falcon9 = StageRecoveryTestAccess.falcon9();
        model = FlightSoftwareRecovery.model(falcon9);
    }

    /** The stage 10 km above the ship, falling at 300 m/s and drifting east at 50, its nose 3° off the air's retrograde. */
    private static RigidBodyState falling(double heightM, double windEast, double windNorth) {
        EarthModel.Geodetic zone = EarthModel.Geodetic.of(falcon9.zone());
        EarthModel.Geodetic at = new EarthModel.Geodetic(zone.latitude(), zone.longitude(), zone.height() + heightM);
        Vector3D r = EARTH.toInertial(0, EARTH.ecef(at));
        Vector3D up = EARTH.toInertial(0, at.up());
        Vector3D east = EARTH.toInertial(0, at.east());
        Vector3D north = EARTH.toInertial(0, at.north());
        Vector3D ground = new Vector3D(-300, up, 50, east);
        Vector3D air = ground.subtract(new Vector3D(windEast, east, windNorth, north));
        Vector3D retro = air.normalize().negate();
        Vector3D across = Vector3D.crossProduct(retro, north).normalize();
        Vector3D x = new Vector3D(Math.cos(Math.toRadians(3)), retro, Math.sin(Math.toRadians(3)), across);
        Vector3D y = Vector3D.crossProduct(x, north).normalize();
        Quaternion q = Quaternion.fromAxes(x, y, Vector3D.crossProduct(x, y));
        return new RigidBodyState(0, r, ground.add(Vector3D.crossProduct(EARTH.rotation(), r)), q, Vector3D.ZERO, 30_000);
    }

    private static EffectorPositions fins() {
        int n = model.engines().size();
        return new EffectorPositions(new double[n], new double[n], new double[n], new double[] {0.10, -0.08, 0.05, -0.02},
            new double[model.rcsCount()]);
    }

    /** What the accelerometers read: every force but gravitation, over the mass, body axes, on the dispersed stage. */
    private static Vector3D specificForce(RigidBodyState s, double windEast, double windNorth, double axial) {
        StageFlightModel truth = model.dispersed(() -> 1, 1, axial);
        FlightEnvironment air = new FlightEnvironment(EARTH, UsStandardAtmosphere1976.INSTANCE, Winds.horizontal(windEast, windNorth));
        FlightConditions c = new FlightConditions(s, air,
            truth.massModel().at(s.massKg()), fins(), Vector3D.ZERO);
        Loads loads = new Loads();
        for (ForceModel m : truth.models()) {
            if (!(m instanceof Gravitation)) {
                m.contribute(c, loads);
            }
        }
        return loads.forceBody().add(s.attitude().toBody(loads.forceInertial())).scalarMultiply(1 / s.massKg());
    }

    private static NavigationEstimate estimate(RigidBodyState s) {
        return new NavigationEstimate(s.timeS(), s.positionEciM(), s.velocityEciMS(), s.attitude(), Vector3D.ZERO, Vector3D.ZERO,
            new double[3][3], new double[3][3], new double[ErrorStateFilter.N][ErrorStateFilter.N]);
    }

    @Test
    void theWindAndTheAxialFactorAreRecoveredFromTheAccelerometers() {
        AirDataEstimator air = new AirDataEstimator(model, EARTH, UsStandardAtmosphere1976.INSTANCE);
        RigidBodyState s = falling(10_000, 8, -5);
        Vector3D f = specificForce(s, 8, -5, 1.07);
        for (int update = 0; update < 100; update++) {
            for (int k = 0; k < 10; k++) {
                air.sample(f);
            }
            air.update(estimate(s), Vector3D.ZERO, s.massKg(), fins(), 0.1);
        }
        assertEquals(100, air.updates());
        // the low-pass's remainder: 3e-5 of the first errors (8 m/s, 0.07)
        assertEquals(8, air.eastMS(), 1e-3);
        assertEquals(-5, air.northMS(), 1e-3);
        assertEquals(1.07, air.axialFactor(), 1e-5);
    }

    /** Where the air is too thin to say (under 2 kPa: 60 km up), nothing is estimated and still air is kept. */
    @Test
    void inThinAirNothingIsEstimated() {
        AirDataEstimator air = new AirDataEstimator(model, EARTH, UsStandardAtmosphere1976.INSTANCE);
        RigidBodyState s = falling(60_000, 8, -5);
        air.sample(specificForce(s, 8, -5, 1.07));
        air.update(estimate(s), Vector3D.ZERO, s.massKg(), fins(), 0.1);
        assertEquals(0, air.updates());
        assertEquals(0, air.eastMS());
        assertEquals(1, air.axialFactor());
    }
}
