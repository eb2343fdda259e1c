package org.launchbench.recovery.control;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.models.RcsThrusters;
import org.launchbench.flight.phase.IdealAttitudeLoop;
import org.launchbench.flight.vehicle.ActuatorCommands;
import org.launchbench.flight.vehicle.StageFlightModel;

/**
 * The attitude loop of the flight software: points the body's x axis (the thrust's line) where the guidance wants it,
 * with the stage's gimbals, grid fins and RCS.
 * <ul>
 * <li>Attitude to rate: a rate command k_θ θ about x_b × d, at most {@link Gains#maxRateRadS()}, roll rate zero (the
 * cascade of the ideal loop, docs/flight-dynamics.md).</li>
 * <li>Rate to moment: α = k_ω (ω_cmd − ω) + k_i ∫(ω_cmd − ω) dt, M = I α + ω × I ω, less the moment the vehicle feels
 * with its effectors centred (aerodynamics, thrust off the centre of mass), which the loop must overcome.</li>
 * <li>Moment to effectors: {@link ControlAllocation} over the burning engines' gimbals and the fins, by their
 * effectiveness now ({@link ControlEffectiveness}), within their ranges; the moment left is given to the RCS (each
 * thruster fires when its own moment points along what is left by more than half its size).</li>
 * <li>Anti-windup by conditional integration, axis by axis: an axis's integral stops while the allocation leaves more
 * than {@link #SATURATED_SHARE} of that axis's moment ungiven (Åström and Hägglund, <i>Advanced PID Control</i>, 2006,
 * §3.5); an axis no effector reaches (roll, with one engine and thin air) does not stop the others.</li>
 * </ul>
 * Its inputs are what the flight software knows (the navigation's attitude and rates, its model of the air); in tests
 * they may be the truth. Not thread-safe; one per flight.
 */
public final class AttitudeController {

    /**
     * @param attitudePerS k_θ, rad/s per rad
     * @param ratePerS     k_ω, 1/s
     * @param integralPerS2 k_i, 1/s²
     * @param maxRateRadS  the largest rate commanded, rad/s
     */
    public record Gains(double attitudePerS, double ratePerS, double integralPerS2, double maxRateRadS) {
        /**
         * The ideal loop's cascade (ω_n = 2 rad/s, ζ = 1 without the integral) with a slow integral: k_ω + k_i / s has its
         * zero at k_i / k_ω = 0.125 rad/s, well below the loop's 2 rad/s, to take out a steady moment the model misses;
         * 30 deg/s.
         */
        public static final Gains DEFAULT = new Gains(1.0, 4.0, 0.5, Math.toRadians(30));
    }

    /** Above this share of an axis's moment asked left ungiven, that axis counts as saturated. */
    static final double SATURATED_SHARE = 0.05;

    private final StageFlightModel model;
    private final List<ForceModel> models;
    private final Gains gains;
    private final boolean antiWindup;
    private final RcsThrusters rcs;
    private Vector3D integral = Vector3D.ZERO;
    private boolean saturated;

    /**
     * @param model      the stage (its force models are the flight software's vehicle model)
     * @param gains      the loop's gains
     * @param antiWindup whether the integral stops while the effectors saturate (false only to show why it must)
     */
    public AttitudeController(StageFlightModel model, Gains gains, boolean antiWindup) {
        this.model = model;
        this.models = model.models();
        this.gains = gains;
        this.antiWindup = antiWindup;
        this.rcs = models.stream().filter(RcsThrusters.class::isInstance).map(RcsThrusters.class::cast).findFirst().orElse(null);
    }

    /** @return whether the last period's allocation could not give some axis's moment asked */
    public boolean saturated() {
        return saturated;
    }

    /**
     * @param c           the stage's conditions as the flight software knows them
     * @param axisEci     where the body's x axis should point, ECI (any length; zero: hold the rates at zero)
     * @param throttle    per engine, the guidance's throttle
     * @param on          per engine, whether it burns
     * @param gimbalRange per engine, its gimbal's range, rad
     * @param finRange    the fins' deflection limit, rad
     * @param dt          the control period, s
     * @return the commands for the next period
     */
    public ActuatorCommands next(FlightConditions c, Vector3D axisEci, double[] throttle, boolean[] on, double[] gimbalRange,
                                 double finRange, double dt) {
        Vector3D w = c.state().bodyRatesInertialRadS();
        Vector3D rateCommand = IdealAttitudeLoop.rateCommand(c.state().attitude(), axisEci, gains.attitudePerS(), gains.maxRateRadS());
        Vector3D rateError = rateCommand.subtract(w);
        Vector3D alpha = rateError.scalarMultiply(gains.ratePerS()).add(integral.scalarMultiply(gains.integralPerS2()));
        InertiaTensor inertia = c.massProperties().inertiaKgM2();
        Vector3D needed = inertia.times(alpha).add(Vector3D.crossProduct(w, inertia.times(w)));

        int n = model.engines().size();
        int burning = 0;
        for (boolean b : on) {
            burning += b ? 1 : 0;
        }
        int[] engines = new int[burning];
        for (int i = 0, k = 0; i < n; i++) {
            if (on[i]) {
                engines[k++] = i;
            }
        }
        double[] fraction = new double[n];
        for (int i = 0; i < n; i++) {
            fraction[i] = on[i] ? c.effectors().thrustFraction(i) : 0;
        }
        ControlEffectiveness e = ControlEffectiveness.of(models, c, fraction, engines, model.finCount());
        double[] wanted = needed.subtract(e.centredNm()).toArray();
        int m = 2 * engines.length + model.finCount();
        double[] lower = new double[m];
        double[] upper = new double[m];
        for (int k = 0; k < engines.length; k++) {
            upper[2 * k] = gimbalRange[engines[k]];
            upper[2 * k + 1] = gimbalRange[engines[k]];
            lower[2 * k] = -gimbalRange[engines[k]];
            lower[2 * k + 1] = -gimbalRange[engines[k]];
        }
        for (int f = 0; f < model.finCount(); f++) {
            upper[2 * engines.length + f] = finRange;
            lower[2 * engines.length + f] = -finRange;
        }
        double[] u = ControlAllocation.allocate(e.perRadNm(), wanted, lower, upper);
        double[] left = wanted.clone();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < m; j++) {
                left[i] -= e.perRadNm()[i][j] * u[j];
            }
        }
        Vector3D leftOver = new Vector3D(left);
        double[] add = rateError.scalarMultiply(dt).toArray();
        saturated = false;
        for (int i = 0; i < 3; i++) {
            boolean axisSaturated = Math.abs(left[i]) > SATURATED_SHARE * Math.abs(wanted[i]) && Math.abs(left[i]) > 1e-9 * (1 + Math.abs(wanted[i]));
            saturated |= axisSaturated;
            if (antiWindup && axisSaturated) {
                add[i] = 0;
            }
        }
        integral = integral.add(new Vector3D(add));
        double[] pitch = new double[n];
        double[] yaw = new double[n];
        for (int k = 0; k < engines.length; k++) {
            pitch[engines[k]] = u[2 * k];
            yaw[engines[k]] = u[2 * k + 1];
        }
        double[] fins = new double[model.finCount()];
        System.arraycopy(u, 2 * engines.length, fins, 0, fins.length);
        return new ActuatorCommands(pitch, yaw, throttle, on, fins, rcsFiring(c, leftOver));
    }

    /** Each thruster fires when its moment points along what is left by more than half its own size. */
    private boolean[] rcsFiring(FlightConditions c, Vector3D leftOver) {
        boolean[] fire = new boolean[model.rcsCount()];
        if (rcs == null) {
            return fire;
        }
        for (int k = 0; k < fire.length; k++) {
            RcsThrusters.Thruster t = rcs.thrusters().get(k);
            Vector3D moment = Vector3D.crossProduct(c.armM(t.positionM()), t.forceDirection().scalarMultiply(t.thrustN()));
            double size = moment.getNorm();
            fire[k] = size > 0 && Vector3D.dotProduct(moment, leftOver) > 0.5 * size * size;
        }
        return fire;
    }
}
