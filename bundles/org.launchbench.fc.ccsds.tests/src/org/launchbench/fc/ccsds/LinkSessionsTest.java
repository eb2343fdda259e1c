package org.launchbench.fc.ccsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;

/**
 * Sessions on real loopback sockets: a flight computer serves session after session whatever clients came before,
 * and a live session is bound to its peer, so foreign traffic is counted and dropped, never acted on. Each case
 * reproduces a defect found by probing the links (issue 27).
 */
class LinkSessionsTest {

    private static final PacketDictionary DICTIONARY = ShippedDictionaries.landing();
    private static final PacketDictionary.Packet IMU = DICTIONARY.byName("imu").orElseThrow();

    private static Map<String, Double> imu(double v) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String f : List.of("ax", "ay", "az", "wx", "wy", "wz")) {
            m.put(f, (double) (float) v);
        }
        return m;
    }

    /**
     * Was: fc-sim served only its first TCP connection; a second hil, or any after an idle or garbage connection,
     * got no answers, and 200 parallel connects made later runs time out. Now each session exchanges its 500
     * packets both ways with its own counts.
     */
    @Test
    void aTcpListenerServesSessionAfterSessionWhateverCameBefore() throws Exception {
        Endpoint e = Endpoint.parse("tcp://127.0.0.1:" + CcsdsLinkTest.freePort(), "--listen");
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", e.port());
        try (CcsdsLink computer = CcsdsLink.listen(e, DICTIONARY, Duration.ofMillis(500))) {
            for (int session = 0; session < 2; session++) {
                try (CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofSeconds(1))) {
                    CcsdsLinkTest.exchange(workbench, computer);
                }
                // a plant that has gone: its connection's end frees the computer for the next
                Thread.sleep(200);
            }
            List<Socket> others = new ArrayList<>();
            try {
                // an idle connection, and one that sends garbage and stays
                others.add(new Socket(at.getAddress(), at.getPort()));
                Socket garbage = new Socket(at.getAddress(), at.getPort());
                others.add(garbage);
                byte[] noise = new byte[4096];
                new SplittableRandom(27).nextBytes(noise);
                garbage.getOutputStream().write(noise);
                Thread.sleep(100);
                try (CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofSeconds(1))) {
                    CcsdsLinkTest.exchange(workbench, computer);
                }
                Thread.sleep(200);
                // 200 connects at once, all held open
                List<Thread> connecting = new ArrayList<>();
                ConcurrentLinkedQueue<Socket> held = new ConcurrentLinkedQueue<>();
                for (int i = 0; i < 200; i++) {
                    Thread t = new Thread(() -> {
                        try {
                            held.add(new Socket(at.getAddress(), at.getPort()));
                        } catch (java.io.IOException refused) {
                            // a connect the backlog refused: the burst's own failure, not the next session's
                        }
                    });
                    t.start();
                    connecting.add(t);
                }
                for (Thread t : connecting) {
                    t.join(10_000);
                }
                others.addAll(held);
                Thread.sleep(300);
                try (CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofSeconds(1))) {
                    CcsdsLinkTest.exchange(workbench, computer);
                }
            } finally {
                for (Socket s : others) {
                    s.close();
                }
            }
        }
    }

    /**
     * Was: corrupted copies of real packets from another port at 5,000/s crashed the stage, and exact replays at 20/s
     * split a run into 6 sessions. Now, while the peer speaks, whatever another port sends (valid packets, corrupt
     * copies, replays) is foreign: counted, dropped, never answered. Once the peer has been silent for the silence
     * timeout, a new sender starts a new session with its own counts, and the answers follow it.
     */
    @Test
    void aUdpSessionIsBoundToItsPeerUntilThePeerFallsSilent() throws Exception {
        Endpoint e = Endpoint.parse("udp://127.0.0.1:" + CcsdsLinkTest.freePort(), "--listen");
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", e.port());
        ConcurrentLinkedQueue<Packet> atComputer = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Packet> atWorkbench = new ConcurrentLinkedQueue<>();
        try (CcsdsLink computer = CcsdsLink.listen(e, DICTIONARY, Duration.ofMillis(300));
             CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofMillis(300));
             DatagramSocket intruder = new DatagramSocket()) {
            intruder.setSoTimeout(1);
            computer.subscribe(p -> {
                atComputer.add(p);
                computer.send("engine-command", Map.of("ignite", 1.0, "cutoff", 0.0, "throttle", p.value("ax"), "gimbal_pitch", 0.0,
                    "gimbal_yaw", 0.0), p.time());
            });
            workbench.subscribe(atWorkbench::add);
            SplittableRandom random = new SplittableRandom(5);
            int foreign = 0;
            int answersToIntruder = 0;
            List<byte[]> seen = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                workbench.send("imu", imu(k / 1000.0), k * 0.01);
                // ten foreign datagrams a cycle: valid packets of their own, corrupt and exact copies of the plant's
                for (int j = 0; j < 10; j++) {
                    byte[] d = switch (j % 3) {
                        case 0 -> PacketCodec.encode(IMU, imu(-1), k * 10 + j, k * 0.01);
                        case 1 -> {
                            byte[] c = PacketCodec.encode(IMU, imu(k / 1000.0), k, k * 0.01);
                            c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
                            yield c;
                        }
                        default -> PacketCodec.encode(IMU, imu(random.nextInt(k + 1) / 1000.0), random.nextInt(k + 1), k * 0.01);
                    };
                    seen.add(d);
                    intruder.send(new DatagramPacket(d, d.length, at));
                    foreign++;
                }
                answersToIntruder += drain(intruder);
                Thread.sleep(1);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (atWorkbench.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            answersToIntruder += drain(intruder);
            assertEquals(200, atComputer.size(), "the plant's packets, and only them: " + computer.statistics());
            int k = 0;
            for (Packet p : atComputer) {
                assertEquals((float) (k++ / 1000.0), p.value("ax"), 0);
            }
            assertEquals(200, atWorkbench.size(), "every answer went to the peer: " + workbench.statistics());
            assertEquals(0, answersToIntruder);
            LinkStatistics s = computer.statistics();
            assertEquals(foreign, s.packetsForeign());
            assertEquals(0, s.packetsCorrupt() + s.packetsLost() + s.packetsDuplicate() + s.packetsStale(), s.toString());
            assertEquals(200, s.packetsSent());

            // the plant falls silent; after the silence timeout the next sender is a new session
            Thread.sleep(500);
            atComputer.clear();
            for (int j = 0; j < 50; j++) {
                byte[] d = PacketCodec.encode(IMU, imu(0.5), j, j * 0.01);
                intruder.send(new DatagramPacket(d, d.length, at));
                Thread.sleep(2);
                answersToIntruder += drain(intruder);
            }
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (answersToIntruder < 50 && System.nanoTime() < deadline) {
                answersToIntruder += drain(intruder);
            }
            assertEquals(50, atComputer.size());
            assertEquals(50, answersToIntruder);
            s = computer.statistics();
            assertEquals(new LinkStatistics(50, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), s, "a new session, new counts");
            // the connecting end's peer is its endpoint for good: the intruder's datagrams to it are foreign
            int before = atWorkbench.size();
            InetSocketAddress workbenchAddress = new InetSocketAddress("127.0.0.1", localPort(workbench));
            for (byte[] d : seen.subList(0, 30)) {
                intruder.send(new DatagramPacket(d, d.length, workbenchAddress));
            }
            Thread.sleep(300);
            assertEquals(before, atWorkbench.size());
            assertEquals(30, workbench.statistics().packetsForeign());
        }
    }

    /** The connecting end's own port (its socket is the transport's; the link has no reason to show it). */
    private static int localPort(CcsdsLink link) throws Exception {
        java.lang.reflect.Field t = CcsdsLink.class.getDeclaredField("transport");
        t.setAccessible(true);
        java.lang.reflect.Field socket = t.get(link).getClass().getDeclaredField("socket");
        socket.setAccessible(true);
        return ((DatagramSocket) socket.get(t.get(link))).getLocalPort();
    }

    private static int drain(DatagramSocket s) throws Exception {
        int n = 0;
        byte[] b = new byte[2048];
        while (true) {
            try {
                s.receive(new DatagramPacket(b, b.length));
                n++;
            } catch (SocketTimeoutException none) {
                return n;
            }
        }
    }
}
