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
        Object document = StrictJson.parse(source, json);
        if (!(document instanceof Map<?, ?> top)) {
            throw InvalidInputException.because("is not a JSON object").source(source).value(StrictJson.quote(document)).build();
        }
        Map<String, Object> root = cast(top);
        known(root, Set.of("name", "packets"), "", source);
        String name = string(root, "name", "", source);
        if (!(root.get("packets") instanceof List<?> packetList)) {
            throw InvalidInputException.because("is missing or not a list").source(source).element("packets").build();
        }
        List<Packet> packets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Integer, String> apids = new HashMap<>();
        int i = 0;
        for (Object pe : packetList) {
            String at = "packets[" + i++ + "]";
            if (!(pe instanceof Map<?, ?> pm)) {
                throw InvalidInputException.because("is not an object").source(source).element(at).value(StrictJson.quote(pe)).build();
            }
            Map<String, Object> p = cast(pm);
            known(p, Set.of("name", "apid", "direction", "fields"), at + ".", source);
            String pname = name(p, at + ".", source);
            if (!names.add(pname)) {
                throw InvalidInputException.because("is declared twice").source(source).element(at + ".name").value(pname).build();
            }
            Object apidValue = p.get("apid");
            if (!(apidValue instanceof Double apidNumber) || apidNumber != Math.rint(apidNumber)) {
                throw InvalidInputException.because("is missing or not a whole number").source(source).element(at + ".apid")
                    .value(apidValue == null ? "(missing)" : StrictJson.quote(apidValue)).allowed("0 to 2046").build();
            }
            int apid = apidNumber < 0 || apidNumber > 2047 ? -1 : apidNumber.intValue();
            if (apid < 0 || apid > 2046) {
                throw InvalidInputException.because("is not an APID").source(source).element(at + ".apid").value(apidNumber)
                    .allowed("0 to 2046 (2047 is the idle packet's)").build();
            }
            String taken = apids.putIfAbsent(apid, pname);
            if (taken != null) {
                throw InvalidInputException.because("is taken by " + taken + " too").source(source).element(at + ".apid").value(apid).build();
            }
            String dir = string(p, "direction", at + ".", source);
            Direction direction = switch (dir) {
                case "telemetry" -> Direction.TELEMETRY;
                case "telecommand" -> Direction.TELECOMMAND;
                default -> throw InvalidInputException.because("is not a direction").source(source).element(at + ".direction").value(dir)
                    .allowed("telemetry, telecommand").build();
            };
            List<Field> fields = new ArrayList<>();
            if (!(p.get("fields") instanceof List<?> fieldList)) {
                throw InvalidInputException.because("is missing or not a list").source(source).element(at + ".fields").build();
            }
            int j = 0;
            Set<String> fieldNames = new HashSet<>();
            for (Object fe : fieldList) {
                String fat = at + ".fields[" + j++ + "]";
                if (!(fe instanceof Map<?, ?> fm)) {
                    throw InvalidInputException.because("is not an object").source(source).element(fat).value(StrictJson.quote(fe)).build();
                }
                Map<String, Object> f = cast(fm);
                known(f, Set.of("name", "type", "unit"), fat + ".", source);
                String fname = name(f, fat + ".", source);
                if (!fieldNames.add(fname)) {
                    throw InvalidInputException.because("is declared twice in " + pname).source(source).element(fat + ".name").value(fname)
                        .build();
                }
                String type = string(f, "type", fat + ".", source);
                FieldType t;
                try {
                    t = FieldType.valueOf(type.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException x) {
                    throw InvalidInputException.because("is not a field type").source(source).element(fat + ".type").value(type)
                        .allowed("u8, u16, u32, i16, i32, f32, f64").build();
                }
                fields.add(new Field(fname, t, f.containsKey("unit") ? string(f, "unit", fat + ".", source) : ""));
            }
            packets.add(new Packet(pname, apid, direction, List.copyOf(fields)));
        }
        return new PacketDictionary(name, List.copyOf(packets));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** Names go into session files and reports: letters, digits, '_' and '-' only. */
    private static String name(Map<String, Object> o, String at, String source) {
        String n = string(o, "name", at, source);
        if (!n.matches("[A-Za-z0-9_-]+")) {
            throw InvalidInputException.because("is not a name").source(source).element(at + "name").value(n)
                .allowed("letters, digits, _ and - (no spaces, dots or =)").build();
        }
        return n;
    }

    private static void known(Map<String, Object> o, Set<String> keys, String at, String source) {
        for (String k : o.keySet()) {
            if (!keys.contains(k)) {
                throw InvalidInputException.because("is not a key here").source(source).element(at + k)
                    .allowed(String.join(", ", new java.util.TreeSet<>(keys))).build();
            }
        }
    }

    private static String string(Map<String, Object> o, String key, String at, String source) {
        if (!(o.get(key) instanceof String s)) {
            throw InvalidInputException.because("is missing or not a string").source(source).element(at + key).build();
        }
        return s;
    }
}
