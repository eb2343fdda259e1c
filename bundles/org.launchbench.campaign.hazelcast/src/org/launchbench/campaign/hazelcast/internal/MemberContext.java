package org.launchbench.campaign.hazelcast.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignWork;
import org.launchbench.core.LaunchBenchException;

import com.hazelcast.core.HazelcastInstance;

/**
 * What a worker member keeps for the tasks it runs, in its Hazelcast user context: the secret, the product it runs, the
 * engines' kinds of work, and the campaigns it has set up (the last {@value #KEPT} asked for: tasks of one campaign
 * that arrive together wait for one set-up).
 */
final class MemberContext {

    /** The key in the member's user context. */
    static final String KEY = "org.launchbench.campaign.member";
    /** Campaigns kept set up. */
    static final int KEPT = 4;

    private final byte[] secret;
    private final String product;
    private final String address;
    private final Supplier<List<CampaignWork>> works;
    private final Consumer<String> log;
    private final Map<String, CompletableFuture<CampaignWork.Prepared>> campaigns = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CampaignWork.Prepared>> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * @param secret  the cluster's secret
     * @param product the product this member runs
     * @param address this member's HOST:PORT, as results name it
     * @param works   the engines' kinds of work installed
     * @param log     takes one line per campaign set up
     */
    MemberContext(byte[] secret, String product, String address, Supplier<List<CampaignWork>> works, Consumer<String> log) {
        this.secret = secret.clone();
        this.product = product;
        this.address = address;
        this.works = works;
        this.log = log;
    }

    /** @return the member's context, or null for a member that is not a worker */
    static MemberContext of(HazelcastInstance instance) {
        return instance == null ? null : instance.getUserContext().get(KEY) instanceof MemberContext m ? m : null;
    }

    byte[] secret() {
        return secret;
    }

    /**
     * Flies runs {@code from} to {@code to} - 1 of an encoded campaign whose task's signature was checked. A campaign
     * this member refuses (another product, bad input to its engine) is a signed refusal; any other failure is thrown,
     * and the asker flies the runs elsewhere or gives up after a few members.
     *
     * @param taskTag the task's tag, which the answer's binds
     */
    ChunkResult fly(byte[] encoded, int from, int to, byte[] taskTag) {
        CampaignDefinition d;
        try {
            d = CampaignDefinition.decode(encoded);
        } catch (IllegalArgumentException e) {
            return ChunkResult.refused(address, "not a campaign: " + e.getMessage(), taskTag, secret);
        }
        if (!d.product().equals(product)) {
            return ChunkResult.refused(address, "this member runs LaunchBench " + product + ", the campaign comes from LaunchBench "
                + d.product() + ": every member must run the same product", taskTag, secret);
        }
        CampaignWork.Prepared p;
        try {
            p = prepared(d);
        } catch (LaunchBenchException e) {
            return ChunkResult.refused(address, "the campaign could not be set up here: " + e.userMessage(), taskTag, secret);
        }
        byte[][] out = new byte[to - from][];
        int n = 0;
        for (int i = from; i < to && !Thread.currentThread().isInterrupted(); i++) {
            out[n++] = p.run(i);
        }
        return ChunkResult.flown(address, from, Arrays.copyOf(out, n), p.fingerprint(), taskTag, secret);
    }

    /** @return the campaign set up, once: a second task of it waits for the first's set-up */
    private CampaignWork.Prepared prepared(CampaignDefinition d) {
        String digest = d.digest();
        CompletableFuture<CampaignWork.Prepared> mine = new CompletableFuture<>();
        CompletableFuture<CampaignWork.Prepared> f;
        synchronized (campaigns) {
            f = campaigns.putIfAbsent(digest, mine);
        }
        if (f == null) {
            f = mine;
            try {
                long start = System.nanoTime();
                mine.complete(setUp(d));
                log.accept(String.format(Locale.ROOT, "launchbench worker: campaign %s (%s of %s) set up in %.1f s", digest.substring(0, 12),
                    d.kind(), d.mainFile(), (System.nanoTime() - start) / 1e9));
            } catch (RuntimeException e) {
                synchronized (campaigns) {
                    // a failed set-up is forgotten (the next task tries again), but only this one: not one added since
                    campaigns.remove(digest, mine);
                }
                mine.completeExceptionally(e);
            }
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.launchbench.core.RunFailedException("interrupted while the campaign was set up");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new org.launchbench.core.RunFailedException("the campaign could not be set up: " + e.getCause(), e.getCause());
        }
    }

    /** Writes the campaign's files into a folder of its own, sets it up with its engine, and removes the folder. */
    private CampaignWork.Prepared setUp(CampaignDefinition d) {
        CampaignWork work = works.get().stream().filter(w -> w.kind().equals(d.kind())).findFirst().orElseThrow(() ->
            new org.launchbench.core.RunFailedException("no engine here flies campaigns of kind " + d.kind()));
        Path folder = null;
        try {
            folder = Files.createTempDirectory("launchbench-campaign-");
            for (Map.Entry<String, byte[]> f : d.files().entrySet()) {
                Files.write(folder.resolve(f.getKey()), f.getValue());
            }
            return work.prepare(d, folder, new NullProgressMonitor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is the system's to clean
        }
    }
}
