package org.launchbench.campaign.hazelcast.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignWork;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ClusterCampaigns;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * What a cluster adds to a campaign's runs (issue 24's per-task overhead): campaigns of runs that cost nothing, on one
 * worker member in this JVM over loopback, asked through a Hazelcast client. A campaign of one run is one task's round
 * trip (the campaign's definition, a 6 KB mission-sized file, signed, sent, checked and flown; the result signed,
 * sent and checked); 400 runs are 8 tasks of 50 (the most a task takes) on a member of one core, kept two ahead.
 * <p>
 * Plain classpath (no OSGi), in the bundle's package for its package-private types.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClusterTaskBenchmarks {

    /** Runs in the campaign. */
    @Param({"1", "400"})
    public int runs;

    private static final byte[] SECRET = "the benchmark's secret, 32 bytes".getBytes(StandardCharsets.UTF_8);
    private HazelcastInstance member;
    private ClusterCampaigns.Connection connection;
    private CampaignDefinition definition;

    /** A kind whose runs cost nothing: what is measured is the cluster's part. */
    static final class Nothing implements CampaignWork {
        @Override
        public String kind() {
            return "nothing";
        }

        @Override
        public Prepared prepare(CampaignDefinition d, Path folder, IProgressMonitor monitor) {
            return new Prepared() {
                @Override
                public byte[] fingerprint() {
                    return new byte[32];
                }

                @Override
                public byte[] run(int index) {
                    return new byte[200];
                }
            };
        }
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ClusterAccess.Address a = new ClusterAccess.Address("127.0.0.1", port);
        MemberContext context = new MemberContext(SECRET, "bench", a.toString(), () -> List.of(new Nothing()), line -> { });
        member = Hazelcast.newHazelcastInstance(ClusterConfigs.member(a, List.of(), "bench", SECRET, "bench", 1, context));
        connection = new HazelcastCampaigns().connect(new ClusterAccess(List.of(a), "bench", SECRET));
        definition = new CampaignDefinition("nothing", "case.mission", new TreeMap<>(Map.of("case.mission", new byte[6_000])),
            new TreeMap<>(Map.of("seed", "1")), "bench");
    }

    @TearDown(Level.Trial)
    public void stop() {
        connection.close();
        member.getLifecycleService().terminate();
    }

    @Benchmark
    public ClusterCampaigns.Flown campaign() {
        return connection.fly(definition, new byte[32], runs, new java.util.BitSet(), (i, bytes, m) -> { }, new NullProgressMonitor());
    }
}
