package org.launchbench.recovery.descent;

/**
 * The grid fins' steering on the aerodynamic descent, by prediction and correction (the numerical predictor-corrector
 * of entry guidance: Lu, "Entry guidance: a unified method", Journal of Guidance, Control, and Dynamics 37(3), 2014):
 * each update predicts where the stage would come to rest, falling on its fins at a fixed share of their capability,
 * lighting its landing engines when the ignition rule says and braking along its retrograde, and changes that share by
 * Newton's method (its derivatives kept for {@link #JACOBIAN_EVERY} updates) so that the rest point is the landing
 * point.
 * <p>
 * Why the rest point and not the point above the zone: the landing burn can only brake along the stage's retrograde
 * while the air is thick (a body flying engines first holds its thrust near its velocity: see {@code docs/gnc.md}), so
 * the approach must arrive heading at the zone with the range the burn's braking covers. A law aimed above the zone
 * leaves the stage short and off heading at ignition, which only a thrust pointed far off its axis could correct
 * (docs/gnc.md).
 * <p>
 * The fins' command is two shares of their capability (at most 1 together): across the track (horizontal, to the left
 * of the velocity) and in lift (perpendicular to the velocity, in its vertical plane, upward: more range). Vectors are
 * [up, east, north] relative to the landing point, in a flat frame with constant gravity (the last tens of kilometres).
 * Not thread-safe: one instance per flight.
 */
public final class ApproachSteering {

    /** Time step of the prediction's fall on the fins, s (classical Runge-Kutta: smooth, drag at most ~4 g). */
    static final double FALL_STEP = 1.0;
    /** The share by which a Newton step's derivatives are taken. */
    static final double PROBE = 0.1;
    /**
     * Updates between fresh derivatives (a chord method in between: the rest point's sensitivity to the shares moves
     * slowly, and each derivative costs two predictions).
     */
    static final int JACOBIAN_EVERY = 4;
    /** Iterations of the Illinois regula falsi that place the ignition within a fall step. */
    static final int IGNITION_ITERATIONS = 8;
    /** The ignition is placed when the rule's excess is below this, m. */
    static final double IGNITION_TOLERANCE_M = 1;
    /** The longest prediction, s: a stage that has not come to rest by then is taken where it is. */
    static final double HORIZON = 600;

    /** The stage's figures as the flight software knows them: its braking's, its fins' and its ignition rule. */
    public interface Stage extends RetrogradeBraking.Stage {
        /** @return the fins' lateral acceleration at full deflection, m/s², at a height, speed and mass */
        double finCapability(double height, double speed, double mass);

        /**
         * @return how far the stage is below where the ignition rule lights the landing engines, m (≥ 0: light now), at a
         *         height, velocity and mass
         */
        double ignitionExcess(double height, double[] velocity, double mass);

        /**
         * @return the drag the steering adds at a share of the capability, m/s² (a body turned to an incidence meets
         *         more air; fins that are themselves the force, as the point mass's, add none), at a height, speed and
         *         mass
         */
        default double steeringDrag(double height, double speed, double mass, double share) {
            return 0;
        }
    }

    /**
     * Where a prediction ends.
     *
     * @param east   m from the landing point
     * @param north  m
     * @param height above it, m (0 when it reaches the ground still moving)
     * @param speed  left there, m/s
     * @param lit    whether the landing engines were lit
     */
    public record Rest(double east, double north, double height, double speed, boolean lit) {
    }

    private final Stage stage;
    private final RetrogradeBraking braking;
    /** The rest point's derivatives by the shares, {∂e/∂across, ∂e/∂lift, ∂n/∂across, ∂n/∂lift} (null: none yet). */
    private double[] jacobian;
    private int sinceJacobian;
    /** The last braking's raise, where the next one's search starts (NaN: none yet). */
    private double raise = Double.NaN;
    private double cross;
    private double lift;

    /** @param stage the stage as the flight software knows it */
    public ApproachSteering(Stage stage) {
        this.stage = stage;
        this.braking = new RetrogradeBraking(stage);
    }

    /**
     * One correction: the shares that put the predicted rest point on the landing point (one Newton step from the
     * present shares on derivatives at most {@link #JACOBIAN_EVERY} updates old, held to the fins' capability).
     *
     * @param local [up, east, north, v_up, v_east, v_north] relative to the landing point and the ground (navigated)
     * @param mass  kg
     * @return {across, lift}: shares of the fins' capability
     */
    public double[] update(double[] local, double mass) {
        Rest base = predict(local, mass, cross, lift);
        if (jacobian == null || sinceJacobian >= JACOBIAN_EVERY) {
            Rest c = predict(local, mass, cross + PROBE, lift);
            Rest l = predict(local, mass, cross, lift + PROBE);
            jacobian = new double[] {(c.east() - base.east()) / PROBE, (l.east() - base.east()) / PROBE, (c.north() - base.north()) / PROBE,
                (l.north() - base.north()) / PROBE};
            sinceJacobian = 0;
        }
        sinceJacobian++;
        double det = jacobian[0] * jacobian[3] - jacobian[1] * jacobian[2];
        if (det != 0 && Double.isFinite(det)) {
            double dc = -(jacobian[3] * base.east() - jacobian[1] * base.north()) / det;
            double dl = -(-jacobian[2] * base.east() + jacobian[0] * base.north()) / det;
            double nc = cross + dc;
            double nl = lift + dl;
            double size = Math.hypot(nc, nl);
            if (size > 1) {
                nc /= size;
                nl /= size;
            }
            cross = nc;
            lift = nl;
        }
        return new double[] {cross, lift};
    }

    /** @return the shares in force, {across, lift} */
    public double[] shares() {
        return new double[] {cross, lift};
    }

    /**
     * The fins' acceleration for shares at a velocity: across the track and in lift, perpendicular to it.
     *
     * @param velocity   [up, east, north] relative to the air, m/s
     * @param capability the fins' lateral acceleration at full deflection, m/s²
     * @param across     share across the track (to the left of the velocity)
     * @param up         share in lift
     * @return [up, east, north], m/s²
     */
    public static double[] finAcceleration(double[] velocity, double capability, double across, double up) {
        double speed = Math.sqrt(velocity[0] * velocity[0] + velocity[1] * velocity[1] + velocity[2] * velocity[2]);
        double horizontal = Math.hypot(velocity[1], velocity[2]);
        if (speed == 0 || horizontal < 1e-6 * speed) {
            return new double[3];
        }
        double[] v = {velocity[0] / speed, velocity[1] / speed, velocity[2] / speed};
        // across: up × v̂, horizontal, to the left; lift: v̂ × across, in the vertical plane, upward
        double[] c = {0, -v[2], v[1]};
        double cn = Math.hypot(c[1], c[2]);
        c[1] /= cn;
        c[2] /= cn;
        double[] l = {v[1] * c[2] - v[2] * c[1], v[2] * c[0] - v[0] * c[2], v[0] * c[1] - v[1] * c[0]};
        return new double[] {capability * (across * c[0] + up * l[0]), capability * (across * c[1] + up * l[1]),
            capability * (across * c[2] + up * l[2])};
    }

    /**
     * The rest point: the fall on the fins at the given shares until the ignition rule lights the engines, then the
     * braking along the retrograde at the thrust that stops it at the ground (full thrust when none does).
     *
     * @param local  [up, east, north, v_up, v_east, v_north]
     * @param mass   kg
     * @param across share across the track
     * @param up     share in lift
     * @return where it ends
     */
    public Rest predict(double[] local, double mass, double across, double up) {
        double[] x = {local[0], local[1], local[2], local[3], local[4], local[5], mass};
        double t = 0;
        // the rule's excess at x, kept from step to step (its 1-D stop is the prediction's main cost)
        double eX = excess(x);
        boolean lit = eX >= 0;
        while (!lit && x[0] > 0 && t < HORIZON) {
            double[] y = rk4(x, FALL_STEP, across, up);
            double eY = excess(y);
            lit = eY >= 0;
            if (lit) {
                // lit within the step: found by regula falsi on the rule's excess, smooth in time (a second's fall is
                // hundreds of metres, and the rule's stop has no slack for them)
                double lo = 0;
                double hi = FALL_STEP;
                double eLo = eX;
                double eHi = eY;
                // the excess at the lit end itself: the Illinois steps halve eHi, not the distance from the rule
                double atHi = eY;
                // the Illinois variant (Dowell and Jarratt, BIT 11, 1971): plain regula falsi holds the step's far end
                // while the rule's excess, convex in the time, creeps up from below, and leaves the ignition up to most
                // of a step late (docs/gnc.md)
                int kept = 0;
                for (int i = 0; i < IGNITION_ITERATIONS && atHi > IGNITION_TOLERANCE_M; i++) {
                    double mid = lo + (hi - lo) * -eLo / (eHi - eLo);
                    double[] z = rk4(x, mid, across, up);
                    double e = excess(z);
                    if (e >= 0) {
                        hi = mid;
                        eHi = e;
                        atHi = e;
                        y = z;
                        eLo = kept < 0 ? eLo / 2 : eLo;
                        kept = Math.min(kept, 0) - 1;
                    } else {
                        lo = mid;
                        eLo = e;
                        eHi = kept > 0 ? eHi / 2 : eHi;
                        kept = Math.max(kept, 0) + 1;
                    }
                }
                t += hi;
            } else {
                t += FALL_STEP;
            }
            x = y[0] < 0 && !lit ? RetrogradeBraking.ground(x, y) : y;
            eX = eY;
        }
        if (!lit) {
            return new Rest(x[1], x[2], Math.max(0, x[0]), Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]), false);
        }
        // the rule's braking stops the stage along a straight fall; along the gravity turn it truly flies the path
        // steepens and the stop is longer: the braking is raised towards full thrust until it stops at the ground
        RetrogradeBraking.Stop end = braking.stopAtTheGround(braking.afterLag(x), RetrogradeBraking.STOP_TOLERANCE_M, raise);
        raise = end.raise();
        return new Rest(end.east(), end.north(), Math.max(0, end.heightM()), end.speedMS(), true);
    }

    private double excess(double[] x) {
        return stage.ignitionExcess(x[0], new double[] {x[3], x[4], x[5]}, x[6]);
    }

    private double[] rk4(double[] x, double h, double across, double up) {
        return RetrogradeBraking.rk4(x, h, rate(x, across, up), z -> rate(z, across, up));
    }

    /** d/dt of {r, v, m} falling: gravity, drag and the fins. */
    private double[] rate(double[] x, double across, double up) {
        double[] dx = RetrogradeBraking.fall(stage, x);
        if (across != 0 || up != 0) {
            double[] v = {x[3], x[4], x[5]};
            double m = x[6];
            double speed = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            double[] f = finAcceleration(v, stage.finCapability(Math.max(0, x[0]), speed, m), across, up);
            double extra = speed > 0 ? stage.steeringDrag(Math.max(0, x[0]), speed, m, Math.hypot(across, up)) / speed : 0;
            for (int i = 0; i < 3; i++) {
                dx[3 + i] += f[i] - extra * v[i];
            }
        }
        return dx;
    }
}
