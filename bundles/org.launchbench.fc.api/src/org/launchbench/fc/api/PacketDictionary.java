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
 * big-endian in the order listed, and the framing around the fields. A flight computer's telemetry (IMU, GNSS,
 * altimeter, engine state) and its telecommands (throttle, gimbal, grid fins, ignition, cut-off, RCS) are dictionary
 * entries, not code.
 * <p>
 * JSON: {@code {"name": ..., "framing": {"secondary_header": "cuc-time", "error_control": "crc16"}, "packets":
 * [{"name": "imu", "apid": 100, "direction": "telemetry", "fields": [{"name": "ax", "type": "f32", "unit": "m/s2"},
 * ...]}, ...]}}; the framing may be left out (LaunchBench's own), and a cFS telecommand gives its
 * {@code "function_code"}.
 *
 * @param name    for reports
 * @param framing the layout around each packet's fields
 * @param packets in the order declared
 */
public record PacketDictionary(String name, Framing framing, List<Packet> packets) {

    /** A dictionary in LaunchBench's own framing. */
    public PacketDictionary(String name, List<Packet> packets) {
        this(name, Framing.LAUNCHBENCH, packets);
    }

    /** What follows a packet's primary header. */
    public enum SecondaryHeader {
        /** A CCSDS unsegmented time code: 4 octets of seconds, 2 of 2⁻¹⁶ s (CCSDS 301.0-B-4). */
        CUC_TIME("cuc-time"),
        /**
         * cFS's (cFE {@code default_cfe_msg_sechdr.h}, {@code default_cfe_msg_hdr_pri.h}): telemetry the same 6-octet
         * time (32-bit seconds, 16-bit subseconds, big-endian) and 4 spare octets; a telecommand a function code octet
         * (7 bits) and a checksum octet, such that the XOR of 0xFF and every octet of the packet is 0. No CRC.
         */
        CFS("cfs"),
        /** None (F Prime-style packets): a packet's time, if it has one, is a field of its own. */
        NONE("none");

        private final String key;

        SecondaryHeader(String key) {
            this.key = key;
        }

        /** @return its name in the dictionary's JSON */
        public String key() {
            return key;
        }
    }

    /**
     * The layout around each packet's fields.
     *
     * @param secondaryHeader what follows the primary header
     * @param crc             whether a CRC-16-CCITT packet error control field ends each packet
     */
    public record Framing(SecondaryHeader secondaryHeader, boolean crc) {
        /** LaunchBench's own: a CUC time, and a CRC-16 at the end. */
        public static final Framing LAUNCHBENCH = new Framing(SecondaryHeader.CUC_TIME, true);

        /** @return whether the packet's secondary header carries its time (else a field named {@value #TIME_FIELD} does) */
        public boolean timeInHeader(Packet p) {
            return secondaryHeader == SecondaryHeader.CUC_TIME || secondaryHeader == SecondaryHeader.CFS && p.direction() == Direction.TELEMETRY;
        }
    }

    /** The field that carries a packet's time, s, when its secondary header does not. */
    public static final String TIME_FIELD = "time";

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
     * @param name         unique
     * @param apid         0 to 2046 (2047 is the idle APID), unique
     * @param direction    which way
     * @param fields       in order
     * @param functionCode a cFS telecommand's function code, 0 to 127; -1 for any other packet
     */
    public record Packet(String name, int apid, Direction direction, List<Field> fields, int functionCode) {
        /** A packet without a function code. */
        public Packet(String name, int apid, Direction direction, List<Field> fields) {
            this(name, apid, direction, fields, -1);
        }

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
        JsonFields root = JsonFields.root(source, StrictJson.parse(source, json)).onlyKeys(Set.of("name", "framing", "packets"));
        String name = root.string("name");
        Framing framing = Framing.LAUNCHBENCH;
        if (root.has("framing")) {
            JsonFields f = root.object("framing").onlyKeys(Set.of("secondary_header", "error_control"));
            String header = f.choice("secondary_header", List.of("cuc-time", "cfs", "none"));
            framing = new Framing(List.of(SecondaryHeader.values()).stream().filter(h -> h.key().equals(header)).findFirst().orElseThrow(),
                f.choice("error_control", List.of("crc16", "none")).equals("crc16"));
            if (framing.secondaryHeader() == SecondaryHeader.CFS && framing.crc()) {
                throw f.bad("error_control", "crc16", "does not go with the cfs secondary header: cFS packets end with their data, and a"
                    + " command's integrity is cFE's checksum", "none", "set error_control to none");
            }
        }
        List<Packet> packets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Integer, String> apids = new HashMap<>();
        for (JsonFields p : root.objects("packets", 0, MAX_PACKETS)) {
            p.onlyKeys(Set.of("name", "apid", "direction", "fields", "function_code"));
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
            boolean cfsCommand = framing.secondaryHeader() == SecondaryHeader.CFS && direction == Direction.TELECOMMAND;
            int functionCode = -1;
            if (cfsCommand) {
                if (!p.has("function_code")) {
                    throw InvalidInputException.because("is missing: a telecommand in the cfs framing carries a function code").source(source)
                        .element(p.name("function_code")).allowed("a whole number from 0 to 127").fix("give the command's code").build();
                }
                functionCode = p.integer("function_code", 0, 127);
            } else if (p.has("function_code")) {
                throw p.bad("function_code", p.number("function_code"), "is only for telecommands with the cfs secondary header",
                    "no function_code here", "remove it, or set the framing's secondary_header to cfs");
            }
            Packet packet = new Packet(pname, apid, direction, List.copyOf(fields), functionCode);
            if (!framing.timeInHeader(packet) && fields.stream().noneMatch(x -> x.name().equals(TIME_FIELD) && x.type() == FieldType.F64)) {
                throw InvalidInputException.because("has no time: its secondary header carries none, and it declares no f64 field \""
                    + TIME_FIELD + "\"").source(source).element(p.name("fields")).value(pname)
                    .allowed("a field {\"name\": \"time\", \"type\": \"f64\", \"unit\": \"s\"}")
                    .fix("declare it: the loop matches each command to its cycle by time").build();
            }
            packets.add(packet);
        }
        return new PacketDictionary(name, framing, List.copyOf(packets));
    }

    /**
     * @return the dictionary as JSON, as {@link #parse} reads it: a packet a line, then each of its fields on a line of
     *         its own, names and units as given
     */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\n  \"name\": ").append(quoted(name));
        if (!framing.equals(Framing.LAUNCHBENCH)) {
            b.append(",\n  \"framing\": {\"secondary_header\": ").append(quoted(framing.secondaryHeader().key())).append(", \"error_control\": ")
                .append(quoted(framing.crc() ? "crc16" : "none")).append('}');
        }
        b.append(",\n  \"packets\": [");
        for (int i = 0; i < packets.size(); i++) {
            Packet p = packets.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quoted(p.name())).append(", \"apid\": ").append(p.apid())
                .append(", \"direction\": ").append(quoted(p.direction().name().toLowerCase(Locale.ROOT)));
            if (p.functionCode() >= 0) {
                b.append(", \"function_code\": ").append(p.functionCode());
            }
            b.append(", \"fields\": [");
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
