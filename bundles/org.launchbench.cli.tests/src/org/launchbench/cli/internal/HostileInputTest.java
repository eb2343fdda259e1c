package org.launchbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.internal.HostileCorpus.Mutant;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Issue 28's hostile-input corpus ({@link HostileCorpus}) run against every command that reads a file, through the real
 * command line (the dispatcher and the commands the bundles register). Every case must be refused with exit 2 and one
 * line on standard error that names the file (and the attribute or key where the mutation names one), carries no Java
 * class name, stack frame or URL, and stays short; nothing may be written, inside the case's folder or outside it.
 */
class HostileInputTest {

    /** What betrays internals in a message: a qualified class name, an exception's simple name, a stack frame, a URL. */
    private static final Pattern INTERNALS = Pattern.compile(
        "\\b(java|javax|com|org|sun|jdk)\\.[a-z]+\\.[A-Za-z]|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\tat |https?://");

    /** A refusal is one readable line: the longest value quoted is 80 characters, a path 160. */
    private static final int MAX_LINE = 1000;

    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(HostileInputTest.class).getBundleContext();
    private static CommandRegistry registry;
    private static ExecutorService runner;

    @TempDir
    Path root;
    private Path secret;
    private int cases;
    private int runs;
    private final List<String> failures = new ArrayList<>();

    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void open() {
        registry = new CommandRegistry(CONTEXT);
        // a thread per case: a case that hangs fails on its own, not every case queued behind it
        runner = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void close() {
        registry.close();
        runner.shutdownNow();
    }

    @BeforeEach
    void prepare() throws IOException {
        // where an absolute id would put simulate's history: it must not be there after the corpus
        Files.deleteIfExists(Path.of("/tmp/absolute-id-history.csv"));
        // a file outside every case's folder: an external entity must never bring it into an output
        secret = Files.writeString(root.resolve("secret.txt"), "TOPSECRET-28");
        Files.createDirectory(root.resolve("cases"));
    }

    private Run run(List<String> args) throws Exception {
        Future<Run> f = runner.submit(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new CommandDispatcher(registry, CONTEXT).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new NullProgressMonitor());
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
        try {
            // a refusal takes milliseconds; a case that is flown instead is a failure, not a wait
            return f.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Run(-1, "", "(still running after 60 s)");
        }
    }

    private static String text(String bundle, String entry) throws IOException {
        for (Bundle b : CONTEXT.getBundles()) {
            if (b.getSymbolicName().equals(bundle)) {
                try (InputStream in = b.getEntry(entry).openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("bundle " + bundle + " is not in the test framework");
    }

    private static String example(String path) throws IOException {
        return Files.readString(Path.of("../../examples").resolve(path));
    }

    /** A fresh folder for one case. */
    private Path caseDir() throws IOException {
        return Files.createDirectory(root.resolve("cases").resolve("c" + ++cases));
    }

    /**
     * Runs one command on one bad file and records what is wrong with its answer.
     *
     * @param file    the bad file (named in the refusal)
     * @param named   the file the refusal must name (the bad file, or the mission that uses it)
     * @param m       the mutation
     * @param command the command line, the bad file among its words
     */
    private void refused(Path file, Path named, Mutant m, String... command) throws Exception {
        runs++;
        Path dir = file.getParent();
        Set<String> before = listing(dir);
        Run r = run(List.of(command));
        String what = String.join(" ", command).replace(root.toString(), "") + " [" + m.label() + "]";
        String err = r.err.strip();
        List<String> wrong = new ArrayList<>();
        if (r.code != 2) {
            wrong.add("exit " + r.code);
        }
        if (err.isEmpty() || err.lines().count() != 1) {
            wrong.add(err.lines().count() + " lines on stderr");
        }
        if (err.length() > MAX_LINE || r.out.length() > 100 * MAX_LINE) {
            wrong.add("a line of " + err.length() + " characters");
        }
        String both = r.out + err;
        if (!both.contains(named.getFileName().toString())) {
            wrong.add("the file is not named");
        }
        if (m.names() != null && !both.contains(m.names())) {
            wrong.add("'" + m.names() + "' is not named");
        }
        if (INTERNALS.matcher(err).find()) {
            wrong.add("internals in the message");
        }
        if (both.contains("TOPSECRET")) {
            wrong.add("an external entity was read");
        }
        if (!command[0].equals("validate") && !r.out.isEmpty()) {
            wrong.add("something on stdout");
        }
        try (Stream<Path> top = Files.list(root)) {
            if (!listing(dir).equals(before) || top.count() != 2 || Files.exists(Path.of("/tmp/absolute-id-history.csv"))) {
                wrong.add("a file was written");
            }
        }
        if (!wrong.isEmpty()) {
            failures.add(what + ": " + String.join(", ", wrong) + ": " + err.substring(0, Math.min(300, err.length())));
        }
    }

    /** Everything under a folder (the case's own, and the output folder in it), as relative paths. */
    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return new TreeSet<>(s.map(p -> dir.relativize(p).toString()).toList());
        }
    }

    private void assertAllRefused(String corpus) {
        assertTrue(failures.isEmpty(), failures.size() + " of " + runs + " " + corpus + " runs were not refused as they should be:\n"
            + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertTrue(runs > 0, "the corpus ran");
    }

    /** Every mutant of a file, written as {@code name} in its own folder with what must sit beside it; the files in the mutants' order. */
    private List<Path> write(List<Mutant> mutants, String name, Beside beside) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Mutant m : mutants) {
            Path dir = caseDir();
            beside.put(dir);
            files.add(Files.writeString(dir.resolve(name), m.text(), StandardCharsets.UTF_8));
        }
        return files;
    }

    /** What a case's folder holds besides the bad file. */
    @FunctionalInterface
    private interface Beside {
        void put(Path dir) throws IOException;
    }

    private static final String VEHICLE_ID = "hostile-f9";

    private static String vehicle() throws IOException {
        return text("org.launchbench.vehicles.spacex", "model/falcon9.vehicle").replaceFirst("id=\"falcon-9\"", "id=\"" + VEHICLE_ID + "\"");
    }

    private static String mission(String vehicleId) throws IOException {
        return example("missions/falcon9-leo-asds.mission").replace("vehicleId=\"falcon-9\"", "vehicleId=\"" + vehicleId + "\"");
    }

    /** Mission files: validate, simulate (with --csv), dispersion and hil refuse every one before any work. */
    @Test
    void everyBadMissionIsRefusedByEveryCommandThatReadsOne() throws Exception {
        String good = mission("falcon-9");
        List<Mutant> mutants = new ArrayList<>(HostileCorpus.xmlNumbers(good));
        mutants.addAll(HostileCorpus.xmlStructure(good, "Mission", secret));
        mutants.addAll(HostileCorpus.garbage(good));
        mutants.add(new Mutant("target orbit twice", good.replaceFirst("(<targetOrbit[^>]*/>)", "$1$1"), "targetOrbit"));
        List<Path> files = write(mutants, "case.mission", dir -> Files.createDirectory(dir.resolve("out")));
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Mutant m = mutants.get(i);
            refused(f, f, m, "validate", f.toString());
            refused(f, f, m, "simulate", f.toString(), "--csv", f.resolveSibling("out").toString());
            refused(f, f, m, "dispersion", f.toString(), "-n", "2", "--csv", f.resolveSibling("out").resolve("runs.csv").toString());
            refused(f, f, m, "hil", f.toString(), "--fc", "udp://127.0.0.1:9", "--rate", "50");
        }
        for (String kind : HostileCorpus.specialKinds()) {
            Path f = caseDir().resolve("case.mission");
            HostileCorpus.special(kind, f, 64L << 20);
            Mutant m = new Mutant(kind, null, null);
            refused(f, f, m, "validate", f.toString());
            refused(f, f, m, "simulate", f.toString());
            refused(f, f, m, "dispersion", f.toString(), "-n", "2");
            refused(f, f, m, "hil", f.toString(), "--fc", "udp://127.0.0.1:9", "--rate", "50");
        }
        assertAllRefused("mission");
    }

    /**
     * Vehicle files: validate and vehicle show refuse each; a mission beside one that uses it is refused by validate and
     * simulate, naming the vehicle file.
     */
    @Test
    void everyBadVehicleIsRefusedAloneAndUnderTheMissionThatUsesIt() throws Exception {
        String good = vehicle();
        List<Mutant> mutants = new ArrayList<>(HostileCorpus.xmlNumbers(good));
        mutants.addAll(HostileCorpus.xmlStructure(good, "LaunchVehicle", secret));
        mutants.addAll(HostileCorpus.garbage(good));
        String mission = mission(VEHICLE_ID);
        List<Path> files = write(mutants, "case.vehicle", dir -> Files.writeString(dir.resolve("flight.mission"), mission));
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Mutant m = mutants.get(i);
            refused(f, f, m, "validate", f.toString());
            refused(f, f, m, "vehicle", "show", f.toString());
            // the mission beside it is refused too, naming the vehicle file: for the vehicle's own problem when the file loads,
            // for want of its vehicle when it does not (with the file's own problem); a vehicle whose id was changed is not
            // the mission's vehicle, and only the mission is named
            Path flight = f.resolveSibling("flight.mission");
            Mutant viaMission = new Mutant(m.label(), null, null);
            Path named = m.label().startsWith("id ") ? flight : f;
            refused(f, named, viaMission, "validate", flight.toString());
            refused(f, named, viaMission, "simulate", flight.toString());
        }
        for (String kind : HostileCorpus.specialKinds()) {
            Path f = caseDir().resolve("case.vehicle");
            HostileCorpus.special(kind, f, 64L << 20);
            refused(f, f, new Mutant(kind, null, null), "validate", f.toString());
            refused(f, f, new Mutant(kind, null, null), "vehicle", "show", f.toString());
        }
        assertAllRefused("vehicle");
    }

    /** Site catalogs: validate refuses each. */
    @Test
    void everyBadSiteCatalogIsRefused() throws Exception {
        String good = text("org.launchbench.vehicles.sites", "model/launch-sites.sites");
        List<Mutant> mutants = new ArrayList<>(HostileCorpus.xmlNumbers(good));
        mutants.addAll(HostileCorpus.xmlStructure(good, "SiteCatalog", secret));
        mutants.addAll(HostileCorpus.garbage(good));
        List<Path> files = write(mutants, "case.sites", dir -> { });
        for (int i = 0; i < files.size(); i++) {
            refused(files.get(i), files.get(i), mutants.get(i), "validate", files.get(i).toString());
        }
        for (String kind : HostileCorpus.specialKinds()) {
            Path f = caseDir().resolve("case.sites");
            HostileCorpus.special(kind, f, 64L << 20);
            refused(f, f, new Mutant(kind, null, null), "validate", f.toString());
        }
        assertAllRefused("site catalog");
    }

    /** The JSON inputs: a descent problem, a constellation spec, a 6-DOF case, a packet dictionary, a sweep spec. */
    @Test
    void everyBadJsonFileIsRefusedByItsCommand() throws Exception {
        json("descent/mars-acikmese-ploen-2007.json", 1L << 20, f -> new String[] {"descent", f.toString()});
        json("constellations/six-per-launch-meteorological.json", 64L << 20, f -> new String[] {"constellation", "plan", f.toString()});
        json("sixdof/nesc-case03.json", 16L << 20, f -> new String[] {"sixdof", f.toString()});
        String good = text("org.launchbench.fc.ccsds", "dictionaries/landing.json");
        Path mission = Files.writeString(root.resolve("cases").resolve("flight.mission"), mission("falcon-9"));
        jsonText(good, 64L << 20, f -> new String[] {"hil", mission.toString(), "--fc", "udp://127.0.0.1:9", "--rate", "50", "--dictionary",
            f.toString()});
        // the reference computer reads its dictionary before it listens (a dictionary it took would hold this run to its timeout)
        jsonText(good, 64L << 20, f -> new String[] {"fc-sim", "--listen", "udp://127.0.0.1:9", "--sessions", "1", "--dictionary",
            f.toString()});
        // a sweep spec, its mission named by an absolute path so that each case folder's copy finds it: every mutant is
        // refused before any point is flown
        Path examples = Path.of("../../examples").toAbsolutePath().normalize();
        jsonText(Files.readString(examples.resolve("sweeps/falcon9-payload-margin.json")).replace("../missions/",
            examples.resolve("missions") + "/"), 1L << 20, f -> new String[] {"sweep", f.toString()});
        assertAllRefused("JSON");
    }

    /**
     * Options and outputs: an absurd sigma (thrust=1e308 ended in an internal error after the ascent), a payload of 1e308,
     * and outputs that cannot be written (a folder for a file, a file for a folder) are refused before any work; a broken
     * file beside a mission that does not use it is not read.
     */
    @Test
    void badOptionsAndOutputsAreRefusedBeforeAnyWork() throws Exception {
        Path dir = caseDir();
        Path mission = Files.writeString(dir.resolve("case.mission"), mission("falcon-9"));
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path file = Files.writeString(dir.resolve("taken.txt"), "a file");
        for (String sigma : List.of("thrust=1e308", "thrust=NaN", "drag=-1", "wind_m_s=Infinity", "navigation_m=1e6")) {
            refused(mission, Path.of("--sigma"), new Mutant(sigma, null, sigma.substring(0, sigma.indexOf('='))),
                "dispersion", mission.toString(), "-n", "2", "--sigma", sigma);
        }
        refused(mission, Path.of("--payload"), new Mutant("payload", null, "1e308"), "vehicle", "show", "falcon-9", "--payload", "1e308");
        // within the absolute cap, but five sigma of it would take a light stage's whole dry mass
        Path light = caseDir();
        Files.writeString(light.resolve("light.vehicle"), vehicle().replaceFirst("dryMass=\"25600\"", "dryMass=\"8000\""));
        Path lightMission = Files.writeString(light.resolve("case.mission"), mission(VEHICLE_ID));
        refused(lightMission, Path.of("--sigma"), new Mutant("dry mass sigma of a light stage", null, "8000 kg"),
            "dispersion", lightMission.toString(), "-n", "2", "--sigma", "dry_mass_kg=2000");
        refused(mission, Path.of("--csv"), new Mutant("csv is a file", null, "taken.txt"), "simulate", mission.toString(), "--csv", file.toString());
        refused(mission, Path.of("--csv"), new Mutant("csv is a folder", null, null), "dispersion", mission.toString(), "-n", "2", "--csv",
            folder.toString());
        refused(mission, Path.of("--record"), new Mutant("record is a folder", null, null), "hil", mission.toString(), "--fc",
            "udp://127.0.0.1:9", "--rate", "50", "--record", folder.toString());
        refused(mission, Path.of("--csv"), new Mutant("csv under a file", null, null), "constellation", "plan",
            Path.of("../../examples/constellations/six-per-launch-meteorological.json").toAbsolutePath().toString(), "--csv",
            file.resolve("plan.csv").toString());
        refused(mission, Path.of("--csv"), new Mutant("csv is a folder", null, null), "sixdof",
            Path.of("../../examples/sixdof/nesc-case01.json").toAbsolutePath().toString(), "--csv", folder.toString());
        assertAllRefused("option and output");

        // the mission names only catalog ids: the folder is not even read (it broke every mission in it)
        Files.writeString(dir.resolve("broken.vehicle"), "garbage<");
        Run r = run(List.of("validate", mission.toString()));
        assertTrue(r.code == 0 && r.out.equals(mission + ": valid\n") && r.err.isEmpty(), r.code + " " + r.out + r.err);
    }

    @FunctionalInterface
    private interface Command {
        String[] of(Path file);
    }

    /**
     * A cluster's secret file ({@code worker}, {@code dispersion --cluster}): a folder, {@code /dev/zero}, a file over the
     * 4 KB a secret may hold, an empty one and one too short to keep anyone out are refused before any member starts
     * or any campaign is set up.
     */
    @Test
    void everyBadSecretFileIsRefused() throws Exception {
        Path mission = Files.writeString(caseDir().resolve("case.mission"), mission("falcon-9"));
        List<String> kinds = new ArrayList<>(HostileCorpus.specialKinds());
        kinds.addAll(List.of("empty", "short"));
        for (String kind : kinds) {
            Path f = caseDir().resolve("cluster.secret");
            switch (kind) {
                case "empty" -> Files.writeString(f, "");
                case "short" -> Files.writeString(f, "0123456789abcde\n");
                default -> HostileCorpus.special(kind, f, 4096);
            }
            refused(f, f, new Mutant(kind, null, null), "worker", "--bind", "127.0.0.1:9", "--secret-file", f.toString());
            refused(f, f, new Mutant(kind, null, null), "dispersion", mission.toString(), "-n", "2", "--cluster", "127.0.0.1:9",
                "--secret-file", f.toString());
        }
        assertAllRefused("secret file");
    }

    private void json(String example, long limit, Command command) throws Exception {
        jsonText(example(example), limit, command);
    }

    private void jsonText(String good, long limit, Command command) throws Exception {
        List<Mutant> mutants = new ArrayList<>(HostileCorpus.jsonNumbers(good));
        mutants.addAll(HostileCorpus.jsonStructure(good));
        mutants.addAll(HostileCorpus.garbage(good));
        List<Path> files = write(mutants, "case.json", dir -> { });
        for (int i = 0; i < files.size(); i++) {
            refused(files.get(i), files.get(i), mutants.get(i), command.of(files.get(i)));
        }
        for (String kind : HostileCorpus.specialKinds()) {
            Path f = caseDir().resolve("case.json");
            HostileCorpus.special(kind, f, limit);
            refused(f, f, new Mutant(kind, null, null), command.of(f));
        }
    }
}
