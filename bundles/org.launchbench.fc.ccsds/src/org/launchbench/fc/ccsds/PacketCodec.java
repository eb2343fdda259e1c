package org.launchbench.fc.ccsds;

import java.util.LinkedHashMap;
import java.util.Map;

import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;

/**
 * The dictionary's packets as CCSDS space packets: primary header (type from the direction, unsegmented, the APID's
 * own sequence count), the secondary header of the dictionary's framing, the fields big-endian in the dictionary's
 * order, and, if the framing has it, a CRC-16 packet error control field over everything before it.
 * <ul>
 * <li>LaunchBench's framing: a CUC time code as secondary header, and the CRC.</li>
 * <li>cFS's: telemetry the same time and cFE's 4 spare octets; a telecommand its function code and a checksum octet (cFE's
 * {@code CFE_MSG_GenerateChecksum}: the XOR of 0xFF and every octet of the packet is 0).</li>
 * <li>None (F Prime-style): the time is the packet's {@value PacketDictionary#TIME_FIELD} field.</li>
 * </ul>
 * Decoding judges each packet and never throws: a fault is returned with what it was.
 */
public final class PacketCodec {

    /** The packet error control field, octets. */
    public static final int CRC = 2;
    /** The spare octets after a cFS telemetry packet's time (zero when sent, not read). */
    static final int CFS_SPARE = 4;

    /** Why a packet was refused. */
    public enum Fault {
        /** Fewer octets than a header, or than the header announces. */
        TRUNCATED,
        /** Version not 0, no secondary header, segmented, or a type bit against the dictionary's direction. */
        BAD_HEADER,
        /** An APID the dictionary does not know. */
        UNKNOWN_APID,
        /** A length other than the dictionary's for the APID. */
        WRONG_LENGTH,
        /** The packet error control does not match. */
        BAD_CRC,
        /** A floating-point field that is NaN or infinite. */
        BAD_VALUE
    }

    /**
     * A decoding's outcome.
     *
     * @param packet the packet (null on a fault)
     * @param fault  null when decoded
     * @param length the octets the packet took (its announced length; 0 when truncated before the header's end)
     */
    public record Decoded(Packet packet, Fault fault, int length) {
    }

    private final PacketDictionary dictionary;
    private final PacketDictionary.Framing framing;
    private final PacketDictionary.Packet[] byApid = new PacketDictionary.Packet[2048];
    private final int[] nextCount = new int[2048];
    private final int maxLength;

    /** @param dictionary the packets */
    public PacketCodec(PacketDictionary dictionary) {
        this.dictionary = dictionary;
        this.framing = dictionary.framing();
        int max = 0;
        for (PacketDictionary.Packet p : dictionary.packets()) {
            byApid[p.apid()] = p;
            max = Math.max(max, size(framing, p));
        }
        this.maxLength = max;
    }

    /** @return the dictionary */
    public PacketDictionary dictionary() {
        return dictionary;
    }

    /** @return the longest packet of the dictionary, octets */
    public int maxLength() {
        return maxLength;
    }

    /** @return a packet's size on the wire in a framing, octets */
    public static int size(PacketDictionary.Framing framing, PacketDictionary.Packet p) {
        return SpacePacket.HEADER + secondaryHeader(framing, p) + p.dataBytes() + (framing.crc() ? CRC : 0);
    }

    /** @return the secondary header's octets for a packet in a framing */
    private static int secondaryHeader(PacketDictionary.Framing framing, PacketDictionary.Packet p) {
        return switch (framing.secondaryHeader()) {
            case CUC_TIME -> CucTime.SIZE;
            // cFE's telemetry header pads its time with 4 spare octets (CFE_MSG_TelemetryHeader, cFE 6.8 on)
            case CFS -> p.direction() == PacketDictionary.Direction.TELEMETRY ? CucTime.SIZE + CFS_SPARE : 2;
            case NONE -> 0;
        };
    }

    /**
     * Encodes with the APID's next sequence count.
     *
     * @throws IllegalArgumentException for a packet or field the dictionary does not have, a missing field, or an
     *                                  integer out of its type's range
     */
    public synchronized byte[] encode(String name, Map<String, Double> values, double time) {
        PacketDictionary.Packet p = dictionary.byName(name).orElseThrow(() -> new IllegalArgumentException("no packet " + name
            + " in " + dictionary.name()));
        int count = nextCount[p.apid()];
        nextCount[p.apid()] = (count + 1) % SpacePacket.COUNT_MODULUS;
        return encode(framing, p, values, count, time);
    }

    /** Encodes in LaunchBench's framing with a given sequence count (see {@link #encode(String, Map, double)}). */
    public static byte[] encode(PacketDictionary.Packet p, Map<String, Double> values, int count, double time) {
        return encode(PacketDictionary.Framing.LAUNCHBENCH, p, values, count, time);
    }

    /**
     * Encodes in a framing with a given sequence count (see {@link #encode(String, Map, double)}). A packet whose time
     * is a field takes it from the values if they give it, else from {@code time}.
     */
    public static byte[] encode(PacketDictionary.Framing framing, PacketDictionary.Packet p, Map<String, Double> values, int count, double time) {
        for (String key : values.keySet()) {
            if (p.fields().stream().noneMatch(f -> f.name().equals(key))) {
                throw new IllegalArgumentException(p.name() + " has no field " + key);
            }
        }
        boolean timeInHeader = framing.timeInHeader(p);
        int header = secondaryHeader(framing, p);
        byte[] data = new byte[header + p.dataBytes() + (framing.crc() ? CRC : 0)];
        if (timeInHeader) {
            CucTime.write(time, data, 0);
        } else if (header == 2) {
            data[0] = (byte) (p.functionCode() & 0x7F);
        }
        int at = header;
        for (PacketDictionary.Field f : p.fields()) {
            Double v = values.get(f.name());
            if (v == null && !timeInHeader && f.name().equals(PacketDictionary.TIME_FIELD)) {
                v = time;
            }
            if (v == null) {
                throw new IllegalArgumentException(p.name() + "." + f.name() + " has no value");
            }
            at = put(f, v, data, at);
        }
        byte[] out = new SpacePacket(p.direction() == PacketDictionary.Direction.TELECOMMAND, header > 0, p.apid(), SpacePacket.UNSEGMENTED,
            count, data).encode();
        if (header == 2) {
            // cFE's checksum: the XOR of 0xFF and every octet, the checksum octet zero meanwhile
            out[SpacePacket.HEADER + 1] = (byte) xor(out, 0, out.length);
        }
        if (framing.crc()) {
            int crc = Crc16.of(out, 0, out.length - CRC);
            out[out.length - 2] = (byte) (crc >>> 8);
            out[out.length - 1] = (byte) crc;
        }
        return out;
    }

    /** @return 0xFF XOR every octet from off for len */
    private static int xor(byte[] b, int off, int len) {
        int x = 0xFF;
        for (int i = off; i < off + len; i++) {
            x ^= b[i] & 0xFF;
        }
        return x;
    }

    private static int put(PacketDictionary.Field f, double v, byte[] b, int at) {
        long bits;
        if ((f.type() == PacketDictionary.FieldType.F32 || f.type() == PacketDictionary.FieldType.F64)
            && (!Double.isFinite(v) || f.type() == PacketDictionary.FieldType.F32 && Math.abs(v) > Float.MAX_VALUE)) {
            // the receiving end refuses a non-finite value: refuse it here, where the caller can be told
            throw new IllegalArgumentException(f.name() + " = " + v + " is not a finite " + f.type());
        }
        switch (f.type()) {
            case F32 -> bits = Float.floatToIntBits((float) v) & 0xFFFFFFFFL;
            case F64 -> bits = Double.doubleToLongBits(v);
            default -> {
                long n = Math.round(v);
                long min = switch (f.type()) {
                    case I16 -> Short.MIN_VALUE;
                    case I32 -> Integer.MIN_VALUE;
                    default -> 0;
                };
                long max = switch (f.type()) {
                    case U8 -> 0xFF;
                    case U16 -> 0xFFFF;
                    case U32 -> 0xFFFFFFFFL;
                    case I16 -> Short.MAX_VALUE;
                    default -> Integer.MAX_VALUE;
                };
                if (Double.isNaN(v) || n < min || n > max) {
                    throw new IllegalArgumentException(f.name() + " = " + v + " is outside " + f.type() + " (" + min + " to " + max + ")");
                }
                bits = n;
            }
        }
        int size = f.type().bytes();
        for (int k = size - 1; k >= 0; k--) {
            b[at + k] = (byte) bits;
            bits >>>= 8;
        }
        return at + size;
    }

    /**
     * @param b   octets
     * @param off where a packet should start
     * @param len octets available from there
     * @return the packet, or why not (never throws)
     */
    public Decoded decode(byte[] b, int off, int len) {
        if (len < SpacePacket.HEADER) {
            return new Decoded(null, Fault.TRUNCATED, 0);
        }
        int total = SpacePacket.totalLength(b, off);
        int word0 = (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
        int flags = (b[off + 2] & 0xFF) >>> 6;
        if (SpacePacket.version(b, off) != 0 || flags != SpacePacket.UNSEGMENTED) {
            return new Decoded(null, Fault.BAD_HEADER, total);
        }
        PacketDictionary.Packet p = byApid[word0 & 0x7FF];
        if (p == null) {
            return new Decoded(null, Fault.UNKNOWN_APID, total);
        }
        int header = secondaryHeader(framing, p);
        if (((word0 & 1 << 12) != 0) != (p.direction() == PacketDictionary.Direction.TELECOMMAND) || ((word0 & 1 << 11) != 0) != header > 0) {
            return new Decoded(null, Fault.BAD_HEADER, total);
        }
        if (total != size(framing, p)) {
            return new Decoded(null, Fault.WRONG_LENGTH, total);
        }
        if (len < total) {
            return new Decoded(null, Fault.TRUNCATED, total);
        }
        if (!intact(b, off, total)) {
            return new Decoded(null, Fault.BAD_CRC, total);
        }
        if (header == 2 && (b[off + SpacePacket.HEADER] & 0x7F) != p.functionCode()) {
            return new Decoded(null, Fault.BAD_HEADER, total);
        }
        int count = ((b[off + 2] & 0x3F) << 8) | b[off + 3] & 0xFF;
        boolean timeInHeader = framing.timeInHeader(p);
        double time = timeInHeader ? CucTime.read(b, off + SpacePacket.HEADER) : Double.NaN;
        Map<String, Double> values = new LinkedHashMap<>();
        int at = off + SpacePacket.HEADER + header;
        for (PacketDictionary.Field f : p.fields()) {
            double v = get(f, b, at);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return new Decoded(null, Fault.BAD_VALUE, total);
            }
            values.put(f.name(), v);
            at += f.type().bytes();
        }
        if (!timeInHeader) {
            // a dictionary built in code may lack the field parse requires: no time then, never an exception
            Double field = values.get(PacketDictionary.TIME_FIELD);
            time = field == null ? Double.NaN : field;
        }
        return new Decoded(new Packet(p, values, count, time), null, total);
    }

    private static double get(PacketDictionary.Field f, byte[] b, int at) {
        long bits = 0;
        for (int k = 0; k < f.type().bytes(); k++) {
            bits = bits << 8 | b[at + k] & 0xFF;
        }
        return switch (f.type()) {
            case U8, U16, U32 -> bits;
            case I16 -> (short) bits;
            case I32 -> (int) bits;
            case F32 -> Float.intBitsToFloat((int) bits);
            case F64 -> Double.longBitsToDouble(bits);
        };
    }

    /**
     * @return whether the packet at offset passes the framing's error control: its CRC-16, or a cFS telecommand's
     *         checksum; true where the framing has none (nothing to check: a damaged packet then decodes as whatever
     *         its octets say)
     */
    boolean intact(byte[] b, int off, int total) {
        if (framing.crc()) {
            if (total < SpacePacket.HEADER + CRC) {
                return false;
            }
            int crc = (b[off + total - 2] & 0xFF) << 8 | b[off + total - 1] & 0xFF;
            return crc == Crc16.of(b, off, total - CRC);
        }
        boolean command = (b[off] & 0x10) != 0;
        return !(framing.secondaryHeader() == PacketDictionary.SecondaryHeader.CFS && command) || xor(b, off, total) == 0;
    }
}
