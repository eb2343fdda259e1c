package org.launchbench.recovery.descent;

/**
 * The landing burn flown from the navigated state as a body flying engines first can fly it:
 * <ul>
 * <li><b>ignition</b> when a braking along the retrograde at a thrust halfway through the throttle range would stop at
 * the ground ({@link #light}), so that the braking has thrust in hand both ways for what its prediction missed (drag,
 * thrust, the estimate's errors);</li>
 * <li><b>braking</b> along the retrograde at the thrust that stops at the ground ({@link RetrogradeBraking}, re-solved
 * at {@link #RATE_HZ}, {@link #FINAL_RATE_HZ} in the last {@link #FINAL_S} s), tilted off it by at most
 * {@link #MAX_TILT_DEG} to move the predicted rest point onto the landing point;</li>
 * <li><b>vertical descent</b> below {@link #DESCENT_BELOW_M_S}: the thrust near the vertical, meeting the ground at
 * {@link #TOUCHDOWN_M_S}, leaning back towards the point, upright in the last {@link #UPRIGHT_S} s.</li>
 * </ul>
 * The phases of a lunar descent's braking and terminal descent (Klumpp, "Apollo lunar descent guidance", Automatica
 * 10(2), 1974), with the retrograde held because a body in thick air cannot hold its thrust far from it: a fuel-optimal
 * plan that ignores this points its thrust where the body cannot ({@code docs/gnc.md}).
 * <p>
 * The tilt's sign: tilting the body tilts its thrust one way and meets the air at incidence, whose normal force
 * pushes the other way. The lateral acceleration per radian of tilt is T/m − q S C_Nα / m (Jorgensen's slender-body
 * normal force at small incidence), negative in the thick air of a fast burn's start; the guidance tilts by the
 * acceleration wanted over that, and not at all where it is within {@link #LEAST_AUTHORITY} of zero. Vectors are [up,
 * east, north] relative to the landing point. Not thread-safe: one instance per burn.
 */
public final class BrakingGuidance {

    /** The thrust the ignition assumes: this share of the way from the throttle's floor to full. */
    public static final double IGNITION_RAISE = 0.5;
    /** Re-solves of the braking's thrust and tilt a second. */
    public static final double RATE_HZ = 2;
    /** The braking's last seconds, re-solved at {@link #FINAL_RATE_HZ}, s. */
    public static final double FINAL_S = 5;
    /** Re-solves a second in the last seconds. */
    public static final double FINAL_RATE_HZ = 10;
    /** The least tolerance the stop is solved to, m: 1 % of the height above, between this and 2 m. */
    public static final double FINAL_TOLERANCE_M = 0.05;
    /**
     * Below this speed the braking ends in a vertical descent: the thrust near the vertical, its vertical part the
     * constant deceleration that stops at the ground, its horizontal part taking out the horizontal offset and
     * velocity by then (a retrograde thrust would swing with the slow velocity's direction), m/s. At 50 m/s 4 to 5 s
     * remain, time for the tilt to take out several m/s sideways before the upright seconds (a later start leaves a
     * stage that came in sideways too fast across for the legs: docs/gnc.md).
     */
    public static final double DESCENT_BELOW_M_S = 50;
    /**
     * The vertical descent's largest tilt, deg: in a strong wind the braking ends with the stage carried sideways (some
     * 10 m/s across at 50 m/s down in a 15 m/s wind), which the descent's 4 to 5 s must take out (docs/gnc.md).
     */
    public static final double DESCENT_TILT_DEG = 15;
    /**
     * The last seconds of the descent, s: the feedback comes upright for the legs (the lean that holds off the air's
     * push stays). Of a descent of 4 to 5 s from 50 m/s, enough left at the full tilt to take out what a strong wind
     * gave the stage sideways (docs/gnc.md).
     */
    public static final double UPRIGHT_S = 2;
    /** The largest tilt then, deg. */
    public static final double UPRIGHT_TILT_DEG = 3;
    /** The largest horizontal velocity the descent asks for to take out an offset, m/s. */
    public static final double DRIFT_M_S = 3;
    /** The time constant of the descent's horizontal velocity, s. */
    public static final double VELOCITY_TIME_S = 1.5;
    /** The vertical speed the descent meets the ground at, m/s (Falcon 9's legs take 6). */
    public static final double TOUCHDOWN_M_S = 1;
    /** The largest tilt off the retrograde, deg. */
    public static final double MAX_TILT_DEG = 8;
    /**
     * The tilt's gain on the rest point's miss over the time left squared: 3, the zero-effort-miss law's (Zarchan,
     * Tactical and Strategic Missile Guidance, ch. 8): twice what a constant acceleration over the time left needs,
     * as the miss it leaves is re-solved.
     */
    public static final double ZEM_GAIN = 3;
    /** The step of the rule's scan of the fall ahead, s. */
    static final double SCAN_STEP_S = 2;
    /**
     * The longest fall ahead the rule scans, s: from an entry burn's cut-off (Falcon 9's at 54 km) the descent's peak
     * dynamic pressure is about a minute below, and the air's braking lasts beyond it.
     */
    static final double SCAN_S = 120;
    /** Lateral acceleration per radian below which the tilt is not used, m/s². */
    public static final double LEAST_AUTHORITY = 2;

    /** The body's normal force the tilt meets: q S C_Nα, N per rad, at a height and speed. */
    @FunctionalInterface
    public interface NormalForce {
        /** @return the normal force's slope, N/rad */
        double perRadian(double height, double speed);
    }

    /**
     * The lateral acceleration a tilt off the retrograde gives, per radian, as the trimmed stage gives it (the flight
     * software's model of its own stage).
     */
    @FunctionalInterface
    public interface TiltAuthority {
        /**
         * @param local     [up, east, north, v_up, v_east, v_north] (navigated)
         * @param mass      kg
         * @param thrustN   the braking's thrust, N
         * @param direction the tilt's direction, a unit vector across the velocity, [up, east, north]
         * @return the acceleration along that direction per radian of tilt toward it, m/s²
         */
        double perRadian(double[] local, double mass, double thrustN, double[] direction);
    }

    private final RetrogradeBraking.Stage stage;
    private final RetrogradeBraking braking;
    private final NormalForce normal;
    private final TiltAuthority authority;
    private double raise = IGNITION_RAISE;
    /** The height of the later window the rule's last scan found, m (infinity: none). */
    private double windowM = Double.POSITIVE_INFINITY;
    private double[] tilt = new double[3];
    private double next = Double.NEGATIVE_INFINITY;
    private int solves;

    /**
     * @param stage  the stage as the flight software knows it (its braking thrust is the throttle's floor)
     * @param normal the body's normal force, as its aerodynamic model gives it
     */
    public BrakingGuidance(RetrogradeBraking.Stage stage, NormalForce normal) {
        this(stage, normal, null);
    }

    /**
     * @param stage     the stage as the flight software knows it
     * @param normal    the body's normal force, as its aerodynamic model gives it
     * @param authority the tilt's lateral acceleration per radian (null: the thrust less the normal-force slope,
     *                  T/m − q S C_Nα / m)
     */
    public BrakingGuidance(RetrogradeBraking.Stage stage, NormalForce normal, TiltAuthority authority) {
        this.stage = stage;
        this.braking = new RetrogradeBraking(stage);
        this.normal = normal;
        this.authority = authority;
    }

    /**
     * @param local [up, east, north, v_up, v_east, v_north] (navigated)
     * @param mass  kg
     * @return whether to light now: a braking at {@link #IGNITION_RAISE} would stop at or below the ground
     */
    public boolean light(double[] local, double mass) {
        return local[3] < 0 && ignitionExcess(local, mass) >= 0;
    }

    /**
     * How far below the height where a braking at {@link #IGNITION_RAISE} would stop at the ground the stage is, m
     * (≥ 0: light). Far above, a cheap bound with the same sign stands in (without drag and straight down the stop is
     * longer); engines that cannot out-brake gravity are never lit by this rule.
     *
     * @param local [up, east, north, v_up, v_east, v_north]
     * @param mass  kg
     * @return m
     */
    public double ignitionExcess(double[] local, double mass) {
        double speed = Math.sqrt(local[3] * local[3] + local[4] * local[4] + local[5] * local[5]);
        double m = Math.max(stage.emptyMass(), mass);
        double low = stage.brakingThrust(m);
        double decel = (low + IGNITION_RAISE * (stage.fullThrust() - low)) / m - stage.gravity();
        if (decel <= 0) {
            return -Math.max(1, local[0]);
        }
        double bound = speed * speed / (2 * decel);
        if (local[3] >= 0 || local[0] > bound + 1) {
            return -Math.max(1, local[0] - bound);
        }
        double excess = -braking.lit(local, mass, IGNITION_RAISE).heightM();
        if (excess >= 0 && laterWindow(local, mass)) {
            // the air will brake the stage for free: lit later, the braking would still stop it
            return -Math.max(1, local[0]);
        }
        return excess;
    }

    /** The rule's excess without the wait, m: a braking at the ignition raise from the state. */
    private double excess(double[] local, double mass) {
        return -braking.lit(local, mass, IGNITION_RAISE).heightM();
    }

    /**
     * Whether the unpowered fall reaches a point from which the braking would still stop the stage above the ground:
     * lit now it would not, yet it need not be lit now. High up, where the stage falls into ever denser air at several
     * times the speed of sound, a braking lit at once could not stop it, but the air will slow it for free to near its
     * terminal speed; near the ground the fall only shortens the room to stop, and the scan runs out at the ground
     * (a rule without this lights a stage handed over high at once, and it runs out of propellant: docs/gnc.md). Scanned in
     * {@link #SCAN_STEP_S} s steps of classical Runge-Kutta for at most {@link #SCAN_S} s.
     */
    private boolean laterWindow(double[] local, double mass) {
        if (local[0] > windowM) {
            // above the window the last scan found: the fall reaches it (the predictions' falls differ by their shares,
            // which move it by metres), so the scan is not repeated at every step of the band
            return true;
        }
        double[] x = {local[0], local[1], local[2], local[3], local[4], local[5], mass};
        for (double t = 0; t < SCAN_S; t += SCAN_STEP_S) {
            x = RetrogradeBraking.rk4(x, SCAN_STEP_S, RetrogradeBraking.fall(stage, x), z -> RetrogradeBraking.fall(stage, z));
            if (x[0] <= 0 || x[3] >= 0) {
                break;
            }
            if (excess(x, mass) < 0) {
                windowM = x[0];
                return true;
            }
        }
        windowM = Double.POSITIVE_INFINITY;
        return false;
    }

    /**
     * @param t     now, s
     * @param local [up, east, north, v_up, v_east, v_north] (navigated)
     * @param mass  kg
     * @return the thrust acceleration [up, east, north], m/s²
     */
    public double[] thrust(double t, double[] local, double mass) {
        double[] v = {local[3], local[4], local[5]};
        double speed = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (speed < DESCENT_BELOW_M_S) {
            return descent(local, mass);
        }
        double low = stage.brakingThrust(mass);
        // the braking's time left at a constant deceleration, s
        double left = 2 * local[0] / Math.max(1, -local[3]);
        if (t >= next - 1e-9) {
            next = t + 1 / (left < FINAL_S ? FINAL_RATE_HZ : RATE_HZ);
            solves++;
            RetrogradeBraking.Stop stop = braking.toTheGround(local, mass, Math.max(FINAL_TOLERANCE_M,
                Math.min(RetrogradeBraking.STOP_TOLERANCE_M, 0.01 * local[0])));
            raise = stop.raise();
            tilt = tiltFor(local, mass, speed, left, low + raise * (stage.fullThrust() - low), stop);
        }
        double accel = (low + raise * (stage.fullThrust() - low)) / mass;
        // along the retrograde, tilted: the unit thrust direction is -v̂ cos φ + t̂ sin φ, with tilt = t̂ sin φ
        double sin = Math.sqrt(tilt[0] * tilt[0] + tilt[1] * tilt[1] + tilt[2] * tilt[2]);
        double cos = Math.sqrt(Math.max(0, 1 - sin * sin));
        double[] a = new double[3];
        for (int i = 0; i < 3; i++) {
            a[i] = accel * (-v[i] / speed * cos + tilt[i]);
        }
        return a;
    }

    /**
     * The tilt that moves the rest point onto the landing point over the time the braking has left: the miss across
     * the velocity by the zero-effort-miss law (a = {@link #ZEM_GAIN} Δ / τ²), over the lateral acceleration per
     * radian, at most {@link #MAX_TILT_DEG}.
     *
     * @param left the braking's time left, s
     * @return the tilt, sin φ along its direction [up, east, north]
     */
    private double[] tiltFor(double[] local, double mass, double speed, double left, double force, RetrogradeBraking.Stop stop) {
        if (speed == 0) {
            return new double[3];
        }
        double[] u = {local[3] / speed, local[4] / speed, local[5] / speed};
        // the rest point's miss, across the velocity (the along-track part lies in the lift plane too)
        double[] miss = {0, stop.east(), stop.north()};
        double along = miss[1] * u[1] + miss[2] * u[2];
        double[] across = {-along * u[0], miss[1] - along * u[1], miss[2] - along * u[2]};
        double size0 = Math.sqrt(across[0] * across[0] + across[1] * across[1] + across[2] * across[2]);
        double perRadian = authority == null || size0 == 0 ? force / mass - normal.perRadian(local[0], speed) / mass
            : authority.perRadian(local, mass, force, new double[] {-across[0] / size0, -across[1] / size0, -across[2] / size0});
        if (Math.abs(perRadian) < LEAST_AUTHORITY) {
            return new double[3];
        }
        double most = Math.sin(Math.toRadians(MAX_TILT_DEG));
        double[] out = new double[3];
        double size = 0;
        for (int i = 0; i < 3; i++) {
            out[i] = -ZEM_GAIN * across[i] / (left * left) / perRadian;
            size += out[i] * out[i];
        }
        size = Math.sqrt(size);
        if (size > most) {
            for (int i = 0; i < 3; i++) {
                out[i] *= most / size;
            }
        }
        return out;
    }

    /**
     * The vertical descent's thrust acceleration: up, the constant deceleration that meets the ground at
     * {@link #TOUCHDOWN_M_S} ((v² − v_td²)/2h + g); across, a cascade taking the horizontal velocity in
     * {@link #VELOCITY_TIME_S} to one that takes out the offset (at most {@link #DRIFT_M_S}; none in the last
     * {@link #UPRIGHT_S} s), held within {@link #DESCENT_TILT_DEG} of the vertical ({@link #UPRIGHT_TILT_DEG} at the
     * end); on top of it, the lean that holds off the air's push across the upright body
     * ({@link RetrogradeBraking.Stage#uprightPush}), within {@link #DESCENT_TILT_DEG} in all.
     */
    private double[] descent(double[] local, double mass) {
        double h = Math.max(0.1, local[0]);
        double down = Math.max(0.1, -local[3]);
        // the constant deceleration that meets the ground at the touchdown speed (a stage that cannot hover, stopped
        // above the ground, would drop the rest)
        double up = Math.max(0, down * down - TOUCHDOWN_M_S * TOUCHDOWN_M_S) / (2 * h) + stage.gravity();
        double tau = Math.max(0.5, 2 * h / (down + TOUCHDOWN_M_S));
        boolean last = tau < UPRIGHT_S;
        // a cascade: the offset asks for a horizontal velocity back towards the point (at most DRIFT_M_S, none in the
        // last seconds), and the tilt takes the velocity to it in VELOCITY_TIME_S
        double scale = Math.max(UPRIGHT_S, tau);
        double wantEast = last ? 0 : -local[1] / scale;
        double wantNorth = last ? 0 : -local[2] / scale;
        double want = Math.hypot(wantEast, wantNorth);
        // a drift the tilt can still take out, at half its authority, before the upright seconds: the legs take little
        // sideways speed (Falcon 9's 2 m/s)
        double drift = Math.min(DRIFT_M_S, 0.5 * up * Math.tan(Math.toRadians(DESCENT_TILT_DEG)) * Math.max(0, tau - UPRIGHT_S));
        if (want > drift) {
            wantEast *= drift / want;
            wantNorth *= drift / want;
        }
        double east = (wantEast - local[4]) / VELOCITY_TIME_S;
        double north = (wantNorth - local[5]) / VELOCITY_TIME_S;
        double across = Math.hypot(east, north);
        double most = up * Math.tan(Math.toRadians(last ? UPRIGHT_TILT_DEG : DESCENT_TILT_DEG));
        if (across > most) {
            east *= most / across;
            north *= most / across;
        }
        // the air's push across the upright body held off by leaning into it, on top of the feedback: left to the
        // velocity loop alone it drifts the stage downwind at the push times the loop's time constant, and the upright
        // seconds could not hold it at all
        double[] push = stage.uprightPush(h, new double[] {local[3], local[4], local[5]}, mass);
        east -= push[1];
        north -= push[2];
        double lean = Math.hypot(east, north);
        double leanMost = up * Math.tan(Math.toRadians(DESCENT_TILT_DEG));
        if (lean > leanMost) {
            east *= leanMost / lean;
            north *= leanMost / lean;
        }
        return new double[] {up, east, north};
    }

    /** @return the braking's tilt off the retrograde in force, rad */
    public double tiltRad() {
        return Math.asin(Math.min(1, Math.sqrt(tilt[0] * tilt[0] + tilt[1] * tilt[1] + tilt[2] * tilt[2])));
    }

    /** @return the braking's re-solves so far */
    public int solves() {
        return solves;
    }
}
