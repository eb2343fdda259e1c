package org.launchbench.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;

/** {@code launchbench help [COMMAND] [--json]}: every command with its summary, or one command's usage. */
final class HelpCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of());

    private final Supplier<List<ContributedCommand>> commands;

    HelpCommand(Supplier<List<ContributedCommand>> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "List every command with a one-line summary, or show one command's help";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench help [COMMAND...] [--json]

            Without COMMAND: every command with its summary and contributing bundle.
            With COMMAND (one or more words, e.g. 'vehicle show'): that command's help, as 'COMMAND --help'.
              --json   print [{"name": ..., "summary": ..., "bundle": ...}] instead of a table

            Global options, before the command:
              --orekit-data DIR   use the orekit-data folder DIR (EOP, gravity fields) before the shipped data
              --debug             print stack traces of failures on standard error
            Exit codes: 0 done, 1 the run failed, 2 bad input.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        List<ContributedCommand> all = commands.get();
        if (!args.positionals().isEmpty()) {
            String wanted = String.join(" ", args.positionals());
            ContributedCommand c = all.stream().filter(x -> x.command().name().equals(wanted)).findFirst()
                .orElseThrow(() -> InvalidInputException.because("unknown command").source("launchbench help")
                    .value(wanted).allowed(String.join(", ", all.stream().map(x -> x.command().name()).toList()))
                    .build());
            invocation.out().println(c.command().usage().strip());
            return ExitCode.OK;
        }
        if (args.flag("--json")) {
            List<Map<String, String>> doc = new ArrayList<>();
            for (ContributedCommand c : all) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("name", c.command().name());
                entry.put("summary", c.command().summary());
                entry.put("bundle", c.bundle());
                doc.add(entry);
            }
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        int width = all.stream().mapToInt(c -> c.command().name().length()).max().orElse(0);
        var out = invocation.out();
        out.println("LaunchBench: launch-vehicle trajectories, recoveries, constellations and flight computers.");
        out.println();
        out.println("Usage: " + CommandDispatcher.GLOBAL_USAGE);
        out.println();
        out.println("Commands:");
        for (ContributedCommand c : all) {
            out.printf("  %-" + width + "s  %s%n", c.command().name(), c.command().summary());
        }
        out.println();
        out.println("'launchbench COMMAND --help' shows a command's arguments. Exit codes: 0 done, 1 the run failed,"
            + " 2 bad input.");
        return ExitCode.OK;
    }
}
