package org.launchbench.core;

import java.io.Serial;

/**
 * A failure that LaunchBench explains to its user in one line. Front ends print {@link #userMessage()} and
 * never a stack trace; the subclass says whose fault it was ({@link InvalidInputException}: the input's,
 * {@link RunFailedException}: the run's).
 */
public abstract class LaunchBenchException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message the one-line message shown to the user
     * @param cause   what went wrong underneath, or {@code null}
     */
    protected LaunchBenchException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return the message for the user: one line, no stack trace, no class names */
    public String userMessage() {
        return getMessage();
    }
}
