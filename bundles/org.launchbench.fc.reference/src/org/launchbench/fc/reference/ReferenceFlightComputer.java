package org.launchbench.fc.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.Packet;
import org.launchbench.recovery.descent.LandingGuidance;

/**
 * The reference flight computer: flies the landing burn with the recovery's guidance ({@link LandingGuidance}) from
 * the sensor packets it receives, and answers every cycle with an engine command stamped with the cycle's time.
 * <p>
 * It waits for the {@code vehicle} packet (the stage's parameters) before it commands anything. It lights the engines
 * at the first cycle it can answer. Each cycle then runs on the link's receiving thread in microseconds:
 * <ul>
 * <li>the plan in force gives the thrust acceleration; the throttle is the one the engines need for it at the
 * mass now (dry mass plus the propellant reported);</li>
 * <li>before the first plan, and once no plan is feasible, full thrust against the velocity, or along the last
 * plan;</li>
 * <li>after the plan's end, the settle law holds a slow descent onto the pad, and the engines are cut off once the
 * stage has stopped.</li>
 * </ul>
 * Navigation propagates the state with the IMU and corrects it toward the GNSS fix and the altimeter (a
 * complementary filter, see {@link #navigate}). Re-solves run on a worker thread at the configured rate (4 Hz at
 * least in the last seconds), from that state and the drag the IMU measures (its specific force minus the thrust
 * commanded). A cycle never waits for a solve.
 * A packet time more than {@value #NEW_SESSION_S} s earlier than the latest seen starts a new session: the guidance
 * starts again. A new plant starts its clock at 0, while a link's jitter reorders packets of different APIDs by
 * milliseconds (the link drops an APID's own late packets), so a smaller step back is not a new plant.
 */
public final class ReferenceFlightComputer implements AutoCloseable {

    /** A step back in packet time beyond this is a new plant's session, s. */
    static final double NEW_SESSION_S = 0.25;
    /** Time constant of the navigation's pull toward the GNSS position, s. */
    static final double POSITION_TAU = 1;
    /** Toward the GNSS velocity, s. */
    static final double VELOCITY_TAU = 0.5;
    /** Of the height toward the altimeter, s. */
    static final double HEIGHT_TAU = 0.5;

    private final FlightComputerLink link;
    private final int nodes;
    private final double rate;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fc-sim guidance");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean solving = new AtomicBoolean();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final FlightComputerLink.Subscription subscription;

    // the session's state: touched by the receiving thread, the published guidance by the worker
    private Map<String, Double> vehicle;
    private double[] imu;
    private double[] gnss;
    private double altimeter = Double.NaN;
    /** The navigation's state {up, east, north, v_up, v_east, v_north}, null until the first GNSS fix. */
    private double[] nav;
    private double navTime;
    private double propellant = Double.NaN;
    /** The engines' net thrust as their controller reports it (engine-state), N; whether they burn, since when. */
    private double thrust;
    private boolean lit;
    private double litSince = Double.NaN;
    /** The throttle last commanded, under which the reported thrust was produced. */
    private double lastThrottle = Double.NaN;
    /** The engines' thrust over their model's, as measured once they have burnt a second (1 until then). */
    private double thrustFactor = 1;
    private double lastTime = Double.NEGATIVE_INFINITY;
    private double[] commandedAcceleration = new double[3];
    private boolean cutoff;
    private volatile Session session;

    /** One burn's guidance and what it has published. */
    private static final class Session {
        final LandingGuidance guidance;
        volatile LandingGuidance.Plan plan;
        volatile LandingGuidance.Plan last;
        volatile double nextSolve = Double.NEGATIVE_INFINITY;

        Session(LandingGuidance guidance) {
            this.guidance = guidance;
        }
    }

    /**
     * Starts answering on an open link.
     *
     * @param link  the link the plant speaks on (its listening end)
     * @param nodes intervals of the first plan
     * @param rate  re-solves a second
     */
    public ReferenceFlightComputer(FlightComputerLink link, int nodes, double rate) {
        this.link = link;
        this.nodes = nodes;
        this.rate = rate;
        this.subscription = link.subscribe(this::receive);
    }

    /** @return sessions started (a plant that starts again at time 0 is a new one) */
    public long sessions() {
        return sessions.get();
    }

    /** @return engine commands sent */
    public long commands() {
        return commands.get();
    }

    private void receive(Packet p) {
        if (p.time() < lastTime - NEW_SESSION_S) {
            reset();
            lastTime = p.time();
        }
        lastTime = Math.max(lastTime, p.time());
        switch (p.definition().name()) {
            case "vehicle" -> {
                if (vehicle == null) {
                    vehicle = Map.copyOf(p.values());
                    sessions.incrementAndGet();
                    double tilt = vehicle.get("max_tilt");
                    session = new Session(new LandingGuidance(new LandingGuidance.Config(vehicle.get("dry_mass"),
                        vehicle.get("propellant_margin"), vehicle.get("isp"), tilt > 0 ? tilt : Double.NaN, nodes, rate)));
                }
            }
            case "imu" -> imu = new double[] {p.value("az"), p.value("ax"), p.value("ay")};
            case "gnss" -> gnss = new double[] {p.value("z"), p.value("x"), p.value("y"), p.value("vz"), p.value("vx"), p.value("vy")};
            case "altimeter" -> altimeter = p.value("valid") != 0 ? p.value("height") : Double.NaN;
            case "engine-state" -> {
                propellant = p.value("propellant");
                thrust = p.value("thrust");
                lit = p.value("lit") != 0;
                if (lit && Double.isNaN(litSince)) {
                    litSince = p.time();
                }
                cycle(p.time());
            }
            default -> {
                // packets this computer does not use
            }
        }
    }

    private void reset() {
        vehicle = null;
        imu = null;
        gnss = null;
        altimeter = Double.NaN;
        nav = null;
        propellant = Double.NaN;
        lit = false;
        litSince = Double.NaN;
        lastThrottle = Double.NaN;
        thrustFactor = 1;
        commandedAcceleration = new double[3];
        cutoff = false;
        session = null;
    }

    /** One cycle: the command for the sensors of time t (engine-state closes a cycle's packets). */
    private void cycle(double t) {
        Session s = session;
        if (s == null || gnss == null || imu == null || Double.isNaN(propellant)) {
            return;
        }
        Map<String, Double> v = vehicle;
        double m = v.get("dry_mass") + propellant;
        double g = v.get("gravity");
        double thrustMax = v.get("thrust_max");
        double thrustMin = v.get("thrust_min");
        double throttleMin = v.get("throttle_min");
        double throttleMax = v.get("throttle_max");
        // net thrust = throttle × vacuum thrust - back-pressure term: both from the two ends of the range
        double nominalVacuum = (thrustMax - thrustMin) / (1 - throttleMin);
        double back = nominalVacuum - thrustMax;
        // thrust as the computer knows it: the model's, until a second of burning has let it measure the engines
        // (then their real thrust, failures included), as the simulation's guidance assumes
        if (lit && t - litSince >= 1 && lastThrottle > 0 && !cutoff) {
            thrustFactor = Math.max(0, (thrust + back) / (lastThrottle * nominalVacuum));
        }
        double vacuum = thrustFactor * nominalVacuum;
        double knownMax = vacuum - back;
        double knownMin = Math.max(0, throttleMin * vacuum - back);
        navigate(t, g);
        double[] r = {nav[0], nav[1], nav[2]};
        double[] vel = {nav[3], nav[4], nav[5]};
        double[] drag = {imu[0] - commandedAcceleration[0], imu[1] - commandedAcceleration[1], imu[2] - commandedAcceleration[2]};
        if (t >= s.nextSolve - 1e-9 && solving.compareAndSet(false, true)) {
            LandingGuidance.Plan inForce = s.plan;
            if (inForce == null || inForce.end() - t > LandingGuidance.FINAL_WINDOW) {
                double share = LandingGuidance.DRAG_SHARE;
                double[] gravity = {-g + drag[0] / share, drag[1] / share, drag[2] / share};
                worker.execute(() -> {
                    try {
                        s.guidance.update(t, r, vel, m, knownMin, knownMax, gravity);
                        s.plan = s.guidance.plan();
                        s.last = s.guidance.last();
                        s.nextSolve = s.guidance.nextSolve();
                    } finally {
                        solving.set(false);
                    }
                });
            } else {
                solving.set(false);
            }
        }
        LandingGuidance.Plan plan = s.plan;
        LandingGuidance.Plan last = s.last;
        double[] a;
        double throttle;
        if (plan != null && t < plan.end()) {
            a = plan.acceleration(t);
            throttle = (norm(a) * m + back) / vacuum;
        } else if (plan != null) {
            a = new double[] {LandingGuidance.settleAcceleration(vel[0], g), 0, 0};
            throttle = (a[0] * m + back) / vacuum;
            if (s.guidance.finished(t, vel[0])) {
                cutoff = true;
            }
        } else if (last != null) {
            a = last.acceleration(t);
            throttle = throttleMax;
        } else {
            double speed = norm(vel);
            a = speed < 1e-3 ? new double[] {1, 0, 0} : new double[] {-vel[0] / speed, -vel[1] / speed, -vel[2] / speed};
            throttle = throttleMax;
        }
        throttle = Math.max(throttleMin, Math.min(throttleMax, Double.isFinite(throttle) ? throttle : throttleMax));
        lastThrottle = throttle;
        double n = norm(a);
        double[] u = n > 0 ? new double[] {a[0] / n, a[1] / n, a[2] / n} : new double[] {1, 0, 0};
        double net = cutoff ? 0 : Math.max(0, throttle * vacuum - back) / m;
        commandedAcceleration = new double[] {net * u[0], net * u[1], net * u[2]};
        Map<String, Double> command = new LinkedHashMap<>();
        command.put("ignite", 1.0);
        command.put("cutoff", cutoff ? 1.0 : 0.0);
        command.put("throttle", throttle);
        command.put("gimbal_pitch", Math.atan2(u[2], u[0]));
        command.put("gimbal_yaw", Math.asin(Math.max(-1, Math.min(1, u[1]))));
        link.send("engine-command", command, t);
        commands.incrementAndGet();
    }

    /**
     * Navigation: the state propagated with the IMU (specific force plus gravity) and pulled toward the GNSS fix, and
     * the height toward the altimeter, with constant gains of time constants {@link #POSITION_TAU},
     * {@link #VELOCITY_TAU} and {@link #HEIGHT_TAU} (a complementary filter: the IMU's short-term accuracy, the fixes'
     * long-term; white noise of σ on a fix comes out near σ √(dt / 2τ)).
     */
    private void navigate(double t, double g) {
        if (nav == null) {
            nav = gnss.clone();
            navTime = t;
            return;
        }
        double dt = Math.max(0, t - navTime);
        navTime = t;
        double[] a = {imu[0] - g, imu[1], imu[2]};
        for (int i = 0; i < 3; i++) {
            nav[i] += nav[i + 3] * dt + 0.5 * a[i] * dt * dt;
            nav[i + 3] += a[i] * dt;
        }
        double kp = Math.min(1, dt / POSITION_TAU);
        double kv = Math.min(1, dt / VELOCITY_TAU);
        for (int i = 0; i < 3; i++) {
            nav[i] += kp * (gnss[i] - nav[i]);
            nav[i + 3] += kv * (gnss[i + 3] - nav[i + 3]);
        }
        if (!Double.isNaN(altimeter)) {
            nav[0] += Math.min(1, dt / HEIGHT_TAU) * (altimeter - nav[0]);
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }

    /** Stops answering (the link stays the caller's). */
    @Override
    public void close() {
        subscription.cancel();
        worker.shutdownNow();
    }
}
