package org.launchbench.campaign.hazelcast.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.launchbench.campaign.ClusterAccess;
import org.launchbench.core.InvalidInputException;

/** Checks on addresses made before Hazelcast is asked, so that a mistake is one clear line. */
final class Ports {

    private Ports() {
    }

    /** Refuses an address this machine cannot listen on: a port in use, or an address not of this machine. */
    static void requireFree(ClusterAccess.Address bind, String option) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(bind.host()), bind.port()));
        } catch (IOException e) {
            throw InvalidInputException.because("cannot listen there: " + e.getMessage()).element(option).value(bind.toString())
                .fix("choose a free port, on an address of this machine").build(e);
        }
    }

    /** @return whether something accepts TCP connections at the address within the timeout */
    static boolean reachable(ClusterAccess.Address a, int timeoutMs) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a.host(), a.port()), timeoutMs);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
