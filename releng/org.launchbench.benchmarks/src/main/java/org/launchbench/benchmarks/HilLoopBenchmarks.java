package org.launchbench.benchmarks;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.CcsdsLink;
import org.launchbench.fc.hil.LoopStatistics;
import org.launchbench.fc.hil.Plant;
import org.launchbench.fc.hil.RealTimeLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The paced hardware-in-the-loop cycle (issue 7's anchor: 1 kHz over loopback UDP for 60 s, p99 round trip under
 * 1 ms, no deadline misses): {@link RealTimeLoop} at {@code rate} for {@code seconds}, an IMU packet out each cycle,
 * a listening link in the same JVM answering each with an engine command. One single-shot run; the loop's own
 * statistics (deadline misses, latency percentiles) are printed with the result.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HilLoopBenchmarks {

    private static final PacketDictionary DICTIONARY = LinkDictionary.PACKETS;

    /** Cycles a second. */
    @Param({"1000"})
    public double rate;

    /** Loop duration, s. */
    @Param({"60"})
    public double seconds;

    /** A plant that only reports its IMU. */
    private static final class Still implements Plant {
        @Override
        public Map<String, Map<String, Double>> sensors(double t) {
            return Map.of("imu", Map.of("ax", 0.0, "ay", 0.0, "az", 9.8, "wx", 0.0, "wy", 0.0, "wz", 0.0));
        }

        @Override
        public void step(double t, double dt, Map<String, Packet> commands) {
        }

        @Override
        public boolean finished() {
            return false;
        }
    }

    /** One loop of {@code seconds}. */
    @Benchmark
    public LoopStatistics loop() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Endpoint e = Endpoint.parse("udp://127.0.0.1:" + port, "benchmark");
        try (CcsdsLink computer = CcsdsLink.listen(e, DICTIONARY, Duration.ofSeconds(1));
             CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofSeconds(1))) {
            Map<String, Double> command = Map.of("throttle", 0.7, "pitch", 0.0, "yaw", 0.0);
            computer.subscribe(p -> computer.send("engine-command", command, p.time()));
            LoopStatistics s = new RealTimeLoop(rate, seconds).run(new Still(), workbench, null);
            System.out.printf("loop: %.0f Hz, %d cycles, %d deadline misses, %d answered, round trip p50 %.1f us, p99 %.1f us, max %.1f us;"
                + " link %s%n", s.rateHz(), s.cycles(), s.deadlineMisses(), s.answered(), s.latencyP50Us(), s.latencyP99Us(), s.latencyMaxUs(),
                s.link());
            return s;
        }
    }
}
