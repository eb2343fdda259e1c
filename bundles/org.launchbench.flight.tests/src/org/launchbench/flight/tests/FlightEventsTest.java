package org.launchbench.flight.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.FlightEventDetector;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.SixDofCase;
import org.launchbench.flight.SixDofCaseFile;
import org.launchbench.flight.SixDofPropagator;
import org.launchbench.trajectory.dynamics.EarthModel;

/** Events that end a flight, located within a step by bisection (NASA's check-cases 01 and 02 as the flights). */
class FlightEventsTest {

    private static SixDofCase nasa(String id) {
        return SixDofCaseFile.read(Path.of("../../examples/sixdof/nesc-case" + id + ".json"));
    }

    @Test
    void aDescentThroughAnAltitudeStopsThereBetweenTheSamplesThatBracketIt() {
        SixDofCase c = nasa("01");
        SixDofPropagator.Result all = new SixDofPropagator(c.dynamics(), 0.01)
            .propagate(c.initial().toState(c.environment().earth(), c.massKg()), 30, 0.5, new NullProgressMonitor());
        SixDofPropagator.Result stopped = new SixDofPropagator(c.dynamics(), 0.01,
            List.of(FlightEventDetector.ground(), FlightEventDetector.descendingThrough("8 km", 8000)))
            .propagate(c.initial().toState(c.environment().earth(), c.massKg()), 30, 0.5, new NullProgressMonitor());
        assertEquals(SixDofPropagator.End.EVENT, stopped.end());
        assertEquals("8 km", stopped.event());
        RigidBodyState at = stopped.samples().get(stopped.samples().size() - 1);
        EarthModel earth = c.environment().earth();
        // located to 1e-9 m of height or a microsecond of time (at 150 m/s, 0.15 mm)
        assertEquals(8000, earth.geodetic(earth.toFixed(at.timeS(), at.positionEciM())).height(), 2e-4);
        // and between the full flight's samples around 8 km
        int k = 0;
        while (height(earth, all.samples().get(k + 1)) > 8000) {
            k++;
        }
        assertTrue(at.timeS() > all.samples().get(k).timeS() && at.timeS() < all.samples().get(k + 1).timeS(), "t = " + at.timeS());
    }

    @Test
    void aTumblingBodyStopsWhenItsTiltPassesTheLimit() {
        // NASA's brick (case 02) starts level (x north), 90° from up, and tumbles: its nose first rises (NASA's pitch
        // reaches +32° at 2.5 s), then falls through the horizon and passes 100° from up
        SixDofCase c = nasa("02");
        SixDofPropagator.Result r = new SixDofPropagator(c.dynamics(), 0.01,
            List.of(FlightEventDetector.ground(), FlightEventDetector.tiltBeyond("topple", Math.toRadians(100))))
            .propagate(c.initial().toState(c.environment().earth(), c.massKg()), 30, 0.5, new NullProgressMonitor());
        assertEquals("topple", r.event());
        RigidBodyState at = r.samples().get(r.samples().size() - 1);
        EarthModel earth = c.environment().earth();
        Vector3D up = earth.toInertial(at.timeS(), earth.geodetic(earth.toFixed(at.timeS(), at.positionEciM())).up());
        double tilt = Vector3D.angle(at.attitude().toInertial(Vector3D.PLUS_I), up);
        assertEquals(Math.toRadians(100), tilt, 1e-6);
        assertTrue(at.timeS() > 0 && at.timeS() < 30);
    }

    @Test
    void anEventIsACrossingNotAState() {
        // case 01's sphere starts at 9,144 m, below 10 km: a descent through 10 km never happens
        SixDofCase c = nasa("01");
        SixDofPropagator.Result r = new SixDofPropagator(c.dynamics(), 0.01,
            List.of(FlightEventDetector.ground(), FlightEventDetector.descendingThrough("10 km", 10_000)))
            .propagate(c.initial().toState(c.environment().earth(), c.massKg()), 30, 0.5, new NullProgressMonitor());
        assertEquals(SixDofPropagator.End.DURATION, r.end());
        assertEquals(61, r.samples().size());
    }

    private static double height(EarthModel earth, RigidBodyState s) {
        return earth.geodetic(earth.toFixed(s.timeS(), s.positionEciM())).height();
    }
}
