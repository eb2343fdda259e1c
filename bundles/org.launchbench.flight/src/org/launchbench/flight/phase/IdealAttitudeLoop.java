package org.launchbench.flight.phase;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.Loads;
import org.launchbench.flight.PlainVectorAlgebra;

/**
 * An attitude loop with ideal actuation: the moment that turns the body's x axis toward a target direction, as a
 * cascade of an attitude loop (rate command k_θ θ about the axis x_b × d, at most {@link #MAX_RATE_RAD_S}) and a rate
 * loop (M = I k_ω (ω_cmd − ω) + ω × I ω), roll rate held at zero. The moment has no limit and no actuator behind it:
 * it stands for the gimbal, fins and RCS until the recovery GNC flies them (docs/flight-dynamics.md). The closed loop
 * is critically damped: ω_n² = k_θ k_ω = 4 s⁻², 2 ζ ω_n = k_ω, ζ = 1, a 1 s time constant, fast beside the guidance's
 * 4 s re-plans and slow beside the integrator's reach. Every other moment (aerodynamic, thrust off the axis) acts on
 * the body and the loop answers it, so the body lags its command as a real one does.
 *
 * @param target where the body's x axis should point, inertial, any length (zero: the rates are damped to zero, and the
 *               attitude then drifts under any moment)
 */
public record IdealAttitudeLoop(Target target) implements ForceModel {

    /** The attitude gain k_θ, rad/s per rad. */
    public static final double ATTITUDE_GAIN_PER_S = 1.0;
    /** The rate gain k_ω, 1/s. */
    public static final double RATE_GAIN_PER_S = 4.0;
    /**
     * The largest rate the loop commands, rad/s: 30°/s turns a stage over (180°) in 6 s plus the loop's 1 s, inside
     * the 10 s the recovery's point-mass model allows for the flip after separation (StageRecovery.FLIP_DURATION).
     */
    public static final double MAX_RATE_RAD_S = Math.toRadians(30);

    /** Where the loop points the body, from its conditions. */
    @FunctionalInterface
    public interface Target {
        /** @param c the body's conditions; @return the direction for its x axis, inertial (zero: damp the rates only) */
        Vector3D direction(FlightConditions c);
    }

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        Vector3D w = c.state().bodyRatesInertialRadS();
        Vector3D command = Vector3D.ZERO;
        Vector3D d = target.direction(c);
        double n = d.getNorm();
        if (n > 0 && Double.isFinite(n)) {
            Vector3D db = c.state().attitude().toBody(d.scalarMultiply(1 / n));
            // the rotation from x_b to d: axis x_b × d = (0, -d_z, d_y), angle atan2(|x × d|, x · d)
            double sy = -db.getZ();
            double sz = db.getY();
            double s = Math.hypot(sy, sz);
            double angle = Math.atan2(s, db.getX());
            double ay = s > 1e-12 ? sy / s : 0;
            double az = s > 1e-12 ? sz / s : 1;
            double rate = Math.min(MAX_RATE_RAD_S, ATTITUDE_GAIN_PER_S * angle);
            command = new Vector3D(0, rate * ay, rate * az);
        }
        InertiaTensor inertia = c.massProperties().inertiaKgM2();
        Vector3D accel = command.subtract(w).scalarMultiply(RATE_GAIN_PER_S);
        loads.addMomentBody(inertia.times(accel).add(PlainVectorAlgebra.cross(w, inertia.times(w))));
    }
}
