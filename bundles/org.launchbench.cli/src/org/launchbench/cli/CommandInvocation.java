package org.launchbench.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * What a command is given when it runs.
 *
 * @param command   the command's name as invoked ({@code "vehicle show"}), for messages
 * @param arguments the words that followed the command's name, unparsed ({@link Arguments#parse} parses them)
 * @param out       standard output: the result, and with {@code --json} nothing but one JSON document
 * @param err       standard error: diagnostics and progress
 * @param monitor   progress and cancellation for long runs
 */
public record CommandInvocation(String command, List<String> arguments, PrintStream out, PrintStream err,
                                IProgressMonitor monitor) {

    // NaN and infinities are not JSON: serializing one fails loudly instead of writing an invalid document;
    // absent values are written as null, so every documented key is always there
    private static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    /** Checks the components and copies the argument list. */
    public CommandInvocation {
        Objects.requireNonNull(command, "command");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(monitor, "monitor");
    }

    /**
     * Prints one JSON document (maps, lists, records, strings, numbers, booleans) on standard output.
     *
     * @param document the document; map keys are written as given, so use snake_case keys with units
     */
    public void printJson(Object document) {
        out.println(JSON.toJson(document));
        out.flush();
    }
}
