package org.launchbench.fc.hil;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.core.InvalidInputException;

/** A session file that is not one: times out of order, a command without its packet's fields, an unknown packet. */
class SessionReplayTest {

    private static final String GOOD = "c:engine-command.cutoff=0.0 c:engine-command.gimbal_pitch=0.0 c:engine-command.gimbal_yaw=0.0"
        + " c:engine-command.ignite=1.0 c:engine-command.throttle=0.5";

    @Test
    void aDamagedSessionIsBadInputNamingTheLine(@TempDir Path dir) throws Exception {
        Path backwards = dir.resolve("backwards.txt");
        Files.writeString(backwards, "# session\n0.000000 " + GOOD + "\n0.010000 " + GOOD + "\n0.005000 " + GOOD + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SessionReplay(backwards, RealTimeLoopTest.DICTIONARY));
        assertTrue(e.userMessage().contains("backwards.txt:4") && e.userMessage().contains("does not come after"), e.userMessage());
        Path missing = dir.resolve("missing.txt");
        Files.writeString(missing, "0.000000 c:engine-command.throttle=0.5\n");
        e = assertThrows(InvalidInputException.class, () -> new SessionReplay(missing, RealTimeLoopTest.DICTIONARY));
        assertTrue(e.userMessage().contains("missing.txt:1") && e.userMessage().contains("gimbal_pitch"), e.userMessage());
        Path unknown = dir.resolve("unknown.txt");
        Files.writeString(unknown, "0.000000 c:warp-command.factor=9\n");
        e = assertThrows(InvalidInputException.class, () -> new SessionReplay(unknown, RealTimeLoopTest.DICTIONARY));
        assertTrue(e.userMessage().contains("warp-command"), e.userMessage());
    }
}
