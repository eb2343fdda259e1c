package org.launchbench.trajectory.atmosphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against the printed tables of the U.S. Standard Atmosphere, 1976 (NOAA-S/T 76-1562), Part 4, Table I
 * (geometric altitude). The tables print temperature to 0.001 K, pressure and density to five significant
 * digits and speed of sound to 0.001 m/s: each value must agree to within half a unit of its last printed
 * digit, i.e. the model reproduces the table exactly as printed. Cross-check: the US76 profile shipped with
 * MODTRAN agrees with these pressures to better than 1e-4 relative (it interpolates a coarser grid).
 */
class UsStandardAtmosphere1976Test {

    private final Atmosphere atm = UsStandardAtmosphere1976.INSTANCE;

    private static double halfUlpOfFive(double value) {
        // half a unit in the fifth significant digit
        return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 4);
    }

    @ParameterizedTest(name = "{0} m")
    @CsvSource({
        // Z (m),  T (K),   P (Pa),      rho (kg/m3),  a (m/s) or 0 when not compared
        "-5000,  320.676, 1.7776E+5,  1.9311E+0,  358.986",
        "0,      288.150, 1.01325E+5, 1.2250E+0,  340.294",
        "1000,   281.651, 8.9876E+4,  1.1117E+0,  336.435",
        "5000,   255.676, 5.4048E+4,  7.3643E-1,  320.545",
        "11000,  216.774, 2.2700E+4,  3.6480E-1,  295.154",
        "20000,  216.650, 5.5293E+3,  8.8910E-2,  295.070",
        "32000,  228.490, 8.8906E+2,  1.3555E-2,  303.025",
        "47000,  269.684, 1.1585E+2,  1.4965E-3,  329.210",
        "50000,  270.650, 7.9779E+1,  1.0269E-3,  329.799",
        "71000,  216.846, 4.4796E+0,  7.1965E-5,  295.203",
        "80000,  198.639, 1.0525E+0,  1.8458E-5,  282.538",
    })
    void reproducesThePrintedTableUpTo80Km(double z, double t, double p, double rho, double a) {
        AtmosphereState s = atm.at(z);
        assertEquals(t, s.temperature(), 0.0005, "temperature");
        assertEquals(p, s.pressure(), halfUlpOfFive(p) * (p == 1.01325E+5 ? 0.1 : 1), "pressure");
        assertEquals(rho, s.density(), halfUlpOfFive(rho), "density");
        assertEquals(a, s.speedOfSound(), 0.0015, "speed of sound");
    }

    @Test
    void at86KmTheKineticTemperatureIncludesTheMolecularWeightDrop() {
        // Table I at 86 km: T = 186.87 K (kinetic; molecular-scale 186.946 K), P = 3.7338E-1 Pa, rho = 6.958E-6
        AtmosphereState s = atm.at(86_000);
        assertEquals(186.87, s.temperature(), 0.005);
        assertEquals(3.7338E-1, s.pressure(), halfUlpOfFive(3.7338E-1));
        assertEquals(6.958E-6, s.density(), 0.0005E-6);
    }

    @ParameterizedTest(name = "{0} km")
    @CsvSource({
        // km,  T (K) from Table I
        "91,   186.87",
        "100,  195.08",
        "110,  240.00",
        "120,  360.00",
        "200,  854.56",
        "500,  999.24",
        "1000, 1000.00",
    })
    void upperTemperaturesFollowTheStandard(double km, double t) {
        assertEquals(t, atm.at(km * 1000).temperature(), 0.01);
    }

    @ParameterizedTest(name = "{0} km")
    @CsvSource({
        // km, rho from Table I (kg/m3); the mean model must stay within a factor 1.5 of it, because thermospheric
        // density itself varies by a factor of ten with solar activity (Vallado, section 8.6)
        "100, 5.604E-7",
        "150, 2.076E-9",
        "200, 2.541E-10",
        "300, 1.916E-11",
        "500, 5.215E-13",
        "1000, 3.561E-15",
    })
    void upperDensitiesStayNearTheStandard(double km, double rho) {
        double ratio = atm.at(km * 1000).density() / rho;
        assertTrue(ratio > 1 / 1.5 && ratio < 1.5, km + " km: model/standard = " + ratio);
    }

    @Test
    void densityIsContinuousAndFallsWithAltitude() {
        double previous = Double.MAX_VALUE;
        for (double z = -5_000; z <= 1_000_000; z += 250) {
            double rho = atm.at(z).density();
            assertTrue(rho < previous, "density falls at " + z + " m");
            // no jump: a 250 m step changes density by less than 5 % anywhere (scale heights are >= 5.5 km, and
            // exp(250 m / 5.5 km) = 1.047)
            if (previous != Double.MAX_VALUE) {
                assertTrue(previous / rho < 1.05, "continuous at " + z + " m: " + previous / rho);
            }
            previous = rho;
        }
        AtmosphereState below = atm.at(85_999.999);
        AtmosphereState above = atm.at(86_000.001);
        assertEquals(below.density(), above.density(), below.density() * 1e-6);
        assertEquals(below.temperature(), above.temperature(), 1e-3);
    }

    @Test
    void outsideTheRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> atm.at(-5_001));
        assertThrows(IllegalArgumentException.class, () -> atm.at(1_000_001));
        assertThrows(IllegalArgumentException.class, () -> atm.at(Double.NaN));
    }
}
