package org.launchbench.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.OrekitData;
import org.launchbench.core.RunFailedException;
import org.osgi.framework.BundleContext;

/**
 * Turns a command line into one command's run and an exit code: global options, command lookup by the longest
 * matching name, {@code --help}, and the translation of failures into one line on standard error.
 */
public final class CommandDispatcher {

    static final String CLI_BUNDLE = "org.launchbench.cli";
    static final String GLOBAL_USAGE = "launchbench [--orekit-data DIR] [--debug] COMMAND [ARGUMENTS] [--json] [--help]";

    private final Supplier<List<ContributedCommand>> contributed;
    private final BundleContext context;

    /**
     * @param contributed the commands other bundles contribute, asked afresh for every run
     * @param context     the framework, for {@code version}'s bundle list
     */
    public CommandDispatcher(Supplier<List<ContributedCommand>> contributed, BundleContext context) {
        this.contributed = contributed;
        this.context = context;
    }

    /** @return the built-in commands followed by the contributed ones, sorted by name */
    List<ContributedCommand> commands() {
        List<ContributedCommand> all = new ArrayList<>();
        all.add(new ContributedCommand(new HelpCommand(this::commands), CLI_BUNDLE));
        all.add(new ContributedCommand(new VersionCommand(context), CLI_BUNDLE));
        for (ContributedCommand c : contributed.get()) {
            if (all.stream().noneMatch(b -> b.command().name().equals(c.command().name()))) {
                all.add(c);
            }
        }
        all.sort(Comparator.comparing(c -> c.command().name()));
        return all;
    }

    /**
     * Runs one command line.
     *
     * @param args    the words after {@code launchbench}
     * @param out     standard output
     * @param err     standard error
     * @param monitor progress and cancellation
     * @return the exit code
     */
    public int run(List<String> args, PrintStream out, PrintStream err, IProgressMonitor monitor) {
        List<String> words = new ArrayList<>(args);
        boolean debug = false;
        String previousData = System.getProperty(OrekitData.FOLDER_PROPERTY);
        String commandName = null;
        try {
            // global options come before the command
            while (!words.isEmpty() && words.get(0).startsWith("-")) {
                String option = words.remove(0);
                switch (option) {
                    case "--debug" -> debug = true;
                    case "--orekit-data" -> {
                        if (words.isEmpty()) {
                            throw InvalidInputException.because("needs a value").source("launchbench")
                                .element("--orekit-data").fix("write '--orekit-data DIR'").build();
                        }
                        String dir = words.remove(0);
                        OrekitData.fromFolder(Path.of(dir), "--orekit-data"); // checked now, named as the user wrote it
                        System.setProperty(OrekitData.FOLDER_PROPERTY, dir);
                    }
                    case "--help", "-h" -> words.add(0, "help");
                    case "--version" -> words.add(0, "version");
                    default -> throw InvalidInputException.because("unknown global option").source("launchbench")
                        .value(option).allowed("--orekit-data DIR, --debug, --help, --version")
                        .fix("put command options after the command: " + GLOBAL_USAGE).build();
                }
            }
            if (words.isEmpty()) {
                throw InvalidInputException.because("no command given").source("launchbench")
                    .fix("run 'launchbench help' for the list of commands").build();
            }
            List<ContributedCommand> commands = commands();
            ContributedCommand command = find(commands, words);
            commandName = command.command().name();
            List<String> rest = words.subList(command.words().size(), words.size());
            if (rest.contains("--help") || rest.contains("-h")) {
                out.println(command.command().usage().strip());
                return ExitCode.OK;
            }
            return command.command().run(new CommandInvocation(commandName, rest, out, err, monitor));
        } catch (InvalidInputException e) {
            return fail(err, ExitCode.BAD_INPUT, e.userMessage(), e, debug);
        } catch (RunFailedException e) {
            return fail(err, ExitCode.RUN_FAILED, prefix(commandName) + e.userMessage(), e, debug);
        } catch (OperationCanceledException e) {
            return fail(err, ExitCode.RUN_FAILED, prefix(commandName) + "cancelled", e, debug);
        } catch (RuntimeException | LinkageError e) {
            return fail(err, ExitCode.RUN_FAILED, prefix(commandName) + "internal error: " + e
                + (debug ? "" : " (run again with --debug for the details, and please report it)"), e, debug);
        } catch (OutOfMemoryError e) {
            // never a silent exit (issue 28: a huge input's OutOfMemoryError reached only the launcher's log, exit 0)
            return fail(err, ExitCode.RUN_FAILED, prefix(commandName) + "ran out of memory (" + e.getMessage()
                + "): give it a smaller input, or more memory with -Xmx in launchbench.ini", e, debug);
        } catch (StackOverflowError e) {
            return fail(err, ExitCode.RUN_FAILED, prefix(commandName) + "ran out of stack (an input nested too deep?)"
                + (debug ? "" : " (run again with --debug for the details)"), e, debug);
        } catch (Error e) {
            // any other Error (an internal VM error, an assertion): still one line and a failing exit, never a silent one
            return fail(err, ExitCode.RUN_FAILED, prefix(commandName) + "stopped by a fatal error: " + e
                + (debug ? "" : " (run again with --debug for the details, and please report it)"), e, debug);
        } finally {
            out.flush();
            restore(previousData);
        }
    }

    private static ContributedCommand find(List<ContributedCommand> commands, List<String> words) {
        Optional<ContributedCommand> longest = commands.stream()
            .filter(c -> words.size() >= c.words().size() && words.subList(0, c.words().size()).equals(c.words()))
            .max(Comparator.comparingInt(c -> c.words().size()));
        if (longest.isPresent()) {
            return longest.get();
        }
        String first = words.get(0);
        TreeSet<String> subcommands = new TreeSet<>();
        for (ContributedCommand c : commands) {
            if (c.words().size() > 1 && c.words().get(0).equals(first)) {
                subcommands.add(String.join(" ", c.words().subList(1, c.words().size())));
            }
        }
        if (!subcommands.isEmpty()) {
            throw InvalidInputException.because(words.size() == 1 ? "needs a subcommand" : "unknown subcommand")
                .source("launchbench " + first).value(words.size() == 1 ? null : words.get(1))
                .allowed(String.join(", ", subcommands)).fix("run 'launchbench help'").build();
        }
        TreeSet<String> names = new TreeSet<>();
        commands.forEach(c -> names.add(c.command().name()));
        throw InvalidInputException.because("unknown command").source("launchbench").value(first)
            .allowed(String.join(", ", names)).fix("run 'launchbench help' for what each command does").build();
    }

    private static String prefix(String commandName) {
        return "launchbench" + (commandName == null ? "" : " " + commandName) + ": ";
    }

    private static int fail(PrintStream err, int code, String message, Throwable e, boolean debug) {
        // one line whatever the failure's text held, of a readable length
        String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        line = line.length() <= 2000 ? line : line.substring(0, 2000) + "...";
        err.println(line.startsWith("launchbench") ? line : "launchbench: " + line);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static void restore(String previousData) {
        if (previousData == null) {
            System.clearProperty(OrekitData.FOLDER_PROPERTY);
        } else {
            System.setProperty(OrekitData.FOLDER_PROPERTY, previousData);
        }
    }
}
