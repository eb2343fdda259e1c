package org.launchbench.recovery.descent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The fins' predictor-corrector on stages whose answers are known in closed form: no air, so the fall is a parabola
 * and the braking a constant deceleration; fins whose force is a constant acceleration.
 */
class ApproachSteeringTest {

    private static final double G = VacuumStage.G;

    /** Unlit and finless, the prediction is the parabola: classical Runge-Kutta is exact for it (to rounding). */
    @Test
    void withoutEnginesOrFinsThePredictionIsTheParabola() {
        ApproachSteering s = new ApproachSteering(new VacuumStage(30, 60_000, 0, false));
        double h = 2000;
        double vUp = -100;
        double tImpact = (vUp + Math.sqrt(vUp * vUp + 2 * G * h)) / G;
        ApproachSteering.Rest r = s.predict(new double[] {h, -500, 300, vUp, 40, -10}, 1000, 0, 0);
        assertFalse(r.lit());
        // the step that crosses the ground is cut where its height, linear across the step, is zero: the height's
        // curvature over that second puts the chord up to g/8 = 1.2 m off it, 0.0056 s of the 218 m/s fall, 0.23 m
        // of the 40 m/s east
        assertEquals(-500 + 40 * tImpact, r.east(), 0.25);
        assertEquals(300 - 10 * tImpact, r.north(), 0.06);
    }

    /**
     * Lit by an exact rule, a vertical fall from 3 km at 200 m/s braked at 30 m/s² lights near 1,640 m; the prediction
     * places the ignition to within a metre of the rule's excess and then raises the braking (here by the few metres of
     * excess) until the stop is within 2 m of the ground: it stops there, at rest or at most at the speed a 2 m stop at
     * 20.2 m/s² takes (9 m/s).
     */
    @Test
    void aVerticalBrakingStopsAtTheGround() {
        ApproachSteering s = new ApproachSteering(new VacuumStage(30, 60_000, 0, true));
        ApproachSteering.Rest r = s.predict(new double[] {3000, 0, 0, -200, 0, 0}, 1000, 0, 0);
        assertTrue(r.lit());
        assertTrue(r.height() <= 2, "stopped " + r.height() + " m up");
        assertTrue(r.speed() <= 9, "at " + r.speed() + " m/s");
        assertEquals(0, r.east(), 1e-9);
    }

    /**
     * The fins' directions: across the track is horizontal and to the left of the velocity, lift is perpendicular to
     * the velocity in its vertical plane and upward, each at the capability's size.
     */
    @Test
    void acrossIsLeftOfTheTrackAndLiftIsUpward() {
        // falling east at 45°: left of the track is north; lift points up and east
        double[] across = ApproachSteering.finAcceleration(new double[] {-100, 100, 0}, 10, 1, 0);
        assertArrayEquals(new double[] {0, 0, 10}, across, 1e-12);
        double[] lift = ApproachSteering.finAcceleration(new double[] {-100, 100, 0}, 10, 0, 1);
        assertArrayEquals(new double[] {10 / Math.sqrt(2), 10 / Math.sqrt(2), 0}, lift, 1e-12);
    }

    /**
     * In vacuum with fins of constant force and no ignition, the rest point moves with the shares nearly linearly
     * (lift also lengthens the fall, so along the track not quite): the corrections from the same state, as the closed
     * loop takes one a second (Newton's step, then chord steps on its derivatives until they are taken afresh), put it
     * on the landing point, when the shares it needs are within the fins' capability; past it, the shares are held
     * to it.
     */
    @Test
    void theCorrectionsPutTheRestPointOnTheLandingPointWhenTheFinsCanReachIt() {
        // falling east at 100 m/s from 2 km: 15.7 s to the ground, 1,570 m along; fins of 2 m/s² move the point by up
        // to about 250 m
        double[] state = {2000, -1500, 150, -50, 100, 0};
        ApproachSteering s = new ApproachSteering(new VacuumStage(30, 60_000, 2, false));
        double[] first = s.update(state, 1000);
        ApproachSteering.Rest once = s.predict(state, 1000, first[0], first[1]);
        double[] shares = first;
        for (int k = 0; k < 5; k++) {
            shares = s.update(state, 1000);
        }
        ApproachSteering.Rest r = s.predict(state, 1000, shares[0], shares[1]);
        assertTrue(Math.hypot(shares[0], shares[1]) < 1, "shares " + shares[0] + ", " + shares[1]);
        assertTrue(shares[0] < 0, "the fins push south: " + shares[0]);
        // one step leaves metres (measured 8 m) of the 150 m and 70 m; six, what the ground crossing's cut leaves
        assertTrue(Math.hypot(once.east(), once.north()) < 20, "after one step " + once.east() + ", " + once.north());
        assertEquals(0, r.north(), 0.1);
        assertEquals(0, r.east(), 0.1);

        double[] far = {2000, -1800, 5000, -50, 100, 0};
        ApproachSteering t = new ApproachSteering(new VacuumStage(30, 60_000, 2, false));
        double[] held = t.update(far, 1000);
        assertEquals(1, Math.hypot(held[0], held[1]), 1e-12);
        assertTrue(held[0] < 0, "the fins push south, towards the point: " + held[0]);
    }

    /**
     * Predicted from any point of its own unpowered fall, the rest point is the same: the fall is a parabola here, so
     * the states a quarter of a second apart along it are exact, and each prediction must find the same ignition (to
     * the rule's metre) and the same braking. With the ignition placed by plain regula falsi in four iterations, the
     * rest points of a Falcon 9 stage's predictions a second apart jumped by 60 to 90 m as the fall steps' grid moved
     * past the ignition (docs/gnc.md); here, falling at 180 m/s from 6 km, they agree to 0.006 m (measured; with the
     * plain regula falsi of four iterations, 22.5 m). Allowed: 0.2 m, a tenth of the braking's 2 m stop tolerance.
     */
    @Test
    void theRestPointDoesNotMoveAlongItsOwnFall() {
        ApproachSteering s = new ApproachSteering(new VacuumStage(30, 60_000, 0, true));
        double[] start = {6000, -2500, 400, -100, 150, -20};
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= 40; k++) {
            double t = 0.25 * k;
            double[] at = {start[0] + start[3] * t - 0.5 * G * t * t, start[1] + start[4] * t, start[2] + start[5] * t, start[3] - G * t,
                start[4], start[5]};
            ApproachSteering.Rest r = s.predict(at, 1000, 0, 0);
            assertTrue(r.lit());
            lowest = Math.min(lowest, r.east());
            highest = Math.max(highest, r.east());
            south = Math.min(south, r.north());
            north = Math.max(north, r.north());
        }
        assertTrue(highest - lowest < 0.2, "the rest point moved " + (highest - lowest) + " m east");
        assertTrue(north - south < 0.2, "the rest point moved " + (north - south) + " m north");
    }
}
