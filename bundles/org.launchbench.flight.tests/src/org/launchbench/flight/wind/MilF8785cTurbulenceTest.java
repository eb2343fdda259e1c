package org.launchbench.flight.wind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.launchbench.flight.wind.MilF8785cTurbulence.Severity;

/**
 * The intensities and scale lengths against MIL-F-8785C's height model, worked by hand (1 ft = 0.3048 m,
 * 1 kt = 1852/3600 m/s). Low altitude: Lw = h, Lu = Lv = h/(0.177 + 0.000823 h)^1.2, σw = 0.1 W20,
 * σu = σv = σw/(0.177 + 0.000823 h)^0.4; above 2000 ft L = 1750 ft and σ from the exceedance curves; linear in
 * between. The expected values carry 7 or more significant figures, so the tolerance is 1e-6 relative.
 */
class MilF8785cTurbulenceTest {

    private static void assertIntensity(double sigmaU, double sigmaW, double scaleU, double scaleW,
        TurbulenceIntensity t) {
        assertEquals(sigmaU, t.sigmaUMS(), 1e-6 * sigmaU, "σu");
        assertEquals(sigmaU, t.sigmaVMS(), 1e-6 * sigmaU, "σv = σu");
        assertEquals(sigmaW, t.sigmaWMS(), 1e-6 * sigmaW, "σw");
        assertEquals(scaleU, t.scaleUM(), 1e-6 * scaleU, "Lu");
        assertEquals(scaleU, t.scaleVM(), 1e-6 * scaleU, "Lv = Lu");
        assertEquals(scaleW, t.scaleWM(), 1e-6 * scaleW, "Lw");
    }

    @Test
    void theSeveritiesCarryTheHandbooksWindsAt20Ft() {
        assertEquals(7.716667, Severity.LIGHT.windAt20FtMS(), 1e-6);
        assertEquals(15.433333, Severity.MODERATE.windAt20FtMS(), 1e-6);
        assertEquals(23.15, Severity.SEVERE.windAt20FtMS(), 1e-6);
        assertEquals(1e-3, Severity.MODERATE.exceedanceProbability());
    }

    /** At 20 ft, moderate (W20 = 30 kt): σw = 3 kt, Lw = 20 ft; k = 0.19346, Lu = 20/k^1.2 = 143.5888 ft. */
    @Test
    void at20FtTheVerticalIntensityIsATenthOfW20AndItsScaleTheHeight() {
        TurbulenceIntensity t = MilF8785cTurbulence.of(Severity.MODERATE).at(20 * 0.3048);
        assertIntensity(2.9773046, 1.5433333, 43.765867, 6.096, t);
    }

    /** At 500 ft, light (15 kt): k = 0.5885, σu = σw/k^0.4, Lu = 500/k^1.2 = 944.6572 ft. */
    @Test
    void at500FtLight() {
        assertIntensity(0.95396217, 0.77166667, 287.93152, 152.4, MilF8785cTurbulence.of(Severity.LIGHT).at(152.4));
    }

    /** At 1000 ft the bracket is exactly 1: isotropic, L = 1000 ft, σ = 0.1 W20 (severe: 4.5 kt). */
    @Test
    void at1000FtTheLowAltitudeModelIsIsotropic() {
        assertIntensity(2.315, 2.315, 304.8, 304.8, MilF8785cTurbulence.of(Severity.SEVERE).at(304.8));
    }

    /**
     * At 1500 ft, moderate: halfway between 1000 ft (σ = 3 kt, L = 1000 ft) and 2000 ft (σ = 9.6 + (250/2000)(10.6 −
     * 9.6) = 9.725 ft/s from the 10⁻³ curve, L = 1750 ft): σ = 2.2537567 m/s, L = 1375 ft.
     */
    @Test
    void between1000And2000FtTheModelsAreInterpolated() {
        TurbulenceIntensity t = MilF8785cTurbulence.of(Severity.MODERATE).at(1500 * 0.3048);
        assertIntensity(2.2537567, 2.2537567, 419.1, 419.1, t);
    }

    /** Above 2000 ft: L = 1750 ft; σ from the curves (severe 23.6 ft/s at 7500 ft, light 6.0 ft/s at 10 000 ft). */
    @Test
    void aloftTheScaleIs1750FtAndTheIntensityFromTheExceedanceCurves() {
        assertIntensity(7.19328, 7.19328, 533.4, 533.4, MilF8785cTurbulence.of(Severity.SEVERE).at(7500 * 0.3048));
        assertIntensity(1.8288, 1.8288, 533.4, 533.4, MilF8785cTurbulence.of(Severity.LIGHT).at(10_000 * 0.3048));
        assertIntensity(1.55448, 1.55448, 533.4, 533.4, MilF8785cTurbulence.of(Severity.SEVERE).at(90_000 * 0.3048));
        assertEquals(0, MilF8785cTurbulence.of(Severity.LIGHT).at(50_000 * 0.3048).sigmaWMS());
    }

    @Test
    void belowTenFeetTheHeightIsClipped() {
        MilF8785cTurbulence m = MilF8785cTurbulence.of(Severity.MODERATE);
        assertEquals(m.at(10 * 0.3048), m.at(0));
        assertEquals(m.at(10 * 0.3048), m.at(-5));
    }

    @Test
    void aFixedIntensityIsItsOwnModelAndIsChecked() {
        TurbulenceIntensity t = TurbulenceIntensity.isotropic(1, 500);
        assertEquals(t, t.at(12_345));
        assertThrows(IllegalArgumentException.class, () -> new TurbulenceIntensity(-1, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TurbulenceIntensity(1, 1, 1, 1, 0, 1));
    }
}
