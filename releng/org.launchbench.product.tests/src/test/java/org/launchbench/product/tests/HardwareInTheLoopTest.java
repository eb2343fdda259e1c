package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The acceptance (#7): the reference flight computer runs as its own process ({@code launchbench fc-sim}),
 * {@code launchbench hil} flies the landing burn with it in the loop over UDP and over a serial line (a socat
 * pseudo-terminal pair), the stage lands within the recovery's tolerances, and the packets on the wire are CCSDS
 * space packets that an independent decoder, Wireshark's CCSDS dissector (tshark, installed by .ci/run), accepts.
 */
class HardwareInTheLoopTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("launchbench.examples.dir", "../../examples"));
    private static final String F9 = EXAMPLES.resolve("missions/falcon9-leo-asds.mission").toString();
    private static final String ZQ3 = EXAMPLES.resolve("missions/zhuque3-y1-downrange.mission").toString();
    /** The landing dictionary's APIDs: sensors to the computer (type 0), commands back (type 1). */
    private static final Set<Integer> TELEMETRY = Set.of(100, 101, 102, 103, 104);
    private static final Set<Integer> TELECOMMAND = Set.of(200, 201, 202);

    @TempDir
    Path dir;

    private static int freeUdpPort() throws SocketException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts fc-sim for one session and waits for its "listening" line. */
    private Process fcSim(Path log, String endpoint) throws Exception {
        return fcSim(log, endpoint, 1);
    }

    /** Starts fc-sim for some sessions and waits for its "listening" line. */
    private Process fcSim(Path log, String endpoint, int sessions) throws Exception {
        Process p = InstalledProduct.start(log, "fc-sim", "--listen", endpoint, "--sessions", String.valueOf(sessions));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("fc-sim: listening on")) {
                return p;
            }
            assertTrue(p.isAlive(), "fc-sim ended before listening: " + Files.readString(log));
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("fc-sim did not listen within 30 s: " + Files.readString(log));
    }

    private static void stop(Process p, Path log, boolean mustHaveEnded) throws Exception {
        boolean ended = p.waitFor(10, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        if (mustHaveEnded) {
            assertTrue(ended, "fc-sim did not end after its session: " + Files.readString(log));
            assertEquals(0, p.exitValue(), Files.readString(log));
            assertTrue(Files.readString(log).contains("session 1 ended"), Files.readString(log));
        }
    }

    /**
     * The stage lands as the recovery's tolerances ask of its closed loop (StageRecoveryTest: within a metre or so of
     * the aim point and under 2 m/s; here the legs' own limits are checked by the outcome, and 10 m and 2 m/s leave
     * room for the loop's sampled commands), and the loop kept up: almost every cycle answered, nothing corrupt or lost
     * on a clean line.
     */
    private static JsonObject assertLandedInTheLoop(InstalledProduct.Run r) {
        assertEquals(0, r.exitCode(), r.err() + r.out());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject rec = doc.getAsJsonObject("recovery");
        JsonObject loop = doc.getAsJsonObject("loop");
        assertEquals("landed", rec.get("outcome").getAsString(), rec.toString());
        assertTrue(rec.get("miss_distance_m").getAsDouble() < 10, rec.toString());
        assertTrue(rec.get("touchdown_vertical_speed_m_s").getAsDouble() < 2, rec.toString());
        long cycles = loop.get("cycles").getAsLong();
        assertEquals(100.0, loop.get("rate_hz").getAsDouble());
        assertTrue(cycles > 500, loop.toString());
        assertTrue(loop.get("cycles_answered").getAsLong() > 0.98 * cycles, loop.toString());
        assertEquals(0, loop.get("packets_corrupt").getAsLong(), loop.toString());
        assertEquals(0, loop.get("packets_lost").getAsLong(), loop.toString());
        assertTrue(loop.get("packets_sent").getAsLong() >= 4 * cycles, loop.toString());
        assertTrue(loop.get("latency_p50_us").getAsDouble() > 0, loop.toString());
        for (String key : List.of("deadline_misses", "latency_p99_us", "packets_received")) {
            assertTrue(loop.has(key), key);
        }
        assertTrue(loop.get("deadline_misses").getAsLong() < cycles / 100, loop.toString());
        return doc;
    }

    /** The temporary files of atomic writes to {@code file}: {@code .NAME.launchbench-PID-RANDOM.tmp} beside it. */
    private static List<Path> temporaries(Path file) throws IOException {
        try (var s = Files.list(file.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + file.getFileName() + ".launchbench-")
                && p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /**
     * Issue 28's kill test: a session record is streamed into a temporary file for the whole loop, so a kill -9 during it
     * leaves that file behind (32 of 48 trials did, up to 2 MB, and nothing removed them). The record already there stays
     * whole, and the next write to the same record removes the dead writer's temporary file and puts a complete record in
     * place.
     */
    @Test
    void aRecordWriteKilledMidSessionLeavesTheOldRecordAndTheNextWriteRemovesItsTemporaryFile() throws Exception {
        Path record = Files.writeString(dir.resolve("session.txt"), "the previous record, complete\n");
        Path log = dir.resolve("fc-sim.log");
        String endpoint = "udp://127.0.0.1:" + freeUdpPort();
        Process fc = fcSim(log, endpoint);
        Process hil = InstalledProduct.start(dir.resolve("hil.log"), "hil", F9, "--fc", endpoint, "--rate", "100", "--record",
            record.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // the kill comes once the loop has recorded something (the ascent and the plan come first)
            while (temporaries(record).stream().noneMatch(t -> t.toFile().length() > 10_000)) {
                assertTrue(hil.isAlive(), "hil ended before it recorded: " + Files.readString(dir.resolve("hil.log")));
                assertTrue(System.nanoTime() < deadline, "hil recorded nothing in 120 s");
                Thread.sleep(20);
            }
            hil.destroyForcibly(); // SIGKILL: the start script execs the JVM, so this is the writer itself
            assertTrue(hil.waitFor(10, TimeUnit.SECONDS));
        } finally {
            hil.destroyForcibly();
            stop(fc, log, false);
        }
        assertEquals("the previous record, complete\n", Files.readString(record));
        assertEquals(1, temporaries(record).size(), "the killed write's temporary file");

        String endpoint2 = "udp://127.0.0.1:" + freeUdpPort();
        Process fc2 = fcSim(dir.resolve("fc-sim-2.log"), endpoint2);
        try {
            // two seconds of loop: the burn is cut short (exit 1, the stage not landed), the record is still put in place
            InstalledProduct.Run second = InstalledProduct.run(180, "hil", F9, "--fc", endpoint2, "--rate", "100", "--max-seconds", "2",
                "--record", record.toString());
            assertTrue(second.exitCode() == 0 || second.exitCode() == 1, second.exitCode() + " " + second.err());
            assertFalse(second.err().contains("internal error"), second.err());
        } finally {
            stop(fc2, dir.resolve("fc-sim-2.log"), false);
        }
        String written = Files.readString(record);
        assertTrue(written.startsWith("# LaunchBench HIL session") && written.endsWith("\n") && written.lines().count() > 50,
            written.substring(0, Math.min(200, written.length())));
        assertEquals(List.of(), temporaries(record), "no temporary file survives the next write");
    }

    @Test
    void theReferenceComputerLandsTheFalcon9StageOverUdpWithValidSpacePacketsOnTheWire() throws Exception {
        int fcPort = freeUdpPort();
        Path log = dir.resolve("fc-sim.log");
        Process fc = fcSim(log, "udp://127.0.0.1:" + fcPort);
        try (Relay relay = new Relay(fcPort)) {
            InstalledProduct.Run r = InstalledProduct.run(180, "hil", F9, "--fc", "udp://127.0.0.1:" + relay.port(), "--rate", "100", "--json");
            JsonObject doc = assertLandedInTheLoop(r);
            JsonObject loop = doc.getAsJsonObject("loop");
            relay.close();
            // every packet the bench sent crossed the relay; the computer's answers too, but for one that may arrive
            // after the loop has ended
            assertEquals(loop.get("packets_sent").getAsLong(), relay.toComputer.size());
            long received = loop.get("packets_received").getAsLong();
            assertTrue(relay.toPlant.size() >= received && relay.toPlant.size() <= received + 2, relay.toPlant.size() + " vs " + received);
            checkIndependently(relay.toComputer, 0, TELEMETRY);
            checkIndependently(relay.toPlant, 1, TELECOMMAND);
        } finally {
            stop(fc, log, true);
        }
    }

    /**
     * Issue 27's defect: fc-sim on TCP served only its first connection, and none after an idle or garbage client. Now,
     * with a client that sent garbage and one that sent nothing both still connected, two hil runs in a row (3 s of the
     * burn each) are each answered nearly every cycle, and fc-sim reports two sessions with their own counts.
     */
    @Test
    void fcSimOnTcpServesSessionAfterSessionPastIdleAndGarbageClients() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("fc-sim.log");
        Process fc = fcSim(log, "tcp://127.0.0.1:" + port, 2);
        try (java.net.Socket idle = new java.net.Socket(InetAddress.getLoopbackAddress(), port);
             java.net.Socket garbage = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            byte[] noise = new byte[3000];
            new java.util.Random(27).nextBytes(noise);
            garbage.getOutputStream().write(noise);
            for (int session = 0; session < 2; session++) {
                InstalledProduct.Run r = InstalledProduct.run(120, "hil", F9, "--fc", "tcp://127.0.0.1:" + port, "--rate", "100",
                    "--max-seconds", "3", "--json");
                // 3 s are not the whole burn: the loop gives up before touchdown (exit 1), having flown with the computer
                assertEquals(1, r.exitCode(), r.err() + r.out());
                JsonObject loop = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("loop");
                assertTrue(loop.get("cycles_answered").getAsLong() > 0.95 * loop.get("cycles").getAsLong(), "session " + session + ": " + loop);
                // a plant silent for fc-sim's 1 s ends its session
                Thread.sleep(1500);
            }
            assertTrue(fc.waitFor(10, TimeUnit.SECONDS), "fc-sim did not end after two sessions: " + Files.readString(log));
            assertEquals(0, fc.exitValue(), Files.readString(log));
            String out = Files.readString(log);
            List<String> ended = out.lines().filter(l -> l.contains("ended (plant silent)")).toList();
            assertEquals(2, ended.size(), out);
            for (String line : ended) {
                // each session's own counts: its sensor packets (4 or 5 a cycle for 300 cycles), none lost or corrupt
                assertTrue(line.contains(", 0 corrupt, 0 lost,") && line.matches(".* link: 1[0-9]{3} received,.*"), line);
            }
        } finally {
            fc.destroyForcibly();
        }
    }

    /** A pseudo-terminal pair from socat (installed by .ci/run): the loop over a byte stream, framed by the receivers. */
    @Test
    void theReferenceComputerLandsTheFalcon9StageOverASerialLine() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed (.ci/run installs it)");
        Path a = dir.resolve("fc-tty");
        Path b = dir.resolve("bench-tty");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b).redirectErrorStream(true).start();
        Path log = dir.resolve("fc-sim.log");
        Process fc = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!(Files.exists(a) && Files.exists(b)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(a) && Files.exists(b), "socat made no pair");
            fc = fcSim(log, "serial:" + a);
            InstalledProduct.Run r = InstalledProduct.run(180, "hil", F9, "--fc", "serial:" + b, "--rate", "100", "--json");
            JsonObject loop = assertLandedInTheLoop(r).getAsJsonObject("loop");
            assertEquals(0, loop.get("bytes_discarded").getAsLong(), loop.toString());
        } finally {
            if (fc != null) {
                stop(fc, log, true);
            }
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Nobody answers: the computer is reported silent, the engines are never lit and the plant flies the failure. */
    @Test
    void aSilentComputerIsReportedAndTheStageFallsUnpowered() throws Exception {
        int port = freeUdpPort();
        InstalledProduct.Run r = InstalledProduct.run(120, "hil", ZQ3, "--fc", "udp://127.0.0.1:" + port, "--rate", "100", "--json");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("the landing engines were never lit"), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("crashed", doc.getAsJsonObject("recovery").get("outcome").getAsString());
        JsonObject loop = doc.getAsJsonObject("loop");
        assertEquals(0, loop.get("cycles_answered").getAsLong());
        assertTrue(loop.get("latency_p50_us").isJsonNull(), loop.toString());
        // silent once the link's 0.5 s timeout has passed after the loop's first second (when it starts looking)
        double silent = loop.get("silent_at_s").getAsDouble();
        assertTrue(silent >= 1 && silent < 1.5, loop.toString());
        // a stage falling from the ignition point without its engines hits at hundreds of m/s
        assertTrue(doc.getAsJsonObject("recovery").get("touchdown_vertical_speed_m_s").getAsDouble() > 100);
    }

    @Test
    void mistakesOnTheLoopsCommandLinesAreExitTwoNamingTheOption() throws Exception {
        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, """
            {"name": "no commands", "packets": [{"name": "imu", "apid": 100, "direction": "telemetry",
              "fields": [{"name": "ax", "type": "f32", "unit": "m/s2"}]}]}
            """);
        String[][] cases = {
            {"--fc", "hil", F9, "--rate", "100"},
            {"--rate", "hil", F9, "--fc", "udp://127.0.0.1:9", "--rate", "5"},
            {"--rate", "hil", F9, "--fc", "udp://127.0.0.1:9"},
            {"--fc", "hil", F9, "--fc", "udp:/127.0.0.1", "--rate", "100"},
            {"--protocol", "hil", F9, "--fc", "udp://127.0.0.1:9", "--rate", "100", "--protocol", "mavlink"},
            {"expendable", "hil", EXAMPLES.resolve("missions/ceres1-yunyao-sso.mission").toString(), "--fc", "udp://127.0.0.1:9", "--rate", "100"},
            {"engine-command", "hil", F9, "--fc", "udp://127.0.0.1:9", "--rate", "100", "--dictionary", partial.toString()},
            {"--listen", "fc-sim"},
            {"--nodes", "fc-sim", "--listen", "udp://127.0.0.1:9", "--nodes", "3"},
            {"serial", "fc-sim", "--listen", "serial:" + dir.resolve("no-such-tty")},
        };
        for (String[] c : cases) {
            InstalledProduct.Run r = InstalledProduct.run(Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains(c[0]), String.join(" ", c) + ": " + r.err());
            assertFalse(r.err().contains("\tat "), "a stack trace: " + r.err());
        }
    }

    /**
     * Checks datagrams with tshark's CCSDS dissector: each is one space packet of version 0, unsegmented, of the
     * expected type and a dictionary APID, whose length field matches the datagram, with consecutive sequence counts
     * per APID. The packet error control (the last two octets) is checked here against CRC-16-CCITT computed bit by bit
     * (poly 0x1021, initial 0xFFFF: its published check value for "123456789" is 0x29B1, asserted first).
     */
    private void checkIndependently(List<byte[]> datagrams, int type, Set<Integer> apids) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")) && Files.isExecutable(Path.of("/usr/bin/text2pcap")),
            "tshark is not installed (.ci/run installs it)");
        assertFalse(datagrams.isEmpty());
        assertEquals(0x29B1, crc("123456789".getBytes(StandardCharsets.US_ASCII), 9));
        for (byte[] d : datagrams) {
            int crc = crc(d, d.length - 2);
            assertEquals(crc, ((d[d.length - 2] & 0xFF) << 8) | (d[d.length - 1] & 0xFF), "packet error control");
        }
        StringBuilder hex = new StringBuilder();
        for (byte[] d : datagrams) {
            for (int i = 0; i < d.length; i += 16) {
                hex.append(String.format("%06x", i));
                for (int j = i; j < Math.min(d.length, i + 16); j++) {
                    hex.append(String.format(" %02x", d[j] & 0xFF));
                }
                hex.append('\n');
            }
        }
        Path text = dir.resolve("wire-" + type + ".txt");
        Path pcap = dir.resolve("wire-" + type + ".pcap");
        Files.writeString(text, hex);
        run(List.of("/usr/bin/text2pcap", "-q", "-u", "40000,40001", text.toString(), pcap.toString()));
        String fields = run(List.of("/usr/bin/tshark", "-r", pcap.toString(), "-d", "udp.port==40001,ccsds", "-T", "fields",
            "-E", "separator=,", "-e", "ccsds.version", "-e", "ccsds.type", "-e", "ccsds.secheader", "-e", "ccsds.apid", "-e", "ccsds.seqflag",
            "-e", "ccsds.seqnum", "-e", "ccsds.length", "-e", "_ws.malformed", "-e", "ccsds.length.error"));
        String[] lines = fields.strip().split("\n");
        assertEquals(datagrams.size(), lines.length, "tshark decoded another number of packets");
        Map<Integer, Integer> last = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            String at = "packet " + i + ": " + lines[i];
            assertEquals("0", f[0], at);
            assertEquals(String.valueOf(type), f[1], at);
            assertTrue(f[2].equals("1") || f[2].equalsIgnoreCase("true"), at);
            int apid = Integer.parseInt(f[3]);
            assertTrue(apids.contains(apid), at);
            assertEquals("3", f[4], at);
            assertEquals(datagrams.get(i).length - 7, Integer.parseInt(f[6]), at);
            assertTrue(f[7].isEmpty() && f[8].isEmpty(), "tshark finds it malformed: " + at);
            int seq = Integer.parseInt(f[5]);
            Integer before = last.put(apid, seq);
            if (before != null) {
                assertEquals((before + 1) & 0x3FFF, seq, at);
            }
        }
    }

    private static int crc(byte[] data, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "cmd", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command));
        return Files.readString(out);
    }

    /** A UDP relay between the bench and the computer that keeps every datagram it forwards, in order. */
    private static final class Relay implements AutoCloseable {
        final List<byte[]> toComputer = new CopyOnWriteArrayList<>();
        final List<byte[]> toPlant = new CopyOnWriteArrayList<>();
        private final DatagramSocket benchSide;
        private final DatagramSocket computerSide;
        private final List<Thread> threads = new ArrayList<>();
        private volatile SocketAddress bench;

        Relay(int computerPort) throws SocketException {
            benchSide = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            computerSide = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketAddress computer = new InetSocketAddress(InetAddress.getLoopbackAddress(), computerPort);
            threads.add(Thread.ofPlatform().daemon().start(() -> pump(benchSide, computerSide, () -> computer, toComputer, true)));
            threads.add(Thread.ofPlatform().daemon().start(() -> pump(computerSide, benchSide, () -> bench, toPlant, false)));
        }

        int port() {
            return benchSide.getLocalPort();
        }

        private void pump(DatagramSocket from, DatagramSocket to, java.util.function.Supplier<SocketAddress> target, List<byte[]> kept,
                          boolean fromBench) {
            byte[] buffer = new byte[65_536];
            while (!from.isClosed()) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    from.receive(p);
                    if (fromBench) {
                        bench = p.getSocketAddress();
                    }
                    byte[] d = Arrays.copyOf(p.getData(), p.getLength());
                    kept.add(d);
                    SocketAddress t = target.get();
                    if (t != null) {
                        to.send(new DatagramPacket(d, d.length, t));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            benchSide.close();
            computerSide.close();
            for (Thread t : threads) {
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
