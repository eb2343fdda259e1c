package org.launchbench.fc.reference;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A UDP relay of the test's own between the bench and the flight computer: each datagram, each way, is dropped with
 * probability {@code loss}, has one bit flipped with probability {@code corruption}, and is delayed by a uniform
 * jitter (seeded). It keeps every datagram's fate, and the order in which intact ones were sent on, so the test knows
 * the truth the link's counts must tell.
 */
final class FaultyRelay implements AutoCloseable {

    /**
     * One datagram's fate: its APID, its place among its APID's datagrams as the sender sent them (the sequence count
     * unwrapped: loopback delivers a socket's datagrams in order), and what the relay did to it.
     */
    record Fate(int apid, int index, boolean dropped, boolean corrupted) {
        boolean intact() {
            return !dropped && !corrupted;
        }
    }

    /** One direction's record. */
    static final class Direction {
        final List<Fate> fates = new ArrayList<>();
        /** Datagrams sent on, in the order they were sent after their delays. */
        final List<Fate> forwarded = new ArrayList<>();
        /** Their octets, as sent on. */
        private final List<byte[]> octets = new ArrayList<>();
        private final int[] sent = new int[2048];

        synchronized Fate arrived(int apid, boolean dropped, boolean corrupted) {
            Fate f = new Fate(apid, sent[apid]++, dropped, corrupted);
            fates.add(f);
            return f;
        }

        synchronized List<byte[]> octets() {
            return List.copyOf(octets);
        }

        synchronized long dropped() {
            return fates.stream().filter(Fate::dropped).count();
        }

        synchronized long corrupted() {
            return fates.stream().filter(Fate::corrupted).count();
        }

        /** @return corrupted datagrams sent on before the first intact one: a listening end without a peer calls them foreign */
        synchronized long corruptedBeforeAnyIntact() {
            long n = 0;
            for (Fate f : forwarded) {
                if (f.intact()) {
                    break;
                }
                n++;
            }
            return n;
        }

        /** @return intact datagrams sent on after a later one of their APID (late at the receiver) */
        synchronized long late() {
            int[] highest = new int[2048];
            java.util.Arrays.fill(highest, -1);
            long late = 0;
            for (Fate f : forwarded) {
                if (f.intact()) {
                    if (f.index() < highest[f.apid()]) {
                        late++;
                    } else {
                        highest[f.apid()] = f.index();
                    }
                }
            }
            return late;
        }

        /**
         * @return dropped or corrupted datagrams older than the first intact one the receiver took, or newer than the
         *         newest: no gap in the counts it sees can show them
         */
        synchronized long unseenAtTheEdges() {
            int[] first = new int[2048];
            int[] newest = new int[2048];
            java.util.Arrays.fill(first, -1);
            java.util.Arrays.fill(newest, -1);
            for (Fate f : forwarded) {
                if (f.intact()) {
                    if (first[f.apid()] < 0) {
                        first[f.apid()] = f.index();
                    }
                    newest[f.apid()] = Math.max(newest[f.apid()], f.index());
                }
            }
            return fates.stream().filter(f -> !f.intact() && (f.index() < first[f.apid()] || f.index() > newest[f.apid()])).count();
        }
    }

    final Direction toComputer = new Direction();
    final Direction toBench = new Direction();
    private final DatagramSocket front;
    private final DatagramSocket back;
    private final InetSocketAddress computer;
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private final List<Thread> pumps = new ArrayList<>();
    private volatile SocketAddress bench;
    private volatile boolean closing;
    /** The last intact datagrams from the bench, newest last (for replays). */
    private final java.util.concurrent.ConcurrentLinkedDeque<byte[]> recent = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /**
     * @param computerPort the computer's port on loopback
     * @param loss         probability a datagram is dropped
     * @param corruption   probability a datagram has a bit flipped
     * @param jitterNanos  each datagram is delayed uniformly within this
     * @param seed         the faults' seed
     */
    FaultyRelay(int computerPort, double loss, double corruption, long jitterNanos, long seed) throws IOException {
        front = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        back = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        front.setReceiveBufferSize(1 << 22);
        back.setReceiveBufferSize(1 << 22);
        front.setSoTimeout(10);
        back.setSoTimeout(10);
        computer = new InetSocketAddress(InetAddress.getLoopbackAddress(), computerPort);
        SplittableRandom random = new SplittableRandom(seed);
        pumps.add(pump(front, back, true, toComputer, random.split(), loss, corruption, jitterNanos));
        pumps.add(pump(back, front, false, toBench, random.split(), loss, corruption, jitterNanos));
    }

    /** @return the port the bench sends to */
    int port() {
        return front.getLocalPort();
    }

    /** @return the oldest of the last thousand intact datagrams from the bench (a copy), or null before any */
    byte[] earlier() {
        byte[] b = recent.peekFirst();
        return b == null ? null : b.clone();
    }

    private Thread pump(DatagramSocket from, DatagramSocket to, boolean fromBench, Direction record, SplittableRandom random, double loss,
                        double corruption, long jitterNanos) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[65_536];
            while (!closing) {
                DatagramPacket d = new DatagramPacket(buffer, buffer.length);
                try {
                    from.receive(d);
                } catch (java.net.SocketTimeoutException quiet) {
                    continue;
                } catch (IOException closed) {
                    return;
                }
                if (fromBench) {
                    bench = d.getSocketAddress();
                }
                SocketAddress target = fromBench ? computer : bench;
                byte[] b = java.util.Arrays.copyOf(d.getData(), d.getLength());
                int apid = (b[0] & 0x07) << 8 | b[1] & 0xFF;
                double r = random.nextDouble();
                boolean dropped = r < loss;
                boolean corrupted = !dropped && r < loss + corruption;
                if (corrupted) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                Fate fate = record.arrived(apid, dropped, corrupted);
                if (fromBench && !corrupted) {
                    recent.add(b.clone());
                    if (recent.size() > 1000) {
                        recent.poll();
                    }
                }
                if (dropped || target == null) {
                    continue;
                }
                long delay = jitterNanos > 0 ? random.nextLong(jitterNanos) : 0;
                delays.schedule(() -> {
                    try {
                        to.send(new DatagramPacket(b, b.length, target));
                        synchronized (record) {
                            record.forwarded.add(fate);
                            record.octets.add(b);
                        }
                    } catch (IOException closed) {
                        // the relay is closing
                    }
                }, delay, TimeUnit.NANOSECONDS);
            }
        }, "faulty relay " + (fromBench ? "to computer" : "to bench"));
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Stops taking datagrams, sends on those already delayed, then closes: afterwards the record is final and every
     * datagram it says was sent on has been.
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        for (Thread t : pumps) {
            t.join(2000);
        }
        delays.shutdown();
        delays.awaitTermination(2, TimeUnit.SECONDS);
        front.close();
        back.close();
    }
}
