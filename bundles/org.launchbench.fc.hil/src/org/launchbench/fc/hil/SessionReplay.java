package org.launchbench.fc.hil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;

/**
 * A recorded session's commands flown again: the plant stepped cycle by cycle under the commands that were in force,
 * without a flight computer and without waiting for real time, so that a session can be examined and a plant change
 * judged against the same commands.
 */
public final class SessionReplay {

    private final List<Double> times = new ArrayList<>();
    private final List<Map<String, Packet>> commands = new ArrayList<>();

    /**
     * @param file       a session written by {@link SessionRecorder}
     * @param dictionary the packets it names
     * @throws InvalidInputException for a file that is not a session of this dictionary (naming the line)
     */
    public SessionReplay(Path file, PacketDictionary dictionary) {
        // bounded like every input (issue 28): the longest loop, 600 s at 1 kHz, records some 300 MB
        List<String> lines = InputFiles.readText(file, "a HIL session record", 512L << 20).lines().toList();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] words = line.split(" ");
            Map<String, Map<String, Double>> values = new LinkedHashMap<>();
            try {
                times.add(Double.parseDouble(words[0]));
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("c:")) {
                        continue;
                    }
                    String w = words[i].substring(2);
                    int dot = w.indexOf('.');
                    int eq = w.indexOf('=');
                    values.computeIfAbsent(w.substring(0, dot), x -> new HashMap<>()).put(w.substring(dot + 1, eq),
                        Double.parseDouble(w.substring(eq + 1)));
                }
            } catch (RuntimeException e) {
                throw InvalidInputException.because("is not a session line").source(file + ":" + n).value(line.length() > 60
                    ? line.substring(0, 60) + "..." : line).build(e);
            }
            Map<String, Packet> cycle = new LinkedHashMap<>();
            String where = file + ":" + n;
            double t = times.get(times.size() - 1);
            if (!Double.isFinite(t) || times.size() > 1 && !(t > times.get(times.size() - 2))) {
                throw InvalidInputException.because("does not come after the line before").source(where).value(t)
                    .fix("a session's times increase line by line").build();
            }
            for (Map.Entry<String, Map<String, Double>> e : values.entrySet()) {
                PacketDictionary.Packet p = dictionary.byName(e.getKey()).orElseThrow(() -> InvalidInputException.because(
                    "names a packet the dictionary does not have").source(where).value(e.getKey()).build());
                java.util.Set<String> fields = new java.util.TreeSet<>();
                p.fields().forEach(f -> fields.add(f.name()));
                if (!fields.equals(new java.util.TreeSet<>(e.getValue().keySet()))) {
                    throw InvalidInputException.because("does not have " + p.name() + "'s fields").source(where)
                        .value(new java.util.TreeSet<>(e.getValue().keySet()).toString()).allowed(fields.toString()).build();
                }
                cycle.put(e.getKey(), new Packet(p, e.getValue(), 0, t));
            }
            commands.add(cycle);
        }
    }

    /** @return the cycles recorded */
    public int cycles() {
        return times.size();
    }

    /** Flies the plant through the recorded cycles (as the loop did: each cycle steps under the commands then in force). */
    public void fly(Plant plant) {
        for (int k = 1; k < times.size() && !plant.finished(); k++) {
            plant.step(times.get(k - 1), times.get(k) - times.get(k - 1), commands.get(k));
        }
    }
}
