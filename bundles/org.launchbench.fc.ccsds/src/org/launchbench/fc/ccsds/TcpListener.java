package org.launchbench.fc.ccsds;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.launchbench.fc.api.Endpoint;

/**
 * The listening end of TCP: accepts connection after connection on the receiving thread with a selector, each a
 * source of its own, so a flight computer serves session after session. At most {@value #MAX_CONNECTIONS} are held;
 * beyond that the oldest one the link does not answer is closed, so idle or garbage clients, or a burst of connects,
 * cannot lock out the next. Writes go to the connection the link answers.
 */
final class TcpListener extends Transport {

    /** Connections held at once. */
    static final int MAX_CONNECTIONS = 16;
    /** Connections the operating system queues before they are accepted. */
    private static final int BACKLOG = 256;
    /** A write that the peer does not drain within this is abandoned (counted as a failed send by the link). */
    private static final long WRITE_TIMEOUT_NANOS = 100_000_000;

    private final ServerSocketChannel server;
    private final Selector selector;
    /** Oldest first. */
    private final LinkedHashSet<SocketChannel> connections = new LinkedHashSet<>();
    private final ArrayDeque<SocketChannel> ended = new ArrayDeque<>();
    private Iterator<SelectionKey> ready = Collections.emptyIterator();
    private volatile SocketChannel answering;
    private SocketChannel source;

    TcpListener(Endpoint e) throws IOException {
        server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(e.host(), e.port()), BACKLOG);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException failed) {
            server.close();
            throw failed;
        }
    }

    @Override
    boolean datagrams() {
        return false;
    }

    @Override
    Object source() {
        return source;
    }

    @Override
    Object peer() {
        return null;
    }

    @Override
    void answer(Object s) {
        answering = (SocketChannel) s;
    }

    @Override
    boolean open(Object s) {
        return s instanceof SocketChannel c && c.isOpen();
    }

    @Override
    int read(byte[] buffer) throws IOException {
        try {
            while (true) {
                SocketChannel gone = ended.poll();
                if (gone != null) {
                    source = gone;
                    return -1;
                }
                if (!ready.hasNext()) {
                    if (selector.select(READ_TIMEOUT_MS) == 0) {
                        return 0;
                    }
                    List<SelectionKey> keys = new ArrayList<>(selector.selectedKeys());
                    selector.selectedKeys().clear();
                    ready = keys.iterator();
                    continue;
                }
                SelectionKey key = ready.next();
                if (!key.isValid()) {
                    continue;
                }
                if (key.isAcceptable()) {
                    accept();
                } else if (key.isReadable()) {
                    SocketChannel c = (SocketChannel) key.channel();
                    int n;
                    try {
                        n = c.read(ByteBuffer.wrap(buffer));
                    } catch (IOException reset) {
                        n = -1;
                    }
                    if (n < 0) {
                        end(c);
                    } else if (n > 0) {
                        source = c;
                        return n;
                    }
                }
            }
        } catch (ClosedSelectorException closed) {
            throw new IOException("the listener is closed", closed);
        }
    }

    private void accept() throws IOException {
        SocketChannel c;
        while ((c = server.accept()) != null) {
            try {
                c.configureBlocking(false);
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                c.register(selector, SelectionKey.OP_READ);
            } catch (IOException reset) {
                // the client went before it could be taken: nothing to serve
                closeQuietly(c);
                continue;
            }
            SocketChannel evicted = null;
            synchronized (connections) {
                connections.add(c);
                if (connections.size() > MAX_CONNECTIONS) {
                    for (SocketChannel old : connections) {
                        if (old != answering) {
                            evicted = old;
                            break;
                        }
                    }
                }
            }
            if (evicted != null) {
                end(evicted);
            }
        }
    }

    private void end(SocketChannel c) {
        synchronized (connections) {
            connections.remove(c);
        }
        closeQuietly(c);
        ended.add(c);
    }

    @Override
    void write(byte[] packet) throws IOException {
        SocketChannel c = answering;
        if (c == null || !c.isOpen()) {
            throw new IOException("no connection to answer: nobody has connected, or the session's connection has ended");
        }
        ByteBuffer b = ByteBuffer.wrap(packet);
        synchronized (this) {
            long deadline = System.nanoTime() + WRITE_TIMEOUT_NANOS;
            while (b.hasRemaining()) {
                if (c.write(b) == 0) {
                    if (System.nanoTime() > deadline) {
                        if (b.position() > 0) {
                            // part of a packet went out: the stream's framing is lost, so the connection goes
                            closeQuietly(c);
                        }
                        throw new IOException("the peer has not read for " + WRITE_TIMEOUT_NANOS / 1_000_000 + " ms");
                    }
                    LockSupport.parkNanos(50_000);
                }
            }
        }
    }

    @Override
    public void close() {
        List<SocketChannel> all;
        synchronized (connections) {
            all = new ArrayList<>(connections);
            connections.clear();
        }
        all.forEach(TcpListener::closeQuietly);
        closeQuietly(server);
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing: nothing left to tell
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing: nothing left to tell
        }
    }
}
