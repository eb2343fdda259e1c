package org.launchbench.recovery.descent;

import java.util.function.UnaryOperator;

/**
 * A landing burn braking along the stage's retrograde (a gravity turn: thrust against the velocity relative to the
 * ground, gravity bending the path down), predicted in a flat frame with constant gravity: where it stops at a thrust,
 * and the thrust that stops it at the ground. A body flying engines first through thick air can hold its thrust only
 * near its retrograde, so this is the braking it can fly; the fins' steering aims it, and the flight software lights
 * and throttles by it. Vectors are [up, east, north] relative to the landing point. Immutable.
 */
public final class RetrogradeBraking {

    /** Time step of the prediction, s (classical Runge-Kutta). */
    static final double STEP = 0.5;
    /** The first step outwards from a guessed raise when bracketing, doubled each step. */
    static final double BRACKET = 0.03;
    /** Regula falsi iterations on the thrust that stops at the ground. */
    static final int ITERATIONS = 8;
    /** A stop within this of the ground is at the ground, m. */
    public static final double STOP_TOLERANCE_M = 2;
    /** The longest braking predicted, s. */
    static final double HORIZON = 600;

    /** The stage as the braking knows it. */
    public interface Stage {
        /** @return the drag acceleration [up, east, north], m/s², at a height, velocity and mass */
        double[] drag(double height, double[] velocity, double mass);

        /** @return the lowest thrust the braking considers (its raise 0), N, at a mass */
        double brakingThrust(double mass);

        /** @return the propellant flow at the braking thrust, kg/s, at a mass (in proportion to thrust) */
        double brakingFlow(double mass);

        /** @return the landing engines' full thrust (the raise 1), N */
        double fullThrust();

        /** @return the stage with no propellant, kg */
        double emptyMass();

        /** @return gravity, m/s² (down) */
        double gravity();

        /**
         * @return the force across the body, m/s² [up, east, north], on a body held along the retrograde over the
         *         ground while the air moves past it at an angle (a wind): its normal force at that incidence, pushing
         *         downwind; none in still air
         */
        default double[] crossflow(double height, double[] velocity, double mass) {
            return new double[3];
        }

        /**
         * @return the air's force across a body held upright (its axis the local vertical) in the wind, m/s² [up, east,
         *         north]: what the vertical descent leans against; none in still air
         */
        default double[] uprightPush(double height, double[] velocity, double mass) {
            return new double[3];
        }

        /**
         * @return how long the engines' thrust build-up delays the braking once lit, s: the time at full thrust its
         *         impulse is worth less than the transient's length (half of it for a build-up whose mean is half)
         */
        default double ignitionLagS() {
            return 0;
        }
    }

    /**
     * Where a braking ends.
     *
     * @param east    m from the landing point
     * @param north   m
     * @param heightM where it stopped, m; where it reaches the ground still moving, the (negative) height below the
     *                ground it would have stopped at, decelerating as it then does (so that it is smooth in the thrust)
     * @param speedMS left at the ground, m/s (0 when it stopped above it)
     * @param raise   the thrust flown, as a share of the way from the braking thrust to full
     */
    public record Stop(double east, double north, double heightM, double speedMS, double raise) {
    }

    private final Stage stage;

    /** @param stage the stage as the flight software knows it */
    public RetrogradeBraking(Stage stage) {
        this.stage = stage;
    }

    /**
     * @param local [up, east, north, v_up, v_east, v_north] relative to the landing point and the ground
     * @param mass  kg
     * @param raise the thrust as a share of the way from the braking thrust to full
     * @return where the braking lit now at that thrust ends
     */
    public Stop at(double[] local, double mass, double raise) {
        return brake(state(local, mass), raise);
    }

    /**
     * @param local [up, east, north, v_up, v_east, v_north]
     * @param mass  kg
     * @param raise the thrust as a share of the way from the braking thrust to full
     * @return where the braking ends that is lit now, its thrust building up over the stage's ignition lag
     */
    public Stop lit(double[] local, double mass, double raise) {
        return brake(afterLag(state(local, mass)), raise);
    }

    /** @return the state {r, v, m} after the stage's ignition lag, falling (the state when there is none) */
    double[] afterLag(double[] x) {
        double lag = stage.ignitionLagS();
        if (!(lag > 0)) {
            return x;
        }
        double[] y = rk4(x, lag, fall(stage, x), z -> fall(stage, z));
        return y[0] < 0 ? ground(x, y) : y;
    }

    /**
     * @param local [up, east, north, v_up, v_east, v_north]
     * @param mass  kg
     * @return the braking lit now that stops at the ground: at the braking thrust when that already stops above it,
     *         at full thrust when even that does not stop it, else at the thrust between found by regula falsi
     */
    public Stop toTheGround(double[] local, double mass) {
        return stopAtTheGround(state(local, mass), STOP_TOLERANCE_M);
    }

    /**
     * @param local     [up, east, north, v_up, v_east, v_north]
     * @param mass      kg
     * @param tolerance how near the ground the stop must come, m
     * @return {@link #toTheGround(double[], double)} to that tolerance
     */
    public Stop toTheGround(double[] local, double mass, double tolerance) {
        return stopAtTheGround(state(local, mass), tolerance);
    }

    Stop stopAtTheGround(double[] x, double tolerance) {
        return stopAtTheGround(x, tolerance, Double.NaN);
    }

    /**
     * @param guess a raise near the answer (the last one found, say; NaN: none): the bracket is sought from it outwards
     *              by {@link #BRACKET} (the stop's height grows with the thrust), which takes two or three brakings
     *              where the whole range takes six to eight
     */
    Stop stopAtTheGround(double[] x, double tolerance, double guess) {
        double lo = 0;
        double hi = 1;
        Stop low;
        Stop full;
        if (Double.isNaN(guess)) {
            low = brake(x, 0);
            if (low.heightM() >= -tolerance) {
                return low;
            }
            full = brake(x, 1);
        } else {
            Stop at = brake(x, Math.max(0, Math.min(1, guess)));
            if (Math.abs(at.heightM()) <= tolerance) {
                return at;
            }
            // outwards from the guess until the stop's height changes sign, or the range ends
            boolean below = at.heightM() < 0;
            Stop other = at;
            double r = at.raise();
            for (double step = BRACKET; (other.heightM() < 0) == below; step *= 2) {
                if (below ? r >= 1 : r <= 0) {
                    // full thrust does not stop it, or the floor already stops it above the ground
                    return other;
                }
                at = other;
                r = below ? Math.min(1, r + step) : Math.max(0, r - step);
                other = brake(x, r);
                if (Math.abs(other.heightM()) <= tolerance) {
                    return other;
                }
            }
            low = below ? at : other;
            full = below ? other : at;
            lo = low.raise();
            hi = full.raise();
        }
        Stop end = full;
        double sLo = low.heightM();
        double sHi = full.heightM();
        // the Illinois variant of regula falsi (Dowell and Jarratt, BIT 11, 1971): an end kept twice has its value
        // halved, so that the stop's height, convex in the thrust, does not hold one end still
        int kept = 0;
        for (int i = 0; i < ITERATIONS && sHi > 0 && Math.abs(end.heightM()) > tolerance; i++) {
            double r = lo + (hi - lo) * -sLo / (sHi - sLo);
            end = brake(x, r);
            if (end.heightM() >= 0) {
                hi = r;
                sHi = end.heightM();
                sLo = kept < 0 ? sLo / 2 : sLo;
                kept = Math.min(kept, 0) - 1;
            } else {
                lo = r;
                sLo = end.heightM();
                sHi = kept > 0 ? sHi / 2 : sHi;
                kept = Math.max(kept, 0) + 1;
            }
        }
        return end;
    }

    private static double[] state(double[] local, double mass) {
        return new double[] {local[0], local[1], local[2], local[3], local[4], local[5], mass};
    }

    private Stop brake(double[] from, double raise) {
        double[] x = from;
        double t = 0;
        while (x[0] > 0 && x[3] < 0 && t < HORIZON) {
            double speed = Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]);
            double[] k = rate(x, raise);
            double along = -(k[3] * x[3] + k[4] * x[4] + k[5] * x[5]) / speed;
            if (along > 0 && speed <= along * STEP) {
                // stops within the step (where a Runge-Kutta stage would see the velocity reversed, and the thrust
                // with it): the rest of the stop at the deceleration now, the velocity falling linearly to zero
                double tau = speed / along;
                return new Stop(x[1] + x[4] * tau / 2, x[2] + x[5] * tau / 2, x[0] + x[3] * tau / 2, 0, raise);
            }
            double[] y = rk4(x, STEP, k, z -> rate(z, raise));
            y[6] = Math.max(stage.emptyMass(), y[6]);
            if (y[0] < 0) {
                x = ground(x, y);
                break;
            }
            x = y;
            t += STEP;
        }
        double speed = Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]);
        if (x[0] > 0) {
            return new Stop(x[1], x[2], x[0], 0, raise);
        }
        double decel = Math.max(1e-3, rate(x, raise)[3]);
        return new Stop(x[1], x[2], -x[3] * x[3] / (2 * decel), speed, raise);
    }

    /**
     * d/dt of {r, v, m} falling with the engines off: gravity and the stage's drag (the fins' steering, where there is
     * any, adds to it).
     */
    static double[] fall(Stage stage, double[] x) {
        double[] d = stage.drag(Math.max(0, x[0]), new double[] {x[3], x[4], x[5]}, x[6]);
        return new double[] {x[3], x[4], x[5], d[0] - stage.gravity(), d[1], d[2], 0};
    }

    /**
     * One classical Runge-Kutta step.
     *
     * @param x    the state
     * @param h    the step, s
     * @param k1   the rate at x (already evaluated by the caller)
     * @param rate the rate at a state
     * @return the state after the step
     */
    static double[] rk4(double[] x, double h, double[] k1, UnaryOperator<double[]> rate) {
        double[] k2 = rate.apply(add(x, k1, h / 2));
        double[] k3 = rate.apply(add(x, k2, h / 2));
        double[] k4 = rate.apply(add(x, k3, h));
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    private static double[] add(double[] x, double[] k, double h) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + h * k[i];
        }
        return out;
    }

    /** The state where a step crosses the ground, linear between its ends in height (the step's end when it does not). */
    static double[] ground(double[] x, double[] y) {
        double f = x[0] > 0 ? x[0] / (x[0] - y[0]) : 1;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + f * (y[i] - x[i]);
        }
        out[0] = 0;
        return out;
    }

    /** d/dt of {r, v, m}: gravity, drag and the thrust against the velocity (none once the propellant is gone). */
    private double[] rate(double[] x, double raise) {
        double[] v = {x[3], x[4], x[5]};
        double m = Math.max(stage.emptyMass(), x[6]);
        double[] d = stage.drag(Math.max(0, x[0]), v, m);
        double[] side = stage.crossflow(Math.max(0, x[0]), v, m);
        double[] a = {d[0] + side[0] - stage.gravity(), d[1] + side[1], d[2] + side[2]};
        double flow = 0;
        double speed = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (speed > 0 && x[6] > stage.emptyMass()) {
            double low = stage.brakingThrust(m);
            double force = low + raise * (stage.fullThrust() - low);
            for (int i = 0; i < 3; i++) {
                a[i] -= force / m * v[i] / speed;
            }
            flow = stage.brakingFlow(m) * force / low;
        }
        return new double[] {v[0], v[1], v[2], a[0], a[1], a[2], -flow};
    }
}
