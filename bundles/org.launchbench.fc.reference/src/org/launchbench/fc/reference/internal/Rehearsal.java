package org.launchbench.fc.reference.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.LinkProvider;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.reference.ReferenceFlightComputer;

/**
 * A landing burn flown through the reference computer in this process before it serves anyone: two links of the
 * computer's own protocol and dictionary on a loopback UDP port, the computer at one end, and a point-mass stage at
 * the other, stepped as fast as the computer answers (no real-time pacing).
 * <p>
 * Why: its code (the codec, the receiver, each cycle, the navigation and the guidance's solver) is compiled by the
 * JIT while it flies, and in the first real session at 1 kHz that compiling took a core from the bench's loop: the
 * round trip's p99 was 3.0 ms in a first session against 0.7 ms in the sessions after it (docs/benchmarks.md). The
 * stage is generic, a Falcon 9-like core on one engine lit 2 km up at 220 m/s: what matters is that every path the
 * computer takes in a landing is taken.
 */
final class Rehearsal {

    /** Simulated seconds flown (about 10,000 cycles of 1 ms). */
    private static final double SECONDS = 10;
    private static final double DT = 0.001;
    private static final double G = 9.81;
    private static final double G0 = 9.80665;
    private static final double DRY = 25_600;
    private static final double VACUUM = 934_000;
    private static final double BACK = 89_000;
    private static final double THROTTLE_MIN = 0.4;
    private static final double ISP = 282;
    /** Cycles left unanswered after which the rehearsal gives up. */
    private static final int UNANSWERED = 1_000;
    /** Half the CUC time code's 2⁻¹⁶ s: a command stamped with a cycle's time carries it to this. */
    private static final double TICK = 1.0 / 131_072;

    private Rehearsal() {
    }

    /**
     * Flies the rehearsal.
     *
     * @return cycles the computer answered (0 when no loopback UDP port could be had)
     * @throws RuntimeException when the protocol cannot carry it (a third party's, without UDP)
     */
    static long fly(LinkProvider provider, PacketDictionary dictionary, int nodes, double rate) {
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (java.net.SocketException e) {
            return 0;
        }
        Endpoint at = Endpoint.parse("udp://127.0.0.1:" + port, "--listen");
        AtomicReference<Packet> command = new AtomicReference<>();
        long answered = 0;
        try (FlightComputerLink computerEnd = provider.listen(at, dictionary, Duration.ofSeconds(1));
             ReferenceFlightComputer fc = new ReferenceFlightComputer(computerEnd, nodes, rate);
             FlightComputerLink stageEnd = provider.connect(at, dictionary, Duration.ofSeconds(1))) {
            FlightComputerLink.Subscription s = stageEnd.subscribe(p -> {
                if (p.definition().name().equals("engine-command")) {
                    command.set(p);
                }
            });
            double[] r = {2_000, 0, 0};
            double[] v = {-220, 10, -5};
            double propellant = 4_000;
            Map<String, Double> vehicle = new LinkedHashMap<>();
            vehicle.put("dry_mass", DRY);
            vehicle.put("propellant_margin", 500.0);
            vehicle.put("thrust_max", VACUUM - BACK);
            vehicle.put("thrust_min", THROTTLE_MIN * VACUUM - BACK);
            vehicle.put("throttle_min", THROTTLE_MIN);
            vehicle.put("throttle_max", 1.0);
            vehicle.put("isp", ISP);
            vehicle.put("max_tilt", 15.0);
            vehicle.put("gravity", G);
            for (int k = 0; k * DT < SECONDS && r[0] > 0; k++) {
                double t = k * DT;
                Packet c = command.get();
                double thrust = 0;
                double[] u = {1, 0, 0};
                if (c != null && c.value("cutoff") == 0 && propellant > 0) {
                    thrust = Math.max(0, c.value("throttle") * VACUUM - BACK);
                    double pitch = c.value("gimbal_pitch");
                    double yaw = c.value("gimbal_yaw");
                    u = new double[] {Math.cos(yaw) * Math.cos(pitch), Math.sin(yaw), Math.cos(yaw) * Math.sin(pitch)};
                }
                double m = DRY + propellant;
                double[] f = {thrust / m * u[0], thrust / m * u[1], thrust / m * u[2]};
                for (int i = 0; i < 3; i++) {
                    r[i] += v[i] * DT;
                    v[i] += (f[i] - (i == 0 ? G : 0)) * DT;
                }
                propellant = Math.max(0, propellant - thrust / (ISP * G0) * DT);
                if (k < 10 || k % 1000 == 0) {
                    stageEnd.send("vehicle", vehicle, t);
                }
                stageEnd.send("imu", Map.of("ax", f[1], "ay", f[2], "az", f[0], "wx", 0.0, "wy", 0.0, "wz", 0.0), t);
                stageEnd.send("gnss", Map.of("x", r[1], "y", r[2], "z", r[0], "vx", v[1], "vy", v[2], "vz", v[0], "satellites", 12.0), t);
                stageEnd.send("altimeter", Map.of("height", Math.max(0, r[0]), "valid", 1.0), t);
                stageEnd.send("engine-state", Map.of("lit", c != null ? 1.0 : 0.0, "thrust", thrust, "propellant", propellant), t);
                // no pacing, but no running away from the computer either: wait (at most 2 ms) for this cycle's answer
                long deadline = System.nanoTime() + 2_000_000;
                while ((command.get() == null || command.get().time() < t - TICK) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                if (command.get() != null && command.get().time() >= t - TICK) {
                    answered++;
                } else if (k - answered > UNANSWERED) {
                    // a computer that does not answer is not rehearsing: stop waiting for it
                    break;
                }
            }
            s.cancel();
        }
        return answered;
    }
}
