package org.launchbench.fc.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.PacketCodec;
import org.launchbench.fc.ccsds.ShippedDictionaries;

/**
 * The ground station on real UDP sockets over loopback: what crosses the link is mirrored as packets of the dictionary,
 * and only a well-formed ground command in range reaches the loop; every other datagram is counted and said.
 */
class GroundStationTest {

    private static final PacketDictionary DICTIONARY = ShippedDictionaries.landing();

    /** A link that records what is sent and lets the test deliver what the computer "said". */
    private static final class Stub implements FlightComputerLink {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Consumer<Packet>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void send(String packet, Map<String, Double> values, double time) {
            sent.add(packet);
        }

        @Override
        public Subscription subscribe(Consumer<Packet> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public Health health() {
            return Health.NOMINAL;
        }

        @Override
        public LinkStatistics statistics() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    private static Endpoint udp(int port) {
        return Endpoint.parse("udp://127.0.0.1:" + port, "test");
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void bothWaysAreMirroredAsPacketsOfTheDictionaryWithTheSameValues() throws Exception {
        try (DatagramSocket ground = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             GroundStation station = new GroundStation(DICTIONARY, Optional.of(udp(ground.getLocalPort())), Optional.empty(), System.err)) {
            ground.setSoTimeout(5000);
            Stub stub = new Stub();
            FlightComputerLink link = station.around(stub);
            List<Packet> heard = new CopyOnWriteArrayList<>();
            link.subscribe(heard::add);
            link.send("altimeter", Map.of("height", 1234.5678, "valid", 1.0), 12.25);
            Packet command = new Packet(DICTIONARY.byName("engine-command").orElseThrow(), Map.of("ignite", 1.0, "cutoff", 0.0, "throttle", 0.7,
                "gimbal_pitch", 0.01, "gimbal_yaw", -0.02), 7, 12.25);
            stub.listeners.forEach(l -> l.accept(command));
            assertEquals(List.of("altimeter"), stub.sent);
            assertEquals(List.of(command), heard);
            PacketCodec codec = new PacketCodec(DICTIONARY);
            byte[] buffer = new byte[1024];
            DatagramPacket d = new DatagramPacket(buffer, buffer.length);
            ground.receive(d);
            PacketCodec.Decoded tm = codec.decode(d.getData(), 0, d.getLength());
            assertEquals(null, tm.fault());
            assertEquals("altimeter", tm.packet().definition().name());
            // f32 on the wire: the float of the value sent, to the last bit
            assertEquals((double) (float) 1234.5678, tm.packet().value("height"), 0);
            assertEquals(12.25, tm.packet().time(), 0);
            ground.receive(d);
            PacketCodec.Decoded tc = codec.decode(d.getData(), 0, d.getLength());
            assertEquals("engine-command", tc.packet().definition().name());
            assertEquals((double) (float) 0.7, tc.packet().value("throttle"), 0);
            station.close(); // the mirror's queue sent and counted
            assertEquals(2, station.statistics().packetsForwarded());
            assertEquals(0, station.statistics().forwardFailures());
        }
    }

    @Test
    void onlyAGroundCommandInRangeReachesTheLoopAndTheRestAreCountedAndSaid() throws Exception {
        int port = freePort();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (GroundStation station = new GroundStation(DICTIONARY, Optional.empty(), Optional.of(udp(port)),
                 new PrintStream(said, true, StandardCharsets.UTF_8));
             DatagramSocket ground = new DatagramSocket()) {
            Stub stub = new Stub();
            List<Packet> heard = new CopyOnWriteArrayList<>();
            station.around(stub).subscribe(heard::add);
            PacketDictionary.Packet gc = DICTIONARY.byName(GroundStation.GROUND_COMMAND).orElseThrow();
            byte[] good = PacketCodec.encode(gc, Map.of("abort", 0.0, "throttle_limit", 0.5), 1, 0);
            byte[] badCrc = good.clone();
            badCrc[badCrc.length - 1] ^= 1;
            byte[] engine = PacketCodec.encode(DICTIONARY.byName("engine-command").orElseThrow(), Map.of("ignite", 1.0, "cutoff", 0.0,
                "throttle", 1.0, "gimbal_pitch", 0.0, "gimbal_yaw", 0.0), 2, 0);
            byte[] abortTwo = PacketCodec.encode(gc, Map.of("abort", 2.0, "throttle_limit", 1.0), 3, 0);
            byte[] overLimit = PacketCodec.encode(gc, Map.of("abort", 0.0, "throttle_limit", 1.5), 4, 0);
            for (byte[] b : List.of(good, badCrc, engine, abortTwo, overLimit, new byte[] {1, 2, 3})) {
                ground.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (station.statistics().commandsAccepted() + station.statistics().commandsRefused() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, station.statistics().commandsAccepted());
            assertEquals(5, station.statistics().commandsRefused());
            assertEquals(1, heard.size());
            assertEquals(0.5, heard.get(0).value("throttle_limit"), 0);
            assertEquals(-1, heard.get(0).time(), 0, "a ground command carries no loop time");
            String text = said.toString(StandardCharsets.UTF_8);
            assertEquals(5, text.lines().count(), text);
            for (String reason : List.of("bad crc", "'engine-command' is not a ground command", "abort = 2.0 (0 or 1)",
                "throttle_limit = 1.5 (0 to 1)", "truncated")) {
                assertTrue(text.contains(reason), reason + " in " + text);
            }
        }
    }

    @Test
    void aGroundSystemIsReachedOverUdpAndItsPortMustBeFree() throws Exception {
        InvalidInputException tcp = assertThrows(InvalidInputException.class, () -> new GroundStation(DICTIONARY,
            Optional.of(Endpoint.parse("tcp://127.0.0.1:5000", "--tm-forward")), Optional.empty(), System.err));
        assertTrue(tcp.getMessage().contains("--tm-forward") && tcp.getMessage().contains("udp://HOST:PORT"), tcp.getMessage());
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InvalidInputException busy = assertThrows(InvalidInputException.class, () -> new GroundStation(DICTIONARY, Optional.empty(),
                Optional.of(udp(taken.getLocalPort())), System.err));
            assertTrue(busy.getMessage().contains("--tc-listen"), busy.getMessage());
        }
    }
}
