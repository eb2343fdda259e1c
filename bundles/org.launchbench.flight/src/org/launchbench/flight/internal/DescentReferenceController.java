package org.launchbench.flight.internal;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.Loads;
import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.flight.models.EngineThrust;
import org.launchbench.flight.vehicle.ActuatorCommands;
import org.launchbench.flight.vehicle.StageFlightModel;

/**
 * A reference controller for exercising a 6-DOF stage plant in tests and benchmarks: it holds the stage engines-first
 * into the air-relative velocity and, once low enough, lights one engine for a gravity-turn landing burn, steering
 * it by gimbal with a proportional-derivative attitude law and throttling to stop at the ground. It reads the truth
 * (no sensors, no navigation) and has no targeting: it is not the recovery guidance, which the recovery GNC issue
 * builds on this plant, but a known, simple closed loop whose cost and behaviour the plant can be measured with.
 * <ul>
 * <li>Attitude: the angular acceleration k_p e − k_d ω with e the rotation from body x to the retrograde direction
 * (small-angle vector) and ω the body rates relative to the Earth, ωn = 1 rad/s and ζ = 0.8; the moment I α turned
 * into gimbal angles for the burning engine, M = L T sin δ with L its arm below the centre of mass.</li>
 * <li>Ignition when the height falls to the stopping distance at 85 % of the engine's sea-level thrust with a third
 * of the present drag (drag falls with the square of the speed: its mean over a stop at constant deceleration),
 * v² / (2 (0.85 T / m − g + D / 3m)), plus half the ignition transient's travel.</li>
 * <li>Throttle for the constant deceleration that stops the descent at the ground, a = v_d² / (2 h) + g − D/m; a stage whose
 * throttle floor is above its weight cannot hover, so if it starts to climb the burn ends and it drops the rest.</li>
 * </ul>
 * Not thread-safe: one per flight.
 */
public final class DescentReferenceController {

    private static final double OMEGA = 1.0;
    private static final double ZETA = 0.8;
    /** The throttle the ignition height is planned at: the headroom above it absorbs the transient and the attitude. */
    private static final double IGNITION_THROTTLE = 0.85;

    private final StageFlightModel model;
    private final int engine;
    private final EngineThrust.Engine landing;
    private final double seaLevelThrustN;
    private final double ignitionTransientS;
    private boolean lit;
    private boolean done;
    private double ignitionTimeS = Double.NaN;

    /**
     * @param model  the stage
     * @param engine the index of the engine that lands it (the centre engine is index 0 under the cluster rule)
     */
    public DescentReferenceController(StageFlightModel model, int engine) {
        this.model = model;
        this.engine = engine;
        this.landing = model.engines().get(engine);
        // the thrust model's own figure at sea level: F_vac less the pressure on the exit
        this.seaLevelThrustN = landing.thrustVacuumN() - UsStandardAtmosphere1976.SEA_LEVEL_PRESSURE * landing.nozzleExitAreaM2();
        this.ignitionTransientS = clusterOf(model, engine).getIgnitionTransient();
    }

    /**
     * @param c the stage's conditions now
     * @return the commands for the next period
     */
    public ActuatorCommands next(FlightConditions c) {
        int n = model.engines().size();
        ActuatorCommands idle = ActuatorCommands.idle(n, model.finCount(), model.rcsCount());
        double[] pitch = idle.gimbalPitchRad();
        double[] yaw = idle.gimbalYawRad();
        double[] throttle = idle.throttle();
        boolean[] on = idle.engineOn();
        Vector3D air = c.airVelocityBodyMS();
        double speed = air.getNorm();
        double height = c.geodetic().height();
        double mass = c.state().massKg();
        double g = PhysicalConstants.STANDARD_GRAVITY;
        double drag = dragAcceleration(c);
        if (!lit && !done) {
            // drag falls with the square of the speed: over a stop at constant deceleration its mean is a third of now's
            double decel = IGNITION_THROTTLE * seaLevelThrustN / mass - g + drag / 3;
            double stop = decel > 0 ? speed * speed / (2 * decel) + 0.5 * ignitionTransientS * speed : Double.POSITIVE_INFINITY;
            if (height <= stop) {
                lit = true;
                ignitionTimeS = c.state().timeS();
            }
        }
        if (lit && c.velocityNedMS().getZ() < 0) {
            // climbing: the burn has stopped the stage above the ground (its throttle floor is above its weight), so it
            // shuts down and drops the rest, as a single-engine hoverslam must
            lit = false;
            done = true;
        }
        if (lit) {
            on[engine] = true;
            double vDown = Math.max(0, c.velocityNedMS().getZ());
            double accel = vDown * vDown / (2 * Math.max(height, 1)) + g - drag;
            // thrust f F_vac - p A_e (EngineThrust): the throttle that gives m a at the ambient pressure
            throttle[engine] = (mass * accel + c.pressurePa() * landing.nozzleExitAreaM2()) / landing.thrustVacuumN();
            // retrograde: body x against the air-relative velocity (straight up once nearly stopped)
            Vector3D target = speed > 5 ? air.scalarMultiply(-1 / speed) : c.state().attitude().toBody(up(c));
            Vector3D error = Vector3D.crossProduct(Vector3D.PLUS_I, target);
            Vector3D w = c.bodyRatesEarthRadS();
            Vector3D alpha = error.scalarMultiply(OMEGA * OMEGA).subtract(w.scalarMultiply(2 * ZETA * OMEGA));
            InertiaTensor inertia = c.massProperties().inertiaKgM2();
            Vector3D moment = inertia.times(alpha);
            double arm = c.massProperties().centreOfMassM().getX() - landing.mountM().getX();
            double thrust = Math.max(1, c.effectors().thrustFraction(engine) * landing.thrustVacuumN()
                - c.pressurePa() * landing.nozzleExitAreaM2());
            pitch[engine] = Math.asin(Math.max(-1, Math.min(1, moment.getY() / (arm * thrust))));
            yaw[engine] = Math.asin(Math.max(-1, Math.min(1, moment.getZ() / (arm * thrust))));
        }
        return new ActuatorCommands(pitch, yaw, throttle, on, idle.finRad(), idle.rcsFire());
    }

    /** The vehicle model's engine of a given index among the stage's engines, counted cluster by cluster. */
    private static org.launchbench.vehicle.model.Engine clusterOf(StageFlightModel model, int engine) {
        int k = engine;
        for (var cluster : model.stage().getEngines()) {
            if (k < cluster.getCount()) {
                return cluster.getEngine();
            }
            k -= cluster.getCount();
        }
        throw new IllegalArgumentException("the stage has no engine " + engine);
    }

    /** @return when the landing burn was lit, s, or NaN */
    public double ignitionTimeS() {
        return ignitionTimeS;
    }

    /** The aerodynamic deceleration along the flight path now, m/s² (the stage's aerodynamic models' force). */
    private double dragAcceleration(FlightConditions c) {
        Loads loads = new Loads();
        for (ForceModel f : model.models()) {
            if (f instanceof SlenderBodyAerodynamics) {
                f.contribute(c, loads);
            }
        }
        Vector3D air = c.airVelocityBodyMS();
        double speed = air.getNorm();
        return speed > 0 ? -loads.forceBody().dotProduct(air) / speed / c.state().massKg() : 0;
    }

    private static Vector3D up(FlightConditions c) {
        return c.environment().earth().toInertial(c.state().timeS(), c.geodetic().up());
    }
}
