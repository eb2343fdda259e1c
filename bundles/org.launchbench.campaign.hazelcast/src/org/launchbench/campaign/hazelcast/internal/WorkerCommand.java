package org.launchbench.campaign.hazelcast.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.launchbench.campaign.CampaignWork;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ProductVersion;
import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * {@code launchbench worker [--bind HOST:PORT] [--members HOST:PORT,...] [--cluster NAME] [--secret-file F]}: a
 * Hazelcast member that flies campaign runs for whoever holds the cluster's secret, until the process is stopped.
 */
@Component(service = CliCommand.class)
public final class WorkerCommand implements CliCommand {

    /** Where a worker binds when not told. */
    static final String DEFAULT_BIND = "127.0.0.1:5701";
    private static final Arguments.Spec SPEC = Arguments.spec(Set.of(),
        Set.of("--bind", "--members", "--cluster", "--secret-file", "--threads"));

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<CampaignWork> works;

    @Override
    public String name() {
        return "worker";
    }

    @Override
    public String summary() {
        return "serve campaign runs (dispersions, sweeps) as a member of a Hazelcast cluster";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench worker --secret-file F [--bind HOST:PORT] [--members HOST:PORT,...] [--cluster NAME]
                                      [--threads T]

            Starts a member of a campaign cluster and serves runs of the campaigns sent to it (launchbench
            dispersion ... --cluster HOST:PORT,...) until the process is stopped. Prints one line when ready and one
            per campaign it sets up. Every member must run the same LaunchBench.
              --secret-file F   the cluster's shared secret (at least 16 bytes; required): members and campaigns
                                without it are turned away (docs/campaigns.md)
              --bind HOST:PORT  the interface and port to listen on (default 127.0.0.1:5701: this machine only)
              --members ...     other members to join; none: this member starts the cluster
              --cluster NAME    the cluster's name (default launchbench)
              --threads T       runs flown at once (default: the machine's cores)
            Exit 2 for bad input (a port in use, a short secret), 1 when the member cannot start.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(0, "");
        ClusterAccess.Address bind = ClusterAccess.address(args.value("--bind").orElse(DEFAULT_BIND), "--bind");
        List<ClusterAccess.Address> members = args.value("--members").map(m -> ClusterAccess.addresses(m, "--members")).orElse(List.of());
        String name = ClusterAccess.name(args.value("--cluster").orElse(ClusterAccess.DEFAULT_NAME), "--cluster");
        byte[] secret = ClusterAccess.secret(Path.of(args.value("--secret-file").orElseThrow(() -> InvalidInputException
            .because("a worker needs the cluster's shared secret").element("--secret-file").value("none")
            .allowed("--secret-file F, a file of at least " + ClusterAccess.MIN_SECRET_BYTES + " bytes")
            .fix("make one with: head -c 32 /dev/urandom | base64 > cluster.secret, and give every member and campaign the same")
            .build())), "--secret-file");
        int threads = args.integer("--threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        Ports.requireFree(bind, "--bind");
        String product = ProductVersion.current();
        String address = ClusterConfigs.ip(bind.host(), "--bind") + ":" + bind.port();
        var out = invocation.out();
        MemberContext context = new MemberContext(secret, product, address, () -> works == null ? List.of() : List.copyOf(works), line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
        // built outside the try: an unknown host in --members is bad input (exit 2), not a member that failed to start
        com.hazelcast.config.Config config = ClusterConfigs.member(bind, members, name, secret, product, threads, context);
        HazelcastInstance member;
        try {
            member = Hazelcast.newHazelcastInstance(config);
        } catch (RuntimeException e) {
            throw new RunFailedException("the worker could not start its cluster member on " + bind + ": " + e.getMessage(), e);
        }
        Set<Member> seen = member.getCluster().getMembers();
        synchronized (out) {
            out.printf(Locale.ROOT, "launchbench worker: serving campaigns at %s in cluster %s, %d member%s (%s), %d threads, LaunchBench %s%n",
                address, name, seen.size(), seen.size() == 1 ? "" : "s",
                seen.stream().map(ClusterCampaign::name).collect(Collectors.joining(", ")), threads,
                product);
            out.flush();
        }
        try {
            while (member.getLifecycleService().isRunning() && !invocation.monitor().isCanceled()) {
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            member.getLifecycleService().terminate();
        }
        return ExitCode.OK;
    }
}
