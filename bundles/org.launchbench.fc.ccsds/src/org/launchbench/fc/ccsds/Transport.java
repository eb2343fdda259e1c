package org.launchbench.fc.ccsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;

import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Endpoint;

import com.fazecast.jSerialComm.SerialPort;

/**
 * The octets' way: UDP (a datagram per packet), TCP or a serial line (byte streams). A connecting end (the
 * workbench's) sends to its endpoint and has one source, the endpoint. A listening end (the flight computer's) binds
 * the endpoint and hears many sources, UDP senders or TCP connections, one session after another: its link chooses
 * the source it {@link #answer answers}. Reads wait at most a read timeout, so a receiving thread can notice a close
 * and a silence.
 */
abstract class Transport implements AutoCloseable {

    /** Read timeout, ms. */
    static final int READ_TIMEOUT_MS = 50;

    /** @return whether reads return whole datagrams (else a byte stream) */
    abstract boolean datagrams();

    /** Writes one packet's octets (thread-safe against itself). */
    abstract void write(byte[] packet) throws IOException;

    /**
     * @return octets read into buffer (a whole datagram when datagrams), 0 on timeout, -1 when the {@link #source}
     *         has ended (for a connecting end or a serial line: the link)
     */
    abstract int read(byte[] buffer) throws IOException;

    /** @return where the last read's octets came from: a UDP sender's address, a TCP connection, or the one peer */
    abstract Object source();

    /** @return the source a connecting end speaks to and hears from; null for a listening end, which chooses */
    abstract Object peer();

    /** A listening end writes to this source from now on (the session's peer). */
    void answer(Object source) {
        // a connecting end's peer is fixed
    }

    /** @return whether a source can still speak (a TCP connection that has ended cannot) */
    boolean open(Object source) {
        return true;
    }

    @Override
    public abstract void close();

    /**
     * @param endpoint where
     * @param listen   true for the listening end
     * @return the transport, open
     * @throws InvalidInputException when the endpoint cannot be opened (in use, no such device, refused)
     */
    static Transport open(Endpoint endpoint, boolean listen) {
        try {
            return switch (endpoint.kind()) {
                case UDP -> new Udp(endpoint, listen);
                case TCP -> listen ? new TcpListener(endpoint) : new Tcp(endpoint);
                case SERIAL -> new Serial(endpoint);
            };
        } catch (IOException e) {
            throw InvalidInputException.because("cannot be opened: " + e.getMessage()).source(endpoint.toString())
                .fix(listen ? "choose a free port or device" : "start the flight computer first, or check the address").build(e);
        }
    }

    private static final class Udp extends Transport {
        private final DatagramSocket socket;
        private final SocketAddress endpoint;
        private volatile SocketAddress peer;
        private SocketAddress sender;

        Udp(Endpoint e, boolean listen) throws IOException {
            InetSocketAddress address = new InetSocketAddress(e.host(), e.port());
            if (address.isUnresolved()) {
                throw new IOException("unknown host " + e.host());
            }
            socket = listen ? new DatagramSocket(address) : new DatagramSocket();
            socket.setSoTimeout(READ_TIMEOUT_MS);
            endpoint = listen ? null : address;
            peer = endpoint;
        }

        @Override
        boolean datagrams() {
            return true;
        }

        @Override
        void write(byte[] packet) throws IOException {
            SocketAddress to = peer;
            if (to == null) {
                throw new IOException("no peer yet: a listening end answers its session's peer, and nobody has spoken");
            }
            socket.send(new DatagramPacket(packet, packet.length, to));
        }

        @Override
        int read(byte[] buffer) throws IOException {
            DatagramPacket d = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(d);
            } catch (SocketTimeoutException timeout) {
                return 0;
            }
            sender = d.getSocketAddress();
            return d.getLength();
        }

        @Override
        Object source() {
            return sender;
        }

        @Override
        Object peer() {
            return endpoint;
        }

        @Override
        void answer(Object source) {
            peer = (SocketAddress) source;
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** A byte stream with one peer, its only source: a connecting TCP end, or a serial line. */
    private abstract static class SingleStream extends Transport {
        @Override
        boolean datagrams() {
            return false;
        }

        @Override
        Object source() {
            return this;
        }

        @Override
        Object peer() {
            return this;
        }
    }

    /** The connecting end of TCP: one connection. */
    private static final class Tcp extends SingleStream {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Tcp(Endpoint e) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(e.host(), e.port()), 5000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }


        @Override
        synchronized void write(byte[] packet) throws IOException {
            out.write(packet);
            out.flush();
        }

        @Override
        int read(byte[] buffer) throws IOException {
            try {
                return in.read(buffer);
            } catch (SocketTimeoutException timeout) {
                return 0;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to tell
            }
        }
    }

    private static final class Serial extends SingleStream {
        private final SerialPort port;

        Serial(Endpoint e) throws IOException {
            try {
                port = SerialPort.getCommPort(e.device());
            } catch (RuntimeException invalid) {
                throw new IOException("no serial port " + e.device(), invalid);
            }
            port.setComPortParameters(115_200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
            if (!port.openPort()) {
                throw new IOException("the serial port " + e.device() + " does not open (error " + port.getLastErrorCode() + ")");
            }
        }


        @Override
        synchronized void write(byte[] packet) throws IOException {
            int done = 0;
            while (done < packet.length) {
                int n = port.writeBytes(packet, packet.length - done, done);
                if (n < 0) {
                    throw new IOException("serial write failed (error " + port.getLastErrorCode() + ")");
                }
                done += n;
            }
        }

        @Override
        int read(byte[] buffer) throws IOException {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                if (!port.isOpen()) {
                    return -1;
                }
                // the device failed (unplugged) but the port still looks open: back off rather than spin
                try {
                    Thread.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                return 0;
            }
            return n;
        }

        @Override
        public void close() {
            port.closePort();
        }
    }
}
