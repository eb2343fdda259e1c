package org.launchbench.campaign.hazelcast.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignInterruptedException;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ClusterCampaigns;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

/**
 * One campaign flown on a cluster, as its asker schedules it: the runs cut into chunks of a few runs, each member kept
 * one chunk ahead of its threads, results checked (signature, set-up fingerprint) and handed on as they arrive. A chunk
 * whose member leaves or drops its connection before answering goes back to the head of the queue and is flown
 * elsewhere; run i's result depends only on the campaign and i, so where it is flown changes nothing.
 * <p>
 * A member can also stay in the cluster and never answer (a hung machine, a run that does not end) or answer far later
 * than the others. Once the queue is empty, a member with an idle thread takes a copy of the oldest chunk still out,
 * if that chunk has been out more than {@value #BACKUP_FACTOR} times as long as the slowest answer so far: the
 * "backup tasks" of MapReduce (Dean and Ghemawat, OSDI 2004, section 3.6). Whichever copy answers first is taken, the
 * other is cancelled, and each run is handed on once. No timeout is to be chosen, and no campaign waits on its slowest
 * member.
 */
final class ClusterCampaign {

    /** The most chunks a run range is cut into per processor of the cluster: small enough to balance, large enough to amortise a task. */
    static final int CHUNKS_PER_CORE = 4;
    /** The most runs in a chunk. */
    static final int MAX_CHUNK = 50;
    /** The longest the scheduler waits for an answer before it looks at the members and the monitor again, ms. */
    static final long WAKE_MS = 100;
    /** Times a chunk is sent to members that left before the campaign gives up on it. */
    static final int MAX_ATTEMPTS = 5;
    /** Times a chunk's task may fail inside a member (a bug, a machine's trouble) before the campaign gives up. */
    static final int MAX_TASK_FAILURES = 2;
    /** The most processors a member is believed to have: a member cannot take the whole queue by claiming more. */
    static final int MAX_CORES = 256;
    /** A chunk out longer than this many times the slowest answer so far gets a backup copy once the queue is empty. */
    static final int BACKUP_FACTOR = 2;
    /** Nor before this long, ms: fast campaigns' tails are not flown twice for a few milliseconds' jitter. */
    static final long BACKUP_FLOOR_MS = 1000;
    /** The longest a campaign that ends waits for its tasks' cancels to reach their members, ms. */
    static final long CANCEL_WAIT_MS = 5000;

    private record Chunk(int from, int to, int attempts, int taskFailures) {
        int size() {
            return to - from;
        }
    }

    /** A chunk sent: to whom, under which tag, when ({@link System#nanoTime}), and whether it is a backup copy. */
    private record Pending(Chunk chunk, Member member, byte[] taskTag, long sentNanos, boolean backup) {
    }

    private final HazelcastInstance client;
    private final ClusterAccess access;
    private final CampaignDefinition definition;
    private final byte[] fingerprint;
    private final int runs;
    /** Runs flown before (a resumed campaign's): not sent. */
    private final java.util.BitSet finished;
    private final ClusterCampaigns.RunSink sink;
    private final IProgressMonitor monitor;
    private final byte[] secret;
    private final Deque<Chunk> queue = new ArrayDeque<>();
    private final Map<Future<ChunkResult>, Pending> pending = new LinkedHashMap<>();
    /** Wakes the scheduler when a chunk's answer arrives (Hazelcast's futures are completion stages). */
    private final BlockingQueue<Object> answered = new LinkedBlockingQueue<>();
    private final Map<UUID, Integer> busy = new HashMap<>();
    private final Set<UUID> checked = new HashSet<>();
    private final Set<UUID> failed = new HashSet<>();
    private final SortedMap<String, Integer> perMember = new TreeMap<>();
    /** Runs handed on in this flight: a run answered by two copies of its chunk is handed on once. */
    private final java.util.BitSet delivered = new java.util.BitSet();
    /** The cancels sent (threads of their own), waited for when the campaign ends. */
    private final List<Thread> cancelling = new java.util.ArrayList<>();
    /** The slowest answer so far, from sending to answer, ns (0: none yet). */
    private long slowestNanos;
    private int done;
    private int reassigned;

    ClusterCampaign(HazelcastInstance client, ClusterAccess access, CampaignDefinition definition, byte[] fingerprint, int runs,
                    java.util.BitSet finished, ClusterCampaigns.RunSink sink, IProgressMonitor monitor) {
        this.client = client;
        this.access = access;
        this.definition = definition;
        this.fingerprint = fingerprint.clone();
        this.runs = runs;
        this.finished = (java.util.BitSet) finished.clone();
        this.sink = sink;
        this.monitor = monitor;
        this.secret = access.secret();
    }

    ClusterCampaigns.Flown fly() {
        byte[] encoded = definition.encode();
        // drawn for this flight: a task or an answer of another flight of the same campaign is not one of this one's
        byte[] nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);
        IExecutorService executor = client.getExecutorService(ClusterConfigs.EXECUTOR);
        List<Member> start = members();
        int cores = Math.max(1, start.stream().mapToInt(ClusterCampaign::cores).sum());
        int todo = runs - finished.cardinality();
        int size = Math.clamp((todo + cores * CHUNKS_PER_CORE - 1) / (cores * CHUNKS_PER_CORE), 1, MAX_CHUNK);
        // the runs not finished, as ranges of at most size runs (a resumed campaign's gaps)
        for (int from = finished.nextClearBit(0); from < runs; from = finished.nextClearBit(from)) {
            int end = Math.min(Math.min(runs, finished.nextSetBit(from) < 0 ? runs : finished.nextSetBit(from)), from + size);
            queue.add(new Chunk(from, end, 0, 0));
            from = end;
        }
        try {
            while (done < todo) {
                if (monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                List<Member> members = members();
                if (members.isEmpty() && pending.isEmpty()) {
                    throw new CampaignInterruptedException(String.format("every member of the %s left after %d of %d runs", access.describe(),
                        finished.cardinality() + done, runs), done);
                }
                for (Member m : members) {
                    check(m);
                    while (busy.getOrDefault(m.getUuid(), 0) < cores(m) + 1 && !queue.isEmpty()) {
                        send(executor, encoded, nonce, queue.poll(), m, false);
                    }
                    while (queue.isEmpty() && busy.getOrDefault(m.getUuid(), 0) < cores(m)) {
                        Chunk late = straggler(m);
                        if (late == null) {
                            break;
                        }
                        send(executor, encoded, nonce, late, m, true);
                    }
                }
                if (!collect()) {
                    // until an answer arrives; membership changes and cancellation are looked at every WAKE_MS
                    answered.poll(WAKE_MS, TimeUnit.MILLISECONDS);
                    answered.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } finally {
            // a cancelled or failed campaign stops every member's work (done: nothing is pending), and it waits a
            // bounded while for every cancel sent, backup copies' too: the caller closes the connection next, and a
            // cancel sent through a closed client never reaches its member (ClusterRunnerTest failed so in CI)
            pending.keySet().forEach(f -> cancelling.add(cancel(f)));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CANCEL_WAIT_MS);
            for (Thread t : cancelling) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new ClusterCampaigns.Flown(perMember.size(), perMember, reassigned);
    }

    private void send(IExecutorService executor, byte[] encoded, byte[] nonce, Chunk c, Member m, boolean backup) {
        ChunkTask task = new ChunkTask(encoded, c.from(), c.to(), nonce, secret);
        Future<ChunkResult> f = executor.submitToMember(task, m);
        if (f instanceof CompletionStage<?> stage) {
            stage.whenComplete((r, x) -> answered.offer(f));
        }
        pending.put(f, new Pending(c, m, task.tag(), System.nanoTime(), backup));
        busy.merge(m.getUuid(), 1, Integer::sum);
    }

    /**
     * @param m a member with an idle thread
     * @return the oldest chunk out on another member, without a copy yet, that has been out long enough to back up;
     *         null when none has
     */
    private Chunk straggler(Member m) {
        long now = System.nanoTime();
        long after = Math.max(TimeUnit.MILLISECONDS.toNanos(BACKUP_FLOOR_MS), BACKUP_FACTOR * slowestNanos);
        Pending oldest = null;
        for (var e : pending.entrySet()) {
            Pending p = e.getValue();
            // an answer already in (not yet collected) needs no copy
            if (!e.getKey().isDone() && !p.member().getUuid().equals(m.getUuid()) && now - p.sentNanos() > after && copies(p.chunk()) == 1
                && (oldest == null || p.sentNanos() < oldest.sentNanos())) {
                oldest = p;
            }
        }
        return oldest == null ? null : oldest.chunk();
    }

    /**
     * Cancels a task on its member, interrupting its thread there, on a thread of its own (returned, to be waited for
     * when the campaign ends) so that the scheduler does not wait: the client's cancel waits for the
     * member's reply, and the member may be the hung or unreachable one a backup copy was sent for. A cancel that fails
     * changes nothing the campaign needs (its runs are flown or given up), so it is not the campaign's failure.
     */
    private static Thread cancel(Future<ChunkResult> f) {
        // a thread of its own for each (a few a campaign), started from the scheduler's so that it keeps its class loader
        return Thread.ofPlatform().daemon().name("launchbench-campaign-cancel").start(() -> {
            try {
                f.cancel(true);
            } catch (RuntimeException ignored) {
                // the member left or does not answer: there is nothing left to stop there
            }
        });
    }

    /** @return the copies of a chunk out */
    private long copies(Chunk c) {
        return pending.values().stream().filter(p -> p.chunk().equals(c)).count();
    }

    /** Forgets the copies still out of a chunk whose runs have all been handed on, and stops their work. */
    private void cancelCopies(Chunk c) {
        for (var it = pending.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (e.getValue().chunk().equals(c)) {
                it.remove();
                busy.merge(e.getValue().member().getUuid(), -1, Integer::sum);
                cancelling.add(cancel(e.getKey()));
            }
        }
    }

    /** Takes the finished chunks' results; @return whether any had finished */
    private boolean collect() {
        boolean any = false;
        for (var e : List.copyOf(pending.entrySet())) {
            // a copy forgotten since the snapshot (its chunk answered by the other copy) is not looked at
            if (!e.getKey().isDone() || pending.remove(e.getKey()) == null) {
                continue;
            }
            any = true;
            Pending p = e.getValue();
            busy.merge(p.member().getUuid(), -1, Integer::sum);
            try {
                ChunkResult r = e.getKey().get();
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - p.sentNanos());
                accept(p, r);
            } catch (ExecutionException | CancellationException x) {
                if (gone(x)) {
                    memberLeft(p);
                } else {
                    taskFailed(p, x);
                }
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            }
        }
        return any;
    }

    private void accept(Pending p, ChunkResult r) {
        String member = name(p.member());
        byte[][] results = r.results();
        if (!r.authentic(p.taskTag(), secret) || !r.member().equals(member) || r.refusal() == null && (r.from() != p.chunk().from()
            || results.length > p.chunk().size())) {
            // not this task's answer from this member under the secret (a stranger, or a member that could not trust the
            // task): that member gets no more of the campaign, and its runs are flown elsewhere
            memberLeft(p);
            return;
        }
        if (r.refusal() != null) {
            throw InvalidInputException.because("member " + member + " refused the campaign: " + r.refusal()).element("--cluster")
                .value(access.describe()).build();
        }
        if (!Arrays.equals(r.fingerprint(), fingerprint)) {
            throw InvalidInputException.because("member " + member + " set the campaign up differently from this machine (its"
                + " ascent or recovery plan differ: another vehicle catalog or add-ons?)").element("--cluster").value(access.describe())
                .fix("install the same add-ons on every member").build();
        }
        int handed = 0;
        for (int k = 0; k < results.length; k++) {
            if (!delivered.get(r.from() + k)) {
                delivered.set(r.from() + k);
                sink.accept(r.from() + k, results[k], member);
                handed++;
            }
        }
        done += handed;
        if (p.backup()) {
            reassigned += handed; // flown elsewhere because the first member was late
        }
        if (handed > 0) {
            perMember.merge(member, handed, Integer::sum);
        }
        Chunk c = p.chunk();
        if (delivered.nextClearBit(c.from()) >= c.to()) {
            cancelCopies(c);
        } else if (copies(c) == 0) {
            // a member stopped between two runs (it is shutting down), and no other copy is out: the rest goes back
            queue.addFirst(new Chunk(delivered.nextClearBit(c.from()), c.to(), c.attempts(), c.taskFailures()));
        }
    }

    /** @return whether a task's failure is its member's going (it left, its connection dropped), not the task's own */
    private static boolean gone(Throwable x) {
        for (Throwable t = x; t != null; t = t.getCause()) {
            if (t instanceof CancellationException || t instanceof com.hazelcast.core.MemberLeftException
                || t instanceof com.hazelcast.spi.exception.TargetNotMemberException || t instanceof com.hazelcast.spi.exception.TargetDisconnectedException
                || t instanceof com.hazelcast.core.HazelcastInstanceNotActiveException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A chunk whose member left or could not be trusted: that member gets no more, the chunk is flown elsewhere (unless
     * its other copy is still out).
     */
    private void memberLeft(Pending p) {
        Chunk c = p.chunk();
        failed.add(p.member().getUuid());
        if (copies(c) > 0) {
            return;
        }
        if (c.attempts() + 1 >= MAX_ATTEMPTS) {
            throw new RunFailedException(String.format("runs %d to %d were sent to %d members that left or could not be trusted, last %s",
                c.from(), c.to() - 1, MAX_ATTEMPTS, name(p.member())));
        }
        reassigned += c.size() - delivered.get(c.from(), c.to()).cardinality();
        queue.addFirst(new Chunk(c.from(), c.to(), c.attempts() + 1, c.taskFailures()));
    }

    /** A chunk whose task failed inside its member: tried once more, then the campaign fails saying why. */
    private void taskFailed(Pending p, Exception x) {
        Chunk c = p.chunk();
        if (copies(c) > 0) {
            return; // the other copy may yet answer; if it fails too, it counts
        }
        Throwable cause = x.getCause() == null ? x : x.getCause();
        if (c.taskFailures() + 1 >= MAX_TASK_FAILURES) {
            throw new RunFailedException(String.format("runs %d to %d failed on member %s: %s", c.from(), c.to() - 1, name(p.member()),
                cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), x);
        }
        queue.addFirst(new Chunk(c.from(), c.to(), c.attempts(), c.taskFailures() + 1));
    }

    /** A member joining the campaign must run the same product; checked once per member. */
    private void check(Member m) {
        if (!checked.add(m.getUuid())) {
            return;
        }
        String product = m.getAttribute(ClusterConfigs.PRODUCT);
        if (product == null) {
            throw InvalidInputException.because("member " + name(m) + " is not a LaunchBench worker").element("--cluster")
                .value(access.describe()).build();
        }
        if (!product.equals(definition.product())) {
            throw InvalidInputException.because("member " + name(m) + " runs LaunchBench " + product + ", this machine "
                + definition.product() + ": every member must run the same product").element("--cluster").value(access.describe())
                .fix("install the same LaunchBench build on every machine").build();
        }
    }

    /** @return the data members that have not failed this campaign (none once the client has lost the cluster) */
    private List<Member> members() {
        try {
            return client.getCluster().getMembers().stream().filter(m -> !m.isLiteMember() && !failed.contains(m.getUuid())).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static int cores(Member m) {
        try {
            return Math.clamp(Integer.parseInt(m.getAttribute(ClusterConfigs.CORES)), 1, MAX_CORES);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String name(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }
}
