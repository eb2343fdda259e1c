package org.launchbench.flight.wind;

/**
 * The six parameters of the Dryden spectra: root-mean-square gust velocities σ and scale lengths L of the
 * longitudinal (u), lateral (v) and vertical (w) components, in the MIL-F-8785C convention (§3.7), where
 * <pre>
 *   Φu(Ω) = σu² (2 Lu/π) / (1 + (Lu Ω)²)
 *   Φv(Ω) = σv² (Lv/π) (1 + 3 (Lv Ω)²) / (1 + (Lv Ω)²)²      (Φw the same with σw, Lw)
 * </pre>
 * are one-sided spectra in the spatial frequency Ω (rad/m), each integrating over 0 ≤ Ω &lt; ∞ to σ². MIL-HDBK-1797
 * writes the same v and w spectra with 2Lv and 2Lw in place of Lv and Lw (and so halves its Lv, Lw); give this record
 * the 8785C values (e.g. 1750 ft for all three above 2000 ft). Constant with height, so it is also a
 * {@link TurbulenceModel} of its own: handy for tests and for a chosen, fixed turbulence.
 *
 * @param sigmaUMS σu, m/s, ≥ 0
 * @param sigmaVMS σv, m/s, ≥ 0
 * @param sigmaWMS σw, m/s, ≥ 0
 * @param scaleUM  Lu, m, &gt; 0
 * @param scaleVM  Lv, m, &gt; 0
 * @param scaleWM  Lw, m, &gt; 0
 */
public record TurbulenceIntensity(double sigmaUMS, double sigmaVMS, double sigmaWMS, double scaleUM, double scaleVM,
    double scaleWM) implements TurbulenceModel {

    /** Checks the signs. */
    public TurbulenceIntensity {
        if (!(sigmaUMS >= 0 && sigmaVMS >= 0 && sigmaWMS >= 0)) {
            throw new IllegalArgumentException("turbulence intensities are non-negative");
        }
        if (!(scaleUM > 0 && scaleVM > 0 && scaleWM > 0)) {
            throw new IllegalArgumentException("turbulence scale lengths are positive");
        }
    }

    /**
     * @param sigmaMS the intensity of every component, m/s
     * @param scaleM  the scale length of every component, m
     * @return isotropic turbulence, as the handbook takes it above 2000 ft
     */
    public static TurbulenceIntensity isotropic(double sigmaMS, double scaleM) {
        return new TurbulenceIntensity(sigmaMS, sigmaMS, sigmaMS, scaleM, scaleM, scaleM);
    }

    /** @return this, at every height */
    @Override
    public TurbulenceIntensity at(double altitudeM) {
        return this;
    }
}
