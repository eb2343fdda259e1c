package org.launchbench.recovery.descent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.launchbench.optim.SocpSolver;
import org.launchbench.optim.SparseConeProgram;
import org.launchbench.optim.SparseMatrix;

/**
 * Fuel-optimal and minimum-landing-error powered descent by lossless convexification (Açıkmeşe and Ploen, JGCD
 * 30(5), 2007; Blackmore, Açıkmeşe and Scharf, JGCD 33(4), 2010). With σ = Γ/m, u = T/m and z = ln m the
 * non-convex lower thrust bound becomes a cone constraint that is tight at the optimum:
 * <pre>
 *   r' = v,  v' = u + g,  z' = -α σ,  ‖u‖ ≤ σ,
 *   ρ₁ e^{-z₀} (1 - δz + δz²/2) ≤ σ ≤ ρ₂ e^{-z₀} (1 - δz),  δz = z - z₀(t),  z₀(t) = ln(m_wet - α ρ₂ t)
 * </pre>
 * with α = 1/(Isp g₀), plus the glide-slope cone (apex at the target), thrust tilt and speed limits. The dynamics are discretised
 * exactly for a thrust acceleration linear between nodes (first-order hold), and the program is solved by
 * {@link SocpSolver} in units that make its numbers of order one (the start's distance, speed and the engines' largest
 * acceleration, which saves the interior-point method iterations: docs/recovery.md). The time of flight, when not given,
 * is found by Brent's line search (parabolas, golden section when they misbehave) on the propellant, between the
 * paper's bounds m_dry ‖v₀‖/ρ₂ and (m_wet - m_dry)/(α ρ₁), after a coarse scan upwards that stops once the cost rises
 * (unimodal in the time of flight).
 */
public final class PoweredDescent {

    /** Standard gravity relating Isp to exhaust speed, m/s². */
    public static final double G0 = 9.80665;
    /** Time-of-flight resolution of the search, s. */
    public static final double TIME_RESOLUTION = 0.05;
    private static final int PER_NODE = 11;
    /** The golden section's smaller share, (3 - √5) / 2. */
    private static final double GOLDEN = (3 - Math.sqrt(5)) / 2;

    private final SocpSolver solver;
    private final int searchNodes;
    private final boolean aboveGround;
    private final double timeResolution;

    /** @param solver the cone solver */
    public PoweredDescent(SocpSolver solver) {
        this(solver, Integer.MAX_VALUE);
    }

    /**
     * @param solver      the cone solver
     * @param searchNodes the time-of-flight search solves its programs with at most this many intervals, then solves
     *                    the best time once at the problem's own count (the optimal time moves little with the
     *                    discretisation; a closed loop re-solving many times a second saves most of its work here)
     */
    public PoweredDescent(SocpSolver solver, int searchNodes) {
        this(solver, searchNodes, false);
    }

    /**
     * @param solver      the cone solver
     * @param searchNodes as {@link #PoweredDescent(SocpSolver, int)}
     * @param aboveGround whether every node is kept above the target's horizon when the problem has no glide slope (a
     *                    glide slope does that already). The published problems leave it out (without the glide slope,
     *                    Açıkmeşe and Ploen's optimal path dips below the surface, which is why they add the cone), so
     *                    {@code launchbench descent} does too; a landing guidance needs it: near the pad a fixed-time
     *                    plan otherwise "lands" by flying through the ground.
     */
    public PoweredDescent(SocpSolver solver, int searchNodes, boolean aboveGround) {
        this(solver, searchNodes, aboveGround, TIME_RESOLUTION);
    }

    /**
     * @param solver         the cone solver
     * @param searchNodes    as {@link #PoweredDescent(SocpSolver, int)}
     * @param aboveGround    as {@link #PoweredDescent(SocpSolver, int, boolean)}
     * @param timeResolution how wide the line search's last bracket is, s ({@link #TIME_RESOLUTION} by default; a closed
     *                       loop that keeps re-solving can settle for less, the cost being flat at its minimum)
     */
    public PoweredDescent(SocpSolver solver, int searchNodes, boolean aboveGround, double timeResolution) {
        this.solver = solver;
        this.searchNodes = searchNodes;
        this.aboveGround = aboveGround;
        this.timeResolution = timeResolution;
    }

    /**
     * One node of a solution.
     *
     * @param time     s
     * @param position m
     * @param velocity m/s
     * @param thrust   N
     * @param mass     kg
     */
    public record Node(double time, double[] position, double[] velocity, double[] thrust, double mass) {
    }

    /**
     * A solved descent.
     *
     * @param feasible      whether the constraints can be met
     * @param timeOfFlight  s
     * @param propellant    wet mass minus final mass, kg
     * @param landingError  horizontal distance from the target at touchdown, m
     * @param iterations    interior-point iterations of the final solve
     * @param solves        cone programs solved (the time-of-flight search)
     * @param trajectory    the nodes
     * @param reason        why it is infeasible (null when feasible)
     */
    public record Solution(boolean feasible, double timeOfFlight, double propellant, double landingError, int iterations,
                           int solves, List<Node> trajectory, String reason) {
    }

    /**
     * @param p the problem
     * @return the best descent, or an infeasible solution with the reason
     */
    public Solution solve(DescentProblem p) {
        return solve(p, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * @param p       the problem
     * @param shortest the shortest time of flight the search considers, s (the paper's bound when that is longer)
     * @param longest  the longest, s (the paper's bound when that is shorter): a closed loop that knows roughly how
     *                 long is left searches near it, in a few programs, instead of across the whole propellant range
     * @return the best descent in that range, or an infeasible solution with the reason
     */
    public Solution solve(DescentProblem p, double shortest, double longest) {
        return solve(p, shortest, longest, true);
    }

    /**
     * A time-of-flight search that knows roughly where the optimum lies: Brent's line search over the given range from
     * the start, without the scan upwards from the shortest time (which meets the times too short for any descent
     * first, the dearest programs, and walks up in steps of a 24th of the whole propellant range). When the best time
     * it finds lies at either end of the range (the optimum may be outside) or none in it is feasible, the whole range
     * is searched as {@link #solve(DescentProblem)} does.
     *
     * @param p        the problem
     * @param shortest the range's shortest time of flight, s
     * @param longest  its longest, s
     * @return the best descent, or an infeasible solution with the reason
     */
    public Solution solveNear(DescentProblem p, double shortest, double longest) {
        Solution near = solve(p, shortest, longest, false);
        if (near.feasible() && near.timeOfFlight() - shortest > timeResolution && longest - near.timeOfFlight() > timeResolution) {
            return near;
        }
        Solution all = solve(p, 0, Double.POSITIVE_INFINITY, true);
        return new Solution(all.feasible(), all.timeOfFlight(), all.propellant(), all.landingError(), all.iterations(),
            all.solves() + near.solves(), all.trajectory(), all.reason());
    }

    private Solution solve(DescentProblem p, double shortest, double longest, boolean scan) {
        if (Double.isNaN(p.timeOfFlight()) && p.nodes() > searchNodes) {
            DescentProblem coarse = new DescentProblem(p.gravity(), p.dryMass(), p.wetMass(), p.isp(), p.thrustMin(), p.thrustMax(),
                p.position(), p.velocity(), p.glideSlopeDeg(), p.maxTiltDeg(), p.maxSpeed(), Double.NaN, searchNodes, p.objective(), p.disturbance(), p.pointing(), p.maxPointingDeg());
            Solution found = search(coarse, shortest, longest, scan);
            if (found.feasible()) {
                Solution fine = solveFixed(p, found.timeOfFlight());
                if (fine.feasible()) {
                    return new Solution(true, fine.timeOfFlight(), fine.propellant(), fine.landingError(), fine.iterations(),
                        found.solves() + 1, fine.trajectory(), null);
                }
            }
            // the coarse grid misled the search (or found nothing): search at the full count
            Solution full = search(p, shortest, longest, scan);
            return new Solution(full.feasible(), full.timeOfFlight(), full.propellant(), full.landingError(), full.iterations(),
                full.solves() + found.solves() + (found.feasible() ? 1 : 0), full.trajectory(), full.reason());
        }
        return search(p, shortest, longest, scan);
    }

    private Solution search(DescentProblem p, double shortest, double longest, boolean scanFirst) {
        if (p.objective() == DescentProblem.Objective.MIN_LANDING_ERROR && !Double.isNaN(p.glideSlopeDeg())) {
            throw new IllegalArgumentException("a minimum-landing-error descent takes no glide slope yet (its cone is centred on"
                + " the target, which a missed landing cannot satisfy)");
        }
        if (!Double.isNaN(p.timeOfFlight())) {
            Solution s = solveFixed(p, p.timeOfFlight());
            return new Solution(s.feasible(), s.timeOfFlight(), s.propellant(), s.landingError(), s.iterations(), 1, s.trajectory(),
                s.reason());
        }
        double alpha = 1 / (p.isp() * G0);
        double tMin = Math.max(shortest, p.dryMass() * norm(p.velocity()) / p.thrustMax());
        double tMax = Math.min(longest, (p.wetMass() - p.dryMass()) / (alpha * p.thrustMin()));
        int solves = 0;
        // coarse scan upwards, then a line search around the best feasible time. The optimal cost is unimodal in
        // the time of flight over the interval of feasible times (the property the papers' line search rests on),
        // so the scan stops at the first feasible time that costs more than the best, or at the first infeasible
        // time after a feasible one: the rest of the interval cannot hold a better time
        int scan = 24;
        double best = Double.NaN;
        Solution bestSolution = null;
        // the scan's neighbours of the best time (NaN: not solved), which start the line search's parabolas
        double before = Double.NaN;
        double beforeCost = Double.NaN;
        double after = Double.NaN;
        double afterCost = Double.NaN;
        double previous = Double.NaN;
        double previousCost = Double.NaN;
        double step = (tMax - tMin) / scan;
        if (!scanFirst && tMax > tMin) {
            // Brent's method from its own start: the golden section of the range
            best = tMin + GOLDEN * (tMax - tMin);
            bestSolution = solveFixed(p, best);
            solves++;
            step = Math.max(best - tMin, tMax - best);
        }
        for (int i = 1; i < scan && step > 0 && scanFirst; i++) {
            double t = tMin + i * step;
            Solution s = solveFixed(p, t);
            solves++;
            if (s.feasible() && (bestSolution == null || cost(p, s) < cost(p, bestSolution))) {
                before = previous;
                beforeCost = previousCost;
                best = t;
                bestSolution = s;
            } else if (bestSolution != null) {
                after = t;
                afterCost = cost(p, s);
                break;
            }
            previous = t;
            previousCost = cost(p, s);
        }
        if (bestSolution == null) {
            return new Solution(false, Double.NaN, Double.NaN, Double.NaN, 0, solves, List.of(), String.format(
                "no time of flight between %.1f and %.1f s can meet the constraints (thrust, propellant, glide slope, tilt, speed)",
                tMin, tMax));
        }
        // Brent's line search (Brent, Algorithms for Minimization without Derivatives, 1973, ch. 5): parabolas
        // through the three best times while they behave, golden section when they do not (an infeasible time costs
        // +∞ and is never fitted), until the bracket is timeResolution wide. The cost is smooth near its minimum,
        // so the parabolas converge in a few programs where golden section alone takes many more
        double a = Math.max(tMin, best - step);
        double b = Math.min(tMax, best + step);
        double x = best;
        double fx = cost(p, bestSolution);
        double w = Double.isNaN(before) ? x : before;
        double fw = Double.isNaN(before) ? fx : beforeCost;
        double v = Double.isNaN(after) ? w : after;
        double fv = Double.isNaN(after) ? fw : afterCost;
        double tol = timeResolution / 4;
        double d = 0;
        double e = b - a;
        // Brent's method ends in a few dozen steps at most (each golden step shrinks the bracket by 0.38); the cap only
        // guards against a cost that misbehaves (NaN) keeping it from converging
        for (int iteration = 0; iteration < 100; iteration++) {
            double xm = (a + b) / 2;
            if (Math.abs(x - xm) <= 2 * tol - (b - a) / 2) {
                break;
            }
            boolean golden = true;
            if (Math.abs(e) > tol && Double.isFinite(fx) && Double.isFinite(fw) && Double.isFinite(fv) && w != x && v != x && v != w) {
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double pp = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) {
                    pp = -pp;
                }
                q = Math.abs(q);
                double last = e;
                if (Math.abs(pp) < Math.abs(0.5 * q * last) && pp > q * (a - x) && pp < q * (b - x)) {
                    e = d;
                    d = pp / q;
                    double u = x + d;
                    if (u - a < 2 * tol || b - u < 2 * tol) {
                        d = Math.copySign(tol, xm - x);
                    }
                    golden = false;
                }
            }
            if (golden) {
                e = x >= xm ? a - x : b - x;
                d = GOLDEN * e;
            }
            double u = Math.abs(d) >= tol ? x + d : x + Math.copySign(tol, d);
            Solution su = solveFixed(p, u);
            solves++;
            double fu = cost(p, su);
            if (fu <= fx) {
                if (u >= x) {
                    a = x;
                } else {
                    b = x;
                }
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
                bestSolution = su;
            } else {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        Solution s = bestSolution;
        if (!s.feasible()) {
            return new Solution(false, Double.NaN, Double.NaN, Double.NaN, 0, solves, List.of(), String.format(
                "no time of flight between %.1f and %.1f s can meet the constraints (thrust, propellant, glide slope, tilt, speed)",
                tMin, tMax));
        }
        return new Solution(true, s.timeOfFlight(), s.propellant(), s.landingError(), s.iterations(), solves, s.trajectory(), null);
    }

    private static double cost(DescentProblem p, Solution s) {
        if (!s.feasible()) {
            return Double.POSITIVE_INFINITY;
        }
        return p.objective() == DescentProblem.Objective.MIN_PROPELLANT ? s.propellant() : s.landingError() + 1e-6 * s.propellant();
    }

    /**
     * @param p  the problem
     * @param tf time of flight, s
     * @return the solution for that time of flight
     */
    public Solution solveFixed(DescentProblem p, double tf) {
        int n = p.nodes();
        double dt = tf / n;
        double alpha = 1 / (p.isp() * G0);
        boolean landingError = p.objective() == DescentProblem.Objective.MIN_LANDING_ERROR;
        int vars = PER_NODE * (n + 1) + (landingError ? 1 : 0);
        int tErr = PER_NODE * (n + 1);
        // units that make the program's numbers of order one (a trajectory mixes kilometres, hundreds of m/s and
        // logarithms of masses): length the start's distance, speed the larger of its speed and length over time,
        // acceleration the engines' largest at the start; the cone rows are divided by the unit of their cone
        double lu = Math.max(1, norm(p.position()));
        double vu = Math.max(Math.max(1e-3, norm(p.velocity())), lu / tf);
        double au = Math.max(1e-3, p.thrustMax() / p.wetMass());
        double[] unit = new double[vars];
        Arrays.fill(unit, 1);
        for (int k = 0; k <= n; k++) {
            for (int i = 0; i < 3; i++) {
                unit[r(k, i)] = lu;
                unit[v(k, i)] = vu;
                unit[u(k, i)] = au;
            }
            unit[sigma(k)] = au;
        }
        if (landingError) {
            unit[tErr] = lu;
        }
        Rows eq = new Rows(unit);
        Rows orth = new Rows(unit);
        Rows soc = new Rows(unit);
        List<Integer> cones = new ArrayList<>();
        double[] g = p.gravity();
        // a known disturbance enters like gravity, sampled at the nodes with the thrust's first-order hold
        double[][] d = new double[n + 1][];
        for (int k = 0; k <= n; k++) {
            d[k] = p.disturbance() == null ? new double[3] : p.disturbance().at(k * dt);
        }
        double zWet = Math.log(p.wetMass());
        // initial state
        for (int i = 0; i < 3; i++) {
            eq.row(lu).set(r(0, i), 1).rhs(p.position()[i]);
            eq.row(vu).set(v(0, i), 1).rhs(p.velocity()[i]);
        }
        eq.row().set(z(0), 1).rhs(zWet);
        // dynamics, first-order hold on the thrust acceleration
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < 3; i++) {
                eq.row(vu).set(v(k + 1, i), 1).set(v(k, i), -1).set(u(k, i), -dt / 2).set(u(k + 1, i), -dt / 2)
                    .rhs(g[i] * dt + (d[k][i] + d[k + 1][i]) * dt / 2);
                eq.row(lu).set(r(k + 1, i), 1).set(r(k, i), -1).set(v(k, i), -dt).set(u(k, i), -dt * dt / 3)
                    .set(u(k + 1, i), -dt * dt / 6).rhs(g[i] * dt * dt / 2 + (d[k][i] / 3 + d[k + 1][i] / 6) * dt * dt);
            }
            eq.row().set(z(k + 1), 1).set(z(k), -1).set(sigma(k), alpha * dt / 2).set(sigma(k + 1), alpha * dt / 2).rhs(0);
        }
        // final state: at rest on the ground, at the target unless its error is minimised
        for (int i = 0; i < 3; i++) {
            if (i == 0 || !landingError) {
                eq.row(lu).set(r(n, i), 1).rhs(0);
            }
            eq.row(vu).set(v(n, i), 1).rhs(0);
        }
        double cosTilt = Double.isNaN(p.maxTiltDeg()) ? Double.NaN : Math.cos(Math.toRadians(p.maxTiltDeg()));
        double cosPointing = p.pointing() == null || Double.isNaN(p.maxPointingDeg()) ? -3 : Math.cos(Math.toRadians(p.maxPointingDeg()));
        for (int k = 0; k <= n; k++) {
            double t = k * dt;
            double z0 = Math.log(Math.max(p.wetMass() - alpha * p.thrustMax() * t, p.dryMass()));
            double zMax = Math.log(Math.max(p.wetMass() - alpha * p.thrustMin() * t, p.dryMass()));
            double mu1 = p.thrustMin() * Math.exp(-z0);
            double mu2 = p.thrustMax() * Math.exp(-z0);
            // orthant and cone rows (s = h - G x), each kind in its own block of G
            orth.row(mu2 > 0 ? mu2 : 1).set(sigma(k), 1).set(z(k), mu2).rhs(mu2 * (1 + z0));   // σ ≤ μ₂ (1 - (z - z₀))
            orth.row().set(z(k), -1).rhs(-z0);                                 // z ≥ z₀
            orth.row().set(z(k), 1).rhs(zMax);                                  // z ≤ ln(m_wet - α ρ₁ t)
            if (!Double.isNaN(cosTilt)) {
                orth.row(au).set(u(k, 0), -1).set(sigma(k), cosTilt).rhs(0);     // u_up ≥ σ cos θ
            }
            double[] axis = cosPointing > -2 ? p.pointing().axisAt(t) : null;
            if (axis != null) {
                // d · u ≥ σ cos φ: the thrust within φ of the node's axis (linear, as the tilt limit is)
                orth.row(au).set(u(k, 0), -axis[0]).set(u(k, 1), -axis[1]).set(u(k, 2), -axis[2]).set(sigma(k), cosPointing).rhs(0);
            }
            if (aboveGround && Double.isNaN(p.glideSlopeDeg()) && k > 0 && k < n) {
                orth.row(lu).set(r(k, 0), -1).rhs(0);                             // r_up ≥ 0: above the ground
            }
            // ‖u‖ ≤ σ
            soc.row(au).set(sigma(k), -1).rhs(0);
            for (int i = 0; i < 3; i++) {
                soc.row(au).set(u(k, i), -1).rhs(0);
            }
            cones.add(4);
            // μ₁ (1 - δz + δz²/2) ≤ σ as ‖(δz, y - ½)‖ ≤ y + ½ with y = σ/μ₁ - 1 + δz
            soc.row().set(sigma(k), -1 / mu1).set(z(k), -1).rhs(-(z0 + 0.5));
            soc.row().set(z(k), -1).rhs(-z0);
            soc.row().set(sigma(k), -1 / mu1).set(z(k), -1).rhs(-(z0 + 1.5));
            cones.add(3);
            if (!Double.isNaN(p.glideSlopeDeg())) {
                double tan = Math.tan(Math.toRadians(p.glideSlopeDeg()));
                // apex at the target: a minimum-landing-error descent that misses the target cannot satisfy it at
                // touchdown, so that objective refuses a glide slope (Blackmore et al. put the apex at the landing
                // point, which couples every node to the last one: not done yet)
                soc.row(lu).set(r(k, 0), -1 / tan).rhs(0);
                soc.row(lu).set(r(k, 1), -1).rhs(0);
                soc.row(lu).set(r(k, 2), -1).rhs(0);
                cones.add(3);
            }
            if (!Double.isNaN(p.maxSpeed())) {
                soc.row(vu).rhs(p.maxSpeed());
                for (int i = 0; i < 3; i++) {
                    soc.row(vu).set(v(k, i), -1).rhs(0);
                }
                cones.add(4);
            }
        }
        orth.row().set(z(n), -1).rhs(-Math.log(p.dryMass()));                  // z_N ≥ ln m_dry
        if (landingError) {
            soc.row(lu).set(tErr, -1).rhs(0);
            soc.row(lu).set(r(n, 1), -1).rhs(0);
            soc.row(lu).set(r(n, 2), -1).rhs(0);
            cones.add(3);
        }
        double[] c = new double[vars];
        if (landingError) {
            c[tErr] = unit[tErr];
        } else {
            c[z(n)] = -1;
        }
        // sparse throughout: a node's rows touch only its own and the next node's variables
        SparseMatrix gm = SparseMatrix.stack(orth.matrix(), soc.matrix());
        double[] h = concat(orth.rhsVector(), soc.rhsVector());
        SparseConeProgram program = new SparseConeProgram(c, eq.matrix(), eq.rhsVector(), gm, h, orth.count(),
            cones.stream().mapToInt(Integer::intValue).toArray());
        SocpSolver.Result res = solver.solve(program);
        if (res.status() != SocpSolver.Status.OPTIMAL) {
            return new Solution(false, tf, Double.NaN, Double.NaN, res.iterations(), 1, List.of(),
                "the cone program is " + res.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        double[] x = res.x();
        for (int j = 0; j < vars; j++) {
            x[j] *= unit[j];
        }
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            double m = Math.exp(x[z(k)]);
            nodes.add(new Node(k * dt, new double[] {x[r(k, 0)], x[r(k, 1)], x[r(k, 2)]},
                new double[] {x[v(k, 0)], x[v(k, 1)], x[v(k, 2)]},
                new double[] {m * x[u(k, 0)], m * x[u(k, 1)], m * x[u(k, 2)]}, m));
        }
        double finalMass = nodes.get(n).mass();
        double err = Math.hypot(x[r(n, 1)], x[r(n, 2)]);
        return new Solution(true, tf, p.wetMass() - finalMass, err, res.iterations(), 1, nodes, null);
    }

    private static int r(int k, int i) {
        return PER_NODE * k + i;
    }

    private static int v(int k, int i) {
        return PER_NODE * k + 3 + i;
    }

    private static int z(int k) {
        return PER_NODE * k + 6;
    }

    private static int u(int k, int i) {
        return PER_NODE * k + 7 + i;
    }

    private static int sigma(int k) {
        return PER_NODE * k + 10;
    }

    private static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = new double[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Rows of a sparse constraint matrix under construction, with their right-hand sides. */
    private static final class Rows {
        private final SparseMatrix.Builder matrix;
        private double[] rhs = new double[64];
        private final Row current = new Row();
        /** Each variable's unit (the program's variable is the physical one divided by it). */
        private final double[] unit;
        /** The current row's factor. */
        private double factor = 1;

        Rows(double[] unit) {
            matrix = new SparseMatrix.Builder(unit.length);
            this.unit = unit;
        }

        /** @return the new row, in physical units (entries by set, right-hand side by rhs, before the next row is started) */
        Row row() {
            return row(1);
        }

        /** @return the new row, divided by a scale (one for all the rows of a cone, so the cone is unchanged) */
        Row row(double scale) {
            factor = 1 / scale;
            matrix.row();
            if (matrix.rows() > rhs.length) {
                rhs = Arrays.copyOf(rhs, 2 * rhs.length);
            }
            return current;
        }

        int count() {
            return matrix.rows();
        }

        SparseMatrix matrix() {
            return matrix.build();
        }

        double[] rhsVector() {
            return Arrays.copyOf(rhs, matrix.rows());
        }

        final class Row {
            Row set(int column, double value) {
                matrix.add(column, value * unit[column] * factor);
                return this;
            }

            Row rhs(double value) {
                rhs[matrix.rows() - 1] = value * factor;
                return this;
            }
        }
    }
}
