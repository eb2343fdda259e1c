package org.launchbench.fc.ccsds.xtce;

import java.util.Locale;

import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.api.PacketDictionary.Direction;
import org.launchbench.fc.api.PacketDictionary.Field;
import org.launchbench.fc.api.PacketDictionary.FieldType;
import org.launchbench.fc.api.PacketDictionary.Packet;

/**
 * Writes a packet dictionary as an XTCE 1.2 space system, laid out as {@link XtceLayout} says: a ground system (Yamcs,
 * say) that loads it decodes LaunchBench's telemetry packets and encodes its telecommands. {@link XtceReader} reads it
 * back to the same dictionary.
 */
public final class XtceWriter {

    private XtceWriter() {
    }

    /**
     * @param d      the dictionary
     * @param system the root space system's name (letters, digits, _ and -), e.g. "landing"
     * @return the XTCE document
     */
    public static String write(PacketDictionary d, String system) {
        if (!system.matches(XtceReader.NAME)) {
            throw new IllegalArgumentException("not a space system name: " + system);
        }
        if (!d.framing().equals(PacketDictionary.Framing.LAUNCHBENCH)) {
            throw org.launchbench.core.InvalidInputException.because("cannot be written as XTCE yet: the export describes LaunchBench's"
                + " framing only").element("framing").value(d.framing().secondaryHeader().key() + ", " + (d.framing().crc() ? "crc16" : "none"))
                .allowed("secondary_header cuc-time with error_control crc16").fix("export --format json, or declare the framing in"
                    + " your ground system by hand (docs/xtce.md)").build();
        }
        // the free texts must be characters XML 1.0 carries, or the file is one no XTCE reader takes
        carried(d.name(), "name");
        d.packets().forEach(p -> p.fields().forEach(f -> carried(f.unit(), "packets[" + p.name() + "].fields[" + f.name() + "].unit")));
        XmlText x = new XmlText();
        x.start("SpaceSystem", "xmlns", XtceLayout.NS, "name", system);
        x.text("LongDescription", d.name());
        framing(x);
        for (Packet p : d.packets()) {
            x.start("SpaceSystem", "name", p.name());
            telemetry(x, system, p);
            if (p.direction() == Direction.TELECOMMAND) {
                telecommand(x, system, p);
            }
            x.end();
        }
        return x.end().toString();
    }

    /** The headers and the packet error control every packet shares, in the root. */
    private static void framing(XmlText x) {
        x.start("TelemetryMetaData").start("ParameterTypeSet");
        for (XtceLayout.HeaderField h : XtceLayout.PRIMARY) {
            integerType(x, "IntegerParameterType", h.name() + "_type", h.bits(), false, "");
        }
        timeType(x, "FloatParameterType");
        integerType(x, "IntegerParameterType", XtceLayout.PEC + "_type", XtceLayout.PEC_BITS, false, "");
        x.end().start("ParameterSet");
        for (XtceLayout.HeaderField h : XtceLayout.PRIMARY) {
            x.empty("Parameter", "name", h.name(), "parameterTypeRef", h.name() + "_type");
        }
        x.empty("Parameter", "name", XtceLayout.TIME, "parameterTypeRef", XtceLayout.TIME + "_type");
        x.empty("Parameter", "name", XtceLayout.PEC, "parameterTypeRef", XtceLayout.PEC + "_type");
        x.end().start("ContainerSet").start("SequenceContainer", "name", XtceLayout.TM_BASE, "abstract", "true").start("EntryList");
        for (XtceLayout.HeaderField h : XtceLayout.PRIMARY) {
            x.empty("ParameterRefEntry", "parameterRef", h.name());
        }
        x.empty("ParameterRefEntry", "parameterRef", XtceLayout.TIME);
        x.end().end().end().end();

        // telecommands: the same headers; each command assigns its APID and length, and the ground's command
        // post-processor appends the CRC-16 (Yamcs: GenericCommandPostprocessor, errorDetection CRC-16-CCIIT)
        x.start("CommandMetaData").start("ArgumentTypeSet");
        integerType(x, "IntegerArgumentType", XtceLayout.APID + "_type", 11, false, "");
        integerType(x, "IntegerArgumentType", XtceLayout.LENGTH + "_type", 16, false, "");
        timeType(x, "FloatArgumentType");
        x.end().start("MetaCommandSet").start("MetaCommand", "name", XtceLayout.TC_BASE, "abstract", "true").start("ArgumentList");
        x.empty("Argument", "name", XtceLayout.APID, "argumentTypeRef", XtceLayout.APID + "_type");
        x.empty("Argument", "name", XtceLayout.LENGTH, "argumentTypeRef", XtceLayout.LENGTH + "_type");
        x.empty("Argument", "name", XtceLayout.TIME, "argumentTypeRef", XtceLayout.TIME + "_type", "initialValue", "0");
        x.end().start("CommandContainer", "name", XtceLayout.TC_BASE).start("EntryList");
        for (XtceLayout.HeaderField h : XtceLayout.PRIMARY) {
            if (h.name().equals(XtceLayout.APID) || h.name().equals(XtceLayout.LENGTH)) {
                x.empty("ArgumentRefEntry", "argumentRef", h.name());
            } else {
                x.empty("FixedValueEntry", "name", h.name(), "binaryValue", hex(fixed(h.name()), h.bits()), "sizeInBits",
                    Integer.toString(h.bits()));
            }
        }
        x.empty("ArgumentRefEntry", "argumentRef", XtceLayout.TIME);
        x.end().end().end().end().end();
    }

    /** Refuses a text with a character XML 1.0 cannot carry (XML 1.0, 2.2: Char). */
    private static void carried(String text, String element) {
        text.codePoints().filter(c -> !(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
            || c >= 0x10000 && c <= 0x10FFFF)).findFirst().ifPresent(c -> {
                throw org.launchbench.core.InvalidInputException.because(String.format("holds U+%04X, a character XML 1.0 cannot carry", c))
                    .element(element).fix("remove it from the dictionary").build();
            });
    }

    /** The CUC time's type: 48 bits counting 2⁻¹⁶ s, calibrated to seconds. */
    private static void timeType(XmlText x, String element) {
        x.start(element, "name", XtceLayout.TIME + "_type", "sizeInBits", "64");
        x.start("UnitSet").text("Unit", "s").end();
        x.start("IntegerDataEncoding", "sizeInBits", Integer.toString(XtceLayout.CUC_BITS), "encoding", "unsigned");
        x.start("DefaultCalibrator").start("PolynomialCalibrator");
        x.empty("Term", "coefficient", Double.toString(XtceLayout.CUC_UNIT), "exponent", "1");
        x.end().end().end().end();
    }

    /** A telecommand header's fixed value: version 0, type 1, secondary header 1, unsegmented (3); the count 0. */
    static long fixed(String header) {
        return switch (header) {
            case "ccsds_type", "ccsds_secondary_header_flag" -> 1;
            case "ccsds_sequence_flags" -> 3;
            default -> 0;
        };
    }

    /** A telemetry packet, or a telecommand's echo: how the ground decodes it when the link is mirrored. */
    private static void telemetry(XmlText x, String system, Packet p) {
        x.start("TelemetryMetaData").start("ParameterTypeSet");
        for (Field f : p.fields()) {
            fieldType(x, false, f);
        }
        x.end().start("ParameterSet");
        for (Field f : p.fields()) {
            x.empty("Parameter", "name", f.name(), "parameterTypeRef", f.name() + "_type");
        }
        boolean echo = p.direction() == Direction.TELECOMMAND;
        x.end().start("ContainerSet").start("SequenceContainer", "name", echo ? XtceLayout.echo(p.name()) : p.name()).start("EntryList");
        for (Field f : p.fields()) {
            x.empty("ParameterRefEntry", "parameterRef", f.name());
        }
        x.empty("ParameterRefEntry", "parameterRef", "/" + system + "/" + XtceLayout.PEC);
        x.end().start("BaseContainer", "containerRef", "/" + system + "/" + XtceLayout.TM_BASE).start("RestrictionCriteria")
            .start("ComparisonList");
        x.empty("Comparison", "parameterRef", "/" + system + "/" + XtceLayout.APID, "value", Integer.toString(p.apid()));
        x.empty("Comparison", "parameterRef", "/" + system + "/" + XtceLayout.TYPE, "value", echo ? "1" : "0");
        x.end().end().end().end().end().end();
    }

    private static void telecommand(XmlText x, String system, Packet p) {
        x.start("CommandMetaData").start("ArgumentTypeSet");
        for (Field f : p.fields()) {
            fieldType(x, true, f);
        }
        x.end().start("MetaCommandSet").start("MetaCommand", "name", p.name());
        x.start("BaseMetaCommand", "metaCommandRef", "/" + system + "/" + XtceLayout.TC_BASE).start("ArgumentAssignmentList");
        x.empty("ArgumentAssignment", "argumentName", XtceLayout.APID, "argumentValue", Integer.toString(p.apid()));
        x.empty("ArgumentAssignment", "argumentName", XtceLayout.LENGTH, "argumentValue", Integer.toString(XtceLayout.packetLength(p)));
        x.end().end().start("ArgumentList");
        for (Field f : p.fields()) {
            x.empty("Argument", "name", f.name(), "argumentTypeRef", f.name() + "_type");
        }
        x.end().start("CommandContainer", "name", p.name()).start("EntryList");
        for (Field f : p.fields()) {
            x.empty("ArgumentRefEntry", "argumentRef", f.name());
        }
        x.end().empty("BaseContainer", "containerRef", "/" + system + "/" + XtceLayout.TC_BASE).end().end().end().end();
    }

    private static void fieldType(XmlText x, boolean argument, Field f) {
        FieldType t = f.type();
        String kind = argument ? "Argument" : "Parameter";
        if (XtceLayout.isFloat(t)) {
            x.start("Float" + kind + "Type", "name", f.name() + "_type", "sizeInBits", Integer.toString(XtceLayout.bits(t)));
            units(x, f.unit());
            x.empty("FloatDataEncoding", "sizeInBits", Integer.toString(XtceLayout.bits(t)), "encoding", "IEEE754_1985");
            x.end();
        } else {
            integerType(x, "Integer" + kind + "Type", f.name() + "_type", XtceLayout.bits(t), XtceLayout.signed(t), f.unit());
        }
    }

    private static void integerType(XmlText x, String element, String name, int bits, boolean signed, String unit) {
        // the engineering value's size: the smallest of 8, 16, 32 and 64 bits that holds the raw one
        int engineering = bits <= 8 ? 8 : bits <= 16 ? 16 : bits <= 32 ? 32 : 64;
        x.start(element, "name", name, "signed", Boolean.toString(signed), "sizeInBits", Integer.toString(engineering));
        units(x, unit);
        x.empty("IntegerDataEncoding", "sizeInBits", Integer.toString(bits), "encoding", signed ? "twosComplement" : "unsigned");
        x.end();
    }

    private static void units(XmlText x, String unit) {
        if (unit.isEmpty()) {
            x.empty("UnitSet");
        } else {
            x.start("UnitSet").text("Unit", unit).end();
        }
    }

    /** @return the value as hexBinary of whole octets holding the bits */
    static String hex(long value, int bits) {
        int octets = (bits + 7) / 8;
        return String.format(Locale.ROOT, "%0" + 2 * octets + "X", value);
    }
}
