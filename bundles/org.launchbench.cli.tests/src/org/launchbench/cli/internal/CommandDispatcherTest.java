package org.launchbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.OrekitData;
import org.launchbench.core.RunFailedException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The dispatcher over commands registered as real OSGi services in the running framework. */
class CommandDispatcherTest {

    private final BundleContext context = FrameworkUtil.getBundle(CommandDispatcherTest.class).getBundleContext();
    private final List<ServiceRegistration<CliCommand>> registrations = new ArrayList<>();
    private CommandRegistry registry;

    private record Run(int code, String out, String err) {
    }

    /** A command whose behaviour is a lambda over its parsed arguments. */
    private record FakeCommand(String name, Function<CommandInvocation, Integer> body) implements CliCommand {
        @Override
        public String summary() {
            return "Summary of " + name;
        }

        @Override
        public String usage() {
            return "Usage: launchbench " + name + " [--json]";
        }

        @Override
        public int run(CommandInvocation invocation) {
            return body.apply(invocation);
        }
    }

    @BeforeEach
    void openRegistry() {
        registry = new CommandRegistry(context);
    }

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registry.close();
    }

    private ServiceRegistration<CliCommand> register(CliCommand command, int ranking) {
        Dictionary<String, Object> props = new Hashtable<>();
        // above the real commands the engine bundles register in this framework (HostileInputTest runs them)
        props.put(Constants.SERVICE_RANKING, 1000 + ranking);
        ServiceRegistration<CliCommand> reg = context.registerService(CliCommand.class, command, props);
        registrations.add(reg);
        return reg;
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandDispatcher(registry, context).run(Arrays.asList(args),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            new NullProgressMonitor());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLine(String text) {
        assertEquals(1, text.lines().count(), "exactly one line: " + text);
    }

    @Test
    void helpListsBuiltInAndContributedCommandsWithTheirSummaries() {
        register(new FakeCommand("simulate", i -> 0), 0);
        Run r = run("help");
        assertEquals(ExitCode.OK, r.code);
        assertTrue(r.out.contains("  help "), r.out);
        assertTrue(r.out.contains("  version "), r.out);
        assertTrue(java.util.regex.Pattern.compile("\\n  simulate +Summary of simulate\\n").matcher(r.out).find(), r.out);
        assertEquals("", r.err);
    }

    @Test
    void helpJsonNamesTheContributingBundle() {
        register(new FakeCommand("simulate", i -> 0), 0);
        JsonArray commands = JsonParser.parseString(run("help", "--json").out).getAsJsonArray();
        JsonObject simulate = null;
        for (JsonElement c : commands) {
            if (c.getAsJsonObject().get("name").getAsString().equals("simulate")) {
                simulate = c.getAsJsonObject();
            }
        }
        assertEquals("org.launchbench.cli", simulate.get("bundle").getAsString(), "registered by the test fragment's host");
        assertEquals("Summary of simulate", simulate.get("summary").getAsString());
    }

    @Test
    void aCommandThatLeavesDisappearsFromHelp() {
        ServiceRegistration<CliCommand> reg = register(new FakeCommand("transient", i -> 0), 0);
        assertTrue(run("help").out.contains("transient"));
        reg.unregister();
        registrations.remove(reg);
        assertFalse(run("help").out.contains("transient"));
        assertEquals(ExitCode.BAD_INPUT, run("transient").code);
    }

    @Test
    void anUnknownCommandExitsTwoWithOneLineListingTheCommands() {
        Run r = run("no-such-command");
        assertEquals(ExitCode.BAD_INPUT, r.code);
        assertEquals("", r.out);
        assertOneLine(r.err);
        assertTrue(r.err.startsWith("launchbench: no-such-command: unknown command (allowed: "), r.err);
        assertTrue(r.err.contains(" help, ") && r.err.contains(" version") && r.err.contains(" simulate, "), r.err);
    }

    @Test
    void noCommandAtAllIsBadInput() {
        Run r = run();
        assertEquals(ExitCode.BAD_INPUT, r.code);
        assertTrue(r.err.contains("no command given"), r.err);
    }

    @Test
    void versionJsonIsOneValidDocumentWithTheLaunchBenchBundles() {
        Run r = run("version", "--json");
        assertEquals(ExitCode.OK, r.code);
        JsonObject doc = JsonParser.parseString(r.out).getAsJsonObject();
        assertEquals(FrameworkUtil.getBundle(CommandDispatcher.class).getVersion().toString(),
            doc.get("version").getAsString());
        List<String> names = new ArrayList<>();
        doc.getAsJsonArray("bundles").forEach(b -> names.add(b.getAsJsonObject().get("symbolic_name").getAsString()));
        assertTrue(names.containsAll(Set.of("org.launchbench.core", "org.launchbench.cli")), names.toString());
        assertEquals("bundled (UTC-TAI.history)", doc.get("orekit_data").getAsString());
        assertTrue(doc.get("orekit_version").getAsString().startsWith("13."));
    }

    @Test
    void commandHelpIsPrintedByTheDispatcher() {
        register(new FakeCommand("simulate", i -> { throw new AssertionError("must not run"); }), 0);
        Run r = run("simulate", "mission.xmi", "--help");
        assertEquals(ExitCode.OK, r.code);
        assertEquals("Usage: launchbench simulate [--json]\n", r.out.replace("\r", ""));
    }

    @Test
    void theLongestMatchingNameWinsAndGetsTheRemainingWords() {
        List<List<String>> seen = new ArrayList<>();
        register(new FakeCommand("vehicle", i -> { seen.add(List.of("vehicle")); return 0; }), 0);
        register(new FakeCommand("vehicle show", i -> { seen.add(i.arguments()); return 0; }), 0);
        assertEquals(ExitCode.OK, run("vehicle", "show", "zhuque-3", "--json").code);
        assertEquals(List.of(List.of("zhuque-3", "--json")), seen);
    }

    @Test
    void aGroupWithoutItsSubcommandListsTheSubcommands() {
        register(new FakeCommand("constellation plan", i -> 0), 0);
        Run r = run("constellation");
        assertEquals(ExitCode.BAD_INPUT, r.code);
        assertOneLine(r.err);
        assertTrue(r.err.contains("needs a subcommand (allowed: plan)"), r.err);
    }

    @Test
    void badInputFromACommandIsOneLineAndExitTwo() {
        register(new FakeCommand("validate", i -> {
            throw InvalidInputException.because("dry mass must be positive").source("f.vehicle")
                .element("Stage[1]/dryMass").value("-5 kg").allowed("> 0 kg").build();
        }), 0);
        Run r = run("validate", "f.vehicle");
        assertEquals(ExitCode.BAD_INPUT, r.code);
        assertEquals("launchbench: f.vehicle: Stage[1]/dryMass = -5 kg: dry mass must be positive (allowed: > 0 kg).\n",
            r.err.replace("\r", ""));
    }

    @Test
    void anUnknownOptionOfACommandIsExitTwo() {
        register(new FakeCommand("simulate", i -> {
            Arguments.spec(Set.of("--json"), Set.of()).parse(i);
            return 0;
        }), 0);
        Run r = run("simulate", "--jsno");
        assertEquals(ExitCode.BAD_INPUT, r.code);
        assertTrue(r.err.contains("--jsno: unknown option"), r.err);
    }

    @Test
    void aFailedRunIsExitOneWithItsReason() {
        register(new FakeCommand("simulate", i -> { throw new RunFailedException("the integrator gave up at t = 12 s"); }), 0);
        Run r = run("simulate");
        assertEquals(ExitCode.RUN_FAILED, r.code);
        assertEquals("launchbench simulate: the integrator gave up at t = 12 s\n", r.err.replace("\r", ""));
    }

    @Test
    void aCommandsOwnExitCodeIsPassedOn() {
        register(new FakeCommand("simulate", i -> ExitCode.RUN_FAILED), 0);
        assertEquals(ExitCode.RUN_FAILED, run("simulate").code);
    }

    /** Issue 28: an OutOfMemoryError reached only the launcher's log and the command line exited 0 in silence. */
    @Test
    void runningOutOfMemoryIsExitOneWithOneLine() {
        register(new FakeCommand("simulate", i -> { throw new OutOfMemoryError("Java heap space"); }), 0);
        Run r = run("simulate");
        assertEquals(ExitCode.RUN_FAILED, r.code);
        assertOneLine(r.err);
        assertTrue(r.err.contains("launchbench simulate: ran out of memory (Java heap space)"), r.err);
    }

    @Test
    void aBugIsReportedWithoutAStackTraceUnlessDebugging() {
        register(new FakeCommand("simulate", i -> { throw new IllegalStateException("boom"); }), 0);
        Run quiet = run("simulate");
        assertEquals(ExitCode.RUN_FAILED, quiet.code);
        assertOneLine(quiet.err);
        assertTrue(quiet.err.contains("internal error: java.lang.IllegalStateException: boom"), quiet.err);
        Run debug = run("--debug", "simulate");
        assertTrue(debug.err.contains("\tat "), "stack trace with --debug: " + debug.err);
    }

    @Test
    void theHigherRankedOfTwoCommandsWithOneNameWins() {
        register(new FakeCommand("simulate", i -> 0), 0);
        register(new FakeCommand("simulate", i -> ExitCode.RUN_FAILED), 10);
        assertEquals(ExitCode.RUN_FAILED, run("simulate").code);
    }

    @Test
    void aMissingOrekitDataFolderIsBadInputAndLeavesNoTrace(@TempDir Path dir) {
        Run r = run("--orekit-data", dir.resolve("nope").toString(), "version");
        assertEquals(ExitCode.BAD_INPUT, r.code);
        assertTrue(r.err.contains("does not exist"), r.err);
        assertEquals(null, System.getProperty(OrekitData.FOLDER_PROPERTY));
    }

    @Test
    void anOrekitDataFolderIsUsedForTheRunOnly(@TempDir Path dir) {
        JsonObject doc = JsonParser.parseString(run("--orekit-data", dir.toString(), "version", "--json").out)
            .getAsJsonObject();
        assertEquals(dir.toAbsolutePath().normalize().toString(), doc.get("orekit_data").getAsString());
        assertEquals(null, System.getProperty(OrekitData.FOLDER_PROPERTY));
    }

    @Test
    void anUnknownGlobalOptionIsBadInput() {
        Run r = run("--jsn", "version");
        assertEquals(ExitCode.BAD_INPUT, r.code);
        assertTrue(r.err.contains("unknown global option"), r.err);
    }
}
