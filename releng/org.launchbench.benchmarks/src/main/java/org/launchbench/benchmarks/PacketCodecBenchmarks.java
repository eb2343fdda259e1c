package org.launchbench.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.LinkCounters;
import org.launchbench.fc.ccsds.PacketCodec;
import org.launchbench.fc.ccsds.PacketReceiver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CCSDS codec throughput (issue 7: packets per second): the landing loop's IMU packet (6 floats: 36 octets with
 * header, CUC time and CRC) encoded, and decoded through the receiver (CRC, sequence check), as datagrams and as a
 * byte stream.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PacketCodecBenchmarks {

    private static final PacketDictionary DICTIONARY = LinkDictionary.PACKETS;

    private final PacketCodec codec = new PacketCodec(DICTIONARY);
    private final Map<String, Double> values = new LinkedHashMap<>(Map.of("ax", 0.1, "ay", -0.2, "az", 9.8, "wx", 0.01, "wy", 0.0, "wz",
        -0.01));
    private final byte[][] packets = new byte[1024][];
    private int next;
    private PacketReceiver datagrams;
    private PacketReceiver stream;
    private Blackhole sink;

    @org.openjdk.jmh.annotations.Setup
    public void packets(Blackhole blackhole) {
        sink = blackhole;
        for (int k = 0; k < packets.length; k++) {
            packets[k] = codec.encode("imu", values, k * 0.001);
        }
        datagrams = new PacketReceiver(codec, new LinkCounters(), p -> sink.consume(p));
        stream = new PacketReceiver(new PacketCodec(DICTIONARY), new LinkCounters(), p -> sink.consume(p));
    }

    /** One packet encoded. */
    @Benchmark
    public byte[] encode() {
        return codec.encode("imu", values, 1.0);
    }

    /** One datagram decoded and checked (the packets cycle, so the sequence counts run on). */
    @Benchmark
    public void decodeDatagram() {
        byte[] p = packets[next++ & 1023];
        datagrams.datagram(p, 0, p.length);
    }

    /** One packet's octets through the stream framer. */
    @Benchmark
    public void decodeStream() {
        byte[] p = packets[next++ & 1023];
        stream.stream(p, 0, p.length);
    }
}
