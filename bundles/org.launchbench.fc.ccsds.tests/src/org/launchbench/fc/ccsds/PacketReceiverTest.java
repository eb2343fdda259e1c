package org.launchbench.fc.ccsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;

/** The dictionary codec and the receiver: round trips, faults counted, streams resynchronised, and a seeded fuzz. */
class PacketReceiverTest {

    private static final PacketDictionary DICTIONARY = ShippedDictionaries.landing();

    private static Map<String, Double> imu(double k) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (String f : List.of("ax", "ay", "az", "wx", "wy", "wz")) {
            v.put(f, (double) (float) (k + f.charAt(1) / 100.0));
        }
        return v;
    }

    private static Map<String, Double> engine(double throttle) {
        return new LinkedHashMap<>(Map.of("ignite", 1.0, "cutoff", 0.0, "throttle", (double) (float) throttle, "gimbal_pitch", -0.015625,
            "gimbal_yaw", 0.03125));
    }

    @Test
    void everyTypeRoundTripsAndCountsRunPerApid() {
        PacketCodec codec = new PacketCodec(DICTIONARY);
        List<Packet> got = new ArrayList<>();
        LinkCounters c = new LinkCounters();
        PacketReceiver r = new PacketReceiver(codec, c, got::add);
        Map<String, Double> gnss = new LinkedHashMap<>(Map.of("x", -2_148_535.123456789, "y", 4_426_589.5, "z", 4_044_678.25, "vx", 1.5,
            "vy", -2.25, "vz", 0.125, "satellites", 17.0));
        Map<String, Double> rcs = Map.of("thrusters", 0xA5A5 * 1.0, "pulse_ms", 40.0);
        byte[][] packets = {codec.encode("imu", imu(1), 10.0), codec.encode("gnss", gnss, 10.0), codec.encode("imu", imu(2), 10.01),
            codec.encode("rcs-command", rcs, 10.02), codec.encode("engine-command", engine(0.7), 10.03)};
        for (byte[] p : packets) {
            r.datagram(p, 0, p.length);
        }
        assertEquals(5, got.size());
        assertEquals(imu(1), got.get(0).values());
        assertEquals(gnss, got.get(1).values());
        assertEquals(0, got.get(0).sequenceCount());
        assertEquals(1, got.get(2).sequenceCount());
        assertEquals(0, got.get(1).sequenceCount());
        assertEquals(10.01, got.get(2).time(), 1e-4);
        assertEquals(0xA5A5, got.get(3).value("thrusters"));
        // the type bit: telecommands set it, telemetry does not
        assertEquals(0x10, packets[4][0] & 0x10);
        assertEquals(0, packets[0][0] & 0x10);
        assertEquals(LinkStatistics.NONE.packetsCorrupt(), c.snapshot().packetsCorrupt());
        assertThrows(IllegalArgumentException.class, () -> codec.encode("rcs-command", Map.of("thrusters", 70_000.0, "pulse_ms", 1.0), 0));
        assertThrows(IllegalArgumentException.class, () -> codec.encode("imu", Map.of("ax", 1.0), 0));
    }

    @Test
    void faultsAreCountedNotThrown() {
        PacketCodec codec = new PacketCodec(DICTIONARY);
        List<Packet> got = new ArrayList<>();
        LinkCounters c = new LinkCounters();
        PacketReceiver r = new PacketReceiver(codec, c, got::add);
        PacketDictionary.Packet def = DICTIONARY.byName("imu").orElseThrow();
        byte[] a = PacketCodec.encode(def, imu(0), 0, 0);
        byte[] b = PacketCodec.encode(def, imu(1), 1, 1);
        // count 2 is never sent: the one packet truly lost
        byte[] d = PacketCodec.encode(def, imu(3), 3, 3);
        r.datagram(a, 0, a.length);
        r.datagram(a, 0, a.length);                       // duplicate
        r.datagram(d, 0, d.length);                       // counts 1 and 2 missing
        r.datagram(b, 0, b.length);                       // late: out of order, dropped, and no longer missing
        byte[] bad = PacketCodec.encode(def, imu(4), 4, 4);
        bad[10] ^= 0x04;
        r.datagram(bad, 0, bad.length);                   // count 4 arrives with a bad CRC
        byte[] cut = PacketCodec.encode(def, imu(5), 5, 5);
        r.datagram(cut, 0, cut.length - 1);               // count 5 arrives truncated
        byte[] unknown = new SpacePacket(false, true, 555, 3, 0, new byte[20]).encode();
        int unknownCrc = Crc16.of(unknown, 0, unknown.length - 2);
        unknown[unknown.length - 2] = (byte) (unknownCrc >>> 8);
        unknown[unknown.length - 1] = (byte) unknownCrc;
        r.datagram(unknown, 0, unknown.length);           // intact, of an APID the dictionary lacks
        byte[] renamed = PacketCodec.encode(def, imu(6), 6, 6);
        renamed[1] ^= 0x01;
        r.datagram(renamed, 0, renamed.length);           // count 6 with a bit flip in its APID: corrupt, not unknown
        // a NaN is refused at encoding; one that arrives anyway (an octet-exact NaN with a valid CRC) is not a value
        assertThrows(IllegalArgumentException.class,
            () -> codec.encode("imu", Map.of("ax", Double.NaN, "ay", 0.0, "az", 0.0, "wx", 0.0, "wy", 0.0, "wz", 0.0), 5));
        byte[] nan = PacketCodec.encode(def, imu(7), 7, 7);
        int ax = SpacePacket.HEADER + CucTime.SIZE;
        int bits = Float.floatToIntBits(Float.NaN);
        nan[ax] = (byte) (bits >>> 24);
        nan[ax + 1] = (byte) (bits >>> 16);
        nan[ax + 2] = (byte) (bits >>> 8);
        nan[ax + 3] = (byte) bits;
        int crc = Crc16.of(nan, 0, nan.length - 2);
        nan[nan.length - 2] = (byte) (crc >>> 8);
        nan[nan.length - 1] = (byte) crc;
        r.datagram(nan, 0, nan.length);                   // count 7 arrives with a NaN
        byte[] f = PacketCodec.encode(def, imu(8), 8, 8);
        r.datagram(f, 0, f.length);                       // counts 4 to 7 missing, all four corrupt
        LinkStatistics s = c.snapshot();
        assertEquals(3, got.size());
        assertEquals(1, s.packetsDuplicate());
        // each fault once: count 1 was late, counts 4 to 7 corrupt, only count 2 lost
        assertEquals(1, s.packetsLost());
        assertEquals(1, s.packetsOutOfOrder());
        assertEquals(4, s.packetsCorrupt());
        assertEquals(1, s.unknownApid());
        assertEquals(0, s.sequenceResyncs());
        assertEquals(0, s.packetsStale());
    }

    /**
     * The sequence window (RFC 4303 §3.4.3's, over the 14-bit count): a late packet within it is dropped once and
     * not lost, a second copy is a duplicate, a packet behind it is stale, and a replay whose count has come round
     * again is caught by its time going backwards. A forged jump in the count credits only as many lost packets as
     * the time gap could hold.
     */
    @Test
    void theWindowTellsLateFromReplayedAndBoundsTheLostByTime() {
        PacketCodec codec = new PacketCodec(DICTIONARY);
        List<Packet> got = new ArrayList<>();
        LinkCounters c = new LinkCounters();
        PacketReceiver r = new PacketReceiver(codec, c, got::add);
        PacketDictionary.Packet def = DICTIONARY.byName("imu").orElseThrow();
        List<byte[]> sent = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            sent.add(PacketCodec.encode(def, imu(k), k, k * 0.01));
        }
        java.util.function.IntConsumer in = k -> r.datagram(sent.get(k), 0, sent.get(k).length);
        for (int k = 0; k < 100; k++) {
            if (k != 50) {
                in.accept(k);
            }
        }
        in.accept(50);                                    // 49 behind: late
        in.accept(50);                                    // now a duplicate
        in.accept(10);                                    // 89 behind, beyond the 64 of the window: stale
        LinkStatistics s = c.snapshot();
        assertEquals(99, got.size());
        assertEquals(0, s.packetsLost());
        assertEquals(1, s.packetsOutOfOrder());
        assertEquals(1, s.packetsDuplicate());
        assertEquals(1, s.packetsStale());
        in.accept(100);                                   // in order: the refusals in a row end
        // a replay of packet 60 sent when the counts had come round (its count 101, ahead) with its old time
        byte[] wrapped = PacketCodec.encode(def, imu(60), 101, 0.60);
        r.datagram(wrapped, 0, wrapped.length);
        assertEquals(2, c.snapshot().packetsStale());
        assertEquals(100, got.size());
        // a count forged 8,000 ahead one step (0.01 s) later: taken, but nothing could have been lost in one step
        byte[] forged = PacketCodec.encode(def, imu(101), 8_100, 1.01);
        r.datagram(forged, 0, forged.length);
        assertEquals(101, got.size());
        assertEquals(0, c.snapshot().packetsLost());
        // a true gap of 5 packets (times 1.02 to 1.06) after it: 5 lost
        byte[] after = PacketCodec.encode(def, imu(107), 8_106, 1.07);
        r.datagram(after, 0, after.length);
        assertEquals(102, got.size());
        assertEquals(5, c.snapshot().packetsLost());
        assertEquals(0, c.snapshot().sequenceResyncs());
    }

    /**
     * A peer that restarts counts from 0 again: after {@value SequenceWindow#RESYNC} refused packets the receiver
     * follows the new counts (a resync), instead of dropping thousands as out of order.
     */
    @Test
    void aRestartedPeersCountsAreFollowedAfterAFewRefused() {
        PacketCodec codec = new PacketCodec(DICTIONARY);
        List<Packet> got = new ArrayList<>();
        LinkCounters c = new LinkCounters();
        PacketReceiver r = new PacketReceiver(codec, c, got::add);
        PacketDictionary.Packet imu = DICTIONARY.byName("imu").orElseThrow();
        for (int k = 4990; k < 5000; k++) {
            byte[] p = PacketCodec.encode(imu, imu(k), k, k);
            r.datagram(p, 0, p.length);
        }
        for (int k = 0; k < 100; k++) {
            byte[] p = PacketCodec.encode(imu, imu(k), k, k);
            r.datagram(p, 0, p.length);
        }
        assertEquals(10 + 100 - (SequenceWindow.RESYNC - 1), got.size());
        assertEquals(1, c.snapshot().sequenceResyncs());
        assertEquals(SequenceWindow.RESYNC - 1, c.snapshot().packetsStale());
        assertEquals(0, c.snapshot().packetsLost());
    }

    /**
     * A seeded model of a faulty link (the relay of LinkFaultsTest without sockets), 100 seeds: 40,000 commands of a
     * computer that answers a 1 kHz loop's cycles but skips some (as the reference computer does under load), 5 %
     * dropped, 5 % corrupted, each delayed up to 2 ms. The receiver counts exactly the corrupt and late packets, and
     * lost packets as the dropped ones less those no gap can show (before the first or after the newest taken). Seed 9
     * found a gap credited short while the shortest step was still being learnt.
     */
    @Test
    void aSeededFaultyLinkIsCountedExactly() {
        for (long seed = 1; seed <= 100; seed++) {
            PacketCodec codec = new PacketCodec(DICTIONARY);
            LinkCounters c = new LinkCounters();
            PacketReceiver r = new PacketReceiver(codec, c, p -> { });
            PacketDictionary.Packet def = DICTIONARY.byName("engine-command").orElseThrow();
            SplittableRandom random = new SplittableRandom(seed);
            int n = 40_000;
            // {arrival time µs, index, fate: 0 intact, 1 dropped, 2 corrupted}
            List<long[]> wire = new ArrayList<>();
            long cycle = 0;
            for (int k = 0; k < n; k++) {
                double u = random.nextDouble();
                int fate = u < 0.05 ? 1 : u < 0.10 ? 2 : 0;
                // a computer that answers some cycles only: its commands' times skip cycles
                cycle += random.nextDouble() < 0.4 ? 1 + random.nextInt(3) : 1;
                wire.add(new long[] {cycle * 1000L + random.nextLong(2000), k, fate, cycle});
            }
            List<long[]> arrived = wire.stream().filter(w -> w[2] != 1).sorted(java.util.Comparator.comparingLong(w -> w[0])).toList();
            long late = 0;
            long highest = -1;
            long first = -1;
            for (long[] w : arrived) {
                byte[] b = PacketCodec.encode(def, engine(0.5), (int) (w[1] % SpacePacket.COUNT_MODULUS), w[3] * 0.001);
                if (w[2] == 2) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                } else {
                    if (first < 0) {
                        first = w[1];
                    }
                    if (w[1] < highest) {
                        late++;
                    }
                    highest = Math.max(highest, w[1]);
                }
                r.datagram(b, 0, b.length);
            }
            long dropped = wire.stream().filter(w -> w[2] == 1).count();
            long corrupted = wire.stream().filter(w -> w[2] == 2).count();
            long f = first;
            long h = highest;
            long edges = wire.stream().filter(w -> w[2] != 0 && (w[1] < f || w[1] > h)).count();
            LinkStatistics s = c.snapshot();
            String said = "seed " + seed + ": " + s + "; " + dropped + " dropped, " + corrupted + " corrupted, " + late + " late, " + edges + " at the edges";
            assertEquals(corrupted, s.packetsCorrupt(), said);
            assertEquals(late, s.packetsOutOfOrder(), said);
            assertTrue(s.packetsLost() <= dropped && s.packetsLost() >= dropped - edges, said);
        }
    }

    /** Garbage between packets on a byte stream, delivered in chunks of every size: every packet comes through. */
    @Test
    void aStreamResynchronisesAfterGarbage() {
        PacketCodec codec = new PacketCodec(DICTIONARY);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SplittableRandom random = new SplittableRandom(7);
        int garbage = 0;
        for (int k = 0; k < 200; k++) {
            byte[] p = k % 3 == 0 ? codec.encode("engine-command", engine(k / 200.0), k) : codec.encode("imu", imu(k), k);
            wire.writeBytes(p);
            int n = random.nextInt(0, 12);
            for (int j = 0; j < n; j++) {
                wire.write(random.nextInt(256));
            }
            garbage += n;
        }
        byte[] all = wire.toByteArray();
        for (int chunk : new int[] {1, 7, 64, all.length}) {
            List<Packet> got = new ArrayList<>();
            LinkCounters c = new LinkCounters();
            PacketReceiver r = new PacketReceiver(codec, c, got::add);
            for (int at = 0; at < all.length; at += chunk) {
                r.stream(all, at, Math.min(chunk, all.length - at));
            }
            assertEquals(200, got.size(), "chunks of " + chunk);
            // the garbage after the last packet, when shorter than a header, waits in the buffer
            assertEquals(garbage, c.snapshot().bytesDiscarded() + r.buffered(), "chunks of " + chunk);
            assertTrue(r.buffered() < SpacePacket.HEADER);
            assertEquals(0, c.snapshot().packetsLost());
        }
    }

    /**
     * A seeded mutation fuzz (50,000 cases, seed 20261124): valid streams of packets with bit flips, dropped,
     * inserted and duplicated octets and truncations. The receiver never throws, never delivers a packet whose
     * values were not sent, and after each damaged region takes every intact packet that follows it once the next
     * intact one has passed (resynchronisation within one packet).
     */
    @Test
    void aSeededFuzzNeverBreaksTheReceiver() {
        PacketCodec codec = new PacketCodec(DICTIONARY);
        SplittableRandom random = new SplittableRandom(20_261_124);
        List<byte[]> intact = new ArrayList<>();
        List<Map<String, Double>> sent = new ArrayList<>();
        for (int k = 0; k < 64; k++) {
            Map<String, Double> v = imu(k);
            sent.add(v);
            intact.add(PacketCodec.encode(DICTIONARY.byName("imu").orElseThrow(), v, k, k));
        }
        long delivered = 0;
        for (int run = 0; run < 50_000; run++) {
            int damaged = random.nextInt(1, 62);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int k = 0; k < 64; k++) {
                byte[] p = intact.get(k).clone();
                if (k == damaged) {
                    p = mutate(p, random);
                }
                wire.writeBytes(p);
            }
            List<Packet> got = new ArrayList<>();
            PacketReceiver r = new PacketReceiver(codec, new LinkCounters(), got::add);
            byte[] all = wire.toByteArray();
            int chunk = random.nextInt(1, 200);
            for (int at = 0; at < all.length; at += chunk) {
                r.stream(all, at, Math.min(chunk, all.length - at));
            }
            for (Packet p : got) {
                assertTrue(sent.contains(p.values()), "run " + run + ": delivered values never sent: " + p.values());
            }
            // every packet after the damaged one and the next is received
            for (int k = damaged + 2; k < 64; k++) {
                int count = k;
                assertTrue(got.stream().anyMatch(p -> p.sequenceCount() == count), "run " + run + ": packet " + k + " lost");
            }
            delivered += got.size();
        }
        assertTrue(delivered > 50_000L * 60, delivered + " packets delivered");
    }

    private static byte[] mutate(byte[] p, SplittableRandom random) {
        byte[] b = p.clone();
        switch (random.nextInt(5)) {
            case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                int at = random.nextInt(b.length);
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                b = c;
            }
            case 2 -> {
                int at = random.nextInt(b.length);
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) random.nextInt(256);
                System.arraycopy(b, at, c, at + 1, b.length - at);
                b = c;
            }
            case 3 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            default -> {
                byte[] c = new byte[b.length * 2];
                System.arraycopy(b, 0, c, 0, b.length);
                System.arraycopy(b, 0, c, b.length, b.length);
                b = c;
            }
        }
        return b;
    }

    @Test
    void aDictionaryMistakeIsBadInputNamingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse("""
            {"name": "x", "packets": [{"name": "a", "apid": 7, "direction": "telemetry", "fields": []},
                                      {"name": "b", "apid": 7, "direction": "telemetry", "fields": []}]}""", "d.json"));
        assertTrue(e.userMessage().contains("packets[1].apid") && e.userMessage().contains("taken by a"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse("""
            {"name": "x", "packets": [{"name": "a", "apid": 2047, "direction": "telemetry", "fields": []}]}""", "d.json"));
        assertTrue(e.userMessage().contains("2047 is the idle packet's"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse("""
            {"name": "x", "packets": [{"name": "a", "apid": 1, "direction": "telemetry", "fields": [{"name": "f", "type": "f16"}]}]}""",
            "d.json"));
        assertTrue(e.userMessage().contains("packets[0].fields[0].type") && e.userMessage().contains("f16"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse(
            "{\"name\": \"x\", \"packets\": [{\"name\": \"a\", \"apid\": 100.7, \"direction\": \"telemetry\", \"fields\": []}]}", "d.json"));
        assertTrue(e.userMessage().contains("100.7"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse(
            "{\"name\": \"x\", \"packets\": [{\"name\": \"a.b\", \"apid\": 1, \"direction\": \"telemetry\", \"fields\": []}]}", "d.json"));
        assertTrue(e.userMessage().contains("a.b") && e.userMessage().contains("no spaces, dots"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse(
            "{\"name\": \"x\", \"packets\": [{\"name\": \"a\", \"apid\": 1, \"direction\": \"telemetry\", \"fields\": [], \"rate\": 5}]}",
            "d.json"));
        assertTrue(e.userMessage().contains("packets[0].rate"), e.userMessage());
    }
}
