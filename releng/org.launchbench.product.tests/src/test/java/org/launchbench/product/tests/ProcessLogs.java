package org.launchbench.product.tests;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the product tests do with the processes they start: wait for a line in one's output, give one a free port. */
final class ProcessLogs {

    private ProcessLogs() {
    }

    /** Waits for a line containing the words in a process's output file; fails naming the file and what it holds. */
    static void awaitLine(Path log, String words, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(words)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no \"" + words + "\" within " + seconds + " s in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    /** @return a loopback port free for both TCP and UDP just now (a member, a link or a ground system takes it next) */
    static int freePort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (BindException taken) {
                if (attempt == 20) {
                    throw taken;
                }
            }
        }
    }
}
