package org.launchbench.trajectory.guidance;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.dynamics.Steering;

/**
 * Steering for a stage that cannot be cut off (a solid motor): the base steering's thrust direction pitched up
 * and down about it, by φ = φ0 sin(2π τ) with τ the fraction of the burn's ideal Δv delivered so far
 * (ln(m0/m) / ln(m0/mb)). The oscillation spends the impulse the orbit does not need (about φ0²/4 of the burn's
 * Δv) while its up and down impulses cancel to first order; the pitch law's own parameters absorb the rest. It
 * stays in the plane, so the inclination is untouched. (Solid upper stages manage energy by such off-optimal
 * steering.)
 *
 * @param base        the in-plane steering (linear tangent with cross-range feedback)
 * @param amplitude   φ0, rad
 * @param initialMass m0 at ignition, kg
 * @param burnoutMass mb at burnout, kg
 */
public record EnergyWasting(Steering base, double amplitude, double initialMass, double burnoutMass) implements Steering {

    @Override
    public double throttle(double t, Vector3D r, Vector3D v, double mass) {
        return base.throttle(t, r, v, mass);
    }

    @Override
    public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
        Vector3D d = base.direction(t, r, v, mass);
        double tau = Math.log(initialMass / mass) / Math.log(initialMass / burnoutMass);
        double phi = amplitude * Math.sin(2 * Math.PI * tau);
        Vector3D axis = Vector3D.crossProduct(r, d);
        if (phi == 0 || axis.getNorm() == 0) {
            return d;
        }
        Vector3D k = axis.normalize();
        double c = Math.cos(phi);
        double s = Math.sin(phi);
        // Rodrigues' rotation of d about k (k is perpendicular to d): d cos φ + (k × d) sin φ
        return new Vector3D(c, d, s, Vector3D.crossProduct(k, d)).normalize();
    }
}
