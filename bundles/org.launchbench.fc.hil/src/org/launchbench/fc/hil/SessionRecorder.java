package org.launchbench.fc.hil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.launchbench.core.AtomicTextFile;
import org.launchbench.fc.api.Packet;

/**
 * A session's record: per cycle, the simulation time, every sensor value sent and every command value in force, one
 * line each ("t,kind,packet,field,value" rows would be long; a cycle is one line of name=value pairs), written at
 * the end, atomically. {@link SessionReplay} feeds a record's commands to a plant again.
 */
public final class SessionRecorder {

    private final List<String> lines = new ArrayList<>();

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
        lines.add(b.toString());
    }

    /** @return the cycles recorded */
    public int cycles() {
        return lines.size();
    }

    /** Writes the session (one cycle a line), atomically. */
    public void write(Path file) {
        AtomicTextFile.write(file, w -> {
            w.write("# LaunchBench HIL session: t s, then s:packet.field=value (sensors sent), c:packet.field=value (commands in force)\n");
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        });
    }
}
