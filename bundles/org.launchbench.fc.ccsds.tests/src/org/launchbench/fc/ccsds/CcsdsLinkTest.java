package org.launchbench.fc.ccsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;

/**
 * Links over real transports: UDP and TCP on loopback sockets, and a serial line over a pseudo-terminal pair made by
 * socat. Packets go both ways (sensor telemetry to the flight computer, its commands back), all arrive in order and
 * intact; a peer that stops talking makes the link silent.
 */
class CcsdsLinkTest {

    private static final PacketDictionary DICTIONARY = ShippedDictionaries.landing();

    @TempDir
    Path dir;

    static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void exchange(FlightComputerLink workbench, FlightComputerLink computer) throws Exception {
        ConcurrentLinkedQueue<Packet> atComputer = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Packet> atWorkbench = new ConcurrentLinkedQueue<>();
        computer.subscribe(atComputer::add);
        workbench.subscribe(atWorkbench::add);
        int n = 500;
        for (int k = 0; k < n; k++) {
            Map<String, Double> imu = new LinkedHashMap<>();
            for (String f : List.of("ax", "ay", "az", "wx", "wy", "wz")) {
                imu.put(f, (double) (float) (k * 0.5));
            }
            workbench.send("imu", imu, k * 0.01);
            if (k == 0) {
                // the computer answers once it has heard the workbench (a listening UDP end answers whoever spoke last)
                long heard = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (atComputer.isEmpty() && System.nanoTime() < heard) {
                    Thread.sleep(1);
                }
            }
            computer.send("engine-command", Map.of("ignite", 1.0, "cutoff", 0.0, "throttle", (double) (float) (k / (double) n),
                "gimbal_pitch", 0.0, "gimbal_yaw", 0.0), k * 0.01);
            if (k % 50 == 0) {
                Thread.sleep(2);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((atComputer.size() < n || atWorkbench.size() < n) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, atComputer.size(), "telemetry at the computer: " + computer.statistics());
        assertEquals(n, atWorkbench.size(), "commands at the workbench: " + workbench.statistics());
        int k = 0;
        for (Packet p : atWorkbench) {
            assertEquals((float) (k++ / (double) n), p.value("throttle"), 0);
        }
        assertEquals(0, computer.statistics().packetsLost() + computer.statistics().packetsCorrupt());
        // the session's own counts, its first packet among them (one before it is bound to its peer)
        assertEquals(n, computer.statistics().packetsReceived(), computer.statistics().toString());
        assertEquals(n, workbench.statistics().packetsSent());
        assertEquals(n, computer.statistics().packetsSent());
        assertEquals(FlightComputerLink.Health.NOMINAL, workbench.health());
    }

    @Test
    void udpCarriesPacketsBothWaysAndASilentPeerIsNoticed() throws Exception {
        Endpoint e = Endpoint.parse("udp://127.0.0.1:" + freePort(), "--fc");
        try (CcsdsLink computer = CcsdsLink.listen(e, DICTIONARY, Duration.ofMillis(300));
             CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofMillis(300))) {
            // before anyone has spoken to it, the listening end has nobody to answer: refused, counted, not thrown
            computer.send("engine-command", Map.of("ignite", 0.0, "cutoff", 0.0, "throttle", 0.0, "gimbal_pitch", 0.0, "gimbal_yaw", 0.0), 0);
            assertEquals(1, computer.statistics().sendsFailed());
            assertEquals(0, computer.statistics().packetsSent());
            exchange(workbench, computer);
            computer.close();
            Thread.sleep(600);
            assertEquals(FlightComputerLink.Health.SILENT, workbench.health());
        }
    }

    @Test
    void tcpCarriesPacketsBothWays() throws Exception {
        Endpoint e = Endpoint.parse("tcp://127.0.0.1:" + freePort(), "--fc");
        try (CcsdsLink c = CcsdsLink.listen(e, DICTIONARY, Duration.ofSeconds(1)); CcsdsLink workbench = CcsdsLink.connect(e, DICTIONARY, Duration.ofSeconds(1))) {
            exchange(workbench, c);
        }
    }

    /** A pseudo-terminal pair from socat (installed by .ci/run): the serial transport's byte stream, framed by the receiver. */
    @Test
    void aSerialLineOverASocatPairCarriesPacketsBothWays() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed (.ci/run installs it)");
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!(Files.exists(a) && Files.exists(b)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(a) && Files.exists(b), "socat made no pair");
            try (CcsdsLink computer = CcsdsLink.listen(Endpoint.parse("serial:" + a, "--listen"), DICTIONARY, Duration.ofSeconds(1));
                 CcsdsLink workbench = CcsdsLink.connect(Endpoint.parse("serial:" + b, "--fc"), DICTIONARY, Duration.ofSeconds(1))) {
                exchange(workbench, computer);
            }
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The provider the workbench finds as a DS service opens the same links. */
    @Test
    void theCcsdsProviderIsADsService() throws Exception {
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(CcsdsLinkTest.class).getBundleContext();
        org.launchbench.fc.api.LinkProvider provider = null;
        for (var ref : context.getServiceReferences(org.launchbench.fc.api.LinkProvider.class, null)) {
            org.launchbench.fc.api.LinkProvider p = context.getService(ref);
            if (p.protocol().equals("ccsds")) {
                provider = p;
            }
        }
        assertTrue(provider != null, "no ccsds LinkProvider service");
        Endpoint e = Endpoint.parse("udp://127.0.0.1:" + freePort(), "--fc");
        try (FlightComputerLink computer = provider.listen(e, DICTIONARY, Duration.ofSeconds(1));
             FlightComputerLink workbench = provider.connect(e, DICTIONARY, Duration.ofSeconds(1))) {
            exchange(workbench, computer);
        }
    }

    @Test
    void badEndpointsAreBadInput() {
        for (String bad : List.of("udp://127.0.0.1", "http://x:1", "serial:", "tcp://:80", "udp://h:70000")) {
            InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> Endpoint.parse(bad, "--fc"));
            assertTrue(e.userMessage().contains("--fc") && e.userMessage().contains("udp://HOST:PORT"), e.userMessage());
        }
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
            () -> CcsdsLink.connect(Endpoint.parse("serial:/dev/no-such-tty", "--fc"), DICTIONARY, Duration.ofSeconds(1)));
        assertTrue(e.userMessage().contains("/dev/no-such-tty"), e.userMessage());
    }
}
