package org.launchbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench opens a real window: the product is started with no arguments on its own Xvfb display,
 * the window is found by its title with xwininfo and photographed with ImageIO-readable PNG (ImageMagick's
 * import) into target/screenshots/workbench.png for review. Needs the Debian packages xvfb, x11-utils and
 * imagemagick (.ci/run installs them).
 */
class WorkbenchWindowTest {

    private static final Pattern WINDOW = Pattern.compile("\"LaunchBench\\s*\": \\(\"LaunchBench\" \"LaunchBench\"\\)\\s+(\\d+)x(\\d+)");

    private Process xvfb;
    private Process workbench;
    /** Cluster workers a test started. */
    private final List<Process> workers = new ArrayList<>();
    private String display;
    /** XDG_CACHE_HOME for the workbench (null: the user's). */
    private Path cacheHome;

    @BeforeEach
    void startDisplay() throws IOException, InterruptedException {
        assumeTrue(onPath("Xvfb") && onPath("xwininfo") && onPath("import"),
            "Xvfb, xwininfo (x11-utils) and import (imagemagick) are needed: apt-get install xvfb x11-utils imagemagick");
        for (int n = 90; n < 110 && xvfb == null; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 50 && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && p.isAlive(); i++) {
                Thread.sleep(100);
            }
            if (p.isAlive()) {
                xvfb = p;
                display = ":" + n;
            }
        }
        assertTrue(xvfb != null, "could not start Xvfb on any display :90-:109");
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process w : workers) {
            w.destroyForcibly();
            w.waitFor(10, TimeUnit.SECONDS);
        }
        if (workbench != null) {
            workbench.descendants().forEach(ProcessHandle::destroy);
            workbench.destroy();
            workbench.waitFor(10, TimeUnit.SECONDS);
        }
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void startingWithoutArgumentsOpensTheLaunchBenchWindow(@TempDir Path workspace) throws Exception {
        Path console = open(workspace, null);

        Matcher window = awaitWindow();
        assertTrue(workbench.isAlive(), "the workbench exited: " + Files.readString(console));
        assertTrue(window != null, "no LaunchBench window within 60 s");
        Thread.sleep(1500); // let the part finish painting before the photograph

        BufferedImage image = photograph("workbench.png");
        int w = Integer.parseInt(window.group(1));
        int h = Integer.parseInt(window.group(2));
        // a rendered part has text: many distinct colours (anti-aliased glyphs) inside the window
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < Math.min(h, image.getHeight()); y += 2) {
            for (int x = 0; x < Math.min(w, image.getWidth()); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "the window looks empty: " + colours.size() + " colours");
    }

    /**
     * The start script's class-data sharing archive follows the launcher jar: the JVM checks that jar's time stamp
     * and neither maps nor replaces an archive made for another one, so after a rebuild or an update (here: the
     * launcher jar touched, as either does) the script deletes the old archive and the next start makes a new one
     * under a new name. (Before, the installation kept the unusable archive and started without sharing for good.)
     */
    @Test
    void aRebuiltInstallationGetsAFreshClassDataArchive(@TempDir Path workspace) throws Exception {
        cacheHome = workspace.resolve("cache");
        Path archives = cacheHome.resolve("launchbench");
        startAndClose(workspace.resolve("first"));
        List<Path> first = archives(archives);
        assertEquals(1, first.size(), "archives after the first start: " + first);
        Path launcher;
        try (var plugins = Files.list(InstalledProduct.script().getParent().resolve("plugins"))) {
            launcher = plugins.filter(f -> f.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(launcher, FileTime.from(Instant.now().plusSeconds(2)));
        startAndClose(workspace.resolve("second"));
        List<Path> second = archives(archives);
        assertEquals(1, second.size(), "archives after the second start: " + second);
        assertNotEquals(first.get(0), second.get(0), "the archive for the old launcher jar was kept");
        String installation = first.get(0).getFileName().toString().replaceFirst("-[0-9]+\\.jsa$", "");
        assertTrue(second.get(0).getFileName().toString().startsWith(installation + "-"), second + " is not " + installation + "'s");
    }

    /** Starts the workbench, waits for its window, closes it and waits for the JVM to end (it writes the archive then). */
    private void startAndClose(Path workspace) throws Exception {
        Files.createDirectories(workspace);
        Path console = open(workspace, null);
        assertTrue(awaitWindow() != null, "no LaunchBench window within 60 s: " + Files.readString(console));
        workbench.descendants().forEach(ProcessHandle::destroy);
        workbench.destroy();
        assertTrue(workbench.waitFor(60, TimeUnit.SECONDS), "the workbench did not end");
        workbench = null;
    }

    /**
     * @return the LaunchBench window's line in xwininfo's tree (its width and height the groups) once it is mapped
     *         larger than 400 pixels; null when the workbench exits first or 60 s pass
     */
    private Matcher awaitWindow() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && workbench.isAlive()) {
            Thread.sleep(500);
            Matcher m = WINDOW.matcher(output("xwininfo", "-display", display, "-root", "-tree"));
            if (m.find() && Integer.parseInt(m.group(1)) > 400) {
                return m;
            }
        }
        return null;
    }

    private static List<Path> archives(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    /**
     * {@code launchbench open MISSION} opens the workbench on the trajectory view with the mission flown: the view's
     * run ends with the same orbit insertion time and events as {@code launchbench simulate} (the same engine through
     * the command line), and its photograph (target/screenshots/trajectory.png) shows the plots' lines: the vehicle's
     * blue and the booster's red, in quantity.
     */
    @Test
    void openingAMissionFliesItInTheTrajectoryView(@TempDir Path workspace) throws Exception {
        String mission = Path.of(System.getProperty("launchbench.examples.dir", "../../examples"))
            .resolve("missions/zhuque3-y1-downrange.mission").toString();
        InstalledProduct.Run sim = InstalledProduct.run("simulate", mission, "--json", "--scenario", "none");
        assertEquals(0, sim.exitCode(), sim.err());
        com.google.gson.JsonArray simEvents = com.google.gson.JsonParser.parseString(sim.out()).getAsJsonObject().getAsJsonArray("events");
        double insertion = Double.NaN;
        for (var e : simEvents) {
            if (e.getAsJsonObject().get("name").getAsString().equals("orbit-insertion")) {
                insertion = e.getAsJsonObject().get("time_s").getAsDouble();
            }
        }

        Path console = open(workspace, null, "open", mission);
        Pattern done = Pattern.compile("trajectory view: zhuque3-y1-downrange: (\\d+) samples \\(upper stage\\), (\\d+) \\(booster\\), (\\d+) events,"
            + " cut-off at ([0-9.]+) s");
        Matcher line = await(console, done, 90, "the trajectory view did not report its run");
        // the ascent's events: simulate's, but for payload separation (the orbital phase after insertion)
        assertEquals(simEvents.size() - 1, Integer.parseInt(line.group(3)), Files.readString(console));
        assertEquals(insertion, Double.parseDouble(line.group(4)), 1e-3);
        assertTrue(Integer.parseInt(line.group(1)) > 1000 && Integer.parseInt(line.group(2)) > 100, line.group());
        Thread.sleep(2000); // the plots repaint after the run

        BufferedImage image = photograph("trajectory.png");
        int blue = pixels(image, 31, 119, 180);
        int red = pixels(image, 214, 39, 40);
        // eight plots of a few hundred pixels of 2-pixel line each, the legends' samples besides
        assertTrue(blue > 3000, "vehicle line pixels: " + blue);
        assertTrue(red > 1000, "booster line pixels: " + red);
    }

    /**
     * {@code launchbench open MISSION recovery} opens the recovery view in front and flies the Falcon 9 example's recovery
     * and a 40-run campaign (seed 1): the same landings, R50 and R90 as {@code launchbench dispersion -n 40 --seed 1}
     * (a run's errors depend on the seed and its index only), and its photograph (target/screenshots/recovery.png)
     * holds the landed runs' green points and the ellipses' blue.
     */
    @Test
    void openingAMissionOnTheRecoveryViewFliesItsDispersionCampaign(@TempDir Path workspace) throws Exception {
        String mission = Path.of(System.getProperty("launchbench.examples.dir", "../../examples"))
            .resolve("missions/falcon9-leo-asds.mission").toString();
        InstalledProduct.Run cli = InstalledProduct.run(120, "dispersion", mission, "-n", "40", "--seed", "1", "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        com.google.gson.JsonObject campaign = com.google.gson.JsonParser.parseString(cli.out()).getAsJsonObject();

        Path console = open(workspace, "-Dlaunchbench.runs=40", "open", mission, "recovery");
        Pattern done = Pattern.compile("recovery view: falcon9-leo-asds: nominal (\\w+) [0-9.]+ m from the centre; 40 runs \\(seed 1\\):"
            + " (\\d+) landed, R50 ([0-9.]+) m, R90 ([0-9.]+) m");
        Matcher line = await(console, done, 120, "the recovery view did not report its campaign");
        assertEquals("landed", line.group(1));
        assertEquals(campaign.get("landed").getAsInt(), Integer.parseInt(line.group(2)));
        assertEquals(campaign.getAsJsonObject("miss_distance_m").get("r50").getAsDouble(), Double.parseDouble(line.group(3)), 1e-9);
        assertEquals(campaign.getAsJsonObject("miss_distance_m").get("r90").getAsDouble(), Double.parseDouble(line.group(4)), 1e-9);
        Thread.sleep(2000);

        BufferedImage image = photograph("recovery.png");
        int green = pixels(image, 44, 160, 44);
        int blue = pixels(image, 31, 119, 180);
        // 40 points of about 20 pixels and the propellant histogram's outline; three ellipses and two histograms
        assertTrue(green > 500, "landed points and histogram pixels: " + green);
        assertTrue(blue > 1000, "ellipse and histogram pixels: " + blue);
    }

    /**
     * Issue 24, the workbench's side: with a cluster named in the workspace's preferences (two {@code launchbench worker}
     * processes over loopback, the secret's file) and "On the cluster" ticked, the recovery view flies its 40-run campaign
     * on the two workers, and its landings, R50 and R90 are those of {@code launchbench dispersion -n 40 --seed 1} on this
     * machine (a run is the same wherever it is flown).
     */
    @Test
    void theRecoveryViewFliesItsCampaignOnTheClusterOfThePreferences(@TempDir Path workspace) throws Exception {
        String mission = Path.of(System.getProperty("launchbench.examples.dir", "../../examples"))
            .resolve("missions/falcon9-leo-asds.mission").toAbsolutePath().toString();
        Path secret = Files.writeString(workspace.resolve("cluster.secret"), "the workbench test's shared secret\n");
        int[] ports = {ProcessLogs.freePort(), ProcessLogs.freePort()};
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        List<Path> logs = new ArrayList<>();
        for (int port : ports) {
            Path log = workspace.resolve("worker-" + port + ".log");
            workers.add(InstalledProduct.start(log, "worker", "--bind", "127.0.0.1:" + port, "--members", members, "--secret-file",
                secret.toString(), "--threads", "1"));
            logs.add(log);
        }
        InstalledProduct.Run cli = InstalledProduct.run(120, "dispersion", mission, "-n", "40", "--seed", "1", "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        com.google.gson.JsonObject campaign = com.google.gson.JsonParser.parseString(cli.out()).getAsJsonObject();
        for (Path log : logs) {
            ProcessLogs.awaitLine(log, "launchbench worker: serving campaigns at", 60);
        }
        Properties preferences = new Properties();
        preferences.setProperty("cluster.members", members);
        preferences.setProperty("cluster.secret.file", secret.toString());
        Path metadata = Files.createDirectories(workspace.resolve("ws").resolve(".metadata"));
        try (var out = Files.newBufferedWriter(metadata.resolve("launchbench.properties"))) {
            preferences.store(out, "written by the test as File > Preferences writes it");
        }

        Path console = open(workspace, "-Dlaunchbench.runs=40 -Dlaunchbench.on.cluster=true", "open", mission, "recovery");
        Pattern done = Pattern.compile("recovery view: falcon9-leo-asds: nominal (\\w+) [0-9.]+ m from the centre; 40 runs \\(seed 1\\):"
            + " (\\d+) landed, R50 ([0-9.]+) m, R90 ([0-9.]+) m; on cluster launchbench at 127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1]
            + ": (\\d+) members, (\\d+) runs reassigned");
        Matcher line = await(console, done, 180, "the recovery view did not report its campaign on the cluster");
        assertEquals("landed", line.group(1));
        assertEquals(campaign.get("landed").getAsInt(), Integer.parseInt(line.group(2)));
        assertEquals(campaign.getAsJsonObject("miss_distance_m").get("r50").getAsDouble(), Double.parseDouble(line.group(3)), 1e-9);
        assertEquals(campaign.getAsJsonObject("miss_distance_m").get("r90").getAsDouble(), Double.parseDouble(line.group(4)), 1e-9);
        assertEquals("2", line.group(5), "both workers flew runs");
        assertEquals("0", line.group(6));
        for (Path log : logs) {
            assertTrue(Files.readString(log).contains("falcon9-leo-asds"), "the worker's line for the campaign it served: " + Files.readString(log));
        }
    }

    /**
     * {@code launchbench open SPEC.json constellation} plans the spec in the constellation view: the same satellites,
     * launches and days to completion as {@code launchbench constellation plan}, and its photograph
     * (target/screenshots/constellation.png) holds the slots' points.
     */
    @Test
    void openingAConstellationSpecPlansItInTheConstellationView(@TempDir Path workspace) throws Exception {
        String spec = Path.of(System.getProperty("launchbench.examples.dir", "../../examples"))
            .resolve("constellations/thirty-per-launch-sea.json").toString();
        InstalledProduct.Run cli = InstalledProduct.run("constellation", "plan", spec, "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        com.google.gson.JsonObject totals = com.google.gson.JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonObject("totals");

        Path console = open(workspace, null, "open", spec, "constellation");
        Pattern done = Pattern.compile("constellation view: .*: (\\d+) satellites in (\\d+) planes, (\\d+) launches, complete in ([0-9.]+) days");
        Matcher line = await(console, done, 90, "the constellation view did not report its plan");
        assertEquals(totals.get("satellites").getAsInt(), Integer.parseInt(line.group(1)));
        assertEquals(totals.get("launches").getAsInt(), Integer.parseInt(line.group(3)));
        assertEquals(totals.get("days_to_complete").getAsDouble(), Double.parseDouble(line.group(4)), 0.051);
        Thread.sleep(2000);

        BufferedImage image = photograph("constellation.png");
        int blue = pixels(image, 31, 119, 180);
        // 120 slot points of about 20 pixels, and the completion staircase
        assertTrue(blue > 2000, "slot and completion pixels: " + blue);
    }

    /**
     * The HIL view flies the Falcon 9 example's landing burn at 100 Hz with the reference flight computer, started as
     * its own process ({@code launchbench fc-sim}), in the loop: it lands, the computer answers almost every cycle, and
     * the photograph (target/screenshots/hil.png) holds the telemetry's lines (height, vertical speed and track in blue,
     * the throttle commanded in red).
     */
    @Test
    void theHilViewFliesTheLandingWithTheReferenceComputerInTheLoop(@TempDir Path workspace) throws Exception {
        String mission = Path.of(System.getProperty("launchbench.examples.dir", "../../examples"))
            .resolve("missions/falcon9-leo-asds.mission").toString();
        int port;
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            port = socket.getLocalPort();
        }
        Path fcLog = workspace.resolve("fc-sim.txt");
        Process fc = InstalledProduct.start(fcLog, "fc-sim", "--listen", "udp://127.0.0.1:" + port, "--sessions", "1", "--no-rehearsal");
        try {
            long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(fcLog) && Files.readString(fcLog).contains("listening on")) && System.nanoTime() < ready) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(fcLog).contains("listening on"), Files.readString(fcLog));
            Path console = open(workspace, "-Dlaunchbench.fc=udp://127.0.0.1:" + port + " -Dlaunchbench.rate=100", "open", mission, "hil");
            Pattern done = Pattern.compile("hil view: falcon9-leo-asds: (\\w+) ([0-9.]+) m from the centre at ([0-9.]+) m/s; (\\d+) cycles at 100 Hz,"
                + " (\\d+) answered");
            Matcher line = await(console, done, 120, "the HIL view did not report its landing");
            assertEquals("landed", line.group(1), line.group());
            assertTrue(Double.parseDouble(line.group(2)) < 10 && Double.parseDouble(line.group(3)) < 2, line.group());
            int cycles = Integer.parseInt(line.group(4));
            assertTrue(cycles > 1000 && Integer.parseInt(line.group(5)) > 0.98 * cycles, line.group());
            Thread.sleep(1500);

            BufferedImage image = photograph("hil.png");
            int blue = pixels(image, 31, 119, 180);
            int red = pixels(image, 214, 39, 40);
            assertTrue(blue > 1500, "height, speed and track pixels: " + blue);
            assertTrue(red > 500, "throttle pixels: " + red);
        } finally {
            fc.destroy();
            fc.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The vehicle view lists the catalog's vehicles by bundle and opens a vehicle file with the problem that
     * {@code launchbench validate} finds in it (a negative dry mass), listed against its element; photograph:
     * target/screenshots/vehicle.png.
     */
    @Test
    void theVehicleViewOpensAFileWithTheProblemsValidateFinds(@TempDir Path workspace) throws Exception {
        Path shipped = Path.of(System.getProperty("launchbench.releng.dir", "..")).resolve(
            "../bundles/org.launchbench.vehicles.spacex/model/falcon9.vehicle");
        Path bad = workspace.resolve("falcon9-negative.vehicle");
        Files.writeString(bad, Files.readString(shipped).replace("dryMass=\"25600\"", "dryMass=\"-5\""));
        InstalledProduct.Run validate = InstalledProduct.run("validate", bad.toString());
        assertEquals(2, validate.exitCode(), validate.out() + validate.err());
        InstalledProduct.Run vehicles = InstalledProduct.run("vehicles", "--json");
        int catalogSize = com.google.gson.JsonParser.parseString(vehicles.out()).getAsJsonArray().size();

        Path console = open(workspace, null, "open", bad.toString(), "vehicle");
        Pattern done = Pattern.compile("vehicle view: (\\d+) vehicles from (\\d+) bundles; opened falcon9-negative.vehicle: (\\d+) errors");
        Matcher line = await(console, done, 60, "the vehicle view did not report the file");
        assertEquals(catalogSize, Integer.parseInt(line.group(1)));
        assertEquals("1", line.group(3), Files.readString(console));
        // the same problem, word for word, as the command line's: "FILE: error: ELEMENT: FEATURE = VALUE: WHY (allowed: ...)"
        String problem = (validate.out() + validate.err()).lines().filter(l -> l.contains(": error: ")).findFirst()
            .orElseThrow(() -> new AssertionError(validate.out() + validate.err()));
        problem = problem.substring(problem.indexOf("error: "));
        assertTrue(problem.contains("Stage 'stage-1': dryMass = -5"), problem);
        assertTrue(Files.readString(console).contains("vehicle view: " + problem), problem + " not in " + Files.readString(console));
        Thread.sleep(1500);
        photograph("vehicle.png");
    }

    /**
     * Starts the workbench with {@code launchbench ARGS} on the test's display, its own workspace and console file.
     *
     * @param vmargs LAUNCHBENCH_VMARGS (null: none)
     * @return the console file
     */
    private Path open(Path workspace, String vmargs, String... args) throws IOException {
        Path console = workspace.resolve("console.txt");
        List<String> command = new ArrayList<>();
        command.add(InstalledProduct.script().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        pb.environment().put("DISPLAY", display);
        pb.environment().put("LAUNCHBENCH_WORKSPACE", workspace.resolve("ws").toString());
        if (cacheHome != null) {
            pb.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        }
        if (vmargs != null) {
            pb.environment().put("LAUNCHBENCH_VMARGS", vmargs);
        }
        workbench = pb.start();
        return console;
    }

    /** Polls the workbench's console for a view's report line; fails naming what was awaited and what was printed. */
    private Matcher await(Path console, Pattern done, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && workbench.isAlive()) {
            Thread.sleep(500);
            Matcher m = done.matcher(Files.readString(console));
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError(what + " within " + seconds + " s: " + Files.readString(console));
    }

    /** Photographs the display into the screenshots folder (target/screenshots) under a name; @return the image */
    private BufferedImage photograph(String name) throws Exception {
        Path shots = Path.of(System.getProperty("launchbench.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        Path png = shots.resolve(name);
        assertEquals("", output("import", "-display", display, "-window", "root", png.toString()).strip());
        return ImageIO.read(png.toFile());
    }

    /** @return the pixels of the image near a colour (a plotted series' colour, antialiasing aside) */
    private static int pixels(BufferedImage image, int r, int g, int b) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y) & 0xFFFFFF, r, g, b)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int rgb, int r, int g, int b) {
        return Math.abs((rgb >> 16 & 0xFF) - r) < 24 && Math.abs((rgb >> 8 & 0xFF) - g) < 24 && Math.abs((rgb & 0xFF) - b) < 24;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return text;
    }
}
