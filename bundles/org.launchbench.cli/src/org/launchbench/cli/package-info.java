/**
 * The LaunchBench command line, and how a bundle adds a command to it.
 * <p>
 * A bundle contributes a command by registering a {@link org.launchbench.cli.CliCommand} OSGi service,
 * usually as a Declarative Services component ({@code @Component(service = CliCommand.class)}). The command
 * line finds every registered command when it runs; commands may arrive and leave with their bundles.
 * <p>
 * Conventions every command follows (see docs/cli.md):
 * <ul>
 * <li>{@code --help} prints the command's {@link org.launchbench.cli.CliCommand#usage() usage}; the dispatcher
 * handles it.</li>
 * <li>{@code --json} prints exactly one JSON document on standard output and nothing else there;
 * without it, human-readable text. Diagnostics go to standard error.</li>
 * <li>Exit codes ({@link org.launchbench.cli.ExitCode}): 0 done, 1 the run failed (the booster crashed, the
 * orbit was missed, a solver gave up), 2 bad input: a command throws
 * {@link org.launchbench.core.InvalidInputException} and the dispatcher prints its one line on standard
 * error.</li>
 * <li>JSON keys are snake_case and carry their unit ({@code altitude_m}, {@code time_s}).</li>
 * </ul>
 */
package org.launchbench.cli;
