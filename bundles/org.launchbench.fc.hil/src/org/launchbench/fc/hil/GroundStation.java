package org.launchbench.fc.hil;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.PacketCodec;

/**
 * The loop's window to a ground system ({@code hil --tm-forward}, {@code --tc-listen}; issue 27): every packet crossing
 * the flight-computer link, both ways, mirrored as a CCSDS space packet of the dictionary to a UDP address (the same
 * values and time, in the mirror's own sequence count per APID, whatever the link's protocol; encoded and sent by a
 * thread of its own, so that the loop thread only hands the values over), and ground commands
 * taken from a UDP port. A ground command is decoded against the dictionary (header, APID, length, CRC) and must be a
 * {@value #GROUND_COMMAND} packet with values in range; any other is counted and logged, never acted on. An accepted
 * one reaches the loop as a command packet with no loop time (-1 s), and the plant honours it
 * ({@link LandingPlant#step}); a {@value #GROUND_COMMAND} the flight computer sends is mirrored but not obeyed.
 */
public final class GroundStation implements AutoCloseable {

    /** The telecommand a ground system sends the plant: {@code abort} (0 or 1) and {@code throttle_limit} (0 to 1). */
    public static final String GROUND_COMMAND = "ground-command";
    /** At most this many refused commands are logged one by one; the rest are counted. */
    static final int LOGGED = 10;

    /**
     * What the station did.
     *
     * @param forwardTo        where packets were mirrored (null: nowhere)
     * @param packetsForwarded mirrored
     * @param forwardFailures  mirror sends that failed
     * @param listenAt         where ground commands were taken (null: nowhere)
     * @param commandsAccepted ground commands passed to the plant
     * @param commandsRefused  datagrams refused (not a ground command of the dictionary, or out of range)
     */
    public record Statistics(String forwardTo, long packetsForwarded, long forwardFailures, String listenAt, long commandsAccepted,
                             long commandsRefused) {
    }

    private final PacketCodec mirror;
    private final PacketCodec commands;
    private final PacketDictionary.Packet groundCommand;
    private final DatagramSocket out;
    private final InetSocketAddress forwardTo;
    private final DatagramSocket in;
    private final Thread listener;
    private final PrintStream log;
    private final List<Consumer<Packet>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Packets handed over for the mirror, in order; a full queue drops (counted as a failure) rather than stall the loop. */
    private final java.util.concurrent.BlockingQueue<Mirrored> outbox = new java.util.concurrent.ArrayBlockingQueue<>(OUTBOX);
    private final Thread sender;
    private final String listenAt;
    /** The latest ground command accepted (null: none yet), handed to a subscriber that comes later. */
    private volatile Packet latest;

    /** Packets the mirror may hold back: a second of a 1 kHz loop's packets, both ways. */
    static final int OUTBOX = 8192;

    private record Mirrored(String packet, Map<String, Double> values, double time) {
    }

    /** The end of the mirror's queue. */
    private static final Mirrored END = new Mirrored("", Map.of(), 0);

    /**
     * @param dictionary the link's dictionary
     * @param forward    where to mirror packets ({@code --tm-forward udp://HOST:PORT})
     * @param listen     where to take ground commands ({@code --tc-listen udp://HOST:PORT})
     * @param log        where refused commands are said
     * @throws InvalidInputException for an endpoint that is not UDP, a port that cannot be bound, or a listening station
     *                               whose dictionary has no {@value #GROUND_COMMAND}
     */
    public GroundStation(PacketDictionary dictionary, Optional<Endpoint> forward, Optional<Endpoint> listen, PrintStream log) {
        this.mirror = new PacketCodec(dictionary);
        this.commands = new PacketCodec(dictionary);
        this.log = log;
        forward.ifPresent(e -> udp(e, "--tm-forward"));
        listen.ifPresent(e -> udp(e, "--tc-listen"));
        this.groundCommand = dictionary.byName(GROUND_COMMAND).orElse(null);
        if (listen.isPresent() && (groundCommand == null || groundCommand.direction() != PacketDictionary.Direction.TELECOMMAND)) {
            throw InvalidInputException.because("the dictionary declares no ground command telecommand").element("--tc-listen")
                .value(listen.get().toString()).allowed("a dictionary with the telecommand '" + GROUND_COMMAND + "' (abort, throttle_limit)")
                .fix("use the shipped landing dictionary, or add the packet to yours").build();
        }
        this.forwardTo = forward.map(e -> new InetSocketAddress(e.host(), e.port())).orElse(null);
        if (forwardTo != null && forwardTo.isUnresolved()) {
            throw InvalidInputException.because("names a host this machine cannot resolve").element("--tm-forward").value(forward.get())
                .fix("give the ground system's address or a host name it resolves").build();
        }
        DatagramSocket o = null;
        try {
            o = forward.isPresent() ? new DatagramSocket() : null;
            this.in = listen.isPresent() ? new DatagramSocket(new InetSocketAddress(InetAddress.getByName(listen.get().host()),
                listen.get().port())) : null;
        } catch (IOException e) {
            if (o != null) {
                o.close();
            }
            throw InvalidInputException.because("cannot be used: " + e.getMessage()).element(listen.isPresent() ? "--tc-listen" : "--tm-forward")
                .value(listen.orElse(forward.orElse(null))).fix("choose a free port on an interface of this machine").build(e);
        }
        this.out = o;
        listenAt = in == null ? null : "udp://" + in.getLocalAddress().getHostAddress() + ":" + in.getLocalPort();
        if (out != null) {
            sender = new Thread(this::mirrorLoop, "launchbench-ground-mirror");
            sender.setDaemon(true);
            sender.start();
        } else {
            sender = null;
        }
        if (in != null) {
            listener = new Thread(this::listen, "launchbench-ground-commands");
            listener.setDaemon(true);
            listener.start();
        } else {
            listener = null;
        }
    }

    private static void udp(Endpoint e, String option) {
        if (e.kind() != Endpoint.Kind.UDP) {
            throw InvalidInputException.because("a ground system is reached over UDP").element(option).value(e.toString())
                .allowed("udp://HOST:PORT").build();
        }
    }

    /**
     * @param link the flight computer's link
     * @return the link as the loop uses it: what it sends and receives mirrored, and the ground's accepted commands
     *         delivered to its subscribers with the computer's
     */
    public FlightComputerLink around(FlightComputerLink link) {
        return new FlightComputerLink() {
            @Override
            public void send(String packet, Map<String, Double> values, double time) {
                link.send(packet, values, time);
                forward(packet, values, time);
            }

            @Override
            public Subscription subscribe(Consumer<Packet> l) {
                Subscription s = link.subscribe(p -> {
                    forward(p.definition().name(), p.values(), p.time());
                    // a ground command comes from the ground, checked; one the computer sends is mirrored, not obeyed
                    if (!p.definition().name().equals(GROUND_COMMAND)) {
                        l.accept(p);
                    }
                });
                subscribers.add(l);
                // a command accepted before the loop listened (during the ascent) is in force from its start
                Packet before = latest;
                if (before != null) {
                    l.accept(before);
                }
                return () -> {
                    subscribers.remove(l);
                    s.cancel();
                };
            }

            @Override
            public Health health() {
                return link.health();
            }

            @Override
            public LinkStatistics statistics() {
                return link.statistics();
            }

            @Override
            public void close() {
                link.close();
            }
        };
    }

    private void forward(String packet, Map<String, Double> values, double time) {
        // a copy: the map is read on the mirror's thread later (an immutable one is its own copy)
        if (out != null && !outbox.offer(new Mirrored(packet, Map.copyOf(values), time))) {
            failures.incrementAndGet();
        }
    }

    /** The mirror's thread: encodes and sends what the loop handed over, until the station closes. */
    private void mirrorLoop() {
        while (true) {
            Mirrored m;
            try {
                m = outbox.take();
            } catch (InterruptedException e) {
                return;
            }
            if (m == END) {
                return;
            }
            try {
                byte[] b = mirror.encode(m.packet(), m.values(), Math.max(0, m.time()));
                out.send(new DatagramPacket(b, b.length, forwardTo));
                forwarded.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                // counted; the mirror goes on (a thread that died here would leave close() waiting on a full queue)
                failures.incrementAndGet();
            }
        }
    }

    private void listen() {
        byte[] buffer = new byte[65_536 + 16];
        while (!in.isClosed()) {
            DatagramPacket d = new DatagramPacket(buffer, buffer.length);
            try {
                in.receive(d);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            String why = accept(d.getData(), d.getLength());
            if (why != null && refused.incrementAndGet() <= LOGGED) {
                log.println("launchbench hil: ground command from " + d.getSocketAddress() + " refused: " + why
                    + (refused.get() == LOGGED ? " (further refusals are counted only)" : ""));
            }
        }
    }

    /** @return why a datagram is refused, or null when it was passed to the loop */
    String accept(byte[] b, int length) {
        PacketCodec.Decoded d = commands.decode(b, 0, length);
        if (d.fault() != null) {
            return "not a packet of the dictionary (" + d.fault().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        }
        if (d.length() != length) {
            return "the datagram holds " + length + " octets, the packet " + d.length();
        }
        if (d.packet().definition() != groundCommand) {
            return "'" + d.packet().definition().name() + "' is not a ground command (only " + GROUND_COMMAND + " is taken from the ground)";
        }
        double abort = d.packet().value("abort");
        double limit = d.packet().value("throttle_limit");
        if (abort != 0 && abort != 1) {
            return "abort = " + abort + " (0 or 1)";
        }
        if (!(limit >= 0 && limit <= 1)) {
            return "throttle_limit = " + limit + " (0 to 1)";
        }
        accepted.incrementAndGet();
        Packet p = new Packet(groundCommand, d.packet().values(), d.packet().sequenceCount(), -1);
        latest = p;
        subscribers.forEach(s -> s.accept(p));
        return null;
    }

    /** @return what the station did so far (after {@link #close}: all it did, the mirror's queue sent) */
    public Statistics statistics() {
        return new Statistics(forwardTo == null ? null : "udp://" + forwardTo.getHostString() + ":" + forwardTo.getPort(), forwarded.get(),
            failures.get(), listenAt, accepted.get(), refused.get());
    }

    /** Sends what is queued for the mirror, then closes the sockets. */
    @Override
    public void close() {
        if (out != null) {
            try {
                if (outbox.offer(END, 5, java.util.concurrent.TimeUnit.SECONDS)) {
                    sender.join(5000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.close();
        }
        if (in != null) {
            in.close();
            try {
                listener.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
