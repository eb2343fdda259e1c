package org.launchbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * One registered command run in-process with its output captured: how tests, benchmarks and embedding code run a
 * command a bundle registers (not the dispatcher's built-in {@code help} and {@code version}) without the dispatcher's
 * exit-code mapping (a command's
 * {@link org.launchbench.core.InvalidInputException} or {@link org.launchbench.core.RunFailedException} reaches the
 * caller as thrown).
 *
 * @param code the command's exit code
 * @param out  what it printed on standard output
 * @param err  what it printed on standard error
 */
public record CommandRun(int code, String out, String err) {

    /**
     * @param context a bundle context of the framework the command is registered in
     * @param name    the command's name ({@code "vehicle show"})
     * @param args    the words after the name
     * @return what the command returned and printed
     * @throws IllegalStateException when no command of that name is registered
     */
    public static CommandRun of(BundleContext context, String name, String... args) {
        return of(context, name, new NullProgressMonitor(), args);
    }

    /**
     * @param context a bundle context of the framework the command is registered in
     * @param name    the command's name
     * @param monitor progress and cancellation
     * @param args    the words after the name
     * @return what the command returned and printed
     * @throws IllegalStateException when no command of that name is registered
     */
    public static CommandRun of(BundleContext context, String name, IProgressMonitor monitor, String... args) {
        CliCommand command = find(context, name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new CommandInvocation(name, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), monitor));
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * @param context a bundle context
     * @param name    a command's name
     * @return the registered command of that name (the highest ranked)
     * @throws IllegalStateException when there is none
     */
    public static CliCommand find(BundleContext context, String name) {
        try {
            List<ServiceReference<CliCommand>> refs = new ArrayList<>(context.getServiceReferences(CliCommand.class, null));
            refs.sort(null);
            for (ServiceReference<CliCommand> ref : refs.reversed()) {
                CliCommand c = context.getService(ref);
                if (c != null && c.name().equals(name)) {
                    return c;
                }
                if (c != null) {
                    context.ungetService(ref); // not the one: release it
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter is given
        }
        throw new IllegalStateException("no command '" + name + "' is registered");
    }
}
