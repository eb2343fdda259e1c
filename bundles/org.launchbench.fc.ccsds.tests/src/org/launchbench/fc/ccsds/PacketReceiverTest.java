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
        byte[] a = codec.encode("imu", imu(1), 1);
        byte[] b = codec.encode("imu", imu(2), 2);
        byte[] lostOne = codec.encode("imu", imu(3), 3);
        byte[] d = codec.encode("imu", imu(4), 4);
        r.datagram(a, 0, a.length);
        r.datagram(a, 0, a.length);                       // duplicate
        r.datagram(d, 0, d.length);                       // two lost (b and lostOne)
        r.datagram(b, 0, b.length);                       // late: out of order
        byte[] bad = a.clone();
        bad[10] ^= 0x04;
        r.datagram(bad, 0, bad.length);                   // bad CRC
        r.datagram(a, 0, a.length - 1);                   // truncated
        byte[] unknown = new SpacePacket(false, true, 555, 3, 0, new byte[20]).encode();
        r.datagram(unknown, 0, unknown.length);
        // a NaN is refused at encoding; one that arrives anyway (an octet-exact NaN with a valid CRC) is not a value
        assertThrows(IllegalArgumentException.class,
            () -> codec.encode("imu", Map.of("ax", Double.NaN, "ay", 0.0, "az", 0.0, "wx", 0.0, "wy", 0.0, "wz", 0.0), 5));
        byte[] nan = codec.encode("imu", imu(5), 5);
        int ax = SpacePacket.HEADER + CucTime.SIZE;
        int bits = Float.floatToIntBits(Float.NaN);
        nan[ax] = (byte) (bits >>> 24);
        nan[ax + 1] = (byte) (bits >>> 16);
        nan[ax + 2] = (byte) (bits >>> 8);
        nan[ax + 3] = (byte) bits;
        int crc = Crc16.of(nan, 0, nan.length - 2);
        nan[nan.length - 2] = (byte) (crc >>> 8);
        nan[nan.length - 1] = (byte) crc;
        r.datagram(nan, 0, nan.length);
        LinkStatistics s = c.snapshot();
        assertEquals(2, got.size());
        assertEquals(1, s.packetsDuplicate());
        assertEquals(2, s.packetsLost());
        assertEquals(1, s.packetsOutOfOrder());
        assertEquals(3, s.packetsCorrupt());
        assertEquals(1, s.unknownApid());
        assertEquals(0, s.sequenceResyncs());
    }

    /**
     * A peer that restarts counts from 0 again: after {@value PacketReceiver#RESYNC} refused packets the receiver
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
        assertEquals(10 + 100 - (PacketReceiver.RESYNC - 1), got.size());
        assertEquals(1, c.snapshot().sequenceResyncs());
        assertEquals(PacketReceiver.RESYNC - 1, c.snapshot().packetsOutOfOrder());
        assertEquals(0, c.snapshot().packetsLost());
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
