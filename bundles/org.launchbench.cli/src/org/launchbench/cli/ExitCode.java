package org.launchbench.cli;

/** The exit codes every LaunchBench command uses. Scripts depend on them: never change their meaning. */
public final class ExitCode {

    /** The command did what was asked (a simulation ran, whatever its outcome said was fine). */
    public static final int OK = 0;
    /** The run failed: the booster crashed, the orbit was missed, a solver gave up. */
    public static final int RUN_FAILED = 1;
    /** Bad input: an unknown command or option, a malformed file, a value out of range. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
