package org.launchbench.fc.hil.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.cli.JsonNumbers;
import org.launchbench.core.AtomicTextFile;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.LinkProvider;
import org.launchbench.fc.api.LinkProviders;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.hil.GroundStation;
import org.launchbench.fc.hil.HilMission;
import org.launchbench.fc.hil.LandingPlant;
import org.launchbench.fc.hil.LoopStatistics;
import org.launchbench.fc.hil.NoisySensors;
import org.launchbench.fc.hil.Plant;
import org.launchbench.fc.hil.RealTimeLoop;
import org.launchbench.fc.hil.SessionRecorder;
import org.launchbench.recovery.stage.RecoveryService;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.BoosterRecovery;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.Fidelities;
import org.launchbench.trajectory.format.RecoveryReports;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code launchbench hil MISSION --fc ENDPOINT --rate HZ [--json]}: the landing burn with a flight computer in the loop. */
@Component(service = CliCommand.class)
public final class HilCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"),
        Set.of("--fc", "--rate", "--protocol", "--dictionary", "--scenario", "--record", "--max-seconds", "--silence-ms",
            "--sensor-noise", Fidelities.OPTION, "--tm-forward", "--tc-listen"));

    @Reference
    private VehicleCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<LinkProvider> providers;

    /** The fidelities installed besides the point mass. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DynamicsFactory> fidelities;

    @Override
    public String name() {
        return "hil";
    }

    @Override
    public String summary() {
        return "fly a mission's landing burn with a flight computer in the loop, in real time";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench hil MISSION_FILE --fc udp://HOST:PORT|tcp://HOST:PORT|serial:/dev/ttyX --rate HZ
                                   [--json] [--scenario NAME|none] [--record FILE] [--protocol NAME]
                                   [--fidelity 3dof|6dof]
                                   [--dictionary FILE] [--max-seconds S] [--silence-ms MS] [--sensor-noise SEED]
                                   [--tm-forward udp://HOST:PORT] [--tc-listen udp://HOST:PORT]

            Flies the mission's ascent and its first stage's recovery to the landing-burn ignition point, then
            flies the landing burn in real time with the flight computer at --fc in the loop
            (docs/flight-computer.md): each cycle the plant steps under the computer's latest engine command and
            sends its sensor packets (imu, gnss, altimeter, engine-state, vehicle). Without hardware, run the
            reference flight computer: launchbench fc-sim --listen ENDPOINT.
              --fc          where the flight computer listens
              --rate HZ     loop rate, cycles a second (10 to 1000; the bench's 100 to 1000)
              --scenario    inject this scenario's failures ('none': nominal; default: all the mission lists)
              --fidelity    the plant's fidelity: 3dof (point mass) or 6dof (rigid body under an ideal
                            attitude loop; the commanded direction is reached after the loop's lag); default:
                            the mission's, else 3dof
              --record FILE the session, cycle by cycle (written atomically; replayable)
              --protocol    the link protocol (default ccsds; others come from installed bundles)
              --dictionary  the packet dictionary (default: the landing dictionary org.launchbench.fc.ccsds ships)
              --max-seconds the longest burn before the loop gives up (1 to 600; default 120)
              --sensor-noise SEED  bias and noise on the IMU, GNSS and altimeter readings (docs/flight-computer.md),
                            drawn from this seed (an integer): the same seed, the same readings
              --silence-ms  no valid packet for this long and the computer is silent (50 to 60000; default 500);
                            the plant flies on with its last command
              --tm-forward  mirror every packet crossing the link, both ways, to a ground system at this UDP
                            address, as CCSDS space packets of the dictionary (docs/xtce.md)
              --tc-listen   take ground commands at this UDP address: the dictionary's ground-command
                            (abort 0|1, throttle_limit 0 to 1, 1 for none), checked against the dictionary; any
                            other datagram is counted and logged, never acted on
              --json        {"recovery": {... as in simulate: "outcome", "reason", "miss_distance_m",
                             "touchdown_vertical_speed_m_s", ...}, "loop": {"rate_hz", "cycles",
                             "deadline_misses", "latency_p50_us", "latency_p99_us", "latency_max_us",
                             "cycles_answered", "silent_at_s", "sensors_refused", "packets_sent",
                             "packets_received", "packets_corrupt", "packets_lost", "packets_duplicate",
                             "packets_out_of_order", "unknown_apid", "bytes_discarded", "sends_failed",
                             "sequence_resyncs", "packets_foreign", "packets_stale", "wake_p50_us",
                             "wake_p99_us", "wake_max_us", "work_p50_us", "work_p99_us", "work_max_us"},
                             "ground": {"tm_forward", "packets_forwarded",
                             "forward_failures", "tc_listen", "commands_accepted", "commands_refused"},
                             "fc", "protocol", "sensor_noise_seed", "elapsed_s"}
            Exit 0 when the stage landed, 1 when it crashed (the reason on stderr), 2 for bad input.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "MISSION_FILE");
        Path file = Path.of(args.positionals().get(0));
        String fc = args.value("--fc").orElseThrow(() -> InvalidInputException.because("the loop needs its flight computer")
            .element("--fc").allowed("udp://HOST:PORT, tcp://HOST:PORT or serial:/dev/ttyX")
            .fix("start one with launchbench fc-sim --listen ENDPOINT, or name the bench's").build());
        Endpoint endpoint = Endpoint.parse(fc, "--fc");
        double rate = args.number("--rate", Double.NaN, 10, 1000);
        double maxSeconds = args.number("--max-seconds", 120, 1, 600);
        long silence = (long) args.number("--silence-ms", 500, 50, 60_000);
        LinkProvider provider = LinkProviders.choose(providers, args.value("--protocol").orElse(LinkProviders.DEFAULT_PROTOCOL), "--protocol");
        PacketDictionary dictionary = LandingPlant.dictionary(args.value("--dictionary").map(Path::of));
        // the record is checked before the ascent and the loop, so a bad one costs nothing (issue 28)
        args.value("--record").ifPresent(f -> AtomicTextFile.checkTarget(Path.of(f), "--record"));
        Long seed = args.value("--sensor-noise").map(HilCommand::seed).orElse(null);
        SubMonitor progress = SubMonitor.convert(invocation.monitor(), 100);
        // the ground station's ports too are taken before the ascent: one that cannot be had costs nothing
        GroundStation ground = new GroundStation(dictionary, args.value("--tm-forward").map(e -> Endpoint.parse(e, "--tm-forward")),
            args.value("--tc-listen").map(e -> Endpoint.parse(e, "--tc-listen")), invocation.err());
        HilMission hm;
        try {
            hm = HilMission.prepare(file, catalog, args.value("--scenario"), fidelities, args.value(Fidelities.OPTION), progress.split(50));
        } catch (RuntimeException e) {
            ground.close();
            throw e;
        }
        StageRecovery.Case c = hm.recoveryCase();
        StageRecovery.Plan plan = hm.plan();
        List<String> scenarios = hm.scenarios();
        LandingPlant plant = hm.plant();
        Plant flown = seed == null ? plant : new NoisySensors(plant, LandingPlant.BENCH_SENSOR_ERRORS, seed);
        LoopStatistics stats;
        long start = System.nanoTime();
        try (GroundStation station = ground;
             FlightComputerLink link = station.around(provider.connect(endpoint, dictionary, Duration.ofMillis(silence)));
             SessionRecorder recorder = args.value("--record").map(r -> new SessionRecorder(Path.of(r))).orElse(null)) {
            stats = new RealTimeLoop(rate, maxSeconds).run(flown, link, recorder);
        }
        // closed: the mirror's queue has been sent
        GroundStation.Statistics groundStats = ground.statistics();
        if (!plant.finished()) {
            plant.abandon(String.format(Locale.ROOT, "the loop's %.0f s ran out before touchdown", maxSeconds));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        RecoveryResult r = plant.result();
        BoosterRecovery.Report report = RecoveryService.report(r, c, plan, scenarios, hm.fidelity());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("recovery", RecoveryReports.json(report));
        doc.put("loop", loop(stats));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("tm_forward", groundStats.forwardTo());
        g.put("packets_forwarded", groundStats.packetsForwarded());
        g.put("forward_failures", groundStats.forwardFailures());
        g.put("tc_listen", groundStats.listenAt());
        g.put("commands_accepted", groundStats.commandsAccepted());
        g.put("commands_refused", groundStats.commandsRefused());
        doc.put("ground", g);
        doc.put("fc", endpoint.toString());
        doc.put("protocol", provider.protocol());
        doc.put("sensor_noise_seed", seed);
        doc.put("elapsed_s", JsonNumbers.round(elapsed, 3));
        boolean crashed = report.crashed();
        if (args.flag("--json")) {
            invocation.printJson(doc);
        } else {
            LinkStatistics l = stats.link();
            invocation.out().printf(Locale.ROOT, "Landing burn in the loop with %s (%s) at %.0f Hz: %d cycles, %d answered, %d deadline misses%n",
                endpoint, provider.protocol(), rate, stats.cycles(), stats.answered(), stats.deadlineMisses());
            invocation.out().printf(Locale.ROOT, "Round trip: p50 %.0f µs, p99 %.0f µs, max %.0f µs%s%n", stats.latencyP50Us(),
                stats.latencyP99Us(), stats.latencyMaxUs(), Double.isNaN(stats.silentAt()) ? ""
                    : String.format(Locale.ROOT, "; the computer fell silent at %.2f s", stats.silentAt()));
            invocation.out().printf(Locale.ROOT, "Packets: %d sent, %d received, %d corrupt, %d lost, %d duplicate, %d out of order, %d stale,"
                + " %d foreign%n", l.packetsSent(), l.packetsReceived(), l.packetsCorrupt(), l.packetsLost(), l.packetsDuplicate(),
                l.packetsOutOfOrder(), l.packetsStale(), l.packetsForeign());
            hm.fidelity().notes().forEach(n -> invocation.out().println("Note: " + n));
            invocation.out().println(RecoveryReports.summary(report));
        }
        if (crashed) {
            invocation.err().println("launchbench hil: the first stage crashed: " + r.reason());
            return ExitCode.RUN_FAILED;
        }
        return ExitCode.OK;
    }

    static Map<String, Object> loop(LoopStatistics s) {
        LinkStatistics l = s.link();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate_hz", s.rateHz());
        m.put("cycles", s.cycles());
        m.put("deadline_misses", s.deadlineMisses());
        m.put("latency_p50_us", JsonNumbers.roundOrNull(s.latencyP50Us(), 1));
        m.put("latency_p99_us", JsonNumbers.roundOrNull(s.latencyP99Us(), 1));
        m.put("latency_max_us", JsonNumbers.roundOrNull(s.latencyMaxUs(), 1));
        m.put("cycles_answered", s.answered());
        m.put("silent_at_s", JsonNumbers.roundOrNull(s.silentAt(), 1));
        m.put("sensors_refused", s.sensorsRefused());
        m.put("packets_sent", l.packetsSent());
        m.put("packets_received", l.packetsReceived());
        m.put("packets_corrupt", l.packetsCorrupt());
        m.put("packets_lost", l.packetsLost());
        m.put("packets_duplicate", l.packetsDuplicate());
        m.put("packets_out_of_order", l.packetsOutOfOrder());
        m.put("unknown_apid", l.unknownApid());
        m.put("bytes_discarded", l.bytesDiscarded());
        m.put("sends_failed", l.sendsFailed());
        m.put("sequence_resyncs", l.sequenceResyncs());
        m.put("packets_foreign", l.packetsForeign());
        m.put("packets_stale", l.packetsStale());
        LoopStatistics.CycleTiming c = s.timing();
        m.put("wake_p50_us", JsonNumbers.roundOrNull(c.wakeP50Us(), 1));
        m.put("wake_p99_us", JsonNumbers.roundOrNull(c.wakeP99Us(), 1));
        m.put("wake_max_us", JsonNumbers.roundOrNull(c.wakeMaxUs(), 1));
        m.put("work_p50_us", JsonNumbers.roundOrNull(c.workP50Us(), 1));
        m.put("work_p99_us", JsonNumbers.roundOrNull(c.workP99Us(), 1));
        m.put("work_max_us", JsonNumbers.roundOrNull(c.workMaxUs(), 1));
        return m;
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.because("is not an integer").element("--sensor-noise").value(text)
                .allowed("an integer seed, e.g. 1").build();
        }
    }
}
