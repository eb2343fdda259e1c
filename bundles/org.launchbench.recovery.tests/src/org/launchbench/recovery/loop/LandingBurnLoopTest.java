package org.launchbench.recovery.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.sensors.GnssErrors;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.recovery.stage.StageRecoveryTestAccess;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;

/** The Falcon 9 drone-ship landing burn flown by the flight software's loop on the 6-DOF plant. */
class LandingBurnLoopTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static StageRecovery.LandingBurn ignition;
    private static StageRecovery.Case falcon9;

    @BeforeAll
    static void approach() {
        falcon9 = StageRecoveryTestAccess.falcon9();
        StageRecovery engine = new StageRecovery(EARTH, UsStandardAtmosphere1976.INSTANCE);
        ignition = engine.landingBurn(falcon9, StageRecoveryTestAccess.plan(), Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT);
    }

    static RigidBodyState atIgnition() {
        EarthModel.Geodetic zone = EarthModel.Geodetic.of(falcon9.zone());
        double[] l = ignition.local();
        double t = ignition.time();
        Vector3D rE = EARTH.ecef(zone).add(new Vector3D(l[0], zone.up(), l[1], zone.east(), l[2], zone.north()));
        Vector3D vE = new Vector3D(l[3], zone.up(), l[4], zone.east(), l[5], zone.north());
        Vector3D rI = EARTH.toInertial(t, rE);
        Vector3D vRelI = EARTH.toInertial(t, vE);
        Vector3D vI = vRelI.add(Vector3D.crossProduct(EARTH.rotation(), rI));
        Vector3D x = vRelI.normalize().negate();
        Vector3D upI = EARTH.toInertial(t, zone.up());
        Vector3D y = Vector3D.crossProduct(upI, x).normalize();
        Quaternion q = Quaternion.fromAxes(x, y, Vector3D.crossProduct(x, y));
        return new RigidBodyState(t, rI, vI, q, Vector3D.ZERO, ignition.mass());
    }

    /**
     * The loop flies the burn end to end on the estimate, the actuators within their limits, and shows what stands
     * between the point-mass landing guidance and a landing: in the burn's first 3 s (Mach 1.5, 97 kPa) it asks for
     * thrust more than 90° off the retrograde (the drag it measures does more braking than its plan wants), while the
     * body, held by gimbals and fins at their limits against the air, stays within 25° of it (later it tumbles). The stage does not stop; the
     * guidance finds no descent. Regression values of this deterministic flight (seed 1); the recovery GNC issue's
     * guidance, with thrust pointing kept near the retrograde while the air is thick, is to turn this into a landing.
     */
    @Test
    void theLoopFliesTheBurnOnTheEstimateAndShowsTheGuidanceAsksTheImpossible() {
        Stage stage = falcon9.stage();
        StageFlightModel model = StageFlightModel.of(stage, ((LaunchVehicle) stage.eContainer()).getPropellantFamily(), false);
        LandingBurnLoop.Setup setup = new LandingBurnLoop.Setup(model, EarthModel.Geodetic.of(falcon9.zone()), new int[] {0},
            ignition.emptyMass(), 0, Double.NaN, Double.NaN, ImuErrors.TACTICAL.atRate(100), GnssErrors.SINGLE_FREQUENCY, 1);
        LandingBurnLoop.Result r = new LandingBurnLoop(setup, EARTH, UsStandardAtmosphere1976.INSTANCE).fly(atIgnition(), 120);
        assertTrue(r.grounded());
        // the actuators' limits hold (5° gimbal per axis, 20° fins), and they were used to them
        assertTrue(r.maxGimbalDeg() <= 5 + 1e-9 && r.maxGimbalDeg() > 4.9, "gimbal " + r.maxGimbalDeg());
        assertTrue(r.maxFinDeg() <= 20 + 1e-9 && r.maxFinDeg() > 19.9, "fins " + r.maxFinDeg());
        // navigation, from sensors alone, within 4 times the GNSS's 3-D sigma (1.5 m per axis: 2.6 m) at the impact
        assertTrue(r.navigationErrorM() < 4 * 2.6, "navigation error " + r.navigationErrorM());
        // the finding
        assertTrue(r.maxCommandOffRetrogradeDeg() > 90, "command " + r.maxCommandOffRetrogradeDeg());
        assertTrue(r.maxBodyOffRetrogradeDeg() < 25, "body " + r.maxBodyOffRetrogradeDeg());
        assertEquals("the landing guidance found no descent that stops the stage", r.trouble());
        assertTrue(r.verticalSpeedMS() > 2, "touchdown " + r.verticalSpeedMS() + " m/s");
    }
}
