package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 27's acceptance with a real ground system: a headless Yamcs 5.12 (test scope only: AGPL) loads the XTCE that
 * {@code launchbench dictionary export} writes, with a UDP telemetry link (the generic packet preprocessor checking the
 * CRC-16) and a UDP telecommand link (the generic command post-processor appending it). {@code launchbench hil} flies
 * the Falcon 9 example's landing burn with the reference flight computer ({@code fc-sim}) and mirrors the link to Yamcs
 * ({@code --tm-forward}); Yamcs sends a throttle limit ({@code --tc-listen}). Checked: Yamcs took every mirrored packet
 * as valid, its decoded altimeter heights are the plant's, in order, to the last bit of their f32, the engine
 * commands it decoded include every throttle the session held in force, and the plant honoured the limit from the
 * cycle after the one it came in.
 */
class GroundSystemTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("launchbench.examples.dir", "../../examples"));
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void yamcsDecodesTheLoopsPacketsAndItsThrottleLimitIsHonoured(@TempDir Path dir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assumeTrue(classpath.contains("yamcs-core"), "Yamcs is not on the test classpath: " + classpath);
        int http = ProcessLogs.freePort();
        int tm = ProcessLogs.freePort();
        int tc = ProcessLogs.freePort();
        Path etc = Files.createDirectories(dir.resolve("etc").resolve("mdb"));
        InstalledProduct.Run export = InstalledProduct.run("dictionary", "export", "--format", "xtce", "--out", etc.resolve("landing.xml").toString());
        assertEquals(0, export.exitCode(), export.err());
        writeYamcsConfig(dir.resolve("etc"), http, tm, tc);
        Path yamcsLog = dir.resolve("yamcs.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
            "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")), "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", classpath, "org.yamcs.YamcsServer", "--etc-dir", "etc", "--data-dir", "data", "--cache-dir", "cache",
            "--no-color"));
        processes.add(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(yamcsLog.toFile()).start());
        ProcessLogs.awaitLine(yamcsLog, "Yamcs started", 90);
        assertTrue(Files.readString(yamcsLog).contains("loaded: 49 parameters, 10 tm containers, 5 commands"), Files.readString(yamcsLog));

        int fcPort = ProcessLogs.freePort();
        Path fcLog = dir.resolve("fc-sim.log");
        processes.add(InstalledProduct.start(fcLog, "fc-sim", "--listen", "udp://127.0.0.1:" + fcPort, "--sessions", "1",
            "--no-rehearsal"));
        ProcessLogs.awaitLine(fcLog, "fc-sim: listening on", 60);
        Path session = dir.resolve("session.txt");
        Path hilOut = dir.resolve("hil.json");
        java.time.Instant from = java.time.Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Process hil = InstalledProduct.start(hilOut, "hil", EXAMPLES.resolve("missions/falcon9-leo-asds.mission").toAbsolutePath().toString(),
            "--fc", "udp://127.0.0.1:" + fcPort, "--rate", "100", "--record", session.toString(), "--json", "--tm-forward",
            "udp://127.0.0.1:" + tm, "--tc-listen", "udp://127.0.0.1:" + tc);
        processes.add(hil);
        // a second of the burn seen on the ground (about 500 packets), then the ground limits the throttle
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (link(http, "tm").get("dataInCount").getAsLong() < 500) {
            assertTrue(hil.isAlive() && System.nanoTime() < deadline, "no telemetry reached Yamcs: " + Files.readString(hilOut));
            Thread.sleep(100);
        }
        HttpResponse<String> sent = post(http, "/api/processors/landing/realtime/commands/landing/ground-command/ground-command",
            "{\"args\": {\"abort\": 0, \"throttle_limit\": 0.6}}");
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(hil.waitFor(180, TimeUnit.SECONDS), "hil did not end: " + Files.readString(hilOut));
        String out = Files.readString(hilOut);
        // standard output's JSON; standard error after it says the stage crashed (a burn planned on full thrust, held to 60 %)
        JsonObject result = JsonParser.parseString(out.substring(out.indexOf('{'), out.lastIndexOf('}') + 1)).getAsJsonObject();
        assertEquals("crashed", result.getAsJsonObject("recovery").get("outcome").getAsString(), out);
        JsonObject ground = result.getAsJsonObject("ground");
        JsonObject loop = result.getAsJsonObject("loop");
        assertEquals(1, ground.get("commands_accepted").getAsInt(), out);
        assertEquals(0, ground.get("commands_refused").getAsInt(), out);
        long forwarded = ground.get("packets_forwarded").getAsLong();
        assertEquals(loop.get("packets_sent").getAsLong() + loop.get("packets_received").getAsLong(), forwarded, out);

        // Yamcs took every packet, none invalid (its preprocessor checks each one's CRC-16)
        Thread.sleep(1000);
        java.time.Instant to = java.time.Instant.now().plusSeconds(1);
        JsonObject tmLink = link(http, "tm");
        assertEquals(forwarded, tmLink.get("dataInCount").getAsLong(), tmLink.toString());
        assertEquals("0", tmLink.getAsJsonObject("extra").get("Invalid datagrams").getAsString(), tmLink.toString());
        assertEquals(1, link(http, "tc").get("dataOutCount").getAsLong());

        // the session: what the plant sent and the commands in force, cycle by cycle
        List<String> lines = Files.readAllLines(session).stream().filter(l -> !l.startsWith("#")).toList();
        List<Float> heights = new ArrayList<>();
        java.util.Set<Float> throttles = new java.util.HashSet<>();
        double thrustMax = Double.NaN;
        int limitedFrom = -1;
        List<Double> thrusts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String token : lines.get(i).split(" ")) {
                String[] kv = token.split("=");
                switch (kv[0]) {
                    case "s:altimeter.height" -> heights.add((float) Double.parseDouble(kv[1]));
                    case "c:engine-command.throttle" -> throttles.add((float) Double.parseDouble(kv[1]));
                    case "s:vehicle.thrust_max" -> thrustMax = Double.parseDouble(kv[1]);
                    case "c:ground-command.throttle_limit" -> limitedFrom = limitedFrom < 0 ? i : limitedFrom;
                    default -> { }
                }
            }
            String thrust = java.util.Arrays.stream(lines.get(i).split(" ")).filter(t -> t.startsWith("s:engine-state.thrust=")).findFirst()
                .orElse("s:engine-state.thrust=NaN");
            thrusts.add(Double.parseDouble(thrust.substring(thrust.indexOf('=') + 1)));
        }
        // Yamcs's decoded heights, replayed from its archive in order: the plant's, each the f32 it was sent as
        List<Float> decoded = new ArrayList<>();
        for (JsonElement v : values(http, "/landing/altimeter/height", from, to)) {
            decoded.add(v.getAsJsonObject().getAsJsonObject("engValue").get("floatValue").getAsFloat());
        }
        assertEquals(heights.size(), decoded.size(), "altimeter packets decoded");
        for (int i = 0; i < heights.size(); i++) {
            assertEquals(Float.floatToIntBits(heights.get(i)), Float.floatToIntBits(decoded.get(i)), "altimeter height " + i);
        }
        // the computer's commands, decoded from their echo: every throttle the plant had in force is among them
        java.util.Set<Float> echoed = new java.util.HashSet<>();
        JsonArray echoes = values(http, "/landing/engine-command/throttle", from, to);
        for (JsonElement v : echoes) {
            echoed.add(v.getAsJsonObject().getAsJsonObject("engValue").get("floatValue").getAsFloat());
        }
        java.util.Set<Float> missing = new java.util.TreeSet<>(throttles);
        missing.removeAll(echoed);
        assertTrue(missing.isEmpty(), throttles.size() + " throttles in force, " + echoed.size() + " decoded from " + echoes.size()
            + " echoes; missing " + missing + "; decoded " + new java.util.TreeSet<>(echoed));

        // the limit: in force from a cycle of the burn on, and the thrust never above 60 % from the next cycle
        assertTrue(limitedFrom > 50, "the ground's limit came in at cycle " + limitedFrom);
        boolean above = false;
        for (int i = 0; i < thrusts.size(); i++) {
            if (i > limitedFrom) {
                assertTrue(!(thrusts.get(i) > 0.6 * thrustMax * (1 + 1e-9)), "cycle " + i + ": thrust " + thrusts.get(i) + " N of " + thrustMax);
            } else if (thrusts.get(i) > 0.6 * thrustMax) {
                above = true;
            }
        }
        assertTrue(above, "the burn used more than 60 % before the limit, so the limit changed something");
    }

    private static void writeYamcsConfig(Path etc, int http, int tm, int tc) throws IOException {
        Files.writeString(etc.resolve("yamcs.yaml"), """
            services:
              - class: org.yamcs.http.HttpServer
                args:
                  address: 127.0.0.1
                  port: %d
            instances:
              - landing
            dataDir: data
            secretKey: "test-only"
            """.formatted(http));
        // the realtime processor, and the retrieval one the archive's parameter replays use
        Files.writeString(etc.resolve("processor.yaml"), """
            realtime:
              services:
                - class: org.yamcs.StreamTmPacketProvider
                - class: org.yamcs.StreamTcCommandReleaser
                - class: org.yamcs.tctm.StreamParameterProvider
              config:
                subscribeAll: true
            ArchiveRetrieval:
              config:
                subscribeContainerArchivePartitions: false
              services:
                - class: org.yamcs.tctm.ReplayService
            """);
        Files.writeString(etc.resolve("yamcs.landing.yaml"), """
            services:
              - class: org.yamcs.archive.XtceTmRecorder
              - class: org.yamcs.archive.ReplayServer
              - class: org.yamcs.ProcessorCreatorService
                args:
                  name: realtime
                  type: realtime
              - class: org.yamcs.archive.CommandHistoryRecorder
            dataLinks:
              # the time is the reception's (-1: the CUC counts from the mission's epoch, which Yamcs does not know).
              # The archive keys a packet by that time (ms) and a sequence number within its name: the number read
              # at octet 0, the primary header's first 4 octets (APID and sequence count), so that two packets of a
              # name in one millisecond (a command burst after a stall) are two packets, not one overwriting the other
              - name: tm
                class: org.yamcs.tctm.UdpTmDataLink
                stream: tm_realtime
                port: %d
                packetPreprocessorClassName: org.yamcs.tctm.GenericPacketPreprocessor
                packetPreprocessorArgs:
                  timestampOffset: -1
                  seqCountOffset: 0
                  errorDetection:
                    type: CRC-16-CCIIT
              - name: tc
                class: org.yamcs.tctm.UdpTcDataLink
                stream: tc_realtime
                host: 127.0.0.1
                port: %d
                commandPostprocessorClassName: org.yamcs.tctm.GenericCommandPostprocessor
                commandPostprocessorArgs:
                  errorDetection:
                    type: CRC-16-CCIIT
            mdb:
              - type: xtce
                spec: etc/mdb/landing.xml
            streamConfig:
              tm:
                - name: tm_realtime
                  processor: realtime
              invalidTm: invalid_tm_stream
              cmdHist: ["cmdhist_realtime"]
              event: ["events_realtime"]
              param: ["pp_realtime", "sys_param", "proc_param"]
              tc:
                - name: tc_realtime
                  processor: realtime
            """.formatted(tm, tc));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JsonObject link(int port, String name) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/links/landing/" + name)).build(),
            HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static HttpResponse<String> post(int port, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * @return a parameter's values between two instants, oldest first, replayed from Yamcs's packet archive. Asked in
     *         windows of 5 s (at most 500 packets of a 100 Hz stream, under the API's 1000 a page) whose bounds are
     *         start inclusive and stop exclusive: no value is lost or repeated where paging by a time token could split
     *         packets of one millisecond
     */
    private static JsonArray values(int port, String parameter, java.time.Instant from, java.time.Instant to) throws Exception {
        JsonArray all = new JsonArray();
        for (java.time.Instant start = from; start.isBefore(to); start = start.plusSeconds(5)) {
            String url = "http://127.0.0.1:" + port + "/api/archive/landing/parameters" + parameter + "?source=replay&order=asc&limit=1000"
                + "&start=" + start + "&stop=" + start.plusSeconds(5);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            // Yamcs's replay of a window can fail inside the server (its ArchiveRetrieval service reporting FAILED: once in
            // four CI runs on this loaded 2-core machine, 2026-12-07): the same window is asked again, twice at most. The
            // archive is not changed by asking, so a retry cannot hide a decoding fault: every value is compared below
            for (int retry = 0; retry < 2 && r.statusCode() == 500 && r.body().contains("has FAILED"); retry++) {
                Thread.sleep(1000);
                r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(200, r.statusCode(), r.body());
            JsonObject page = JsonParser.parseString(r.body()).getAsJsonObject();
            if (page.has("parameter")) {
                JsonArray values = page.getAsJsonArray("parameter");
                assertTrue(values.size() < 1000, "a window of 5 s filled a page: " + parameter);
                all.addAll(values);
            }
        }
        return all;
    }
}
