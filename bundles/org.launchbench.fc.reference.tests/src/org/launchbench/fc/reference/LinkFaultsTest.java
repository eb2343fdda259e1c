package org.launchbench.fc.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.CcsdsLink;
import org.launchbench.fc.ccsds.LinkCounters;
import org.launchbench.fc.ccsds.PacketCodec;
import org.launchbench.fc.ccsds.PacketReceiver;
import org.launchbench.fc.ccsds.ShippedDictionaries;
import org.launchbench.fc.hil.LandingPlant;
import org.launchbench.fc.hil.LoopStatistics;
import org.launchbench.fc.hil.RealTimeLoop;
import org.launchbench.trajectory.ascent.RecoveryResult;

/**
 * Link faults (issue 27): the Falcon 9 example's landing flown in real time with the reference computer, through a
 * relay of the test's own that drops, corrupts and delays datagrams both ways ({@link FaultyRelay}), and with foreign
 * traffic aimed at the computer. The loop, the computer and the receivers never hang or throw; the stage lands or
 * not as physics dictates; the link's counts tell the relay's truth.
 */
class LinkFaultsTest {

    private static final PacketDictionary DICTIONARY = ShippedDictionaries.landing();

    private record Flight(LandingPlant plant, LoopStatistics loop, LinkStatistics atComputer, long sessions, long foreignSent, long kernelDrops) {
    }

    /**
     * @return UDP datagrams the kernel has dropped for full receive buffers (RcvbufErrors of /proc/net/snmp, this
     *         network namespace), or 0 where it cannot be read
     */
    private static long udpReceiveBufferErrors() throws java.io.IOException {
        java.nio.file.Path snmp = java.nio.file.Path.of("/proc/net/snmp");
        if (!java.nio.file.Files.isReadable(snmp)) {
            return 0;
        }
        List<String> udp = java.nio.file.Files.readAllLines(snmp).stream().filter(l -> l.startsWith("Udp: ")).toList();
        List<String> names = List.of(udp.get(0).split("\\s+"));
        return Long.parseLong(udp.get(1).split("\\s+")[names.indexOf("RcvbufErrors")]);
    }

    private static Flight fly(FaultyRelay.Direction[] record, double rate, double loss, double corruption, long seed, boolean intruder)
        throws Exception {
        LandingPlant plant = new LandingPlant(ReferenceFlightComputerTest.falcon9().burn());
        int port = ReferenceFlightComputerTest.freePort();
        AtomicLong foreign = new AtomicLong();
        long dropsBefore = udpReceiveBufferErrors();
        try (CcsdsLink computerEnd = CcsdsLink.listen(Endpoint.parse("udp://127.0.0.1:" + port, "--listen"), DICTIONARY, Duration.ofSeconds(1));
             ReferenceFlightComputer fc = new ReferenceFlightComputer(computerEnd, 20, 1);
             FaultyRelay relay = new FaultyRelay(port, loss, corruption, 2_000_000, seed);
             CcsdsLink bench = CcsdsLink.connect(Endpoint.parse("udp://127.0.0.1:" + relay.port(), "--fc"), DICTIONARY, Duration.ofMillis(500));
             DatagramSocket other = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread flood = new Thread(() -> {
                // 5,000 a second: corrupted copies of the plant's packets, and every 50 ms an exact replay of an earlier one
                SplittableRandom random = new SplittableRandom(seed + 1);
                // at a live session: the plant's packets have reached the computer
                while (computerEnd.statistics().packetsReceived() == 0 && !other.isClosed()) {
                    LockSupport.parkNanos(1_000_000);
                }
                long next = System.nanoTime();
                for (int k = 0; !other.isClosed(); k++) {
                    byte[] b = relay.earlier();
                    if (b != null) {
                        if (k % 250 != 0) {
                            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                        }
                        try {
                            other.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
                            foreign.incrementAndGet();
                        } catch (java.io.IOException closed) {
                            return;
                        }
                    }
                    next += 200_000;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            });
            flood.setDaemon(true);
            if (intruder) {
                flood.start();
            }
            LoopStatistics loop = new RealTimeLoop(rate, 60).run(plant, bench, null);
            other.close();
            flood.join(2000);
            // the computer's last answers through the relay's jitter; then the relay stops, its record final, and the
            // links take what it sent last
            Thread.sleep(100);
            relay.close();
            Thread.sleep(50);
            record[0] = relay.toComputer;
            record[1] = relay.toBench;
            return new Flight(plant, loop.withLink(bench.statistics()),
                computerEnd.statistics(), fc.sessions(), foreign.get(), udpReceiveBufferErrors() - dropsBefore);
        }
    }

    /**
     * What a receiver counted against what the relay did on its way: every corrupt datagram (those sent on before the
     * first intact one reach a listening end that has no peer yet, which calls them foreign), every late one (a later
     * one of its APID sent on before it), no duplicates, replays or resyncs; lost packets no more than were dropped,
     * and no fewer than were dropped less the faults older than the first or newer than the newest intact packet of
     * their APID (no gap shows those). Each datagram the kernel dropped for a full receive buffer never reached the
     * link: with none the counts are exact, and each can take one off the corrupt and late counts, or add one lost.
     */
    private static void countsTellTheTruth(String way, LinkStatistics s, FaultyRelay.Direction truth, boolean listening, long kernelDrops) {
        String said = way + ": " + s + "; the relay: " + truth.dropped() + " dropped, " + truth.corrupted() + " corrupted, " + truth.late()
            + " late, " + truth.unseenAtTheEdges() + " faults at the edges; " + kernelDrops + " dropped by the kernel; a fresh receiver of"
            + " what the relay sent counts " + offline(truth);
        long corrupt = truth.corrupted() - (listening ? truth.corruptedBeforeAnyIntact() : 0);
        assertTrue(s.packetsCorrupt() <= corrupt && s.packetsCorrupt() >= corrupt - kernelDrops, said);
        assertTrue(s.packetsOutOfOrder() <= truth.late() && (kernelDrops > 0 || s.packetsOutOfOrder() == truth.late()), said);
        assertEquals(0, s.packetsDuplicate() + s.packetsStale() + s.unknownApid() + s.sequenceResyncs(), said);
        assertTrue(s.packetsLost() <= truth.dropped() + kernelDrops && s.packetsLost() >= truth.dropped() - truth.unseenAtTheEdges(), said);
    }

    /** @return the counts a fresh receiver makes of what the relay sent on (a second opinion for a failure's message) */
    private static LinkStatistics offline(FaultyRelay.Direction d) {
        LinkCounters c = new LinkCounters();
        PacketReceiver r = new PacketReceiver(new PacketCodec(DICTIONARY), c, p -> { });
        for (byte[] b : d.octets()) {
            r.datagram(b, 0, b.length);
        }
        return c.snapshot();
    }

    /**
     * 5 % loss, 5 % corruption and 2 ms of jitter each way at 1 kHz, where the jitter reorders an APID's packets. On two
     * cores shared by the loop, the computer, its guidance and the relay, answers come two cycles late and some 40 %
     * of cycles go unanswered, so the touchdown is near the legs' limits (eight of nine runs landed, 0.6 to 2.8 m/s
     * down; one touched down at 2.1 m/s across; a later CI run on the loaded machine, 6.1 m/s across): the outcome is the
     * physics', and asserted only to be a touchdown judged by the legs, never a silent computer or a hang.
     */
    @Test
    void everyFaultIsCountedThroughLossCorruptionAndJitterAt1kHz() throws Exception {
        FaultyRelay.Direction[] truth = new FaultyRelay.Direction[2];
        Flight f = fly(truth, 1000, 0.05, 0.05, 27, false);
        assertTrue(f.plant().finished(), "the loop ran out of time: " + f.loop());
        RecoveryResult r = f.plant().result();
        System.out.println("5 %, 1 kHz: " + r.outcome() + " " + r.missDistance() + " m, " + r.touchdownVerticalSpeed() + " m/s; " + f.loop()
            + "; at the computer " + f.atComputer());
        assertTrue(Double.isNaN(f.loop().silentAt()), "the computer fell silent: " + f.loop());
        assertTrue(r.outcome() == RecoveryResult.Outcome.LANDED || r.reason().startsWith("touched down at"), r.reason());
        // near the legs' limits, not far beyond them: a loop that lost control would come down at tens of m/s (10 m/s: the
        // runs measured reach 6.1 m/s across under the machine's load, 2026-12-07)
        assertTrue(r.touchdownVerticalSpeed() < 10 && r.touchdownHorizontalSpeed() < 10, r.toString());
        assertEquals(1, f.sessions());
        assertTrue(truth[1].late() > 0 && truth[0].late() > 0, "2 ms of jitter at 1 kHz reorders each way");
        countsTellTheTruth("commands at the bench", f.loop().link(), truth[1], false, f.kernelDrops());
        countsTellTheTruth("sensors at the computer", f.atComputer(), truth[0], true, f.kernelDrops());
        assertTrue(f.atComputer().packetsForeign() <= truth[0].corruptedBeforeAnyIntact(), f.atComputer().toString());
    }

    /**
     * 20 % loss and 5 % corruption with 2 ms of jitter at 100 Hz, while another port sends the computer 5,000
     * corrupted copies of the plant's packets a second and 20 exact replays (was: the stage crashed, and replays split
     * the run into sessions). The session stays one; every foreign datagram the kernel delivered is counted foreign.
     */
    @Test
    void theStageLandsThroughHeavyLossWhileAnotherPortFloodsTheComputer() throws Exception {
        FaultyRelay.Direction[] truth = new FaultyRelay.Direction[2];
        Flight f = fly(truth, 100, 0.20, 0.05, 28, true);
        assertTrue(f.plant().finished(), "the loop ran out of time: " + f.loop());
        RecoveryResult r = f.plant().result();
        System.out.println("20 % and a flood, 100 Hz: " + r.outcome() + " " + r.missDistance() + " m, " + r.touchdownVerticalSpeed() + " m/s; "
            + f.loop() + "; at the computer " + f.atComputer() + "; " + f.foreignSent() + " foreign sent");
        assertEquals(1, f.sessions(), "the replays did not start sessions");
        countsTellTheTruth("commands at the bench", f.loop().link(), truth[1], false, f.kernelDrops());
        countsTellTheTruth("sensors at the computer", f.atComputer(), truth[0], true, f.kernelDrops());
        // every foreign datagram the kernel delivered, and the relay's corrupt ones before the session had its peer
        LinkStatistics c = f.atComputer();
        long foreign = f.foreignSent() + truth[0].corruptedBeforeAnyIntact();
        assertTrue(c.packetsForeign() <= foreign && c.packetsForeign() >= foreign - f.kernelDrops(), c + ", " + f.foreignSent()
            + " foreign sent, " + f.kernelDrops() + " dropped by the kernel");
        assertEquals(RecoveryResult.Outcome.LANDED, r.outcome(), r.reason());
    }
}
