package org.launchbench.flight.wind;

/**
 * The Dryden intensities and scale lengths as functions of height of MIL-F-8785C §3.7 (repeated in MIL-HDBK-1797),
 * in the form the common simulators implement it (JSBSim's FGWinds "Milspec" turbulence, MathWorks' Dryden Wind
 * Turbulence Model block). With h the height above the ground in feet, clipped below at 10 ft as both do (the
 * low-altitude scale lengths vanish at the ground):
 * <ul>
 * <li>h ≤ 1000 ft (the boundary layer; 8785C figs. 10 and 11, pp. 55–56 as JSBSim cites them):
 * Lw = h, Lu = Lv = h / (0.177 + 0.000823 h)^1.2, σw = 0.1 W20, σu = σv = σw / (0.177 + 0.000823 h)^0.4, with W20
 * the mean wind speed 20 ft above the ground (light 15 kt, moderate 30 kt, severe 45 kt). At 1000 ft the bracket is
 * exactly 1, so the model arrives isotropic: L = 1000 ft, σ = 0.1 W20.</li>
 * <li>h ≥ 2000 ft (isotropic; 8785C §3.7.2.1 p. 48): Lu = Lv = Lw = 1750 ft and σu = σv = σw read, linearly in h, from
 * the probability-of-exceedance curves of 8785C's high-altitude intensity figure (p. 49), held beyond the last point
 * (80 000 ft): the handbook gives nothing above, and JSBSim's and Simulink's tables clamp the same way.</li>
 * <li>1000 ft &lt; h &lt; 2000 ft: every σ and L linear in h between the two models' values at 1000 and 2000 ft
 * (MathWorks' block documentation; JSBSim does the same for L).</li>
 * </ul>
 * The height is above the ground (the handbook's h): for a site above sea level the caller subtracts the ground's
 * elevation. The table's heights are altitudes; the difference is ignored, as in both references.
 *
 * @param windAt20FtMS W20, the mean wind speed 20 ft (6.1 m) above the ground, m/s; sets the low-altitude intensities
 * @param severity     which exceedance curve sets the intensities above 2000 ft
 */
public record MilF8785cTurbulence(double windAt20FtMS, Severity severity) implements TurbulenceModel {

    /** One foot, m. */
    static final double FOOT_M = 0.3048;
    /** One knot, m/s. */
    static final double KNOT_M_S = 1852.0 / 3600.0;
    /** Heights of the high-altitude intensity table, ft. */
    private static final double[] TABLE_FT = {500, 1750, 3750, 7500, 15000, 25000, 35000, 45000, 55000, 65000, 75000,
        80000};

    /**
     * The three severities the handbook names, each a W20 (MIL-F-8785C low-altitude model) and a probability of
     * exceedance curve (high altitude). The σ rows, ft/s at {@link #TABLE_FT}, are the 10⁻², 10⁻³ and 10⁻⁵ curves as
     * digitised in JSBSim (FGWinds.cpp, "Figure 7 from p. 49 of MIL-F-8785C") and in Simulink's Dryden block
     * (sigma_vec); the two agree except that some JSBSim versions zero the 10⁻⁵ curve at 75 000 and 80 000 ft, where
     * we follow Simulink's 6.2 and 5.1 ft/s.
     */
    public enum Severity {
        /** W20 = 15 kt; exceeded with probability 10⁻² above 2000 ft. */
        LIGHT(15, 1e-2, new double[] {6.6, 6.9, 7.4, 6.7, 4.6, 2.7, 0.4, 0, 0, 0, 0, 0}),
        /** W20 = 30 kt; 10⁻³. */
        MODERATE(30, 1e-3, new double[] {8.6, 9.6, 10.6, 10.1, 8.0, 6.6, 5.0, 4.2, 2.7, 0, 0, 0}),
        /** W20 = 45 kt; 10⁻⁵. */
        SEVERE(45, 1e-5, new double[] {15.6, 17.6, 23.0, 23.6, 22.1, 20.0, 16.0, 15.1, 12.1, 7.9, 6.2, 5.1});

        private final double windAt20FtKt;
        private final double exceedanceProbability;
        private final double[] sigmaFtS;

        Severity(double windAt20FtKt, double exceedanceProbability, double[] sigmaFtS) {
            this.windAt20FtKt = windAt20FtKt;
            this.exceedanceProbability = exceedanceProbability;
            this.sigmaFtS = sigmaFtS;
        }

        /** @return the handbook's W20 for this severity, m/s */
        public double windAt20FtMS() {
            return windAt20FtKt * KNOT_M_S;
        }

        /** @return the probability that the high-altitude intensity is exceeded */
        public double exceedanceProbability() {
            return exceedanceProbability;
        }

        /**
         * @param altitudeFt height, ft
         * @return the curve's σ there, linear between its points and held beyond them, m/s
         */
        double highAltitudeSigmaMS(double altitudeFt) {
            if (altitudeFt <= TABLE_FT[0]) {
                return sigmaFtS[0] * FOOT_M;
            }
            for (int i = 1; i < TABLE_FT.length; i++) {
                if (altitudeFt <= TABLE_FT[i]) {
                    double f = (altitudeFt - TABLE_FT[i - 1]) / (TABLE_FT[i] - TABLE_FT[i - 1]);
                    return ((1 - f) * sigmaFtS[i - 1] + f * sigmaFtS[i]) * FOOT_M;
                }
            }
            return sigmaFtS[sigmaFtS.length - 1] * FOOT_M;
        }
    }

    private static final double MIN_HEIGHT_FT = 10;
    private static final double LOW_TOP_FT = 1000;
    private static final double HIGH_BOTTOM_FT = 2000;
    private static final double HIGH_SCALE_M = 1750 * FOOT_M;

    /** Checks the arguments. */
    public MilF8785cTurbulence {
        if (!(windAt20FtMS >= 0) || Double.isInfinite(windAt20FtMS)) {
            throw new IllegalArgumentException("W20 is a finite, non-negative speed");
        }
        if (severity == null) {
            throw new IllegalArgumentException("a severity is needed for the high-altitude intensities");
        }
    }

    /**
     * @param severity light, moderate or severe
     * @return the handbook's pairing: that severity's W20 near the ground and its exceedance curve aloft
     */
    public static MilF8785cTurbulence of(Severity severity) {
        return new MilF8785cTurbulence(severity.windAt20FtMS(), severity);
    }

    @Override
    public TurbulenceIntensity at(double altitudeM) {
        double h = Math.max(altitudeM / FOOT_M, MIN_HEIGHT_FT);
        if (Double.isNaN(h)) {
            throw new IllegalArgumentException("height is NaN");
        }
        double sigmaW = 0.1 * windAt20FtMS;
        if (h <= LOW_TOP_FT) {
            double k = 0.177 + 0.000823 * h;
            double sigmaU = sigmaW / Math.pow(k, 0.4);
            double scaleU = h / Math.pow(k, 1.2) * FOOT_M;
            return new TurbulenceIntensity(sigmaU, sigmaU, sigmaW, scaleU, scaleU, h * FOOT_M);
        }
        double sigmaHigh = severity.highAltitudeSigmaMS(Math.max(h, HIGH_BOTTOM_FT));
        if (h >= HIGH_BOTTOM_FT) {
            return TurbulenceIntensity.isotropic(sigmaHigh, HIGH_SCALE_M);
        }
        double f = (h - LOW_TOP_FT) / (HIGH_BOTTOM_FT - LOW_TOP_FT);
        return TurbulenceIntensity.isotropic((1 - f) * sigmaW + f * sigmaHigh,
            (1 - f) * LOW_TOP_FT * FOOT_M + f * HIGH_SCALE_M);
    }
}
