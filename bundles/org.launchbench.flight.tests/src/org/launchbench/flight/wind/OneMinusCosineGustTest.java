package org.launchbench.flight.wind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/**
 * The discrete gust against MIL-F-8785C's 1 − cosine form, v = (Vm/2)(1 − cos(π x/dm)): zero before the start, Vm at
 * x = dm, back to zero at 2 dm for the pulse, held at Vm for the handbook's ramp; slope (π Vm/(2 dm)) sin(π x/dm),
 * continuous and zero at the start, the peak and the end. Closed-form values, so tolerances are rounding (1e-12) or
 * the finite-difference truncation error, O(h²) centred and O(h) one-sided with h = 1e-4 m on dm = 50 m.
 */
class OneMinusCosineGustTest {

    private static final double VM = 10;
    private static final double DM = 50;
    private static final double START = 100;
    /** A 10 m/s updraft (air moving up, −down) starting 100 m along, building up over 50 m. */
    private static final OneMinusCosineGust PULSE = OneMinusCosineGust.pulse(VM, new Vector3D(0, 0, -2), START, DM);

    private static double up(OneMinusCosineGust gust, double x) {
        return -gust.velocityNed(x).getZ();
    }

    @Test
    void thePulseRisesToVmAtDmAndFallsToZeroAt2Dm() {
        assertEquals(0, up(PULSE, 0), 0.0);
        assertEquals(0, up(PULSE, START), 0.0);
        assertEquals(VM / 2, up(PULSE, START + DM / 2), 1e-12);
        assertEquals(VM, up(PULSE, START + DM), 1e-12);
        assertEquals(VM / 2, up(PULSE, START + 1.5 * DM), 1e-12);
        assertEquals(VM * 0.5 * (1 - Math.cos(Math.PI * 0.3)), up(PULSE, START + 0.3 * DM), 1e-12);
        assertEquals(0, up(PULSE, START + 2 * DM), 1e-12);
        assertEquals(0, up(PULSE, START + 2 * DM + 1e-9), 0.0);
        assertEquals(Vector3D.ZERO, PULSE.velocityNed(1e6));
        assertEquals(0, PULSE.velocityNed(START + DM).getX(), 0.0);
        assertEquals(START + 2 * DM, PULSE.end(), 0.0);
    }

    @Test
    void theHandbooksRampHoldsVmAfterDm() {
        OneMinusCosineGust ramp = OneMinusCosineGust.ramp(VM, Vector3D.MINUS_K, START, DM);
        assertEquals(VM / 2, up(ramp, START + DM / 2), 1e-12);
        assertEquals(VM, up(ramp, START + DM), 1e-12);
        assertEquals(VM, up(ramp, 1e9), 0.0);
    }

    @Test
    void aPlateauSitsBetweenTheRamps() {
        OneMinusCosineGust g = new OneMinusCosineGust(new Vector3D(0, VM, 0), START, DM, 30);
        assertEquals(VM, g.velocityNed(START + DM + 15).getY(), 0.0);
        assertEquals(VM, g.velocityNed(START + DM + 30).getY(), 0.0);
        assertEquals(VM / 2, g.velocityNed(START + 1.5 * DM + 30).getY(), 1e-12);
        assertEquals(0, g.velocityNed(START + 2 * DM + 30).getY(), 1e-12);
    }

    @Test
    void theSlopeIsContinuousAndPeaksAtPiVmOver2Dm() {
        double h = 1e-4;
        // steepest halfway up: π Vm / (2 dm) = 0.31416 (m/s)/m
        double mid = START + DM / 2;
        assertEquals(Math.PI * VM / (2 * DM), (up(PULSE, mid + h) - up(PULSE, mid - h)) / (2 * h), 1e-8);
        for (double corner : new double[] {START, START + DM, START + 2 * DM}) {
            double left = (up(PULSE, corner) - up(PULSE, corner - h)) / h;
            double right = (up(PULSE, corner + h) - up(PULSE, corner)) / h;
            // both one-sided slopes are within the O(h) truncation, (π²Vm/(2dm²)) h/2 ≈ 2e-6, of the true slope 0
            assertEquals(0, left, 1e-5, "left slope at " + corner);
            assertEquals(0, right, 1e-5, "right slope at " + corner);
        }
    }

    @Test
    void aGustHasALength() {
        assertThrows(IllegalArgumentException.class, () -> new OneMinusCosineGust(Vector3D.PLUS_I, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OneMinusCosineGust(Vector3D.PLUS_I, 0, 1, -1));
    }
}
