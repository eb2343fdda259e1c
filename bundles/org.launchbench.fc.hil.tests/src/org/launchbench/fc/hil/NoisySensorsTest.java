package org.launchbench.fc.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Sensor errors: the mean is the bias and the spread the sigma (within the sampling error), and a seed repeats a run. */
class NoisySensorsTest {

    @Test
    void biasAndNoiseHaveTheirStatisticsAndRepeatBySeed() {
        Map<String, NoisySensors.Error> errors = Map.of("altimeter.height", new NoisySensors.Error(0.5, 2.0));
        NoisySensors a = new NoisySensors(new RealTimeLoopTest.Lander(), errors, 42);
        NoisySensors b = new NoisySensors(new RealTimeLoopTest.Lander(), errors, 42);
        int n = 100_000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double h = a.sensors(0).get("altimeter").get("height") - 10;
            assertEquals(h + 10, b.sensors(0).get("altimeter").get("height"), 0);
            sum += h;
            sum2 += h * h;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sum2 / n - mean * mean);
        // standard errors: 2/sqrt(n) = 0.0063 for the mean, 2/sqrt(2n) = 0.0045 for the sd; 4 of each
        assertEquals(0.5, mean, 4 * 2 / Math.sqrt(n));
        assertEquals(2.0, sd, 4 * 2 / Math.sqrt(2.0 * n));
        // unlisted fields read true
        assertEquals(-3, a.sensors(0).get("gnss").get("vz"), 0);
        // another noisy field leaves this one's noise as it was
        NoisySensors c = new NoisySensors(new RealTimeLoopTest.Lander(), Map.of("altimeter.height", new NoisySensors.Error(0.5, 2.0),
            "gnss.vz", new NoisySensors.Error(0, 0.1)), 42);
        NoisySensors d = new NoisySensors(new RealTimeLoopTest.Lander(), errors, 42);
        for (int i = 0; i < 10; i++) {
            assertEquals(d.sensors(0).get("altimeter").get("height"), c.sensors(0).get("altimeter").get("height"), 0);
        }
        // a field the plant does not report is an error, not ignored
        NoisySensors wrong = new NoisySensors(new RealTimeLoopTest.Lander(), Map.of("altimeter.heigth", new NoisySensors.Error(0, 1)), 1);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> wrong.sensors(0));
    }
}
