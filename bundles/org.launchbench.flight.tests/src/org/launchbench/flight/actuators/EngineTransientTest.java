package org.launchbench.flight.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.launchbench.flight.actuators.EngineTransient.Phase;

/**
 * The raised-cosine transients and the OFF, IGNITING, RUNNING, SHUTTING_DOWN machine. The shapes are closed
 * forms evaluated by the model through a linear progress, so 1e-12 bounds rounding only.
 */
class EngineTransientTest {

    private static final double EXACT = 1e-12;

    @Test
    void ignitionRisesAlongTheRaisedCosineToRunning() {
        EngineTransient e = new EngineTransient(2, 1);
        assertEquals(Phase.OFF, e.phase());
        assertEquals(0, e.fraction(), 0);
        e.ignite();
        assertEquals(Phase.IGNITING, e.phase());
        e.advance(0.5);
        assertEquals((1 - Math.cos(Math.PI * 0.5 / 2)) / 2, e.fraction(), EXACT, "(1 - cos(pi t / Ti)) / 2 at t = Ti / 4");
        e.advance(0.5);
        assertEquals(0.5, e.fraction(), EXACT, "half thrust at half the transient");
        e.advance(1.0);
        assertEquals(Phase.RUNNING, e.phase(), "full thrust at exactly Ti");
        assertEquals(1, e.fraction(), 0);
        assertEquals(e.fraction(), e.flowFraction(), 0, "flow follows thrust");
    }

    @Test
    void shutdownTailsOffAlongTheCosineToOff() {
        EngineTransient e = new EngineTransient(0, 1);
        e.ignite();
        assertEquals(Phase.RUNNING, e.phase(), "a zero ignition transient is full thrust at once");
        e.shutdown();
        assertEquals(Phase.SHUTTING_DOWN, e.phase());
        e.advance(0.25);
        assertEquals((1 + Math.cos(Math.PI * 0.25)) / 2, e.fraction(), EXACT, "(1 + cos(pi t / Ts)) / 2");
        e.advance(0.8);
        assertEquals(Phase.OFF, e.phase());
        assertEquals(0, e.fraction(), 0);
        e.shutdown();
        assertEquals(Phase.OFF, e.phase(), "shutting down an engine that is off does nothing");
    }

    @Test
    void shutdownDuringIgnitionReversesFromWhereItIs() {
        EngineTransient e = new EngineTransient(2, 1);
        e.ignite();
        e.advance(0.5);
        double before = e.fraction();
        e.shutdown();
        assertEquals(before, e.fraction(), 0, "thrust is continuous through the command");
        e.advance(0.1);
        // progress was 0.5 / 2 = 0.25 and falls at 1 / Ts = 1 per s
        assertEquals((1 - Math.cos(Math.PI * 0.15)) / 2, e.fraction(), EXACT);
        e.ignite();
        assertEquals(Phase.IGNITING, e.phase(), "relit during the tail-off");
        e.advance(2 * 0.85);
        assertEquals(Phase.RUNNING, e.phase(), "from progress 0.15 full thrust comes after 0.85 Ti");
    }

    @Test
    void eachTransientDeliversHalfItsDurationOfFullThrust() {
        // the raised cosine's mean is 1/2, a linear ramp's impulse; midpoint sums of a cosine over 10^4 steps are
        // exact to about 1e-9 of the whole
        double ti = 3;
        EngineTransient e = new EngineTransient(ti, ti);
        e.ignite();
        int n = 10_000;
        double h = ti / n;
        double impulse = 0;
        e.advance(h / 2);
        for (int k = 0; k < n; k++) {
            impulse += e.fraction() * h;
            e.advance(h);
        }
        assertEquals(ti / 2, impulse, 1e-8, "integral of (1 - cos(pi t / Ti)) / 2 over Ti = Ti / 2");
    }

    @Test
    void rejectsNegativeOrNaNTransients() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EngineTransient(-1, 1)).getMessage()
            .contains("ignitionTransientS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EngineTransient(1, Double.NaN)).getMessage()
            .contains("shutdownTransientS"));
    }
}
