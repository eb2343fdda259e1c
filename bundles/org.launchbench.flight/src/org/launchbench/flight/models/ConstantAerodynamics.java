package org.launchbench.flight.models;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * Aerodynamics with constant coefficients, as NASA's check-case sphere and brick define them (DAVE-ML models
 * {@code cannonball_aero.dml} and {@code brick_aero.dml}, NASA/TM-2015-218675 Vol. II Tables 2 and 5):
 * <ul>
 * <li>drag, side force and lift in wind axes, D = q̄ S C_D along the air-relative velocity's opposite, and the
 * side force and lift turned into body axes through the angle of attack α and sideslip β (Stevens and Lewis,
 * Aircraft Control and Simulation, 3rd ed., eq. 2.3-2);</li>
 * <li>damping moments L = q̄ S b C_lp (p b / 2V), M = q̄ S c C_mq (q c / 2V), N = q̄ S b C_nr (r b / 2V), with V the
 * true airspeed clipped below at 0.1524 m/s as NASA's brick model does, and p, q, r the body rates relative to
 * the air mass (the rotating Earth's: the TM leaves the choice open, and the two differ by 0.004 deg/s).</li>
 * </ul>
 * The moment reference point is the centre of mass.
 *
 * @param referenceAreaM2  S, m²
 * @param referenceSpanM   b, m (roll and yaw moments)
 * @param referenceChordM  c, m (pitch moment)
 * @param dragCoefficient  C_D
 * @param liftCoefficient  C_L
 * @param sideCoefficient  C_Y
 * @param rollDampingPerRad  C_lp, per rad
 * @param pitchDampingPerRad C_mq, per rad
 * @param yawDampingPerRad   C_nr, per rad
 */
public record ConstantAerodynamics(double referenceAreaM2, double referenceSpanM, double referenceChordM,
                                   double dragCoefficient, double liftCoefficient, double sideCoefficient,
                                   double rollDampingPerRad, double pitchDampingPerRad, double yawDampingPerRad)
    implements ForceModel {

    /** The airspeed below which the damping derivatives' 1/V is clipped, m/s (0.5 ft/s, brick_aero.dml). */
    public static final double MIN_AIRSPEED_M_S = 0.1524;

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        double qbar = c.dynamicPressurePa();
        if (qbar == 0) {
            return;
        }
        double qs = qbar * referenceAreaM2;
        double a = c.angleOfAttackRad();
        double b = c.sideslipRad();
        double ca = Math.cos(a);
        double sa = Math.sin(a);
        double cb = Math.cos(b);
        double sb = Math.sin(b);
        // wind-axis force [-D, Y, -L] turned into body axes by C_body<-wind
        double xw = -qs * dragCoefficient;
        double yw = qs * sideCoefficient;
        double zw = -qs * liftCoefficient;
        loads.addForceBody(new Vector3D(ca * cb * xw - ca * sb * yw - sa * zw, sb * xw + cb * yw,
            sa * cb * xw - sa * sb * yw + ca * zw));
        if (rollDampingPerRad != 0 || pitchDampingPerRad != 0 || yawDampingPerRad != 0) {
            double v = Math.max(c.airspeedMS(), MIN_AIRSPEED_M_S);
            Vector3D w = c.bodyRatesEarthRadS();
            double span = referenceSpanM;
            double chord = referenceChordM;
            loads.addMomentBody(new Vector3D(qs * span * rollDampingPerRad * w.getX() * span / (2 * v),
                qs * chord * pitchDampingPerRad * w.getY() * chord / (2 * v),
                qs * span * yawDampingPerRad * w.getZ() * span / (2 * v)));
        }
    }
}
