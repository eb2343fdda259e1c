package org.launchbench.fc.ccsds.xtce;

import java.util.List;

import org.launchbench.fc.api.PacketDictionary;

/**
 * How LaunchBench's space packets ({@link org.launchbench.fc.ccsds.PacketCodec}) are told in XTCE 1.2 (OMG XTCE 1.2,
 * CCSDS 660.1-B-2), the names and layout the writer produces and the reader expects. The root space system holds the
 * framing every packet shares: the CCSDS primary header (CCSDS 133.0-B-2, 4.1.3), the secondary header's CUC time
 * (CCSDS 301.0-B-4, 3.2: 48 bits counting 2⁻¹⁶ s, told as an integer with a polynomial calibrator to seconds) and the
 * CRC-16 packet error control at each packet's end. Each packet is a child space system of its own name: a telemetry
 * packet a sequence container restricted to its APID, a telecommand a meta-command whose base assigns the APID and, so
 * that a ground system watching the link ({@code hil --tm-forward}) decodes the flight computer's commands too, an echo
 * container of the same fields restricted to its APID and the telecommand type.
 */
final class XtceLayout {

    /** The XTCE 1.2 namespace. */
    static final String NS = "http://www.omg.org/spec/XTCE/20180204";

    /** The abstract container of every telemetry packet (its headers). */
    static final String TM_BASE = "ccsds_packet";
    /** The abstract meta-command of every telecommand (its headers). */
    static final String TC_BASE = "ccsds_telecommand";
    /** The packet error control parameter. */
    static final String PEC = "ccsds_pec";
    /** The secondary header's time. */
    static final String TIME = "ccsds_time";
    /** The CUC fine unit, s: 2⁻¹⁶. */
    static final double CUC_UNIT = 1.0 / 65_536;
    /** The CUC code's bits: 32 coarse and 16 fine. */
    static final int CUC_BITS = 48;
    /** The packet error control's bits. */
    static final int PEC_BITS = 16;

    /**
     * A header field.
     *
     * @param name the parameter's name
     * @param bits its size
     */
    record HeaderField(String name, int bits) {
    }

    /** The primary header, in order (CCSDS 133.0-B-2, 4.1.3). */
    static final List<HeaderField> PRIMARY = List.of(new HeaderField("ccsds_version", 3), new HeaderField("ccsds_type", 1),
        new HeaderField("ccsds_secondary_header_flag", 1), new HeaderField("ccsds_apid", 11), new HeaderField("ccsds_sequence_flags", 2),
        new HeaderField("ccsds_sequence_count", 14), new HeaderField("ccsds_packet_length", 16));

    /** The APID's header field. */
    static final String APID = "ccsds_apid";
    /** The packet length's header field. */
    static final String LENGTH = "ccsds_packet_length";
    /** The packet type's header field (0 telemetry, 1 telecommand). */
    static final String TYPE = "ccsds_type";

    private XtceLayout() {
    }

    /** @return the name of a telecommand's echo container: the command as the ground sees it mirrored from the link */
    static String echo(String telecommand) {
        return telecommand + "-echo";
    }

    /**
     * @param p a packet
     * @return its primary header's packet length: the octets after the primary header less one (CCSDS 133.0-B-2,
     *         4.1.3.5.3), the time, the fields and the CRC-16
     */
    static int packetLength(PacketDictionary.Packet p) {
        return packetLength(p.dataBytes());
    }

    /** @param dataBytes the fields' octets; @return the packet length of a packet with them */
    static int packetLength(int dataBytes) {
        return CUC_BITS / 8 + dataBytes + PEC_BITS / 8 - 1;
    }

    /** @return the field type's bits */
    static int bits(PacketDictionary.FieldType t) {
        return t.bytes() * 8;
    }

    /** @return whether the field type is a float */
    static boolean isFloat(PacketDictionary.FieldType t) {
        return t == PacketDictionary.FieldType.F32 || t == PacketDictionary.FieldType.F64;
    }

    /** @return whether the field type is signed */
    static boolean signed(PacketDictionary.FieldType t) {
        return t == PacketDictionary.FieldType.I16 || t == PacketDictionary.FieldType.I32;
    }

    /**
     * @param isFloat a float encoding
     * @param signed  two's complement (integers)
     * @param bits    its size
     * @return the field type of that encoding, or null when LaunchBench has none
     */
    static PacketDictionary.FieldType fieldType(boolean isFloat, boolean signed, int bits) {
        for (PacketDictionary.FieldType t : PacketDictionary.FieldType.values()) {
            if (isFloat(t) == isFloat && (isFloat || signed(t) == signed) && bits(t) == bits) {
                return t;
            }
        }
        return null;
    }
}
