package org.launchbench.fc.api;

import java.net.URI;
import java.net.URISyntaxException;

import org.launchbench.core.InvalidInputException;

/**
 * Where a flight computer is reached: {@code udp://HOST:PORT} (one space packet per datagram), {@code tcp://HOST:PORT}
 * or {@code serial:/dev/ttyX} (byte streams: the receiver frames and resynchronises).
 *
 * @param kind the transport
 * @param host host name or address (network transports)
 * @param port port (network transports)
 * @param device serial device path (serial)
 */
public record Endpoint(Kind kind, String host, int port, String device) {

    /** The transports. */
    public enum Kind {
        /** Datagrams, one packet each. */
        UDP,
        /** A byte stream over TCP. */
        TCP,
        /** A byte stream over a serial line. */
        SERIAL;

        /** @return whether packets arrive as a byte stream to be framed */
        public boolean isStream() {
            return this != UDP;
        }
    }

    private static final String FORMS = "udp://HOST:PORT, tcp://HOST:PORT or serial:/dev/ttyX";

    /**
     * @param text   the endpoint as typed
     * @param option the command-line option or key it came from, for the error message
     * @return it parsed
     * @throws InvalidInputException naming the option, the text and the forms allowed
     */
    public static Endpoint parse(String text, String option) {
        if (text.startsWith("serial:")) {
            String device = text.substring("serial:".length());
            if (device.isEmpty()) {
                throw bad(text, option, "names no device");
            }
            return new Endpoint(Kind.SERIAL, null, -1, device);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw bad(text, option, "is not an endpoint");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("udp") || scheme.equals("tcp"))) {
            throw bad(text, option, "is not an endpoint");
        }
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65_535) {
            throw bad(text, option, "needs a host and a port from 1 to 65535");
        }
        return new Endpoint(scheme.equals("udp") ? Kind.UDP : Kind.TCP, uri.getHost(), uri.getPort(), null);
    }

    private static InvalidInputException bad(String text, String option, String problem) {
        return InvalidInputException.because(problem).source(option).value(text).allowed(FORMS).build();
    }

    @Override
    public String toString() {
        return kind == Kind.SERIAL ? "serial:" + device : kind.name().toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + port;
    }
}
