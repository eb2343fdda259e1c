package org.launchbench.fc.hil;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.launchbench.core.RunFailedException;
import org.launchbench.fc.api.Packet;

/**
 * A session's record, streamed as the loop runs: per cycle one line of the simulation time, every sensor value sent
 * (s:packet.field=value) and every command value in force (c:packet.field=value). It goes to a temporary file beside
 * the session and replaces it on {@link #close}, so a reader never sees half a session and memory stays flat however
 * long the loop runs; closing after a failed loop keeps what was recorded. {@link SessionReplay} flies a record's
 * commands again.
 */
public final class SessionRecorder implements AutoCloseable {

    private final Path file;
    private final Path tmp;
    private final Writer out;
    private int cycles;
    private boolean closed;

    /**
     * @param file the session file (replaced on close)
     * @throws RunFailedException when the folder cannot take the file
     */
    public SessionRecorder(Path file) {
        this.file = file;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            out.write("# LaunchBench HIL session: t s, then s:packet.field=value (sensors sent), c:packet.field=value (commands in force)\n");
        } catch (IOException e) {
            throw new RunFailedException("could not record the session to " + file + ": " + e.getMessage(), e);
        }
    }

    void cycle(double t, Map<String, Map<String, Double>> sensors, Map<String, Packet> commands) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.6f", t));
        for (Map.Entry<String, Map<String, Double>> s : new TreeMap<>(sensors).entrySet()) {
            for (Map.Entry<String, Double> v : new TreeMap<>(s.getValue()).entrySet()) {
                b.append(" s:").append(s.getKey()).append('.').append(v.getKey()).append('=').append(v.getValue());
            }
        }
        for (Map.Entry<String, Packet> c : new TreeMap<>(commands).entrySet()) {
            for (Map.Entry<String, Double> v : new TreeMap<>(c.getValue().values()).entrySet()) {
                b.append(" c:").append(c.getKey()).append('.').append(v.getKey()).append('=').append(v.getValue());
            }
        }
        b.append('\n');
        try {
            out.write(b.toString());
        } catch (IOException e) {
            throw new RunFailedException("could not record the session to " + file + ": " + e.getMessage(), e);
        }
        cycles++;
    }

    /** @return the cycles recorded */
    public int cycles() {
        return cycles;
    }

    /** Finishes the file and puts it in place (idempotent). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the failure itself is what the user is told
            }
            throw new RunFailedException("could not record the session to " + file + ": " + e.getMessage(), e);
        }
    }
}
