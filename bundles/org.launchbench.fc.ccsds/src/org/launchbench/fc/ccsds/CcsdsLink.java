package org.launchbench.fc.ccsds;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;

/**
 * A {@link FlightComputerLink} of CCSDS space packets over UDP, TCP or a serial line. A daemon thread receives;
 * sends happen on the caller's thread, encoded and written under one lock so that an APID's counts go out in order.
 * A write that fails (no peer yet, the peer gone) is counted in the statistics, not thrown: the loop goes on and the
 * link's health tells. A subscriber that throws is counted and the link keeps receiving; a connecting end's byte
 * stream that fails (a reset connection) ends the receiving, and the link turns silent.
 * <p>
 * <b>Sessions.</b> A session is bound to its peer. A connecting end's peer is its endpoint for good. A listening
 * end's is the first source, UDP sender or TCP connection, whose packet is valid; another source takes over only
 * once the peer has been silent for the silence timeout or its connection has ended, and starts a new session with
 * new counts. Until then, packets from other sources are counted as foreign and dropped, never delivered: a stray
 * or hostile sender cannot split a session or steer the flight computer's answers. Within the session, the peer's
 * replays and stale packets are dropped by the {@link SequenceWindow}. None of this is authentication: a sender
 * that forges the peer's address gets through (docs/flight-computer.md).
 */
public final class CcsdsLink implements FlightComputerLink {

    private final Transport transport;
    private final PacketCodec codec;
    /** The session's counts: a new peer gets new ones. */
    private volatile LinkCounters counters = new LinkCounters();
    private final List<Consumer<Packet>> listeners = new CopyOnWriteArrayList<>();
    private final long silenceNanos;
    private final Thread receiver;
    private volatile boolean open = true;
    private volatile long lastHeard = System.nanoTime();

    private CcsdsLink(Transport transport, PacketDictionary dictionary, Duration silence, String name) {
        this.transport = transport;
        this.codec = new PacketCodec(dictionary);
        this.silenceNanos = silence.toNanos();
        this.receiver = new Thread(this::receive, name);
        receiver.setDaemon(true);
        receiver.start();
    }

    /**
     * The workbench's end: sends to a listening flight computer.
     *
     * @param silence no valid packet for this long makes the link {@link Health#SILENT}
     * @throws org.launchbench.core.InvalidInputException when the endpoint cannot be opened
     */
    public static CcsdsLink connect(Endpoint endpoint, PacketDictionary dictionary, Duration silence) {
        return new CcsdsLink(Transport.open(endpoint, false), dictionary, silence, "fc-link " + endpoint);
    }

    /**
     * The flight computer's end: listens on the endpoint and answers its session's peer. Returns at once: TCP
     * connections are accepted, one session after another, by the receiving thread.
     */
    public static CcsdsLink listen(Endpoint endpoint, PacketDictionary dictionary, Duration silence) {
        return new CcsdsLink(Transport.open(endpoint, true), dictionary, silence, "fc-listen " + endpoint);
    }

    private void receive() {
        new Sessions().run();
    }

    /** The receiving thread's state: the session's peer and a receiver per source. */
    private final class Sessions {
        private Object peer = transport.peer();
        private final boolean fixed = peer != null;
        /** A datagram transport's receiver for its peer; a stream transport's per source. */
        private PacketReceiver peerDatagrams = new PacketReceiver(codec, counters, this::deliver);
        private final Map<Object, PacketReceiver> streams = new HashMap<>();
        private long peerHeard = System.nanoTime();

        void run() {
            byte[] buffer = new byte[65_542];
            while (open) {
                int n;
                try {
                    n = transport.read(buffer);
                } catch (IOException e) {
                    if (!open || fixed && !transport.datagrams()) {
                        // a connecting end's failed byte stream (a reset connection) does not come back
                        return;
                    }
                    pause();
                    continue;
                }
                Object source = transport.source();
                if (n < 0) {
                    if (fixed) {
                        return;
                    }
                    streams.remove(source);
                } else if (n > 0) {
                    octets(source, buffer, n);
                }
            }
        }

        private void octets(Object source, byte[] buffer, int n) {
            if (transport.datagrams()) {
                if (source.equals(peer) && !fixed && silent() && valid(buffer, n)) {
                    // the peer back after its silence (a plant restarted on the same port): a new session
                    counters = new LinkCounters();
                    peerDatagrams = new PacketReceiver(codec, counters, this::deliver);
                }
                if (source.equals(peer)) {
                    peerDatagrams.datagram(buffer, 0, n);
                } else {
                    if (free() && valid(buffer, n)) {
                        bind(source);
                        peerDatagrams = new PacketReceiver(codec, counters, this::deliver);
                        peerDatagrams.datagram(buffer, 0, n);
                    } else {
                        counters.foreign.incrementAndGet();
                    }
                }
            } else {
                streams.computeIfAbsent(source, s -> new PacketReceiver(codec, s.equals(peer) ? counters : new LinkCounters(),
                    p -> fromStream(s, p))).stream(buffer, 0, n);
            }
        }

        private void fromStream(Object source, Packet p) {
            if (!source.equals(peer)) {
                if (!free()) {
                    counters.foreign.incrementAndGet();
                    return;
                }
                bind(source);
                streams.get(source).countInto(counters);
            }
            deliver(p);
        }

        /** @return whether another source may become the peer: none yet, or the peer silent or gone */
        private boolean free() {
            return !fixed && (peer == null || !transport.open(peer) || silent());
        }

        /** @return whether a datagram is one whole valid packet */
        private boolean valid(byte[] buffer, int n) {
            PacketCodec.Decoded d = codec.decode(buffer, 0, n);
            return d.fault() == null && d.length() == n;
        }

        /** @return whether the peer has sent nothing valid for the silence timeout */
        private boolean silent() {
            return System.nanoTime() - peerHeard > silenceNanos;
        }

        private void bind(Object source) {
            if (peer != null) {
                // a new session after another: its own counts (the first keeps what arrived before anyone was bound)
                counters = new LinkCounters();
            }
            peer = source;
            transport.answer(source);
        }

        private void deliver(Packet p) {
            long now = System.nanoTime();
            peerHeard = now;
            lastHeard = now;
            for (Consumer<Packet> l : listeners) {
                try {
                    l.accept(p);
                } catch (RuntimeException e) {
                    counters.listenerErrors.incrementAndGet();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void send(String packet, Map<String, Double> values, double time) {
        synchronized (codec) {
            byte[] octets = codec.encode(packet, values, time);
            try {
                transport.write(octets);
                counters.sent();
            } catch (IOException e) {
                counters.sendsFailed.incrementAndGet();
            }
        }
    }

    @Override
    public Subscription subscribe(Consumer<Packet> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Health health() {
        if (!open) {
            return Health.CLOSED;
        }
        return System.nanoTime() - lastHeard > silenceNanos ? Health.SILENT : Health.NOMINAL;
    }

    @Override
    public LinkStatistics statistics() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            transport.close();
            try {
                receiver.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
