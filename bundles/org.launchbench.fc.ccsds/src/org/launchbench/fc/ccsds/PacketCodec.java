package org.launchbench.fc.ccsds;

import java.util.LinkedHashMap;
import java.util.Map;

import org.launchbench.fc.api.Packet;
import org.launchbench.fc.api.PacketDictionary;

/**
 * The dictionary's packets as CCSDS space packets: primary header (type from the direction, secondary header flag
 * set, unsegmented, the APID's own sequence count), a CUC time code as secondary header, the fields big-endian in
 * the dictionary's order, and a CRC-16 packet error control field over everything before it. Decoding judges each
 * packet and never throws: a fault is returned with what it was.
 */
public final class PacketCodec {

    /** The packet error control field, octets. */
    public static final int CRC = 2;

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
    private final PacketDictionary.Packet[] byApid = new PacketDictionary.Packet[2048];
    private final int[] nextCount = new int[2048];
    private final int maxLength;

    /** @param dictionary the packets */
    public PacketCodec(PacketDictionary dictionary) {
        this.dictionary = dictionary;
        int max = 0;
        for (PacketDictionary.Packet p : dictionary.packets()) {
            byApid[p.apid()] = p;
            max = Math.max(max, size(p));
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

    /** @return a packet's size on the wire, octets */
    public static int size(PacketDictionary.Packet p) {
        return SpacePacket.HEADER + CucTime.SIZE + p.dataBytes() + CRC;
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
        return encode(p, values, count, time);
    }

    /** Encodes with a given sequence count (see {@link #encode(String, Map, double)}). */
    public static byte[] encode(PacketDictionary.Packet p, Map<String, Double> values, int count, double time) {
        for (String key : values.keySet()) {
            if (p.fields().stream().noneMatch(f -> f.name().equals(key))) {
                throw new IllegalArgumentException(p.name() + " has no field " + key);
            }
        }
        byte[] data = new byte[CucTime.SIZE + p.dataBytes() + CRC];
        CucTime.write(time, data, 0);
        int at = CucTime.SIZE;
        for (PacketDictionary.Field f : p.fields()) {
            Double v = values.get(f.name());
            if (v == null) {
                throw new IllegalArgumentException(p.name() + "." + f.name() + " has no value");
            }
            at = put(f, v, data, at);
        }
        byte[] out = new SpacePacket(p.direction() == PacketDictionary.Direction.TELECOMMAND, true, p.apid(), SpacePacket.UNSEGMENTED,
            count, data).encode();
        int crc = Crc16.of(out, 0, out.length - CRC);
        out[out.length - 2] = (byte) (crc >>> 8);
        out[out.length - 1] = (byte) crc;
        return out;
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
        if (SpacePacket.version(b, off) != 0 || (word0 & 1 << 11) == 0 || flags != SpacePacket.UNSEGMENTED) {
            return new Decoded(null, Fault.BAD_HEADER, total);
        }
        PacketDictionary.Packet p = byApid[word0 & 0x7FF];
        if (p == null) {
            return new Decoded(null, Fault.UNKNOWN_APID, total);
        }
        if (((word0 & 1 << 12) != 0) != (p.direction() == PacketDictionary.Direction.TELECOMMAND)) {
            return new Decoded(null, Fault.BAD_HEADER, total);
        }
        if (total != size(p)) {
            return new Decoded(null, Fault.WRONG_LENGTH, total);
        }
        if (len < total) {
            return new Decoded(null, Fault.TRUNCATED, total);
        }
        if (!crcMatches(b, off, total)) {
            return new Decoded(null, Fault.BAD_CRC, total);
        }
        int count = ((b[off + 2] & 0x3F) << 8) | b[off + 3] & 0xFF;
        double time = CucTime.read(b, off + SpacePacket.HEADER);
        Map<String, Double> values = new LinkedHashMap<>();
        int at = off + SpacePacket.HEADER + CucTime.SIZE;
        for (PacketDictionary.Field f : p.fields()) {
            double v = get(f, b, at);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return new Decoded(null, Fault.BAD_VALUE, total);
            }
            values.put(f.name(), v);
            at += f.type().bytes();
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

    /** @return whether the last two octets of the packet at offset are the CRC of the rest */
    static boolean crcMatches(byte[] b, int off, int total) {
        if (total < SpacePacket.HEADER + CRC) {
            return false;
        }
        int crc = (b[off + total - 2] & 0xFF) << 8 | b[off + total - 1] & 0xFF;
        return crc == Crc16.of(b, off, total - CRC);
    }
}
