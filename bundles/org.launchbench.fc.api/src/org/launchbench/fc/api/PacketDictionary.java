package org.launchbench.fc.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.json.JsonFields;
import org.launchbench.core.json.StrictJson;

/**
 * The packets a link carries, declared as data: each packet's name, APID, direction and fields (name, type, unit),
 * big-endian in the order listed. A flight computer's telemetry (IMU, GNSS, altimeter, engine state) and its
 * telecommands (throttle, gimbal, grid fins, ignition, cut-off, RCS) are dictionary entries, not code.
 * <p>
 * JSON: {@code {"name": ..., "packets": [{"name": "imu", "apid": 100, "direction": "telemetry", "fields":
 * [{"name": "ax", "type": "f32", "unit": "m/s2"}, ...]}, ...]}}.
 *
 * @param name    for reports
 * @param packets in the order declared
 */
public record PacketDictionary(String name, List<Packet> packets) {

    /** Which way a packet goes. */
    public enum Direction {
        /** Reports: in the loop, the plant's sensor readings to the flight computer (type bit 0). */
        TELEMETRY,
        /** Commands: in the loop, the flight computer's commands to the plant's actuators (type bit 1). */
        TELECOMMAND
    }

    /** A field's encoding, big-endian. */
    public enum FieldType {
        /** Unsigned 8 bits. */
        U8(1),
        /** Unsigned 16 bits. */
        U16(2),
        /** Unsigned 32 bits. */
        U32(4),
        /** Signed 16 bits. */
        I16(2),
        /** Signed 32 bits. */
        I32(4),
        /** IEEE 754 single. */
        F32(4),
        /** IEEE 754 double. */
        F64(8);

        private final int bytes;

        FieldType(int bytes) {
            this.bytes = bytes;
        }

        /** @return its size, bytes */
        public int bytes() {
            return bytes;
        }
    }

    /**
     * @param name for reports and lookups
     * @param type encoding
     * @param unit for reports
     */
    public record Field(String name, FieldType type, String unit) {
    }

    /**
     * @param name      unique
     * @param apid      0 to 2046 (2047 is the idle APID), unique
     * @param direction which way
     * @param fields    in order
     */
    public record Packet(String name, int apid, Direction direction, List<Field> fields) {
        /** @return the user data's size, bytes */
        public int dataBytes() {
            return fields.stream().mapToInt(f -> f.type().bytes()).sum();
        }
    }

    /** @return the packet with that APID */
    public Optional<Packet> byApid(int apid) {
        return packets.stream().filter(p -> p.apid() == apid).findFirst();
    }

    /** @return the packet with that name */
    public Optional<Packet> byName(String name) {
        return packets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * @param file a dictionary file
     * @return it, checked: unique names and APIDs, APIDs 0 to 2046, known types and directions
     * @throws InvalidInputException naming the file, the element and the value for any mistake
     */
    public static PacketDictionary read(Path file) {
        return parse(InputFiles.readText(file, "a packet dictionary (JSON)", InputFiles.MODEL_LIMIT_BYTES), file.toString());
    }

    /** @param json the dictionary; @param source for messages; @return it, checked as {@link #read} does */
    public static PacketDictionary parse(String json, String source) {
        JsonFields root = JsonFields.root(source, StrictJson.parse(source, json)).onlyKeys(Set.of("name", "packets"));
        String name = root.string("name");
        List<Packet> packets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Integer, String> apids = new HashMap<>();
        for (JsonFields p : root.objects("packets", 0, MAX_PACKETS)) {
            p.onlyKeys(Set.of("name", "apid", "direction", "fields"));
            String pname = name(p);
            if (!names.add(pname)) {
                throw InvalidInputException.because("is declared twice").source(source).element(p.name("name")).value(pname).build();
            }
            double apidNumber = p.number("apid");
            if (apidNumber != Math.rint(apidNumber) || apidNumber < 0 || apidNumber > 2046) {
                throw p.bad("apid", apidNumber, "is not an APID", "a whole number from 0 to 2046 (2047 is the idle packet's)", "give the packet its own APID");
            }
            int apid = (int) apidNumber;
            String taken = apids.putIfAbsent(apid, pname);
            if (taken != null) {
                throw InvalidInputException.because("is taken by " + taken + " too").source(source).element(p.name("apid")).value(apid).build();
            }
            Direction direction = p.choice("direction", List.of("telemetry", "telecommand")).equals("telemetry")
                ? Direction.TELEMETRY : Direction.TELECOMMAND;
            List<Field> fields = new ArrayList<>();
            Set<String> fieldNames = new HashSet<>();
            for (JsonFields f : p.objects("fields", 0, MAX_FIELDS)) {
                f.onlyKeys(Set.of("name", "type", "unit"));
                String fname = name(f);
                if (!fieldNames.add(fname)) {
                    throw InvalidInputException.because("is declared twice in " + pname).source(source).element(f.name("name")).value(fname)
                        .build();
                }
                String type = f.string("type");
                FieldType t;
                try {
                    t = FieldType.valueOf(type.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException x) {
                    throw f.bad("type", type, "is not a field type", "u8, u16, u32, i16, i32, f32, f64", "use one of those encodings");
                }
                fields.add(new Field(fname, t, f.has("unit") ? f.string("unit") : ""));
            }
            packets.add(new Packet(pname, apid, direction, List.copyOf(fields)));
        }
        return new PacketDictionary(name, List.copyOf(packets));
    }

    /**
     * @return the dictionary as JSON, as {@link #parse} reads it: a packet a line, then each of its fields on a line of
     *         its own, names and units as given
     */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\n  \"name\": ").append(quoted(name)).append(",\n  \"packets\": [");
        for (int i = 0; i < packets.size(); i++) {
            Packet p = packets.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quoted(p.name())).append(", \"apid\": ").append(p.apid())
                .append(", \"direction\": ").append(quoted(p.direction().name().toLowerCase(Locale.ROOT))).append(", \"fields\": [");
            for (int k = 0; k < p.fields().size(); k++) {
                Field f = p.fields().get(k);
                b.append(k == 0 ? "\n      " : ",\n      ").append("{\"name\": ").append(quoted(f.name())).append(", \"type\": ")
                    .append(quoted(f.type().name().toLowerCase(Locale.ROOT))).append(", \"unit\": ").append(quoted(f.unit())).append('}');
            }
            b.append("]}");
        }
        return b.append("\n  ]\n}\n").toString();
    }

    /** @return the text as a JSON string */
    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A space packet's APIDs are 11 bits: at most 2047 packets (the idle one is not declared). */
    private static final int MAX_PACKETS = 2047;

    /** An upper bound on a packet's fields: its data field holds at most 65,536 bytes (the encoder refuses a longer packet). */
    private static final int MAX_FIELDS = 65_536;

    /** Names go into session files and reports: letters, digits, '_' and '-' only. */
    private static String name(JsonFields o) {
        String n = o.string("name");
        if (!n.matches("[A-Za-z0-9_-]+")) {
            throw o.bad("name", n, "is not a name", "letters, digits, _ and - (no spaces, dots or =)", "rename it");
        }
        return n;
    }
}
