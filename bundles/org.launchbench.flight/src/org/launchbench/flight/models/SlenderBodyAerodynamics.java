package org.launchbench.flight.models;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.PlainVectorAlgebra;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * The aerodynamics of a slender axisymmetric body (a rocket stage) flying at any total angle of attack α_t, nose
 * first (ascent, α_t near 0) or engines first (a returning booster, α_t near 180°):
 * <ul>
 * <li>axial force coefficient C_A = C_A,fwd(M) cos α_t below 90°, C_A,aft(M) cos α_t above (the vehicle model's
 * ascent and descent drag tables at zero incidence), so the force always opposes the axial motion;</li>
 * <li>normal force coefficient by Jorgensen's slender-body and crossflow theory (L. H. Jorgensen, "Prediction of
 * static aerodynamic characteristics for slender bodies alone and with lifting surfaces to very high angles of
 * attack", NASA TR R-474, 1977, eq. 1): C_N = C_Nα(M) sin α |cos α| cos(α/2) + η C_dc (A_p / S) sin² α, acting
 * against the crossflow, with α the incidence from the leading end (α_t nose first, 180° − α_t engines first),
 * C_dc the cylinder's crossflow drag coefficient (1.2 subcritical) and η the ratio of a finite cylinder's crossflow
 * drag to an infinite one's ({@link #crossflowEfficiency(double)});</li>
 * <li>the normal and axial force applied at the centre of pressure on the axis, at the station the Mach curve gives
 * for the flight direction (nose first or engines first);</li>
 * <li>pitch and yaw damping C_mq (q L / 2V) about the centre of mass (Etkin, Dynamics of Atmospheric Flight, §3.7),
 * with the body rates relative to the air.</li>
 * </ul>
 * Roll moments (fin cant, asymmetry) are left to the models of the parts that cause them.
 *
 * @param referenceAreaM2          S, the body's cross-section, m²
 * @param referenceLengthM         L, for the damping, m
 * @param planformAreaM2           A_p, length times diameter, m²
 * @param axialForward             C_A nose first against Mach
 * @param axialAft                 C_A engines first against Mach
 * @param normalSlopePerRad        C_Nα against Mach, per rad (2 for a slender body by Munk's theory)
 * @param crossflowDragCoefficient C_dc
 * @param centreOfPressureForwardM the centre of pressure's station nose first, structural frame x, against Mach, m
 * @param centreOfPressureAftM     the same engines first, m
 * @param pitchDampingPerRad       C_mq, per rad (negative)
 */
public record SlenderBodyAerodynamics(double referenceAreaM2, double referenceLengthM, double planformAreaM2, MachCurve axialForward,
                                      MachCurve axialAft, MachCurve normalSlopePerRad, double crossflowDragCoefficient,
                                      MachCurve centreOfPressureForwardM, MachCurve centreOfPressureAftM, double pitchDampingPerRad)
    implements ForceModel {

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        double qbar = c.dynamicPressurePa();
        double speed = c.airspeedMS();
        if (qbar == 0 || speed < MIN_AIRSPEED_M_S) {
            return;
        }
        double qs = qbar * referenceAreaM2;
        double mach = c.mach();
        Vector3D v = c.airVelocityBodyMS();
        double cosA = Math.max(-1, Math.min(1, v.getX() / speed));
        double lateral = Math.hypot(v.getY(), v.getZ());
        double sinA = lateral / speed;
        boolean noseFirst = cosA >= 0;
        double ca = (noseFirst ? axialForward : axialAft).at(mach) * cosA;
        double cn = normalCoefficient(sinA, Math.abs(cosA), mach);
        double fy = 0;
        double fz = 0;
        if (lateral > 0) {
            fy = -qs * cn * v.getY() / lateral;
            fz = -qs * cn * v.getZ() / lateral;
        }
        Vector3D force = new Vector3D(-qs * ca, fy, fz);
        double xcp = (noseFirst ? centreOfPressureForwardM : centreOfPressureAftM).at(mach);
        loads.addForceBody(force);
        loads.addMomentBody(PlainVectorAlgebra.cross(c.armM(new Vector3D(xcp, 0, 0)), force));
        if (pitchDampingPerRad != 0) {
            Vector3D w = c.bodyRatesEarthRadS();
            double k = qs * referenceLengthM * pitchDampingPerRad * referenceLengthM / (2 * speed);
            loads.addMomentBody(new Vector3D(0, k * w.getY(), k * w.getZ()));
        }
    }

    /**
     * Jorgensen's normal-force coefficient (the class comment's C_N) at an incidence from the leading end.
     *
     * @param sinIncidence    sin α
     * @param absCosIncidence |cos α|
     * @param mach            Mach number
     * @return C_N, on the reference area
     */
    public double normalCoefficient(double sinIncidence, double absCosIncidence, double mach) {
        // cos(α/2) of the incidence from the leading end, whose cosine is |cos α_t|
        double cosHalf = Math.sqrt(0.5 * (1 + absCosIncidence));
        double eta = crossflowEfficiency(referenceLengthM / Math.sqrt(4 * referenceAreaM2 / Math.PI));
        return normalSlopePerRad.at(mach) * sinIncidence * absCosIncidence * cosHalf
            + eta * crossflowDragCoefficient * planformAreaM2 / referenceAreaM2 * sinIncidence * sinIncidence;
    }

    /**
     * Fineness ratios L/D and Jorgensen's η at them (NASA TR R-474, 1977, Fig. 3): values of the curve fitted to the
     * digitised figure in AeroSandbox's study (studies/FuselageJorgensenEtaFitting), evaluated at these ratios.
     */
    private static final double[] FINENESS = {1, 2, 4, 8, 13, 20, 40};
    private static final double[] ETA = {0.551, 0.572, 0.608, 0.663, 0.709, 0.753, 0.818};
    /** The same as a piecewise-linear curve (the Mach curve's interpolation serves any abscissa). */
    private static final MachCurve ETA_CURVE = new MachCurve(FINENESS, ETA);

    /**
     * @param fineness the body's length over its diameter
     * @return η, the crossflow drag of a cylinder of that fineness over an infinite one's, interpolated in Jorgensen's
     *         curve and held beyond its ends
     */
    public static double crossflowEfficiency(double fineness) {
        return ETA_CURVE.at(fineness);
    }

    /** Below this airspeed the flow direction is undefined and no aerodynamic force is applied, m/s. */
    private static final double MIN_AIRSPEED_M_S = 0.1524;
}
