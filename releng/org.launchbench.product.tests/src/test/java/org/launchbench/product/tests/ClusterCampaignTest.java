package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 24's acceptance, on real processes over loopback: three {@code launchbench worker} members form a cluster, a
 * {@code dispersion --cluster} campaign flown on them writes the same CSV, byte for byte, as the same campaign flown on
 * this machine, also when one member is killed (SIGKILL) mid-campaign and its runs are flown again elsewhere; a wrong
 * secret, an unreachable cluster and a member of another product are each one line and exit 2. A trade study ({@code sweep})
 * on the workers gives the rows it gives on one machine. A campaign whose workers all die keeps its finished runs, and a
 * new worker resumes it to the same CSV.
 */
class ClusterCampaignTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("launchbench.examples.dir", "../../examples"));
    private static final String F9 = EXAMPLES.toAbsolutePath().resolve("missions/falcon9-leo-asds.mission").toString();
    /** Runs: enough that a kill at the first progress line (2 s into the runs) falls mid-campaign. */
    private static final String RUNS = "200";

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEveryProcess() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCampaignOnThreeWorkersIsTheCampaignOnOneMachineEvenWhenAWorkerDies(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("cluster.secret");
        Files.writeString(secret, "a shared secret of this test, 44 bytes long\n");
        int[] ports = {ProcessLogs.freePort(), ProcessLogs.freePort(), ProcessLogs.freePort()};
        String all = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
        Path[] logs = new Path[3];
        for (int i = 0; i < 3; i++) {
            logs[i] = dir.resolve("worker" + i + ".log");
            worker(logs[i], Map.of(), "--bind", "127.0.0.1:" + ports[i], "--members", all, "--secret-file", secret.toString(), "--threads", "1");
        }
        for (Path log : logs) {
            ProcessLogs.awaitLine(log, "launchbench worker: serving campaigns at", 60);
        }
        Path local = dir.resolve("local.csv");
        InstalledProduct.Run embedded = InstalledProduct.run(180, "dispersion", F9, "-n", RUNS, "--seed", "5", "--csv", local.toString(), "--json");
        assertEquals(0, embedded.exitCode(), embedded.err());

        // three members, none lost
        Path three = dir.resolve("three.csv");
        InstalledProduct.Run cluster = InstalledProduct.run(240, "dispersion", F9, "-n", RUNS, "--seed", "5", "--csv", three.toString(), "--json",
            "--cluster", "127.0.0.1:" + ports[0], "--secret-file", secret.toString());
        assertEquals(0, cluster.exitCode(), cluster.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(three), "the CSV flown on three workers");
        JsonObject summary = JsonParser.parseString(cluster.out()).getAsJsonObject();
        assertEquals(3, summary.get("members").getAsInt(), cluster.out());
        assertEquals(200, summary.getAsJsonObject("runs_per_member").entrySet().stream().mapToInt(e -> e.getValue().getAsInt()).sum());
        assertEquals(0, summary.get("reassigned_runs").getAsInt());
        for (String key : List.of("landed", "miss_distance_m", "propellant_remaining_kg", "crashes_by_reason")) {
            assertEquals(JsonParser.parseString(embedded.out()).getAsJsonObject().get(key), summary.get(key), key);
        }

        // the same campaign again, and the third worker killed once the runs are under way
        Path killed = dir.resolve("killed.csv");
        Path err = dir.resolve("killed.err");
        Process campaign = InstalledProduct.start(err, "dispersion", F9, "-n", RUNS, "--seed", "5", "--csv", killed.toString(), "--json",
            "--cluster", "127.0.0.1:" + ports[0], "--secret-file", secret.toString());
        processes.add(campaign);
        ProcessLogs.awaitLine(err, "runs/s", 120);
        processes.get(2).destroyForcibly(); // SIGKILL: the start script execs the JVM, so this is the member itself
        assertTrue(campaign.waitFor(180, TimeUnit.SECONDS), Files.readString(err));
        String output = Files.readString(err);
        assertEquals(0, campaign.exitValue(), output);
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(killed), "the CSV with a worker killed mid-campaign");
        JsonObject after = JsonParser.parseString(output.substring(output.indexOf('{'))).getAsJsonObject();
        assertTrue(after.get("reassigned_runs").getAsInt() > 0, output);

        // a trade study on the two workers left: the same rows as on this machine
        Path spec = Files.writeString(dir.resolve("sweep.json"), "{\"mission\": \"" + F9 + "\", \"payload_kg\": [12000, 16000], \"runs\": 3}");
        Path localSweep = dir.resolve("sweep-local.csv");
        Path clusterSweep = dir.resolve("sweep-cluster.csv");
        InstalledProduct.Run sweepHere = InstalledProduct.run(180, "sweep", spec.toString(), "--csv", localSweep.toString());
        assertEquals(0, sweepHere.exitCode(), sweepHere.err());
        InstalledProduct.Run sweepThere = InstalledProduct.run(180, "sweep", spec.toString(), "--csv", clusterSweep.toString(), "--json",
            "--cluster", "127.0.0.1:" + ports[0], "--secret-file", secret.toString());
        assertEquals(0, sweepThere.exitCode(), sweepThere.err());
        assertArrayEquals(Files.readAllBytes(localSweep), Files.readAllBytes(clusterSweep), "the sweep's rows on the cluster");
        assertEquals(2, JsonParser.parseString(sweepThere.out()).getAsJsonObject().getAsJsonArray("rows").size());

        // another secret is turned away, in one line
        Path wrong = dir.resolve("wrong.secret");
        Files.writeString(wrong, "not the secret the workers were given\n");
        InstalledProduct.Run refused = InstalledProduct.run(60, "dispersion", F9, "-n", "4", "--cluster", "127.0.0.1:" + ports[0],
            "--secret-file", wrong.toString());
        assertOneLine(refused, "turned this campaign away");

        // nobody at the address
        InstalledProduct.Run nobody = InstalledProduct.run(60, "dispersion", F9, "-n", "4", "--cluster", "127.0.0.1:" + ProcessLogs.freePort(),
            "--secret-file", secret.toString());
        assertOneLine(nobody, "no member of the cluster answers");

        // a member of another product
        int other = ProcessLogs.freePort();
        Path otherLog = dir.resolve("other.log");
        worker(otherLog, Map.of("LAUNCHBENCH_VMARGS", "-Dlaunchbench.product.version=0.0.1.other"), "--bind", "127.0.0.1:" + other,
            "--secret-file", secret.toString(), "--cluster", "other");
        ProcessLogs.awaitLine(otherLog, "launchbench worker: serving campaigns at", 60);
        InstalledProduct.Run mixed = InstalledProduct.run(120, "dispersion", F9, "-n", "4", "--cluster", "127.0.0.1:" + other,
            "--cluster-name", "other", "--secret-file", secret.toString());
        assertOneLine(mixed, "runs LaunchBench 0.0.1.other");

        // every member gone mid-campaign: the finished runs are kept, and a new worker flies the rest from them
        Path resumed = dir.resolve("resumed.csv");
        Path doomedErr = dir.resolve("doomed.err");
        Process doomed = InstalledProduct.start(doomedErr, "dispersion", F9, "-n", RUNS, "--seed", "5", "--csv", resumed.toString(),
            "--cluster", "127.0.0.1:" + ports[0], "--secret-file", secret.toString());
        processes.add(doomed);
        ProcessLogs.awaitLine(doomedErr, "runs/s", 120);
        processes.get(0).destroyForcibly();
        processes.get(1).destroyForcibly();
        assertTrue(doomed.waitFor(120, TimeUnit.SECONDS), Files.readString(doomedErr));
        String lost = Files.readString(doomedErr);
        assertEquals(1, doomed.exitValue(), lost);
        Path journal = dir.resolve("resumed.csv.partial");
        assertTrue(lost.contains("every member of the cluster") && lost.contains("--resume " + journal), lost);
        int fresh = ProcessLogs.freePort();
        Path freshLog = dir.resolve("fresh.log");
        worker(freshLog, Map.of(), "--bind", "127.0.0.1:" + fresh, "--secret-file", secret.toString());
        ProcessLogs.awaitLine(freshLog, "launchbench worker: serving campaigns at", 60);
        InstalledProduct.Run rest = InstalledProduct.run(240, "dispersion", F9, "-n", RUNS, "--seed", "5", "--csv", resumed.toString(), "--json",
            "--cluster", "127.0.0.1:" + fresh, "--secret-file", secret.toString(), "--resume", journal.toString());
        assertEquals(0, rest.exitCode(), rest.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(resumed), "the CSV of a campaign resumed on another worker");
        int flownNow = JsonParser.parseString(rest.out()).getAsJsonObject().getAsJsonObject("runs_per_member").entrySet().stream()
            .mapToInt(e -> e.getValue().getAsInt()).sum();
        assertTrue(flownNow > 0 && flownNow < 200, "only the runs not finished were flown again: " + flownNow);
    }

    @Test
    void aWorkerWithoutASecretIsRefused() throws Exception {
        InstalledProduct.Run r = InstalledProduct.run(60, "worker", "--bind", "127.0.0.1:" + ProcessLogs.freePort());
        assertOneLine(r, "--secret-file");
    }

    private void worker(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("worker"));
        command.addAll(List.of(args));
        processes.add(InstalledProduct.start(log, env, command.toArray(String[]::new)));
    }

    private static void assertOneLine(InstalledProduct.Run r, String words) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(words), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }
}
