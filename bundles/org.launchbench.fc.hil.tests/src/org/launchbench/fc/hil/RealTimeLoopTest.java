package org.launchbench.fc.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.CcsdsLink;
import org.launchbench.fc.ccsds.ShippedDictionaries;

/**
 * The loop end to end over a real UDP socket: a one-dimensional lander (the plant) and a descent-rate controller at
 * the link's other end (standing in for the flight computer until the reference one lands), 200 Hz.
 */
class RealTimeLoopTest {

    static final PacketDictionary DICTIONARY = ShippedDictionaries.landing();
    static final double G = 9.80665;

    /** A 1000 kg lander with a 20 kN engine, from 10 m at 3 m/s down; it holds its last throttle. */
    static final class Lander implements Plant {
        double h = 10;
        double v = -3;
        double touchdownSpeed = Double.NaN;
        double time;

        @Override
        public Map<String, Map<String, Double>> sensors(double t) {
            Map<String, Map<String, Double>> s = new LinkedHashMap<>();
            s.put("altimeter", Map.of("height", h, "valid", 1.0));
            s.put("gnss", Map.of("x", 0.0, "y", 0.0, "z", h, "vx", 0.0, "vy", 0.0, "vz", v, "satellites", 9.0));
            return s;
        }

        @Override
        public void step(double t, double dt, Map<String, Packet> commands) {
            Packet c = commands.get("engine-command");
            double throttle = c == null ? 0 : c.value("throttle");
            double a = throttle * 20_000 / 1000 - G;
            h += v * dt + 0.5 * a * dt * dt;
            v += a * dt;
            time = t + dt;
            if (h <= 0) {
                touchdownSpeed = -v;
            }
        }

        @Override
        public boolean finished() {
            return !Double.isNaN(touchdownSpeed) || time > 20;
        }
    }

    /** The controller: descend at 0.5 × height (at least 0.5 m/s), answering each GNSS packet with its time. */
    static void control(CcsdsLink computer, double stopAnsweringAt) {
        computer.subscribe(p -> {
            if (!p.definition().name().equals("gnss") || p.time() >= stopAnsweringAt) {
                return;
            }
            double target = -Math.max(0.5, 0.5 * p.value("z"));
            double throttle = Math.max(0, Math.min(1, 1000 * (G + 2 * (target - p.value("vz"))) / 20_000));
            computer.send("engine-command", Map.of("ignite", 1.0, "cutoff", 0.0, "throttle", throttle, "gimbal_pitch", 0.0, "gimbal_yaw", 0.0),
                p.time());
        });
    }

    private static Endpoint endpoint() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return Endpoint.parse("udp://127.0.0.1:" + s.getLocalPort(), "--fc");
        }
    }

    /**
     * The lander touches down under 1 m/s (the controller's 0.5 m/s floor plus a cycle's delay); nearly every cycle is
     * answered, and the loop reports its latency; a recorded session flown again without the computer ends the same.
     */
    @Test
    void aLanderFlownInTheLoopTouchesDownSoftlyAndItsSessionReplays(@TempDir Path dir) throws Exception {
        Endpoint e = endpoint();
        Lander lander = new Lander();
        Path session = dir.resolve("session.txt");
        LoopStatistics s;
        try (CcsdsLink computer = CcsdsLink.listen(e, DICTIONARY, Duration.ofMillis(500));
             CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofMillis(500));
             SessionRecorder recorder = new SessionRecorder(session)) {
            control(computer, Double.POSITIVE_INFINITY);
            s = new RealTimeLoop(200, 20).run(lander, workbench, recorder);
            assertEquals(s.cycles(), recorder.cycles());
        }
        assertTrue(lander.touchdownSpeed < 1 && lander.touchdownSpeed > 0.2, lander.touchdownSpeed + " m/s");
        assertEquals(lander.time * 200, s.cycles(), 2);
        assertTrue(s.answered() > 0.95 * s.cycles(), s.toString());
        assertTrue(s.latencyP50Us() > 0 && s.latencyP99Us() >= s.latencyP50Us(), s.toString());
        assertTrue(Double.isNaN(s.silentAt()), s.toString());
        assertEquals(0, s.link().packetsCorrupt());

        SessionReplay replay = new SessionReplay(session, DICTIONARY);
        assertEquals(s.cycles(), replay.cycles());
        Lander again = new Lander();
        replay.fly(again);
        // the recorded commands are the values the computer sent (f32 in the packet, so the replay's are the same floats)
        assertEquals(lander.touchdownSpeed, again.touchdownSpeed, 1e-9);
    }

    /**
     * A computer that stops answering 2 s in is noticed once the link's 0.5 s silence has passed, and the lander flies
     * on with the last throttle it had (the failure the plant then flies).
     */
    @Test
    void aSilentComputerIsNoticedAndThePlantFliesOn() throws Exception {
        Endpoint e = endpoint();
        Lander lander = new Lander();
        LoopStatistics s;
        try (CcsdsLink computer = CcsdsLink.listen(e, DICTIONARY, Duration.ofMillis(500));
             CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofMillis(500))) {
            control(computer, 2.0);
            s = new RealTimeLoop(200, 4).run(lander, workbench, null);
        }
        assertTrue(s.silentAt() >= 2.4 && s.silentAt() <= 3.0, s.toString());
        assertTrue(lander.time > 2.5, "the plant flew on: " + lander.time + " s");
    }

    /**
     * The loop's own time (hil's wake_* and work_*): a plant whose step takes 300 µs makes each cycle's work at least
     * that; one step that takes 30 ms makes the cycles after it start late by up to that (the lateness the misses count),
     * and only then.
     */
    @Test
    void theLoopReportsWhereItsOwnTimeWent() throws Exception {
        Plant slow = new Plant() {
            int steps;

            @Override
            public Map<String, Map<String, Double>> sensors(double t) {
                return Map.of("altimeter", Map.of("height", 1.0, "valid", 1.0));
            }

            @Override
            public void step(double t, double dt, Map<String, Packet> commands) {
                long until = System.nanoTime() + (++steps == 100 ? 30_000_000 : 300_000);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }

            @Override
            public boolean finished() {
                return steps >= 200;
            }
        };
        Endpoint e = endpoint();
        LoopStatistics s;
        try (CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofMillis(500))) {
            s = new RealTimeLoop(200, 5).run(slow, workbench, null);
        }
        LoopStatistics.CycleTiming c = s.timing();
        assertTrue(c.workP50Us() >= 300 && c.workP50Us() < 5_000, c.toString());
        assertTrue(c.workMaxUs() >= 30_000, c.toString());
        // the 30 ms step overran five periods of 5 ms: the next cycles started up to 25 ms late, and missed
        assertTrue(c.wakeMaxUs() >= 20_000 && c.wakeMaxUs() < 30_000, c.toString());
        assertTrue(s.deadlineMisses() >= 4 && s.deadlineMisses() <= 6, s.toString());
        assertTrue(c.wakeP50Us() < 1_000, c.toString());
    }
}
