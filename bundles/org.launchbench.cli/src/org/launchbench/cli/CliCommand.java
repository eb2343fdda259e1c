package org.launchbench.cli;

/**
 * One command of the {@code launchbench} command line, contributed as an OSGi service.
 * <p>
 * Implementations are stateless or thread-safe: the same instance may serve several invocations.
 */
public interface CliCommand {

    /**
     * @return the words that invoke the command: one word ({@code "vehicles"}) or several separated by single
     *         spaces ({@code "vehicle show"}); lower case, letters, digits and hyphens
     */
    String name();

    /** @return a one-line summary for {@code launchbench help}, without a final full stop */
    String summary();

    /**
     * @return the full help text printed by {@code launchbench NAME --help}: a usage line, then the
     *         arguments and options, one per line, and what the command prints
     */
    String usage();

    /**
     * Runs the command.
     *
     * @param invocation the arguments that followed the command's name, the output streams and a monitor
     * @return an {@link ExitCode}: {@link ExitCode#OK} or {@link ExitCode#RUN_FAILED}
     * @throws org.launchbench.core.InvalidInputException for bad input (the dispatcher prints it and exits 2)
     * @throws org.launchbench.core.RunFailedException    when the run could not deliver (exit 1)
     */
    int run(CommandInvocation invocation);
}
