package org.launchbench.fc.reference.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.LinkProvider;
import org.launchbench.fc.api.LinkProviders;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.hil.LandingPlant;
import org.launchbench.fc.reference.ReferenceFlightComputer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code launchbench fc-sim --listen ENDPOINT}: the reference flight computer, as its own process. */
@Component(service = CliCommand.class)
public final class FcSimCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--no-rehearsal"),
        Set.of("--listen", "--protocol", "--dictionary", "--rate", "--nodes", "--sessions", "--silence-ms"));

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<LinkProvider> providers;

    @Override
    public String name() {
        return "fc-sim";
    }

    @Override
    public String summary() {
        return "the reference flight computer: flies the landing burn in the loop with the recovery guidance";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench fc-sim --listen udp://HOST:PORT|tcp://HOST:PORT|serial:/dev/ttyX
                                      [--protocol NAME] [--dictionary FILE] [--rate HZ] [--nodes N]
                                      [--sessions N] [--silence-ms MS] [--no-rehearsal]

            The reference flight computer (docs/flight-computer.md): listens on the endpoint, takes the landing
            loop's sensor packets (imu, gnss, altimeter, engine-state, vehicle) and answers every cycle with an
            engine-command stamped with the cycle's time, flying the landing burn with the recovery's guidance.
            Prints one line when it listens, and one per session when the plant falls silent.
              --listen        where the plant (launchbench hil) reaches it
              --protocol      the link protocol (default ccsds; others come from installed bundles)
              --dictionary    the packet dictionary (default: the landing dictionary org.launchbench.fc.ccsds ships)
              --rate HZ       guidance re-solves a second (0.2 to 50; default 1; 4 Hz at least in the last 5 s)
              --nodes N       intervals of the first plan (8 to 60; default 20)
              --sessions N    exit after N sessions have ended (default: serve until stopped)
              --silence-ms MS a plant silent this long ends its session (50 to 60000; default 1000)
              --no-rehearsal  serve at once; by default it first flies a landing through itself on a loopback
                              port (a few seconds), so its code is compiled before the first real session
            Exit 0 after the sessions asked for, 2 for bad input.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(0);
        String listen = args.value("--listen").orElseThrow(() -> InvalidInputException.because("the flight computer needs an endpoint")
            .element("--listen").allowed("udp://HOST:PORT, tcp://HOST:PORT or serial:/dev/ttyX").build());
        Endpoint endpoint = Endpoint.parse(listen, "--listen");
        LinkProvider provider = LinkProviders.choose(providers, args.value("--protocol").orElse(LinkProviders.DEFAULT_PROTOCOL), "--protocol");
        PacketDictionary dictionary = LandingPlant.dictionary(args.value("--dictionary").map(Path::of));
        double rate = args.number("--rate", 1, 0.2, 50);
        int nodes = (int) args.number("--nodes", 20, 8, 60);
        long sessions = (long) args.number("--sessions", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        long silence = (long) args.number("--silence-ms", 1000, 50, 60_000);
        try (FlightComputerLink link = provider.listen(endpoint, dictionary, Duration.ofMillis(silence))) {
            // bound first, so a port in use is said at once; rehearsed before it answers anyone
            if (!args.flag("--no-rehearsal")) {
                rehearse(invocation, provider, dictionary, nodes, rate);
            }
            return serve(invocation, link, endpoint, provider, dictionary, nodes, rate, sessions);
        }
    }

    private static int serve(CommandInvocation invocation, FlightComputerLink link, Endpoint endpoint, LinkProvider provider,
                             PacketDictionary dictionary, int nodes, double rate, long sessions) {
        try (ReferenceFlightComputer fc = new ReferenceFlightComputer(link, nodes, rate)) {
            invocation.out().printf(Locale.ROOT, "fc-sim: listening on %s (protocol %s, dictionary \"%s\")%n", endpoint, provider.protocol(),
                dictionary.name());
            invocation.out().flush();
            long ended = 0;
            boolean heard = false;
            long commandsBefore = 0;
            while (ended < sessions) {
                Thread.sleep(20);
                FlightComputerLink.Health h = link.health();
                if (h == FlightComputerLink.Health.NOMINAL && link.statistics().packetsReceived() > 0) {
                    // a session is a peer talking: the link's counts are the session's, and start again with a new peer
                    heard = true;
                } else if (heard && (h == FlightComputerLink.Health.SILENT || h == FlightComputerLink.Health.CLOSED)) {
                    heard = false;
                    ended++;
                    LinkStatistics s = link.statistics();
                    long commands = fc.commands();
                    invocation.out().printf(Locale.ROOT, "fc-sim: session %d ended (plant silent): %d commands sent; link: %d received,"
                        + " %d corrupt, %d lost, %d duplicate, %d out of order, %d stale, %d foreign%n", ended, commands - commandsBefore,
                        s.packetsReceived(), s.packetsCorrupt(), s.packetsLost(), s.packetsDuplicate(), s.packetsOutOfOrder(),
                        s.packetsStale(), s.packetsForeign());
                    invocation.out().flush();
                    commandsBefore = commands;
                    if (h == FlightComputerLink.Health.CLOSED) {
                        break;
                    }
                }
            }
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK;
        }
    }

    private static void rehearse(CommandInvocation invocation, LinkProvider provider, PacketDictionary dictionary, int nodes, double rate) {
        long start = System.nanoTime();
        try {
            long answered = Rehearsal.fly(provider, dictionary, nodes, rate);
            invocation.out().printf(Locale.ROOT, "fc-sim: rehearsed a landing through itself: %d cycles answered in %.1f s%n", answered,
                (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException cannot) {
            // a protocol that cannot carry it (a third party's, without UDP), or no loopback port to be had: the computer
            // serves unrehearsed, which costs only its first session's timing
            invocation.out().printf(Locale.ROOT, "fc-sim: not rehearsed (%s: %s); serving all the same%n", cannot.getClass().getSimpleName(),
                cannot.getMessage());
        }
        invocation.out().flush();
    }
}
