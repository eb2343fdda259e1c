package org.launchbench.recovery.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.Quaternion;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.phase.RigidBodyFidelity;
import org.launchbench.flight.sensors.GnssErrors;
import org.launchbench.flight.sensors.ImuErrors;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.recovery.stage.StageRecoveryTestAccess;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.launchbench.vehicle.model.LandingLegs;
import org.launchbench.vehicle.model.RecoveryPlan;
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

    /** The Falcon 9 drone-ship case with a boostback (34 m/s). */
    static StageRecovery.Case withBoostback() {
        RecoveryPlan plan = EcoreUtil.copy(falcon9.plan());
        plan.setBoostback(true);
        return new StageRecovery.Case(falcon9.launchSite(), falcon9.stage(), plan, falcon9.zone(), falcon9.separationTime(),
            falcon9.separationState(), "test");
    }

    static RigidBodyState atIgnition() {
        return bodyAt(ignition, falcon9);
    }

    /** The stage handed over, its body along its retrograde, not turning. */
    static RigidBodyState bodyAt(StageRecovery.LandingBurn handedOver, StageRecovery.Case c) {
        EarthModel.Geodetic zone = EarthModel.Geodetic.of(c.zone());
        double[] l = handedOver.local();
        double t = handedOver.time();
        Vector3D rE = EARTH.ecef(zone).add(new Vector3D(l[0], zone.up(), l[1], zone.east(), l[2], zone.north()));
        Vector3D vE = new Vector3D(l[3], zone.up(), l[4], zone.east(), l[5], zone.north());
        Vector3D rI = EARTH.toInertial(t, rE);
        Vector3D vRelI = EARTH.toInertial(t, vE);
        Vector3D vI = vRelI.add(Vector3D.crossProduct(EARTH.rotation(), rI));
        Vector3D x = vRelI.normalize().negate();
        Vector3D upI = EARTH.toInertial(t, zone.up());
        Vector3D y = Vector3D.crossProduct(upI, x).normalize();
        Quaternion q = Quaternion.fromAxes(x, y, Vector3D.crossProduct(x, y));
        return new RigidBodyState(t, rI, vI, q, Vector3D.ZERO, handedOver.mass());
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
        StageFlightModel model = FlightSoftwareRecovery.model(falcon9);
        LandingBurnLoop.Setup setup = new LandingBurnLoop.Setup(model, EarthModel.Geodetic.of(falcon9.zone()), new int[] {0},
            ignition.emptyMass(), 0, Double.NaN, Double.NaN, ImuErrors.TACTICAL.atRate(100), GnssErrors.SINGLE_FREQUENCY, 1, false);
        LandingBurnLoop.Result r = new LandingBurnLoop(setup, EARTH, UsStandardAtmosphere1976.INSTANCE).fly(atIgnition(), 120);
        assertTrue(r.grounded());
        // the actuators' limits hold (5° gimbal per axis, 20° fins), and they were used to them
        assertTrue(r.software().maxGimbalDeg() <= 5 + 1e-9 && r.software().maxGimbalDeg() > 4.9, "gimbal " + r.software().maxGimbalDeg());
        assertTrue(r.software().maxFinDeflectionDeg() <= 20 + 1e-9 && r.software().maxFinDeflectionDeg() > 19.9, "fins " + r.software().maxFinDeflectionDeg());
        // navigation, from sensors alone, within 4 times the GNSS's 3-D sigma (1.5 m per axis: 2.6 m) at the impact
        assertTrue(r.software().navigationErrorAtTouchdownM() < 4 * 2.6, "navigation error " + r.software().navigationErrorAtTouchdownM());
        // the finding
        assertTrue(r.maxCommandOffRetrogradeDeg() > 90, "command " + r.maxCommandOffRetrogradeDeg());
        assertTrue(r.maxBodyOffRetrogradeDeg() < 25, "body " + r.maxBodyOffRetrogradeDeg());
        assertEquals("the landing guidance found no descent that stops the stage", r.trouble());
        assertTrue(r.verticalSpeedMS() > 2, "touchdown " + r.verticalSpeedMS() + " m/s");
    }

    /**
     * The loop's own figures on the whole descent (the 6-DOF recovery's, {@link FlightSoftwareRecoveryTest}, the
     * boostback aimed at the flight software's rest point): handed over at the entry burn's cut-off, the flight software
     * lights the engine by its own rule at 4.9 km, and in the burn's opening seconds, the thickest air, its command
     * stays within a seventh of a degree of the retrograde (the point-mass guidance's command, above, was over 90 deg
     * off it) and the body within 5.7 deg, turning back from the fall's incidence (6.5 deg at most, what the fins hold).
     * Regression values of this deterministic flight (seed 1).
     */
    @Test
    void fromTheEntryBurnTheFlightSoftwareBrakesAlongTheRetrograde() {
        StageRecovery.Case c = withBoostback();
        StageRecovery six = new StageRecovery(EARTH, UsStandardAtmosphere1976.INSTANCE).withDynamics(new RigidBodyFidelity());
        StageRecovery.Plan plan = new FlightSoftwareRecovery(six, EARTH, UsStandardAtmosphere1976.INSTANCE, FlightSoftwareRecovery.Settings.DEFAULT)
            .plan(c);
        StageRecovery.LandingBurn handedOver = six.handOver(c, plan, Perturbation.NONE, List.of(), StageRecovery.Options.DEFAULT,
            FlightSoftwareRecovery.HAND_OVER_M);
        assertTrue(handedOver.local()[0] > 50_000, "handed over at " + handedOver.local()[0] + " m");
        Stage stage = c.stage();
        StageFlightModel model = FlightSoftwareRecovery.model(c);
        LandingBurnLoop.Setup setup = new LandingBurnLoop.Setup(model, EarthModel.Geodetic.of(c.zone()),
            FlightSoftwareRecovery.landingEngines(model, 1), handedOver.emptyMass(), 0, Double.NaN, Double.NaN, ImuErrors.TACTICAL.atRate(100),
            GnssErrors.SINGLE_FREQUENCY, 1, true);
        LandingBurnLoop.Result r = new LandingBurnLoop(setup, EARTH, UsStandardAtmosphere1976.INSTANCE)
            .fly(FlightSoftwareRecovery.body(handedOver, EARTH), FlightSoftwareRecovery.MAX_SECONDS);
        assertTrue(r.grounded());
        assertEquals(null, r.trouble());
        assertTrue(r.maxCommandOffRetrogradeDeg() < 1 && r.maxBodyOffRetrogradeDeg() < 6.5,
            r.maxCommandOffRetrogradeDeg() + " deg / " + r.maxBodyOffRetrogradeDeg() + " deg");
        assertEquals(0.13, r.maxCommandOffRetrogradeDeg(), 0.05);
        assertEquals(5.61, r.maxBodyOffRetrogradeDeg(), 0.05);
        LandingLegs legs = stage.getRecovery().getLandingLegs();
        assertTrue(r.verticalSpeedMS() < legs.getMaxTouchdownVerticalSpeed() && r.horizontalSpeedMS() < legs.getMaxTouchdownHorizontalSpeed(),
            r.verticalSpeedMS() + " / " + r.horizontalSpeedMS() + " m/s");
        assertEquals(4866, r.ignitionHeightM(), 1);
        assertEquals(0.33, r.missM(), 0.01);
    }
}
