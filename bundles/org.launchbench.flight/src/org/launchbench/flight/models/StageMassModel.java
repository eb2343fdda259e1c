package org.launchbench.flight.models;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.MassModel;
import org.launchbench.flight.MassProperties;

/**
 * A stage's mass properties as its tanks drain: the dry structure (mass, centre of mass, inertia about it) plus
 * the propellant in each tank, a settled liquid column at the tank's bottom (the engines' thrust or the drag of a
 * returning stage settles it there) whose height falls in proportion to what the tank holds. Each column is a solid
 * cylinder for its inertia, I_axial = ½ m R², I_transverse = m (3R² + h²) / 12, moved to the stage's centre of mass
 * by the parallel-axis theorem (Meriam and Kraige, Engineering Mechanics: Dynamics, Appendix B). A liquid does not
 * spin up with its tank about the axis, so the axial term overstates roll inertia while the stage is full; roll is
 * the least demanding axis of a launch vehicle and the overstatement is kept for simplicity. Tanks drain in
 * proportion to their share (the engines' mixture ratio). A solid motor's grain is not a liquid: it burns from its
 * port outward, so its length and centroid stay while it thins into a tube, I_axial = ½ m (R² + r²) and
 * I_transverse = m (3 (R² + r²) + h²) / 12 with the port radius r growing from its loaded value (a volumetric loading
 * of 85 %, r² = 0.15 R²) as the mass falls. Positions are stations in the structural frame (x from the engines' exit
 * plane toward the nose). Immutable.
 *
 */
public final class StageMassModel implements MassModel {

    private final double dryMassKg;
    private final Vector3D dryCentreOfMassM;
    private final InertiaTensor dryInertiaKgM2;
    private final double propellantMassKg;
    private final List<Tank> tanks;
    /** The inertia tensor at the nodes of a table over the load, for dI/dm ({@link #perKg}). */
    private final double[][] slopeTable;

    /**
     * @param share          its fraction of the propellant mass (oxidiser: r / (1 + r) at mixture ratio r)
     * @param bottomStationM the tank's bottom in the structural frame, m
     * @param topStationM    its top, m
     * @param radiusM        its inner radius, m
     * @param grain          true for a solid motor's grain (burns radially), false for a liquid (drains)
     */
    public record Tank(double share, double bottomStationM, double topStationM, double radiusM, boolean grain) {

        /** Checks the geometry. */
        public Tank {
            if (!(share > 0 && share <= 1 && topStationM > bottomStationM && radiusM > 0)) {
                throw new IllegalArgumentException("a tank has a share in (0, 1], a top above its bottom and a positive radius");
            }
        }
    }

    /**
     * @param dryMassKg        the dry stage's mass (structure, engines, residuals, landing legs), kg
     * @param dryCentreOfMassM its centre of mass in the structural frame, m
     * @param dryInertiaKgM2   its inertia about its own centre of mass, body axes
     * @param propellantMassKg the propellant at full load, kg
     * @param tanks            the tanks; their shares add up to 1 when there is propellant
     */
    public StageMassModel(double dryMassKg, Vector3D dryCentreOfMassM, InertiaTensor dryInertiaKgM2, double propellantMassKg,
                          List<Tank> tanks) {
        this.tanks = List.copyOf(tanks);
        double shares = this.tanks.stream().mapToDouble(Tank::share).sum();
        if (!(dryMassKg > 0 && propellantMassKg >= 0) || (propellantMassKg > 0 && Math.abs(shares - 1) > 1e-9)) {
            throw new IllegalArgumentException("a stage has a positive dry mass, and tanks whose shares add up to 1 for its "
                + "propellant, were " + shares);
        }
        this.dryMassKg = dryMassKg;
        this.dryCentreOfMassM = dryCentreOfMassM;
        this.dryInertiaKgM2 = dryInertiaKgM2;
        this.propellantMassKg = propellantMassKg;
        this.slopeTable = new double[SLOPES + 1][];
        for (int i = 0; i <= SLOPES; i++) {
            InertiaTensor n = properties(dryMassKg + propellantMassKg * i / SLOPES).inertia();
            slopeTable[i] = new double[] {n.xx(), n.yy(), n.zz(), n.xy(), n.yz(), n.zx()};
        }
    }

    /** @return the dry stage's mass, kg */
    public double dryMassKg() {
        return dryMassKg;
    }

    /** @return the propellant at full load, kg */
    public double propellantMassKg() {
        return propellantMassKg;
    }

    /** @return the tanks */
    public List<Tank> tanks() {
        return tanks;
    }

    @Override
    public MassProperties at(double massKg) {
        Properties p = properties(massKg);
        return new MassProperties(massKg, p.centre(), p.inertia(), perKg(massKg));
    }

    /** How many mass intervals the table of dI/dm divides the propellant load into. */
    private static final int SLOPES = 256;

    /**
     * dI/dm at a mass: the slope of the inertia between the two nodes of a table over the load around it (the
     * properties are smooth in the mass, and İ ω is a small term; the table saves two evaluations of the tanks per
     * derivative), one-sided at a full or an empty stage.
     */
    private InertiaTensor perKg(double massKg) {
        if (!(propellantMassKg > 0) || massKg < dryMassKg || massKg > dryMassKg + propellantMassKg) {
            // outside the load the properties are clamped and do not change with the mass
            return MassProperties.CONSTANT;
        }
        double[][] table = slopeTable;
        double f = (massKg - dryMassKg) / propellantMassKg * SLOPES;
        int i = (int) Math.max(0, Math.min(SLOPES - 1, Math.floor(f)));
        double[] a = table[i];
        double[] b = table[i + 1];
        double dm = propellantMassKg / SLOPES;
        return new InertiaTensor((b[0] - a[0]) / dm, (b[1] - a[1]) / dm, (b[2] - a[2]) / dm, (b[3] - a[3]) / dm, (b[4] - a[4]) / dm,
            (b[5] - a[5]) / dm);
    }


    /** A loaded grain's port radius squared as a fraction of the case's: 85 % volumetric loading (Sutton ch. 12). */
    private static final double GRAIN_PORT2 = 0.15;

    private record Properties(Vector3D centre, InertiaTensor inertia) {
    }

    private Properties properties(double massKg) {
        double propellant = Math.max(0, Math.min(propellantMassKg, massKg - dryMassKg));
        int n = tanks.size();
        double[] mass = new double[n];
        double[] station = new double[n];
        double[] height = new double[n];
        double[] fraction = new double[n];
        double total = dryMassKg;
        Vector3D moment = dryCentreOfMassM.scalarMultiply(dryMassKg);
        for (int k = 0; k < n; k++) {
            Tank t = tanks.get(k);
            mass[k] = t.share() * propellant;
            double full = t.share() * propellantMassKg;
            double length = t.topStationM() - t.bottomStationM();
            height[k] = t.grain() ? length : full > 0 ? mass[k] / full * length : 0;
            station[k] = t.bottomStationM() + height[k] / 2;
            fraction[k] = full > 0 ? mass[k] / full : 0;
            total += mass[k];
            moment = moment.add(new Vector3D(mass[k] * station[k], 0, 0));
        }
        Vector3D cm = moment.scalarMultiply(1 / total);
        double[] sum = shifted(dryInertiaKgM2, dryMassKg, dryCentreOfMassM.subtract(cm));
        for (int k = 0; k < n; k++) {
            double r = tanks.get(k).radiusM();
            // a liquid column: a solid cylinder; a grain: a tube whose port widens as it burns (r_port² = R² - f (R² - r0²))
            double port2 = tanks.get(k).grain() ? r * r - fraction[k] * (r * r - GRAIN_PORT2 * r * r) : 0;
            double axial = 0.5 * mass[k] * (r * r + port2);
            double transverse = mass[k] * (3 * (r * r + port2) + height[k] * height[k]) / 12;
            double[] column = shifted(new InertiaTensor(axial, transverse, transverse, 0, 0, 0), mass[k],
                new Vector3D(station[k], 0, 0).subtract(cm));
            for (int i = 0; i < 6; i++) {
                sum[i] += column[i];
            }
        }
        return new Properties(cm, new InertiaTensor(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]));
    }

    /** The parallel-axis theorem: I + m (|d|² E − d dᵀ), as {xx, yy, zz, xy, yz, zx}. */
    private static double[] shifted(InertiaTensor i, double m, Vector3D d) {
        double x = d.getX();
        double y = d.getY();
        double z = d.getZ();
        return new double[] {i.xx() + m * (y * y + z * z), i.yy() + m * (x * x + z * z), i.zz() + m * (x * x + y * y),
            i.xy() - m * x * y, i.yz() - m * y * z, i.zx() - m * z * x};
    }
}
