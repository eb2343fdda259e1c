package org.launchbench.fc.hil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.launchbench.core.AtomicTextFile;
import org.launchbench.fc.api.Packet;

/**
 * A session's record, streamed as the loop runs: per cycle one line of the simulation time, every sensor value sent
 * (s:packet.field=value) and every command value in force (c:packet.field=value). It goes through an
 * {@link AtomicTextFile} and is put in place on {@link #close}, so a reader never sees half a session and memory stays
 * flat however long the loop runs; closing after a failed loop keeps what was recorded. {@link SessionReplay} flies
 * a record's commands again.
 */
public final class SessionRecorder implements CycleObserver, AutoCloseable {

    private final AtomicTextFile out;
    private int cycles;

    /**
     * @param file the session file (replaced on close)
     * @throws org.launchbench.core.RunFailedException when the folder cannot take the file
     */
    public SessionRecorder(Path file) {
        out = AtomicTextFile.open(file);
        write("# LaunchBench HIL session: t s, then s:packet.field=value (sensors sent), c:packet.field=value (commands in force)\n");
    }

    @Override
    public void cycle(double t, Map<String, Map<String, Double>> sensors, Map<String, Packet> commands) {
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
        write(b.toString());
        cycles++;
    }

    private void write(String text) {
        try {
            out.writer().write(text);
        } catch (IOException e) {
            throw out.failed(e);
        }
    }

    /** @return the cycles recorded */
    public int cycles() {
        return cycles;
    }

    /** Finishes the file and puts it in place (idempotent). */
    @Override
    public void close() {
        out.commit();
    }
}
