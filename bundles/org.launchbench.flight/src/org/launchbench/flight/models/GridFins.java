package org.launchbench.flight.models;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
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
 * n_i = x × s_i = (0, −sin φ_i, cos φ_i).</li>
 * <li>The flow's incidence on it is atan2(v·n_i, |u|) with v the body's air-relative velocity; the fin's normal force
 * is −q̄ S_fin C_Nα(M) (incidence + δ_i) n_i, its incidence limited to ±{@code stallRad} beyond which a grid fin's
 * force stops growing (Zeng's data: about 20° to 25°).</li>
 * <li>Fin i reads its deflection from {@link EffectorPositions} fin index i; a positive deflection adds to a positive
 * incidence.</li>
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
        Vector3D v = c.airVelocityBodyMS();
        double axial = Math.abs(v.getX());
        double slope = normalSlopePerRad.at(c.mach());
        EffectorPositions e = c.effectors();
        for (int i = 0; i < fins.size(); i++) {
            Fin fin = fins.get(i);
            Vector3D n = new Vector3D(0, -Math.sin(fin.rollAngleRad()), Math.cos(fin.rollAngleRad()));
            double incidence = Math.atan2(v.dotProduct(n), axial);
            double deflection = i < e.finCount() ? e.finDeflectionRad(i) : 0;
            double effective = Math.max(-stallRad, Math.min(stallRad, incidence + deflection));
            Vector3D force = n.scalarMultiply(-qbar * fin.areaM2() * slope * effective);
            loads.addForceBody(force);
            loads.addMomentBody(Vector3D.crossProduct(c.armM(fin.centreOfPressureM()), force));
        }
    }
}
