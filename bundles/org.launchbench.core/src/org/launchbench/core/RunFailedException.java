package org.launchbench.core;

import java.io.Serial;

/**
 * The input was valid but the run could not deliver a result: a solver that did not converge, data that
 * could not be read. Exit code 1 on the command line.
 */
public class RunFailedException extends LaunchBenchException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and, where known, what to try
     * @param cause   the underlying failure, or {@code null}
     */
    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed and, where known, what to try */
    public RunFailedException(String message) {
        this(message, null);
    }
}
