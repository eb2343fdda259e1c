package org.launchbench.cli.internal;

import java.util.List;

import org.launchbench.cli.CliCommand;

/**
 * A command and the bundle it came from.
 *
 * @param command the command
 * @param bundle  the symbolic name of the bundle that contributed it
 */
public record ContributedCommand(CliCommand command, String bundle) {

    /** @return the words of the command's name */
    public List<String> words() {
        return List.of(command.name().split(" "));
    }
}
