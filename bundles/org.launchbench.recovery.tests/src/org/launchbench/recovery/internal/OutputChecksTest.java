package org.launchbench.recovery.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.core.InvalidInputException;

/** dispersion's --csv is checked before the campaign flies (issue 28: a folder failed only after the whole run). */
class OutputChecksTest {

    @TempDir
    Path dir;

    @Test
    void aCsvThatIsAFolderIsRefusedBeforeTheCampaign() {
        // a monitor that fails the test if the command starts its work: the check must come first
        IProgressMonitor untouched = new NullProgressMonitor() {
            @Override
            public void beginTask(String name, int totalWork) {
                throw new AssertionError("the campaign started before its output was checked");
            }
        };
        DispersionCommand command = new DispersionCommand();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> command.run(new CommandInvocation("dispersion",
            List.of("../../examples/missions/falcon9-leo-asds.mission", "-n", "2", "--csv", dir.toString()),
            new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), untouched)));
        assertTrue(e.getMessage().contains("--csv") && e.getMessage().contains("is a folder"), e.getMessage());
    }
}
