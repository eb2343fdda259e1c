package org.launchbench.fc.ccsds;

import java.util.Arrays;

/**
 * A CCSDS space packet (CCSDS 133.0-B-2, Space Packet Protocol): the 6-byte primary header (version 0, type,
 * secondary header flag, 11-bit APID, 2-bit sequence flags, 14-bit sequence count, packet data length = data field
 * octets − 1) and the packet data field.
 *
 * @param telecommand     the type bit (0 telemetry, 1 telecommand)
 * @param secondaryHeader the secondary header flag
 * @param apid            0 to 2047
 * @param sequenceFlags   0 to 3 (3: unsegmented)
 * @param sequenceCount   0 to 16383
 * @param dataField       1 to 65536 octets
 */
public record SpacePacket(boolean telecommand, boolean secondaryHeader, int apid, int sequenceFlags, int sequenceCount,
                          byte[] dataField) {

    /** Primary header size, octets. */
    public static final int HEADER = 6;
    /** Sequence counts wrap at this. */
    public static final int COUNT_MODULUS = 1 << 14;
    /** Unsegmented user data. */
    public static final int UNSEGMENTED = 3;

    /** Checks the fields' ranges. */
    public SpacePacket {
        if (apid < 0 || apid > 2047 || sequenceFlags < 0 || sequenceFlags > 3 || sequenceCount < 0 || sequenceCount >= COUNT_MODULUS
            || dataField.length < 1 || dataField.length > 65_536) {
            throw new IllegalArgumentException("not a space packet: APID " + apid + ", flags " + sequenceFlags + ", count " + sequenceCount
                + ", " + dataField.length + " data octets");
        }
    }

    /** @return the packet's octets */
    public byte[] encode() {
        byte[] out = new byte[HEADER + dataField.length];
        int word0 = (telecommand ? 1 << 12 : 0) | (secondaryHeader ? 1 << 11 : 0) | apid;
        int word1 = sequenceFlags << 14 | sequenceCount;
        int length = dataField.length - 1;
        out[0] = (byte) (word0 >>> 8);
        out[1] = (byte) word0;
        out[2] = (byte) (word1 >>> 8);
        out[3] = (byte) word1;
        out[4] = (byte) (length >>> 8);
        out[5] = (byte) length;
        System.arraycopy(dataField, 0, out, HEADER, dataField.length);
        return out;
    }

    /** @return the version number in a header at offset (must be 0) */
    static int version(byte[] b, int off) {
        return (b[off] & 0xFF) >>> 5;
    }

    /** @return the total packet length a header at offset announces, octets */
    static int totalLength(byte[] b, int off) {
        return HEADER + ((b[off + 4] & 0xFF) << 8 | b[off + 5] & 0xFF) + 1;
    }

    /**
     * @param b   octets holding at least one whole packet from offset
     * @param off where it starts
     * @return the packet (the header's fields as they are; the caller judges them)
     */
    static SpacePacket decode(byte[] b, int off) {
        int word0 = (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
        int word1 = (b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF;
        int total = totalLength(b, off);
        return new SpacePacket((word0 & 1 << 12) != 0, (word0 & 1 << 11) != 0, word0 & 0x7FF, word1 >>> 14, word1 & 0x3FFF,
            Arrays.copyOfRange(b, off + HEADER, off + total));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpacePacket p && p.telecommand == telecommand && p.secondaryHeader == secondaryHeader && p.apid == apid
            && p.sequenceFlags == sequenceFlags && p.sequenceCount == sequenceCount && Arrays.equals(p.dataField, dataField);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dataField) * 31 + apid * 7 + sequenceCount;
    }

    @Override
    public String toString() {
        return "SpacePacket[" + (telecommand ? "TC" : "TM") + " APID " + apid + ", count " + sequenceCount + ", " + dataField.length
            + " data octets]";
    }
}
