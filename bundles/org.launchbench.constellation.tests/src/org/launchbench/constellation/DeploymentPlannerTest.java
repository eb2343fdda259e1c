package org.launchbench.constellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.dynamics.EarthModel;

/** The planner: assignment, windows, timelines, drift checked by Orekit, and the plans it refuses. */
class DeploymentPlannerTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");
    private static final DeploymentPlanner PLANNER = new DeploymentPlanner(EARTH);
    private static final Satellite SAT = new Satellite(300, 1500, Double.NaN, Double.POSITIVE_INFINITY);
    /** Jiuquan, 40.96 N 100.29 E. */
    private static final EarthModel.Geodetic JIUQUAN = new EarthModel.Geodetic(Math.toRadians(40.9581), Math.toRadians(100.2912), 1000);

    private static Launcher launcher(int satellites, double cadence, int max) {
        return new Launcher("v", "Vehicle", "jiuquan", JIUQUAN, "d", satellites, 10_000, cadence, START.plus(Duration.ofDays(10)), max,
            10, 60);
    }

    private static ConstellationDesign walker(int t, int p) {
        return ConstellationDesign.walker("w", false, START, t, p, 1, 550_000, Math.toRadians(53), 0);
    }

    /** 24 satellites in 3 planes, 8 a launch, direct: one launch a plane, 30 days apart, each plane done by its launch. */
    @Test
    void directInsertionFillsOnePlaneALaunch() {
        DeploymentPlan plan = PLANNER.plan(walker(24, 3), List.of(launcher(8, 30, 5)), SAT, new Strategy(Strategy.Kind.DIRECT, 550_000, 0,
            10_000), Objective.LAUNCHES, null, "test");
        assertEquals(3, plan.launches().size());
        assertEquals(List.of(0, 1, 2), plan.launches().stream().map(DeploymentPlan.Launch::targetPlane).sorted().toList());
        for (DeploymentPlan.PlaneCompletion c : plan.planes()) {
            assertEquals(1, c.launches());
        }
        assertEquals(24, plan.satellites().size());
        // the launch days are the opportunities': 10, 40 and 70 days after the start, each within its day
        for (DeploymentPlan.Launch l : plan.launches()) {
            long day = Duration.between(START, l.time()).toDays();
            assertEquals(10 + 30 * l.index(), day, l.toString());
        }
    }

    /** 480 satellites in 4 planes of 120, 30 a launch: the planes fill one after another, each with four launches in a row. */
    @Test
    void planesCompleteOneAfterAnother() {
        DeploymentPlan plan = PLANNER.plan(walker(480, 4), List.of(launcher(30, 20, 16)), SAT, new Strategy(Strategy.Kind.DIRECT, 550_000, 0,
            10_000), Objective.TIME, null, "test");
        assertEquals(16, plan.launches().size());
        for (DeploymentPlan.Launch l : plan.launches()) {
            assertEquals(l.index() / 4, l.targetPlane(), l.toString());
        }
        for (int p = 1; p < 4; p++) {
            assertTrue(plan.planes().get(p).complete().isAfter(plan.planes().get(p - 1).complete().plus(Duration.ofDays(60))));
        }
    }

    /**
     * The window: at liftoff the site is in the insertion plane (its inertial position at right angles to the
     * plane's normal), from the node's angle and sidereal time, checked by vectors rather than the spherical
     * trigonometry the planner solves.
     */
    @Test
    void atLiftoffTheSiteIsInThePlane() {
        DeploymentPlan either = PLANNER.plan(walker(24, 3), List.of(launcher(8, 30, 5)), SAT, new Strategy(Strategy.Kind.DIRECT, 550_000,
            0, 10_000), Objective.TIME, null, "test");
        // a site whose azimuth ranges allow only the southbound pass (as Jiuquan's do for sun-synchronous orbits)
        Launcher l0 = launcher(8, 30, 5);
        Launcher south = new Launcher(l0.vehicle(), l0.vehicleName(), l0.site(), l0.position(), l0.dispenser(), l0.satellites(), l0.payload(),
            l0.cadenceDays(), l0.firstLaunch(), l0.maxLaunches(), l0.cost(), l0.separationMinutes(), false, true);
        DeploymentPlan southbound = PLANNER.plan(walker(24, 3), List.of(south), SAT, new Strategy(Strategy.Kind.DIRECT, 550_000, 0, 10_000),
            Objective.TIME, null, "test");
        assertTrue(southbound.launches().stream().noneMatch(DeploymentPlan.Launch::ascendingPass));
        assertTrue(either.launches().stream().anyMatch(DeploymentPlan.Launch::ascendingPass), "the earlier pass is northbound some days");
        List<DeploymentPlan.Launch> all = new java.util.ArrayList<>(either.launches());
        all.addAll(southbound.launches());
        DeploymentPlan plan = either;
        for (DeploymentPlan.Launch l : all) {
            double i = Math.toRadians(53);
            double node = l.insertionRaan();
            Vector3D normal = new Vector3D(Math.sin(i) * Math.sin(node), -Math.sin(i) * Math.cos(node), Math.cos(i));
            double lat = Math.atan((1 - EARTH.eccentricitySquared()) * Math.tan(JIUQUAN.latitude()));
            double ra = SiderealTime.greenwichMean(l.time()) + JIUQUAN.longitude();
            Vector3D site = new Vector3D(Math.cos(lat) * Math.cos(ra), Math.cos(lat) * Math.sin(ra), Math.sin(lat));
            assertEquals(0, Vector3D.dotProduct(normal, site), 1e-6, l.toString());
            // and the insertion node is the target plane's, moved by J2 from the epoch to liftoff
            Plane p = plan.design().planes().get(l.targetPlane());
            double rate = PLANNER.precession().nodalRate(EARTH.equatorialRadius() + 550_000, i);
            assertEquals(0, Math.IEEEremainder(p.raan() + rate * Duration.between(START, l.time()).toSeconds() - node, 2 * Math.PI), 1e-5);
        }
    }

    /**
     * Drift: 120 satellites in 12 planes 30° apart at 550 km and 53°, 20 a launch, parked at 350 km: each launch fills
     * its plane and the next one, whose satellites wait 30° / 0.485°/day (NodalPrecessionTest), about 62 days, before
     * raising. Orekit's J2 propagation of a parked and an operational satellite over that wait opens the planned 30°
     * between their nodes within 0.5 %.
     */
    @Test
    void driftFillsTheNextPlaneAsOrekitsPropagationConfirms() {
        Strategy drift = new Strategy(Strategy.Kind.DRIFT, 350_000, 100, 10_000);
        DeploymentPlan plan = PLANNER.plan(walker(120, 12), List.of(launcher(20, 30, 8)), SAT, drift, Objective.LAUNCHES, null, "test");
        assertEquals(6, plan.launches().size());
        for (DeploymentPlan.Launch l : plan.launches()) {
            assertEquals(2, l.planes().size(), l.toString());
            assertEquals(0, l.planes().get(0).driftDays());
        }
        double wait = plan.launches().get(0).planes().get(1).driftDays();
        assertEquals(30 / 0.485, wait, 0.5);
        double parked = NodalPrecessionTest.propagatedNodeChange(EARTH.equatorialRadius() + 350_000, Math.toRadians(53), wait * 86_400);
        double operational = NodalPrecessionTest.propagatedNodeChange(EARTH.equatorialRadius() + 550_000, Math.toRadians(53), wait * 86_400);
        assertEquals(-30, Math.toDegrees(parked - operational), 0.15);
        // the plane it drifts to is 30° west of its launch plane (a lower orbit regresses faster)
        DeploymentPlan.Launch first = plan.launches().get(0);
        Plane from = plan.design().planes().get(first.planes().get(0).plane());
        Plane to = plan.design().planes().get(first.planes().get(1).plane());
        assertEquals(-30, Math.toDegrees(Math.IEEEremainder(to.raan() - from.raan(), 2 * Math.PI)), 1e-9);
        // Hohmann 350 -> 550 km: about 112 m/s (circular 7697.8 -> 7585.7 m/s), plus phasing
        assertTrue(plan.satellites().stream().allMatch(x -> x.deltaV() >= 111 && x.deltaV() < 112 + 12), "delta-v");
    }

    /**
     * Inclination offset alone: parked at the operational 550 km but at 55° instead of 53°, the node drifts east by
     * 7.459°/day × (cos 53° − cos 55°) = 0.2106°/day (by hand), so the next plane east, 30° away, takes 142 days;
     * Orekit's J2 propagation of the two orbits over that wait opens the 30° within 0.2°. The plane change is one
     * burn of 2 v sin(Δi/2) = 2 × 7585.7 × sin 1° = 264.8 m/s (plus phasing). The launch goes into 55°.
     */
    @Test
    void anInclinationOffsetDriftsTheNodeAsOrekitsPropagationConfirms() {
        Strategy offset = new Strategy(Strategy.Kind.DRIFT, 550_000, 200, 10_000, Math.toRadians(2));
        DeploymentPlan plan = PLANNER.plan(walker(120, 12), List.of(launcher(20, 30, 8)), SAT, offset, Objective.LAUNCHES, null, "test");
        DeploymentPlan.Launch first = plan.launches().get(0);
        assertEquals(55, Math.toDegrees(first.insertionInclination()), 1e-9);
        double wait = first.planes().get(1).driftDays();
        assertEquals(30 / 0.2106, wait, 0.3);
        Plane from = plan.design().planes().get(first.planes().get(0).plane());
        Plane to = plan.design().planes().get(first.planes().get(1).plane());
        assertEquals(30, Math.toDegrees(Math.IEEEremainder(to.raan() - from.raan(), 2 * Math.PI)), 1e-9);
        double r = EARTH.equatorialRadius() + 550_000;
        double parked = NodalPrecessionTest.propagatedNodeChange(r, Math.toRadians(55), wait * 86_400);
        double operational = NodalPrecessionTest.propagatedNodeChange(r, Math.toRadians(53), wait * 86_400);
        assertEquals(30, Math.toDegrees(parked - operational), 0.2);
        // every satellite also phases (half a slot at least): a Hohmann transfer 10 km up and one back
        NodalPrecession j2 = PLANNER.precession();
        assertEquals(264.8 + 2 * (j2.circularSpeed(r) - j2.circularSpeed(r + 10_000)),
            plan.satellites().stream().mapToDouble(DeploymentPlan.SatellitePlan::deltaV).min().orElseThrow(), 0.2);
    }

    /** A drift limit shorter than the wait to the next plane leaves each launch one plane, and so needs more launches. */
    @Test
    void aShortDriftLimitKeepsLaunchesToOnePlane() {
        Strategy drift = new Strategy(Strategy.Kind.DRIFT, 350_000, 30, 10_000);
        assertThrows(InvalidInputException.class, () -> PLANNER.plan(walker(120, 12), List.of(launcher(20, 30, 8)), SAT, drift,
            Objective.LAUNCHES, null, "test"));
        DeploymentPlan plan = PLANNER.plan(walker(120, 12), List.of(launcher(20, 30, 12)), SAT, drift, Objective.LAUNCHES, null, "test");
        assertEquals(12, plan.launches().size());
    }

    @Test
    void tooFewLaunchesAreExplainedWithTheNumbers() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLANNER.plan(walker(60, 6), List.of(launcher(8, 30, 5)),
            SAT, new Strategy(Strategy.Kind.DIRECT, 550_000, 0, 10_000), Objective.LAUNCHES, null, "spec.json"));
        assertTrue(e.userMessage().contains("the 5 launches allowed carry 40 satellites at most, the constellation has 60"), e.userMessage());
        assertTrue(e.userMessage().contains("spec.json"), e.userMessage());
    }

    @Test
    void aMissedDeadlineIsExplained() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLANNER.plan(walker(24, 3), List.of(launcher(8, 30, 5)),
            SAT, new Strategy(Strategy.Kind.DIRECT, 550_000, 0, 10_000), Objective.LAUNCHES, START.plus(Duration.ofDays(50)), "spec.json"));
        assertTrue(e.userMessage().contains("the plan completes on 2027-03"), e.userMessage());
    }

    @Test
    void aSiteThatNeverPassesUnderThePlaneIsExplained() {
        ConstellationDesign low = ConstellationDesign.walker("w", false, START, 6, 1, 0, 550_000, Math.toRadians(30), 0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLANNER.plan(low, List.of(launcher(6, 30, 5)), SAT,
            new Strategy(Strategy.Kind.DIRECT, 550_000, 0, 10_000), Objective.LAUNCHES, null, "spec.json"));
        assertTrue(e.userMessage().contains("40.96 deg latitude never passes under an orbit inclined 30.00 deg"), e.userMessage());
    }

    /**
     * Phasing: 8 satellites released together in a plane of 8 spread both ways from their middle, the farthest by
     * 3.5 slots (157.5°) at the rate 10 km of altitude gives (3/2 n Δa/a: 11.7°/day by hand): about 13.4 days; the
     * middle ones 0.5 slot. Each phasing satellite pays a small Hohmann transfer up and one back (about 11 m/s).
     */
    @Test
    void satellitesReleasedTogetherPhaseToTheirSlots() {
        DeploymentPlan plan = PLANNER.plan(walker(24, 3), List.of(launcher(8, 30, 5)), SAT, new Strategy(Strategy.Kind.DIRECT, 550_000, 0,
            10_000), Objective.LAUNCHES, null, "test");
        double longest = plan.satellites().stream().mapToDouble(DeploymentPlan.SatellitePlan::phasingDays).max().orElseThrow();
        double shortest = plan.satellites().stream().mapToDouble(DeploymentPlan.SatellitePlan::phasingDays).min().orElseThrow();
        assertEquals(7, longest / shortest, 1e-9);
        NodalPrecession j2 = PLANNER.precession();
        double r = EARTH.equatorialRadius() + 550_000;
        double rate = Math.abs(j2.latitudeArgumentRate(r + 10_000, Math.toRadians(53)) - j2.latitudeArgumentRate(r, Math.toRadians(53)));
        assertEquals(Math.toRadians(157.5) / rate / 86_400, longest, 1e-6);
        assertEquals(157.5 / 11.73, longest, 0.1);
        assertEquals(2 * (j2.circularSpeed(r) - j2.circularSpeed(r + 10_000)), plan.totals().maxDeltaV(), 0.01);
    }
}
