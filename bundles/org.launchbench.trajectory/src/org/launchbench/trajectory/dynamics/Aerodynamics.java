package org.launchbench.trajectory.dynamics;

import org.launchbench.vehicle.model.MachPoint;
import org.launchbench.vehicle.model.MachTable;
import org.launchbench.vehicle.model.Stage;

/**
 * Axial drag of the stack: D = q C_D(M) S, with C_D interpolated linearly in Mach from the stage's table and
 * held constant beyond its ends. Immutable.
 *
 * @param mach            table Mach numbers, increasing
 * @param coefficient     drag coefficients at those Mach numbers
 * @param referenceArea   reference area S = π d² / 4, m²
 */
public record Aerodynamics(double[] mach, double[] coefficient, double referenceArea) {

    /** No drag. */
    public static final Aerodynamics NONE = new Aerodynamics(new double[] {0}, new double[] {0}, 0);

    /** @param stage the stage whose table and diameter define the stack's drag; @return its aerodynamics */
    public static Aerodynamics of(Stage stage) {
        return of(stage.getDrag(), stage.getReferenceDiameter());
    }

    /**
     * @param t        a drag table (null or empty: no drag)
     * @param diameter reference diameter, m
     * @return its aerodynamics
     */
    public static Aerodynamics of(MachTable t, double diameter) {
        double area = Math.PI * diameter * diameter / 4;
        if (t == null || t.getPoints().isEmpty()) {
            return new Aerodynamics(new double[] {0}, new double[] {0}, area);
        }
        double[] m = new double[t.getPoints().size()];
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            MachPoint p = t.getPoints().get(i);
            m[i] = p.getMach();
            c[i] = p.getCoefficient();
        }
        return new Aerodynamics(m, c, area);
    }

    /** @param m Mach number; @return the drag coefficient */
    public double dragCoefficient(double m) {
        if (m <= mach[0]) {
            return coefficient[0];
        }
        for (int i = 1; i < mach.length; i++) {
            if (m <= mach[i]) {
                double f = (m - mach[i - 1]) / (mach[i] - mach[i - 1]);
                return coefficient[i - 1] + f * (coefficient[i] - coefficient[i - 1]);
            }
        }
        return coefficient[coefficient.length - 1];
    }
}
