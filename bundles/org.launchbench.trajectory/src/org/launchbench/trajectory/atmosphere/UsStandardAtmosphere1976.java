package org.launchbench.trajectory.atmosphere;

import org.launchbench.core.PhysicalConstants;

/**
 * The U.S. Standard Atmosphere, 1976 (NOAA-S/T 76-1562, NASA-TM-X-74335, October 1976), from -5 km to
 * 1000 km geometric altitude.
 * <p>
 * <b>Up to 86 km</b> it is computed from the standard's defining layers: seven layers of linear molecular-scale
 * temperature in geopotential altitude (Part 1, Table 4), hydrostatic pressure (eqs. 33a and 33b), density
 * from the perfect-gas law with the sea-level molecular weight (eq. 42), speed of sound with γ = 1.4 (eq. 50),
 * and, between 80 and 86 km, the kinetic temperature T = T_M (M/M0) with the mean-molecular-weight ratio of
 * Table 8. This reproduces the standard's printed tables to their last digit (see the tests).
 * <p>
 * <b>From 86 km to 1000 km</b> the standard's composition-dependent pressure is not modelled. The kinetic
 * temperature follows the standard's four upper segments (Part 1, eqs. 25 to 31: isothermal to 91 km,
 * elliptical to 110 km, linear to 120 km, exponential approach to T∞ = 1000 K). The density is interpolated
 * log-linearly between the standard's value at 86 km and the exponential-atmosphere base densities of
 * Vallado (Fundamentals of Astrodynamics and Applications, 4th ed., 2013, Table 8-4) from 90 km up, which keeps
 * it continuous; above about 150 km real densities vary with solar activity by an order of magnitude, so this
 * is a mean model. Pressure and speed of sound there use the sea-level molecular weight: pressure is then
 * within a few percent of the standard to 100 km and an overestimate above (it is below 0.04 Pa there, which
 * matters to no thrust or drag computation).
 */
public final class UsStandardAtmosphere1976 implements Atmosphere {

    /** Universal gas constant as the 1976 standard defines it, J/(kmol K) (Part 1, Table 2). */
    static final double R_STAR = 8.31432e3;
    /** Sea-level mean molecular weight, kg/kmol (Part 1, Table 2). */
    static final double M0 = 28.9644;
    /** Effective Earth radius for geopotential altitude, m (Part 1, Table 2, r0). */
    static final double R0 = 6_356_766;
    /** Sea-level pressure, Pa (Part 1, Table 2). */
    public static final double SEA_LEVEL_PRESSURE = 101_325;
    /** Ratio of specific heats of air (Part 1, eq. 50). */
    static final double GAMMA = 1.4;

    /** Geopotential base altitudes (m'), base molecular-scale temperatures (K) and lapse rates (K/m'): Table 4. */
    private static final double[] H_BASE = {0, 11_000, 20_000, 32_000, 47_000, 51_000, 71_000, 84_852};
    private static final double[] T_BASE = {288.15, 216.65, 216.65, 228.65, 270.65, 270.65, 214.65, 186.946};
    private static final double[] LAPSE = {-6.5e-3, 0, 1.0e-3, 2.8e-3, 0, -2.8e-3, -2.0e-3};

    /** M/M0 from 80 km to 86 km geometric every 0.5 km (Part 1, Table 8). */
    private static final double[] M_RATIO = {1.000000, 0.999996, 0.999989, 0.999971, 0.999941, 0.999909, 0.999870,
        0.999829, 0.999786, 0.999741, 0.999694, 0.999641, 0.999579};

    /** Base altitudes (km) and densities (kg/m³) above 86 km: Vallado, Table 8-4 (86 km: this standard). */
    private static final double[] UPPER_KM = {86, 90, 100, 110, 120, 130, 140, 150, 180, 200, 250, 300, 350, 400, 450,
        500, 600, 700, 800, 900, 1000};
    private static final double[] UPPER_RHO = {Double.NaN, 3.396e-6, 5.297e-7, 9.661e-8, 2.438e-8, 8.484e-9, 3.845e-9,
        2.070e-9, 5.464e-10, 2.789e-10, 7.248e-11, 2.418e-11, 9.518e-12, 3.725e-12, 1.585e-12, 6.967e-13, 1.454e-13,
        3.614e-14, 1.170e-14, 5.245e-15, 3.019e-15};

    /** The shared instance (the model has no parameters); declared after the tables it is built from. */
    public static final UsStandardAtmosphere1976 INSTANCE = new UsStandardAtmosphere1976();

    /** Base pressures of the layers, derived once from P0 by the hydrostatic equation. */
    private final double[] pBase = new double[H_BASE.length];
    private final double[] upperRho = UPPER_RHO.clone();

    private UsStandardAtmosphere1976() {
        pBase[0] = SEA_LEVEL_PRESSURE;
        for (int i = 0; i < LAPSE.length; i++) {
            pBase[i + 1] = layerPressure(i, H_BASE[i + 1]);
        }
        upperRho[0] = lower(86_000).density();
    }

    @Override
    public double minAltitude() {
        return -5_000;
    }

    @Override
    public double maxAltitude() {
        return 1_000_000;
    }

    @Override
    public AtmosphereState at(double z) {
        if (!(z >= minAltitude() && z <= maxAltitude())) {
            throw new IllegalArgumentException("altitude " + z + " m outside the U.S. Standard Atmosphere 1976 range "
                + minAltitude() + " to " + maxAltitude() + " m");
        }
        return z <= 86_000 ? lower(z) : upper(z);
    }

    /** Geopotential altitude, m', of a geometric altitude (Part 1, eq. 18). */
    static double geopotential(double z) {
        return R0 * z / (R0 + z);
    }

    private double layerPressure(int i, double h) {
        double g = PhysicalConstants.STANDARD_GRAVITY;
        double tb = T_BASE[i];
        double l = LAPSE[i];
        if (l == 0) {
            return pBase[i] * Math.exp(-g * M0 * (h - H_BASE[i]) / (R_STAR * tb));
        }
        return pBase[i] * Math.pow(tb / (tb + l * (h - H_BASE[i])), g * M0 / (R_STAR * l));
    }

    private AtmosphereState lower(double z) {
        double h = geopotential(z);
        int i = LAPSE.length - 1;
        while (i > 0 && h < H_BASE[i]) {
            i--;
        }
        double tm = T_BASE[i] + LAPSE[i] * (h - H_BASE[i]);
        double p = layerPressure(i, h);
        double rho = p * M0 / (R_STAR * tm);
        double a = Math.sqrt(GAMMA * R_STAR * tm / M0);
        return new AtmosphereState(z, tm * molecularWeightRatio(z), p, rho, a);
    }

    private static double molecularWeightRatio(double z) {
        if (z <= 80_000) {
            return 1;
        }
        double x = (z - 80_000) / 500;
        int k = Math.min((int) x, M_RATIO.length - 2);
        return M_RATIO[k] + (x - k) * (M_RATIO[k + 1] - M_RATIO[k]);
    }

    private AtmosphereState upper(double z) {
        double km = z / 1000;
        int k = 0;
        while (k < UPPER_KM.length - 2 && km >= UPPER_KM[k + 1]) {
            k++;
        }
        double f = (km - UPPER_KM[k]) / (UPPER_KM[k + 1] - UPPER_KM[k]);
        double rho = Math.exp(Math.log(upperRho[k]) + f * (Math.log(upperRho[k + 1]) - Math.log(upperRho[k])));
        double t = upperTemperature(km);
        double p = rho * R_STAR * t / M0;
        return new AtmosphereState(z, t, p, rho, Math.sqrt(GAMMA * R_STAR * t / M0));
    }

    /** Kinetic temperature above 86 km, K (Part 1, eqs. 25 to 31; z in km). */
    static double upperTemperature(double km) {
        if (km <= 91) {
            return 186.8673;
        }
        if (km <= 110) {
            double tc = 263.1905;
            double a = -76.3232;
            double b = -19.9429;
            double x = (km - 91) / b;
            return tc + a * Math.sqrt(1 - x * x);
        }
        if (km <= 120) {
            return 240 + 12 * (km - 110);
        }
        double r0km = R0 / 1000;
        double xi = (km - 120) * (r0km + 120) / (r0km + km);
        return 1000 - (1000 - 360) * Math.exp(-0.01875 * xi);
    }
}
