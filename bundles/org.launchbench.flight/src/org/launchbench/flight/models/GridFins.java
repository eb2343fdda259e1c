package org.launchbench.flight.models;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.PlainVectorAlgebra;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * Grid fins (lattice fins) as control surfaces: each fin, hinged at its station on the body's axis and standing out
 * at its roll angle, makes a normal force proportional to its local incidence plus its deflection, at its centre of
 * pressure, from the dynamic pressure and a normal-force slope against Mach (grid fins lose effectiveness in the
 * transonic choking range and recover supersonically: Washington and Miller, "Grid fins: a new concept for missile
 * stability and control", AIAA 93-0035; Zeng, "Grid fin aerodynamics", NASA CR-4679, 1996).
 * <ul>
 * <li>Fin i stands along s_i = (0, cos φ_i, sin φ_i) in body axes; its force acts along its normal
 * n_i = x × s_i = (0, −sin φ_i, cos φ_i) (the small-deflection approximation: the normal turns with the fin by δ).</li>
 * <li>The fin meets the air at its own velocity, the body's air-relative velocity plus ω × r_i for the arm r_i from
 * the centre of mass (so fins damp the body's rotation); with (u, ·) its axial part and v_n its part along n_i, the
 * incidence is atan2(v_n, |u|).</li>
 * <li>Fin i reads its deflection δ_i from {@link EffectorPositions} fin index i: a rotation about its span axis s_i,
 * right-handed. It turns the fin's normal to n_i cos δ + x sin δ, so the flow meets it at incidence + sgn(u) δ: the
 * same deflection pushes the opposite way when the stage flies engines first (u &lt; 0) as nose first.</li>
 * <li>The normal force is −q̄ S_fin C_Nα(M) (incidence + sgn(u) δ_i) n_i, the effective incidence limited to
 * ±{@code stallRad} beyond which a grid fin's force stops growing (Zeng's data: about 20° to 25°).</li>
 * </ul>
 *
 * @param fins                the fins
 * @param normalSlopePerRad   C_Nα of one fin on its own area, against Mach, per rad
 * @param stallRad            the largest effective incidence, rad
 */
public record GridFins(List<Fin> fins, MachCurve normalSlopePerRad, double stallRad) implements ForceModel {

    /**
     * @param centreOfPressureM the fin's centre of pressure in the structural frame, m
     * @param rollAngleRad      φ, the angle from body y toward body z at which the fin stands out, rad
     * @param areaM2            the fin's reference area, m²
     */
    public record Fin(Vector3D centreOfPressureM, double rollAngleRad, double areaM2) {
    }

    /** Copies the list. */
    public GridFins {
        fins = List.copyOf(fins);
    }

    @Override
    public void contribute(FlightConditions c, Loads loads) {
        double qbar = c.dynamicPressurePa();
        if (qbar == 0) {
            return;
        }
        Vector3D air = c.airVelocityBodyMS();
        Vector3D omega = c.bodyRatesEarthRadS();
        double slope = normalSlopePerRad.at(c.mach());
        EffectorPositions e = c.effectors();
        for (int i = 0; i < fins.size(); i++) {
            Fin fin = fins.get(i);
            Vector3D arm = c.armM(fin.centreOfPressureM());
            Vector3D v = air.add(PlainVectorAlgebra.cross(omega, arm));
            Vector3D n = new Vector3D(0, -Math.sin(fin.rollAngleRad()), Math.cos(fin.rollAngleRad()));
            double incidence = Math.atan2(PlainVectorAlgebra.dot(v, n), Math.abs(v.getX()));
            double deflection = i < e.finCount() ? e.finDeflectionRad(i) : 0;
            double effective = Math.max(-stallRad, Math.min(stallRad, incidence + Math.signum(v.getX()) * deflection));
            Vector3D force = n.scalarMultiply(-qbar * fin.areaM2() * slope * effective);
            loads.addForceBody(force);
            loads.addMomentBody(PlainVectorAlgebra.cross(arm, force));
        }
    }
}
