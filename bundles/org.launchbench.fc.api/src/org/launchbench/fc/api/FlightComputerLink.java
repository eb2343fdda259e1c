package org.launchbench.fc.api;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A link to a flight computer (the adapter SPI): a transport and a codec. Contributed as DS services by bundles
 * ({@code org.launchbench.fc.ccsds} for CCSDS space packets; third parties for their own avionics). Every fault on
 * the link is counted in {@link #statistics()}; none is thrown to the caller once the link is open, and no call
 * blocks longer than the transport's write.
 */
public interface FlightComputerLink extends AutoCloseable {

    /** The link's state. */
    enum Health {
        /** Not opened, or closed. */
        CLOSED,
        /** Open and hearing the computer. */
        NOMINAL,
        /** Open but nothing valid heard within the silence timeout: the computer is silent or the line is dead. */
        SILENT
    }

    /**
     * Sends a packet of the dictionary (a telecommand to the computer, or the plant's sensor telemetry to it).
     *
     * @param packet the dictionary entry's name
     * @param values field name to value (every field of the entry)
     * @param time   seconds for the packet's time code
     * @throws IllegalArgumentException when the packet or a field is not in the dictionary (a programming error)
     */
    void send(String packet, Map<String, Double> values, double time);

    /** A subscription, cancelled when its user is done (a loop that ends stops listening). */
    @FunctionalInterface
    interface Subscription {
        /** Stops the listener's calls (idempotent). */
        void cancel();
    }

    /**
     * @param listener called, on the link's receiving thread, for each valid packet received
     * @return the subscription, to cancel
     */
    Subscription subscribe(Consumer<Packet> listener);

    /** @return the link's state now */
    Health health();

    /** @return what the link has seen */
    LinkStatistics statistics();

    /** Closes the transport (idempotent). */
    @Override
    void close();
}
