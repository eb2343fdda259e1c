package org.launchbench.campaign.hazelcast.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignWork;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ClusterCampaigns;
import org.launchbench.core.InvalidInputException;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * The runner on a real Hazelcast cluster inside the OSGi test runtime (two members and a client in this process, over
 * loopback): the tasks' classes load through the bundles, every run comes back once with the result its member
 * computed, a member's refusal and a set-up that differs from the asker's are bad input. A work kind of the test's
 * own ("square": run i gives i², and its set-up reads the campaign's file) stands for an engine. The product test
 * ClusterCampaignTest flies a real dispersion on separate processes.
 */
class ClusterRunnerTest {

    private static final byte[] SECRET = "the runner test's secret, 32 bytes".getBytes(StandardCharsets.UTF_8);
    private static final List<HazelcastInstance> MEMBERS = new ArrayList<>();
    /** Set-ups by campaign (the file's text), on either member. */
    private static final Map<String, AtomicInteger> SET_UPS = new java.util.concurrent.ConcurrentHashMap<>();
    private static ClusterAccess access;

    /** run i gives i², after a set-up that reads the campaign's file from the member's folder. */
    static final class Square implements CampaignWork {
        @Override
        public String kind() {
            return "square";
        }

        @Override
        public Prepared prepare(CampaignDefinition d, Path folder, IProgressMonitor monitor) {
            String text;
            try {
                text = Files.readString(folder.resolve(d.mainFile()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            SET_UPS.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            byte[] fingerprint = text.getBytes(StandardCharsets.UTF_8);
            return new Prepared() {
                @Override
                public byte[] fingerprint() {
                    return fingerprint;
                }

                @Override
                public byte[] run(int index) {
                    return ByteBuffer.allocate(8).putLong((long) index * index).array();
                }
            };
        }
    }

    /** Runs started of the slow kind, on either member. */
    private static final AtomicInteger SLOW_STARTED = new AtomicInteger();

    /** run i takes 50 ms (a stand-in for a 6-DOF run's seconds); interrupted, it ends at once (its member then stops). */
    static final class Slow implements CampaignWork {
        @Override
        public String kind() {
            return "slow";
        }

        @Override
        public Prepared prepare(CampaignDefinition d, Path folder, IProgressMonitor monitor) {
            return new Prepared() {
                @Override
                public byte[] fingerprint() {
                    return new byte[] {1};
                }

                @Override
                public byte[] run(int index) {
                    SLOW_STARTED.incrementAndGet();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new byte[] {(byte) index};
                }
            };
        }
    }

    /** Runs of the stall kind started on the member that never answers, and of those, the ones interrupted. */
    private static final AtomicInteger STALLED = new AtomicInteger();
    private static final AtomicInteger STALL_INTERRUPTED = new AtomicInteger();

    /** run i gives i at once, or, on a member that hangs, never ends until its thread is interrupted. */
    static final class Stall implements CampaignWork {
        private final boolean hangs;

        Stall(boolean hangs) {
            this.hangs = hangs;
        }

        @Override
        public String kind() {
            return "stall";
        }

        @Override
        public Prepared prepare(CampaignDefinition d, Path folder, IProgressMonitor monitor) {
            return new Prepared() {
                @Override
                public byte[] fingerprint() {
                    return new byte[] {3};
                }

                @Override
                public byte[] run(int index) {
                    if (hangs) {
                        STALLED.incrementAndGet();
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            STALL_INTERRUPTED.incrementAndGet();
                            Thread.currentThread().interrupt();
                        }
                    }
                    return ByteBuffer.allocate(4).putInt(index).array();
                }
            };
        }
    }

    private static List<ClusterAccess.Address> addresses;

    @BeforeAll
    static void startTwoMembers() throws IOException {
        addresses = List.of(new ClusterAccess.Address("127.0.0.1", freePort()), new ClusterAccess.Address("127.0.0.1", freePort()));
        for (ClusterAccess.Address a : addresses) {
            MemberContext context = new MemberContext(SECRET, "test-product", a.toString(), () -> List.of(new Square(), new Slow(), new Stall(false)), line -> { });
            MEMBERS.add(Hazelcast.newHazelcastInstance(ClusterConfigs.member(a, addresses, "runner-test", SECRET, "test-product", 2, context)));
        }
        access = new ClusterAccess(addresses.subList(0, 1), "runner-test", SECRET);
    }

    @AfterAll
    static void stopMembers() {
        MEMBERS.forEach(m -> m.getLifecycleService().terminate());
    }

    private static CampaignDefinition campaign(String content, String product) {
        return new CampaignDefinition("square", "case.txt", new TreeMap<>(Map.of("case.txt", content.getBytes(StandardCharsets.UTF_8))),
            new TreeMap<>(), product);
    }

    @Test
    void everyRunComesBackOnceFromTheTwoMembers() {
        assertEquals(2, MEMBERS.get(0).getCluster().getMembers().size(), "the members found each other");
        long[] squares = new long[101];
        int[] deliveries = new int[101];
        ClusterCampaigns.Flown flown;
        try (ClusterCampaigns.Connection c = new HazelcastCampaigns().connect(access)) {
            flown = c.fly(campaign("first", "test-product"), "first".getBytes(StandardCharsets.UTF_8), 101, new BitSet(), (i, bytes, member) -> {
                squares[i] = ByteBuffer.wrap(bytes).getLong();
                deliveries[i]++;
            }, new NullProgressMonitor());
        }
        for (int i = 0; i <= 100; i++) {
            assertEquals((long) i * i, squares[i], "run " + i);
            assertEquals(1, deliveries[i], "run " + i + " delivered once");
        }
        assertEquals(2, flown.members(), flown.toString());
        assertEquals(101, flown.runsPerMember().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(0, flown.reassignedRuns());
        assertTrue(SET_UPS.get("first").get() <= 2, "each member set the campaign up once: " + SET_UPS);
    }

    @Test
    void aResumedCampaignFliesOnlyTheRunsNotFinished() {
        BitSet finished = new BitSet();
        finished.set(0, 10);
        finished.set(15);
        finished.set(30, 40);
        List<Integer> flownNow = new ArrayList<>();
        try (ClusterCampaigns.Connection c = new HazelcastCampaigns().connect(access)) {
            ClusterCampaigns.Flown flown = c.fly(campaign("first", "test-product"), "first".getBytes(StandardCharsets.UTF_8), 40, finished,
                (i, bytes, member) -> flownNow.add(i), new NullProgressMonitor());
            assertEquals(19, flown.runsPerMember().values().stream().mapToInt(Integer::intValue).sum());
        }
        flownNow.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int i = 10; i < 30; i++) {
            if (i != 15) {
                expected.add(i);
            }
        }
        assertEquals(expected, flownNow);
    }

    /**
     * Issue 24: cancel stops every member's work. A 1,000-run campaign of 50 ms runs (12.5 s on the two members' four
     * threads) is cancelled at its first answer, 2.5 s in (a chunk is 50 runs): fly ends as cancelled at once, and
     * from a second later no member starts another run. Without the members' tasks interrupted, the chunks running and
     * queued (50 runs, 2.5 s, each) would go on starting runs for seconds.
     */
    @Test
    void aCancelledCampaignStopsEveryMembersWork() throws Exception {
        NullProgressMonitor monitor = new NullProgressMonitor();
        AtomicInteger answers = new AtomicInteger();
        CampaignDefinition slow = new CampaignDefinition("slow", "case.txt", new TreeMap<>(Map.of("case.txt", new byte[] {0})), new TreeMap<>(),
            "test-product");
        long start = System.nanoTime();
        try (ClusterCampaigns.Connection c = new HazelcastCampaigns().connect(access)) {
            assertThrows(OperationCanceledException.class, () -> c.fly(slow, new byte[] {1}, 1000, new BitSet(), (i, bytes, member) -> {
                if (answers.incrementAndGet() == 1) {
                    monitor.setCanceled(true);
                }
            }, monitor));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(1000);
        int settled = SLOW_STARTED.get();
        Thread.sleep(1500);
        assertEquals(settled, SLOW_STARTED.get(), "runs started after the cancel settled");
        // the asker stopped at once: the campaign uncancelled takes 12.5 s, its first answer comes 2.5 s in
        assertTrue(seconds < 5, "fly ended " + seconds + " s after it started");
    }

    /**
     * A member that stays in the cluster but never answers (a third member, joined for this test, whose runs hang) does
     * not hold the campaign: once the others have emptied the queue and the chunks it holds have been out more than a
     * second, they are flown by the others as backup copies, every run is handed on once, and its hung work is stopped.
     * It holds what it took at the start, its two threads' worth and one more (3 chunks of ⌈400 / (6 threads × 4)⌉ = 17
     * runs), which are the runs reassigned.
     */
    @Test
    void aMemberThatNeverAnswersHasItsChunksFlownByTheOthers() throws Exception {
        ClusterAccess.Address third = new ClusterAccess.Address("127.0.0.1", freePort());
        List<ClusterAccess.Address> all = new ArrayList<>(addresses);
        all.add(third);
        MemberContext context = new MemberContext(SECRET, "test-product", third.toString(), () -> List.of(new Stall(true)), line -> { });
        HazelcastInstance hung = Hazelcast.newHazelcastInstance(ClusterConfigs.member(third, all, "runner-test", SECRET, "test-product", 2, context));
        try {
            assertEquals(3, hung.getCluster().getMembers().size(), "the third member joined");
            CampaignDefinition stall = new CampaignDefinition("stall", "case.txt", new TreeMap<>(Map.of("case.txt", new byte[] {0})),
                new TreeMap<>(), "test-product");
            int[] deliveries = new int[400];
            // without backups the campaign waits for the hung member for ever: a failure, not a hang of the build
            ClusterCampaigns.Flown flown = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (ClusterCampaigns.Connection c = new HazelcastCampaigns().connect(access)) {
                    return c.fly(stall, new byte[] {3}, 400, new BitSet(), (i, bytes, member) -> {
                        assertEquals(i, ByteBuffer.wrap(bytes).getInt());
                        deliveries[i]++;
                    }, new NullProgressMonitor());
                }
            });
            for (int i = 0; i < 400; i++) {
                assertEquals(1, deliveries[i], "run " + i + " handed on once");
            }
            // its two threads each started a run; a third may start when the first is interrupted before the queued
            // chunk's cancel arrives
            assertTrue(STALLED.get() >= 2, "the hung member's runs started: " + STALLED.get());
            assertEquals(2, flown.members(), "the members that answered: " + flown);
            assertFalse(flown.runsPerMember().containsKey(third.toString()), flown.toString());
            assertEquals(3 * 17, flown.reassignedRuns(), flown.toString());
            for (int i = 0; i < 100 && STALL_INTERRUPTED.get() < STALLED.get(); i++) {
                Thread.sleep(50);
            }
            assertEquals(STALLED.get(), STALL_INTERRUPTED.get(), "every hung run was interrupted when its copy answered");
        } finally {
            hung.getLifecycleService().terminate();
        }
    }

    @Test
    void aMemberThatSetsTheCampaignUpDifferentlyIsCaught() {
        try (ClusterCampaigns.Connection c = new HazelcastCampaigns().connect(access)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.fly(campaign("second", "test-product"),
                "what the asker computed".getBytes(StandardCharsets.UTF_8), 10, new BitSet(), (i, b, m) -> { }, new NullProgressMonitor()));
            assertTrue(e.userMessage().contains("set the campaign up differently"), e.userMessage());
        }
    }

    @Test
    void aCampaignOfAnotherProductIsRefused() {
        try (ClusterCampaigns.Connection c = new HazelcastCampaigns().connect(access)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.fly(campaign("third", "another-product"),
                "third".getBytes(StandardCharsets.UTF_8), 10, new BitSet(), (i, b, m) -> { }, new NullProgressMonitor()));
            assertTrue(e.userMessage().contains("runs LaunchBench test-product"), e.userMessage());
        }
    }

    @Test
    void anotherSecretIsTurnedAway() {
        ClusterAccess wrong = new ClusterAccess(access.members(), "runner-test", "another secret of 32 bytes, or more".getBytes(StandardCharsets.UTF_8));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new HazelcastCampaigns().connect(wrong));
        assertTrue(e.userMessage().contains("turned this campaign away"), e.userMessage());
    }

    @Test
    void aTaskSignedWithAnotherSecretFliesNothing() throws Exception {
        byte[] nonce = {1, 2, 3};
        ChunkTask forged = new ChunkTask(campaign("fourth", "test-product").encode(), 0, 5, nonce,
            "a forger's secret of 32 bytes....".getBytes(StandardCharsets.UTF_8));
        forged.setHazelcastInstance(MEMBERS.get(0));
        ChunkResult r = forged.call();
        assertEquals("the campaign is not signed with this cluster's secret", r.refusal());
        ChunkTask task = new ChunkTask(campaign("fourth", "test-product").encode(), 0, 3, nonce, SECRET);
        task.setHazelcastInstance(MEMBERS.get(0));
        ChunkResult honest = task.call();
        assertTrue(honest.authentic(task.tag(), SECRET));
        // the answer is this task's only: another flight's task (another nonce) does not accept it
        assertFalse(honest.authentic(new ChunkTask(campaign("fourth", "test-product").encode(), 0, 3, new byte[] {9}, SECRET).tag(), SECRET));
        assertArrayEquals(new byte[][] {ByteBuffer.allocate(8).putLong(0).array(), ByteBuffer.allocate(8).putLong(1).array(),
            ByteBuffer.allocate(8).putLong(4).array()}, honest.results());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
