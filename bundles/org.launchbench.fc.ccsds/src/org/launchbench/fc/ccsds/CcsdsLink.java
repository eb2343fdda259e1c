package org.launchbench.fc.ccsds;

import java.io.IOException;
import java.time.Duration;
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
 * link's health tells. A subscriber that throws is counted and the link keeps receiving; a byte stream that fails
 * (a reset connection) ends the receiving, and the link turns silent.
 */
public final class CcsdsLink implements FlightComputerLink {

    private final Transport transport;
    private final PacketCodec codec;
    private final LinkCounters counters = new LinkCounters();
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

    /** The flight computer's end: listens on the endpoint (TCP: waits for the connection) and answers its peer. */
    public static CcsdsLink listen(Endpoint endpoint, PacketDictionary dictionary, Duration silence) {
        return new CcsdsLink(Transport.open(endpoint, true), dictionary, silence, "fc-listen " + endpoint);
    }

    private void receive() {
        PacketReceiver r = new PacketReceiver(codec, counters, p -> {
            lastHeard = System.nanoTime();
            for (Consumer<Packet> l : listeners) {
                try {
                    l.accept(p);
                } catch (RuntimeException e) {
                    counters.listenerErrors.incrementAndGet();
                }
            }
        });
        byte[] buffer = new byte[65_542];
        while (open) {
            int n;
            try {
                n = transport.read(buffer);
            } catch (IOException e) {
                if (!open || !transport.datagrams()) {
                    // a failed byte stream (a reset connection) does not come back
                    return;
                }
                pause();
                continue;
            }
            if (n < 0) {
                return;
            }
            if (n > 0) {
                if (transport.datagrams()) {
                    if (r.datagram(buffer, 0, n) && transport.acceptSender()) {
                        r.newPeer();
                    }
                } else {
                    r.stream(buffer, 0, n);
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
