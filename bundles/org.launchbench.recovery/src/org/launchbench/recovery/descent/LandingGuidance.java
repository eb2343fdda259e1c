package org.launchbench.recovery.descent;

import java.util.List;

import org.launchbench.optim.SocpSolver;

/**
 * The landing burn's closed-loop guidance: fuel-optimal descents ({@link PoweredDescent}) re-solved from the navigated
 * state at a rate, the plan between re-solves flown as its thrust acceleration. One instance guides one burn; the
 * recovery simulation ({@code StageRecovery}) and the reference flight computer ({@code org.launchbench.fc.reference})
 * both fly it, so the loop on the bench and the simulation share one guidance.
 * <p>
 * Drag, two ways. Without a drag model (the reference flight computer, which knows only what its accelerometers
 * measure) each plan takes the present drag divided by {@link #DRAG_SHARE} (half of it) as a constant acceleration,
 * and the plan's thrust is flown as planned. With a {@link DragModel} (the recovery simulation) each re-solve
 * predicts the drag along the plan in force (the stage's drag curve in the standard atmosphere, scaled by the ratio of the measured drag to
 * the model's now): the drag term is evaluated on the previous solution, as successive convexification does (Szmuk,
 * Açıkmeşe and Berning, "Successive convexification for fuel-optimal powered landing with aerodynamic drag and
 * non-convex constraints", AIAA GNC conference 2016, AIAA 2016-0378), one iteration a re-solve. Between re-solves
 * the thrust makes up the difference between the drag the plan assumed and the drag measured
 * ({@link Plan#thrustAcceleration}), the inner loop's specific-force tracking: the stage then flies the plan's path,
 * not just its thrust, and the re-solves can be sparse.
 * <p>
 * Vectors are [up, east, north] relative to the landing point, as in {@link DescentProblem}.
 */
public final class LandingGuidance {

    /** The last seconds of the burn, re-solved at the configuration's terminal rate at least, s. */
    public static final double TERMINAL_PHASE = 5;
    /**
     * Share of the throttle range above its floor the plans keep clear of while they keep margins, when the loop
     * tracks the plan's acceleration (a {@link DragModel}): a fuel-optimal landing burn ends on the throttle's floor,
     * and a stage that cannot hover, left with no room below its plan, stops above the pad and drops onto it.
     */
    public static final double FLOOR_SHARE = 0.15;
    /**
     * Share of the engines' thrust the guidance plans with, the rest kept for the closed loop's corrections (a
     * fuel-optimal burn otherwise rides the thrust limit, with no authority left for what the model missed); the full
     * thrust is used when the plan cannot do without it.
     */
    public static final double THRUST_SHARE = 0.9;
    /** Interval between attempts once the guidance has found no feasible descent, s. */
    public static final double RETRY_INTERVAL = 5;
    /** The guidance stops re-solving this long before touchdown (the last plan flies on), s. */
    public static final double FINAL_WINDOW = 0.5;
    /**
     * The guidance takes drag as a constant acceleration, the present one divided by this: drag falls with v² as the
     * stage slows, and over the distance of a constant-deceleration stop v² averages half its initial value; the
     * re-solves correct the rest.
     */
    public static final double DRAG_SHARE = 2;
    /** The time-of-flight searches run on this many intervals, the plan flown on the configured count. */
    static final int SEARCH_NODES = 8;
    /**
     * The time-of-flight searches stop at a bracket this wide, s: the propellant is flat at its minimum, and the closed
     * loop re-solves from the plan anyway (the campaigns that chose it: docs/recovery.md, "Guidance settings, as measured").
     */
    static final double SEARCH_RESOLUTION = 1.0;
    /**
     * A re-solve whose remaining time no longer works searches between these multiples of it (plus 1 s): the time of
     * flight a correction needs moves by seconds, and a search over the whole propellant range took dozens of programs
     * at every re-solve near the stage's limits.
     */
    static final double[] RESEARCH_RANGE = {0.5, 3};
    /**
     * The guidance's cone programs stop at 1e-6 (residuals relative, the gap in the program's units: a millimetre on a
     * kilometre's descent, a gram of propellant in 30 t), not the solver's default 1e-8: a plan flown for seconds and
     * then re-solved needs no more. A program that has not halved its distance to an answer in 5 iterations stops as
     * stalled (the solver's default is 8): the times of flight just too short for a descent, which a search meets every
     * run, need not be chased. The campaigns behind both figures: docs/recovery.md, "Guidance settings, as measured".
     */
    static final SocpSolver.Settings SOLVER = new SocpSolver.Settings(1e-6, 1e-6, 1e-6, 100, 5);
    /**
     * The fewest intervals of a re-solve (whose program otherwise keeps the first plan's interval length): the terminal
     * phase's re-solves, 2 a second, are about 10 of a run's 23 programs, and a short program keeps them cheap
     * (docs/recovery.md, "Guidance settings, as measured").
     */
    static final int MIN_NODES = 6;
    /**
     * The first plan's search, given an expected time of flight ({@link #expect}), looks between these multiples of it
     * before it searches the whole range (how near the estimate first plans come: docs/recovery.md, "Guidance settings,
     * as measured").
     */
    static final double[] NEAR = {0.8, 1.25};
    /** Descent speed held onto the pad once the plan has ended, m/s. */
    public static final double SETTLE_SPEED = 0.5;

    /** The drag the guidance predicts along a plan. */
    @FunctionalInterface
    public interface DragModel {
        /**
         * @param height   above the landing point, m
         * @param velocity [up, east, north] relative to the ground, m/s
         * @param mass     kg
         * @return drag acceleration [up, east, north] in still air, m/s²
         */
        double[] acceleration(double height, double[] velocity, double mass);
    }

    /**
     * What a burn's guidance is set up with.
     *
     * @param emptyMass    the stage with no propellant, kg
     * @param margin       propellant the plans keep while they can, kg
     * @param isp          specific impulse the plans assume, s
     * @param maxTiltDeg   largest thrust angle from the vertical (NaN: none), degrees
     * @param nodes        intervals of the first plan
     * @param rate         re-solves a second
     * @param terminalRate re-solves a second in the last {@link #TERMINAL_PHASE} seconds (at least {@code rate})
     * @param drag         the drag the plans predict and the loop tracks (null: a constant share of the present drag,
     *                     untracked)
     * @param maxPointingDeg largest thrust angle from the retrograde while the stage is faster than
     *                     {@code pointingAboveSpeed} (NaN: none), degrees: a body flying engines first through thick air
     *                     can hold its thrust only near its retrograde; each plan keeps it there about the previous plan's
     *                     retrograde at the same time (the first plan is solved free, then again about its own),
     *                     linearised as successive convexification does; when no descent meets the limit, the free plan
     *                     stays in force
     * @param pointingAboveSpeed the speed above which the pointing limit holds, m/s
     */
    public record Config(double emptyMass, double margin, double isp, double maxTiltDeg, int nodes, double rate, double terminalRate,
                         DragModel drag, double maxPointingDeg, double pointingAboveSpeed) {
        /** Untracked, the last seconds at 4 Hz: the reference flight computer's set-up. */
        public Config(double emptyMass, double margin, double isp, double maxTiltDeg, int nodes, double rate) {
            this(emptyMass, margin, isp, maxTiltDeg, nodes, rate, 4, null);
        }

        /** Without a pointing limit (a point mass points its thrust anywhere at once). */
        public Config(double emptyMass, double margin, double isp, double maxTiltDeg, int nodes, double rate, double terminalRate,
                      DragModel drag) {
            this(emptyMass, margin, isp, maxTiltDeg, nodes, rate, terminalRate, drag, Double.NaN, 0);
        }
    }

    /**
     * A solved plan: the thrust acceleration from its start, first-order hold between the nodes.
     *
     * @param start    when it was solved, s
     * @param solution the descent
     * @param drag     the drag acceleration it assumed at each node (null: untracked)
     */
    public record Plan(double start, PoweredDescent.Solution solution, double[][] drag) {
        /** An untracked plan. */
        public Plan(double start, PoweredDescent.Solution solution) {
            this(start, solution, null);
        }

        /** @return when the plan touches down, s */
        public double end() {
            return start + solution.timeOfFlight();
        }

        /** @return the planned thrust acceleration [up, east, north] at a time, m/s² */
        public double[] acceleration(double t) {
            return acceleration(t, null);
        }

        /** The interval a time falls in (its first node), and how far along it, 0 to 1 (the end after the plan). */
        private record Segment(int k, double s) {
        }

        private Segment segment(double t) {
            int nodes = solution.trajectory().size();
            double tau = Math.max(0, Math.min(t - start, solution.timeOfFlight()));
            double dt = solution.timeOfFlight() / (nodes - 1);
            int k = Math.min(nodes - 2, (int) (tau / dt));
            return new Segment(k, (tau - k * dt) / dt);
        }

        private double[] acceleration(double t, double[] measuredDrag) {
            List<PoweredDescent.Node> n = solution.trajectory();
            Segment at = segment(t);
            int k = at.k();
            double s = at.s();
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                double a0 = n.get(k).thrust()[i] / n.get(k).mass();
                double a1 = n.get(k + 1).thrust()[i] / n.get(k + 1).mass();
                out[i] = a0 + s * (a1 - a0);
                if (drag != null && measuredDrag != null) {
                    out[i] += drag[k][i] + s * (drag[k + 1][i] - drag[k][i]) - measuredDrag[i];
                }
            }
            return out;
        }

        /**
         * The thrust acceleration that keeps the stage on the plan's path under the drag measured: the plan's, plus
         * the drag it assumed (first-order hold between the nodes, as in its program), less the drag measured.
         *
         * @param t            now, s
         * @param measuredDrag drag acceleration [up, east, north] now, m/s²
         * @return m/s² (the plan's own thrust when it is untracked)
         */
        public double[] thrustAcceleration(double t, double[] measuredDrag) {
            return acceleration(t, measuredDrag);
        }

        /** @return the plan's [position, velocity, {mass}] at a time (linear between the nodes, its end after it) */
        double[][] state(double t) {
            List<PoweredDescent.Node> n = solution.trajectory();
            Segment at = segment(t);
            double s = at.s();
            PoweredDescent.Node a = n.get(at.k());
            PoweredDescent.Node b = n.get(at.k() + 1);
            double[] r = new double[3];
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                r[i] = a.position()[i] + s * (b.position()[i] - a.position()[i]);
                v[i] = a.velocity()[i] + s * (b.velocity()[i] - a.velocity()[i]);
            }
            return new double[][] {r, v, {a.mass() + s * (b.mass() - a.mass())}};
        }
    }

    private final PoweredDescent descent;
    private final Config config;
    private Plan plan;
    private Plan last;
    private String trouble;
    private double nextSolve = Double.NEGATIVE_INFINITY;
    private boolean failedBefore;
    /** The first plan's interval length, s: the re-solves keep it (NaN before the first plan). */
    private double interval = Double.NaN;
    /** Whether a search has found no descent that keeps the margins. */
    private boolean marginsLost;
    private int solves;
    /** The time of flight the first plan's search looks around first, s (NaN: none known). */
    private double expected = Double.NaN;

    /** @param config the burn's set-up */
    public LandingGuidance(Config config) {
        this(config, newDescent());
    }

    /** @param config the burn's set-up; @param descent the descent solver (shared by a simulation's burns) */
    public LandingGuidance(Config config, PoweredDescent descent) {
        this.config = config;
        this.descent = descent;
    }

    /** @return a descent solver set up as the guidance uses it */
    public static PoweredDescent newDescent() {
        return new PoweredDescent(new SocpSolver(SOLVER), SEARCH_NODES, true, SEARCH_RESOLUTION);
    }

    /**
     * Tells the guidance roughly how long the burn will take (from the ignition rule's estimate, say), so that its
     * first plan's time-of-flight search starts near that time ({@link PoweredDescent#solveNear}) instead of scanning
     * up from the shortest time; if the best time lies at the edge of {@link #NEAR} times it, the whole range is
     * searched.
     *
     * @param timeOfFlight s (NaN: unknown)
     */
    public void expect(double timeOfFlight) {
        expected = timeOfFlight;
    }

    /**
     * @param t now, s
     * @return whether a re-solve is due: its time has come and the plan is not in its last {@link #FINAL_WINDOW}
     */
    public boolean due(double t) {
        return t >= nextSolve - 1e-9 && (plan == null || plan.end() - t > FINAL_WINDOW);
    }

    /**
     * Re-solves from the state as navigation sees it and schedules the next re-solve.
     *
     * @param t         now, s
     * @param position  [up, east, north] from the landing point, m
     * @param velocity  m/s
     * @param mass      kg
     * @param thrustMin the smallest net thrust the engines give now, N
     * @param thrustMax the largest, N
     * @param gravity   gravity plus the drag the plan assumes (see {@link #DRAG_SHARE}), m/s²
     * @return the plan in force (null when no descent meets the constraints)
     */
    public Plan update(double t, double[] position, double[] velocity, double mass, double thrustMin, double thrustMax, double[] gravity) {
        return update(t, position, velocity, mass, thrustMin, thrustMax, gravity, null);
    }

    /**
     * Re-solves from the state as navigation sees it, with the drag measured now, and schedules the next re-solve.
     * Without a {@link DragModel} the plans take that drag divided by {@link #DRAG_SHARE} as constant; with one, the
     * first plan does so and later plans predict it along the plan in force.
     *
     * @param t         now, s
     * @param position  [up, east, north] from the landing point, m
     * @param velocity  m/s
     * @param mass      kg
     * @param thrustMin the smallest net thrust the engines give now, N
     * @param thrustMax the largest, N
     * @param gravity   gravity, m/s²
     * @param drag      drag acceleration measured now, m/s² (null: none, gravity holds all the plans assume)
     * @return the plan in force (null when no descent meets the constraints)
     */
    public Plan update(double t, double[] position, double[] velocity, double mass, double thrustMin, double thrustMax, double[] gravity,
                       double[] drag) {
        DescentProblem.Disturbance disturbance = null;
        if (drag != null) {
            disturbance = along(t, position, velocity, mass, drag);
            if (disturbance == null) {
                double[] constant = {drag[0] / DRAG_SHARE, drag[1] / DRAG_SHARE, drag[2] / DRAG_SHARE};
                disturbance = tau -> constant;
            }
        }
        boolean first = plan == null && last == null;
        // a first plan solved again with the drag predicted along it needs only the search's coarse plan for that
        boolean again = first && drag != null && config.drag() != null;
        Plan next = solve(t, position, velocity, mass, thrustMin, thrustMax, gravity, disturbance, again);
        if (next != null && again) {
            // the first plan took the drag as constant: solved again at once with it predicted along that plan (a
            // tracked stage would otherwise fly the constant, and give up the braking the drag gives early on)
            plan = next;
            DescentProblem.Disturbance predicted = along(t, position, velocity, mass, drag);
            Plan tracked = predicted == null ? null : solve(t, position, velocity, mass, thrustMin, thrustMax, gravity, predicted, false);
            next = tracked != null ? tracked : next;
        }
        if (next != null && first && !Double.isNaN(config.maxPointingDeg())) {
            // the first plan pointed freely: solved again with the pointing held about its own retrograde (one step of
            // successive convexification; later re-solves take the plan in force's)
            plan = next;
            DescentProblem.Disturbance d = drag == null ? disturbance : along(t, position, velocity, mass, drag);
            Plan held = solve(t, position, velocity, mass, thrustMin, thrustMax, gravity, d == null ? disturbance : d, false);
            next = held != null ? held : next;
        }
        if (next != null) {
            plan = next;
            last = next;
            trouble = null;
        } else {
            trouble = "the landing guidance found no descent that stops the stage";
            plan = null;
        }
        // the last seconds at the terminal rate at least, from their start on (the errors left there are the
        // touchdown's); after a failed search, try again less often (each search is a few dozen cone programs)
        double terminal = 1 / Math.max(config.rate(), config.terminalRate());
        double step = plan == null ? 1 / config.rate()
            : plan.end() - t < TERMINAL_PHASE ? terminal : Math.min(1 / config.rate(), Math.max(terminal, plan.end() - TERMINAL_PHASE - t));
        nextSolve = t + (next == null && failedBefore ? RETRY_INTERVAL : step);
        failedBefore = next == null;
        return plan;
    }

    /**
     * The drag predicted along the plan in force, scaled to what is measured now (the drag coefficient's and the air's
     * errors); null without a drag model, or when either drag is too small to scale by.
     */
    private DescentProblem.Disturbance along(double t, double[] position, double[] velocity, double mass, double[] drag) {
        if (config.drag() == null || plan == null) {
            return null;
        }
        double[] now = config.drag().acceleration(position[0], velocity, mass);
        double model = Math.sqrt(now[0] * now[0] + now[1] * now[1] + now[2] * now[2]);
        double measured = Math.sqrt(drag[0] * drag[0] + drag[1] * drag[1] + drag[2] * drag[2]);
        if (!(model > 1e-9 && measured > 1e-9)) {
            return null;
        }
        Plan path = plan;
        double scale = measured / model;
        return tau -> {
            double[][] x = path.state(t + tau);
            double[] d = config.drag().acceleration(x[0][0], x[1], x[2][0]);
            return new double[] {scale * d[0], scale * d[1], scale * d[2]};
        };
    }

    /** @param coarse the first plan on the time-of-flight search's intervals only (to be solved again at once) */
    private Plan solve(double t, double[] r, double[] v, double mass, double tMin, double tMax, double[] gravity,
                       DescentProblem.Disturbance disturbance, boolean coarse) {
        if (tMax <= 0) {
            return null;
        }
        // first with the margins (propellant kept, thrust held back for corrections), then with everything
        double[][] attempts = {{config.margin(), THRUST_SHARE}, {0, 1}};
        // a re-solve keeps the first plan's interval length, so its program shrinks as the burn goes on (never below
        // MIN_NODES intervals, which keep the last seconds finely resolved)
        int nodes = plan == null && coarse ? Math.min(SEARCH_NODES, config.nodes())
            : plan == null || Double.isNaN(interval) ? config.nodes()
            : Math.max(Math.min(MIN_NODES, config.nodes()), Math.min(config.nodes(), (int) Math.ceil((plan.end() - t) / interval - 1e-9)));
        for (int k = 0; k < attempts.length; k++) {
            double[] attempt = attempts[k];
            // once no time could keep the margins, later re-solves only try them at the remaining time: a stage that
            // has eaten into its margins seldom wins them back, and each search costs dozens of programs
            boolean searching = k == attempts.length - 1 || !marginsLost;
            if (!searching && plan == null) {
                continue;
            }
            double top = Math.max(tMin, attempt[1] * tMax);
            // a tracked plan keeps room below as well as above (the margins' attempt only)
            double bottom = k == 0 && config.drag() != null ? Math.min(top, tMin + FLOOR_SHARE * (tMax - tMin)) : tMin;
            DescentProblem problem = new DescentProblem(gravity, config.emptyMass() + attempt[0], mass, config.isp(), bottom, top, r, v,
                Double.NaN, config.maxTiltDeg(), Double.NaN, plan == null ? Double.NaN : plan.end() - t, nodes,
                DescentProblem.Objective.MIN_PROPELLANT, disturbance, pointing(t, v), config.maxPointingDeg());
            PoweredDescent.Solution s = plan == null && Double.isFinite(expected) && expected > 0
                ? descent.solveNear(problem, NEAR[0] * expected, NEAR[1] * expected) : descent.solve(problem);
            solves += s.solves();
            // the remaining time no longer works: a little longer first, then a full search
            for (double stretch : new double[] {1.1, 1.3}) {
                if (!s.feasible() && plan != null && searching) {
                    s = descent.solve(problem.withTimeOfFlight(stretch * (plan.end() - t)));
                    solves++;
                }
            }
            if (!s.feasible() && plan != null && searching) {
                // searched near what was left: the remaining time moves by seconds, not by the whole range
                double left = plan.end() - t;
                s = descent.solve(problem.withTimeOfFlight(Double.NaN), RESEARCH_RANGE[0] * left, RESEARCH_RANGE[1] * left + 1);
                solves += s.solves();
            }
            if (s.feasible()) {
                if (plan == null) {
                    interval = s.timeOfFlight() / config.nodes();
                }
                return new Plan(t, s, config.drag() == null || disturbance == null ? null : sampled(s, disturbance));
            }
            if (k < attempts.length - 1 && (plan == null || searching)) {
                marginsLost = true;
            }
        }
        return null;
    }

    /**
     * The retrograde to keep the thrust near, by time from now: along the plan in force (its velocity then); none where
     * that speed is below the pointing limit's, and none without a plan in force.
     */
    private DescentProblem.Pointing pointing(double t, double[] v) {
        if (Double.isNaN(config.maxPointingDeg())) {
            return null;
        }
        Plan path = plan;
        if (path == null) {
            // the first plan is solved free, then again about its own retrograde (update)
            return null;
        }
        double floor = config.pointingAboveSpeed();
        return tau -> {
            double[] u = path.state(t + tau)[1];
            double speed = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
            return speed > floor && speed > 0 ? new double[] {-u[0] / speed, -u[1] / speed, -u[2] / speed} : null;
        };
    }

    /** The disturbance at a solution's nodes, as its program took it. */
    private static double[][] sampled(PoweredDescent.Solution s, DescentProblem.Disturbance disturbance) {
        List<PoweredDescent.Node> nodes = s.trajectory();
        double[][] out = new double[nodes.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = disturbance.at(nodes.get(k).time());
        }
        return out;
    }

    /** @return the plan in force (null before the first, or when the last search found none) */
    public Plan plan() {
        return plan;
    }

    /** @return the last plan found, in force or not (null when none ever was) */
    public Plan last() {
        return last;
    }

    /** @return why the guidance has no plan (null when it has one) */
    public String trouble() {
        return trouble;
    }

    /** @return when the next re-solve is due, s */
    public double nextSolve() {
        return nextSolve;
    }

    /** @return cone programs solved so far */
    public int solves() {
        return solves;
    }

    /**
     * After the plan's end: the upward thrust acceleration that holds a {@link #SETTLE_SPEED} descent onto the pad.
     *
     * @param vUp vertical speed, m/s (negative falling)
     * @param g   gravity, m/s²
     * @return m/s², at least 0
     */
    public static double settleAcceleration(double vUp, double g) {
        return Math.max(0, g + (-SETTLE_SPEED - vUp) / SETTLE_SPEED);
    }

    /**
     * @param t   now, s
     * @param vUp vertical speed, m/s
     * @return whether the burn is over: the plan has ended and the stage has stopped above the pad, or has hovered 30 s
     */
    public boolean finished(double t, double vUp) {
        return plan != null && t >= plan.end() - 1e-9 && (vUp >= -0.05 || t > plan.end() + 30);
    }
}
