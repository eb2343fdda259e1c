package org.launchbench.benchmarks;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.CcsdsLink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A link's round trip on loopback (issue 7's loop anchor: p99 under 1 ms at 1 kHz): the workbench's end sends an IMU
 * packet, a listening end in the same JVM answers each with an engine command, and the workbench waits for it. JMH's
 * sample mode gives the distribution (p50, p99, p99.9). Back to back, not paced: the paced 1 kHz loop with deadline
 * monitoring comes with the HIL loop.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class LinkRoundTripBenchmarks {

    private static final PacketDictionary DICTIONARY = LinkDictionary.PACKETS;

    /** Transport. */
    @Param({"udp", "tcp"})
    public String transport;

    private CcsdsLink computer;
    private CcsdsLink workbench;
    private final AtomicLong answered = new AtomicLong();
    private long sent;
    private final Map<String, Double> imu = new LinkedHashMap<>(Map.of("ax", 0.1, "ay", 0.2, "az", 9.8, "wx", 0.0, "wy", 0.0, "wz", 0.0));
    private final Map<String, Double> command = Map.of("throttle", 0.7, "pitch", 0.01, "yaw", -0.01);

    @Setup(Level.Trial)
    public void open() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Endpoint e = Endpoint.parse(transport + "://127.0.0.1:" + port, "benchmark");
        CompletableFuture<CcsdsLink> listening = CompletableFuture.supplyAsync(() -> CcsdsLink.listen(e, DICTIONARY, Duration.ofSeconds(1)));
        Thread.sleep(200);
        workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofSeconds(1));
        computer = listening.get(5, TimeUnit.SECONDS);
        computer.subscribe(p -> computer.send("engine-command", command, p.time()));
        workbench.subscribe(p -> answered.incrementAndGet());
    }

    @TearDown(Level.Trial)
    public void close() {
        workbench.close();
        computer.close();
    }

    /** One sensor packet out, its command back. */
    @Benchmark
    public long roundTrip() {
        long target = ++sent;
        workbench.send("imu", imu, (target % 1_000_000) * 1e-3);
        long deadline = System.nanoTime() + 100_000_000L;
        while (answered.get() < target) {
            if (System.nanoTime() > deadline) {
                // a lost datagram: resynchronise the count and go on (the sample shows the 100 ms)
                sent = answered.get();
                break;
            }
            Thread.onSpinWait();
        }
        return target;
    }
}
