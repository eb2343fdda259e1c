package org.launchbench.fc.ccsds.xtce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.api.PacketDictionary.Direction;
import org.launchbench.fc.api.PacketDictionary.Field;
import org.launchbench.fc.api.PacketDictionary.FieldType;
import org.launchbench.fc.api.PacketDictionary.Packet;
import org.launchbench.fc.ccsds.ShippedDictionaries;

/**
 * Issue 27: a packet dictionary to XTCE 1.2 and back. The round trip keeps every field (names, APIDs, directions,
 * types, units, the dictionary's name); the document says what the standard's elements mean for LaunchBench's packets
 * (checked on the landing dictionary's imu packet); and what LaunchBench cannot represent is refused naming the element.
 */
class XtceTest {

    private static final PacketDictionary LANDING = ShippedDictionaries.landing();

    private static PacketDictionary back(String xml) {
        return XtceReader.parse(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
    }

    @Test
    void theLandingDictionaryComesBackFromXtceFieldForField() {
        String xml = XtceWriter.write(LANDING, "landing");
        assertEquals(LANDING, back(xml));
        // and the JSON written from what came back reads as the shipped file does
        assertEquals(LANDING, PacketDictionary.parse(back(xml).toJson(), "landing.json"));
    }

    @Test
    void everyFieldTypeAndAnAwkwardNameAndUnitComeBack() {
        List<Field> all = List.of(new Field("a", FieldType.U8, ""), new Field("b", FieldType.U16, "bit mask"), new Field("c", FieldType.U32, "count"),
            new Field("d", FieldType.I16, "cm"), new Field("e", FieldType.I32, "mm/s"), new Field("f", FieldType.F32, "m/s²"),
            new Field("g", FieldType.F64, "<&\"units\">"));
        PacketDictionary d = new PacketDictionary("types & \"quotes\" <all>", List.of(new Packet("tm-all", 0, Direction.TELEMETRY, all),
            new Packet("tc_all", 2046, Direction.TELECOMMAND, all), new Packet("empty", 7, Direction.TELEMETRY, List.of())));
        assertEquals(d, back(XtceWriter.write(d, "bench_2")));
    }

    /** The imu packet as XTCE tells it: what a ground system decodes it by. */
    @Test
    void theImuPacketIsAContainerOfItsApidWithIeeeFloatsAndTheCrcLast() {
        String xml = XtceWriter.write(LANDING, "landing");
        String imu = xml.substring(xml.indexOf("<SpaceSystem name=\"imu\">"), xml.indexOf("</SpaceSystem>", xml.indexOf("<SpaceSystem name=\"imu\">")));
        assertTrue(imu.contains("<FloatParameterType name=\"ax_type\" sizeInBits=\"32\">"), imu);
        assertTrue(imu.contains("<Unit>m/s2</Unit>"), imu);
        assertTrue(imu.contains("<FloatDataEncoding sizeInBits=\"32\" encoding=\"IEEE754_1985\"/>"), imu);
        assertTrue(imu.contains("<ParameterRefEntry parameterRef=\"wz\"/>\n            <ParameterRefEntry parameterRef=\"/landing/ccsds_pec\"/>"), imu);
        assertTrue(imu.contains("<Comparison parameterRef=\"/landing/ccsds_apid\" value=\"100\"/>"), imu);
        // the CUC time: 48 bits of 2^-16 s (CCSDS 301.0-B-4, 3.2)
        assertTrue(xml.contains("<IntegerDataEncoding sizeInBits=\"48\" encoding=\"unsigned\">") && xml.contains(
            "<Term coefficient=\"1.52587890625E-5\" exponent=\"1\"/>"), xml);
        // a telecommand: version 0, type 1, secondary header 1, the APID, unsegmented (3), then count and length
        assertTrue(xml.contains("<FixedValueEntry name=\"ccsds_type\" binaryValue=\"01\" sizeInBits=\"1\"/>"), xml);
        assertTrue(xml.contains("<ArgumentAssignment argumentName=\"ccsds_apid\" argumentValue=\"200\"/>"), xml);
        // and its echo, how a ground watching the link decodes the computer's commands: the same fields, type 1
        String echo = xml.substring(xml.indexOf("<SequenceContainer name=\"engine-command-echo\">"));
        assertTrue(echo.indexOf("<Comparison parameterRef=\"/landing/ccsds_type\" value=\"1\"/>") < echo.indexOf("</SequenceContainer>"), echo);
        // the primary header's bits add up to its 6 octets
        assertEquals(48, XtceLayout.PRIMARY.stream().mapToInt(XtceLayout.HeaderField::bits).sum());
    }

    @Test
    void anEchoThatTellsTheCommandOtherwiseIsRefused() {
        String xml = XtceWriter.write(LANDING, "landing").replace("<ParameterRefEntry parameterRef=\"gimbal_yaw\"/>\n"
            + "            <ParameterRefEntry parameterRef=\"/landing/ccsds_pec\"/>", "<ParameterRefEntry parameterRef=\"/landing/ccsds_pec\"/>");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> back(xml));
        assertTrue(e.element().endsWith("SpaceSystem[engine-command]/TelemetryMetaData"), e.element());
    }

    @Test
    void anEnumerationIsRefusedNamingItsElement() {
        String xml = XtceWriter.write(LANDING, "landing").replace("<FloatParameterType name=\"ax_type\" sizeInBits=\"32\">",
            "<EnumeratedParameterType name=\"mode_type\"/><FloatParameterType name=\"ax_type\" sizeInBits=\"32\">");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> back(xml));
        assertEquals("SpaceSystem[landing]/SpaceSystem[imu]/TelemetryMetaData/ParameterTypeSet/EnumeratedParameterType[mode_type]", e.element());
        assertTrue(e.getMessage().startsWith("test.xml: ") && e.getMessage().contains("cannot represent"), e.getMessage());
    }

    @Test
    void aCalibratorOnAFieldAndAnUnknownAttributeAreRefused() {
        String calibrated = XtceWriter.write(LANDING, "landing").replace(
            "<FloatDataEncoding sizeInBits=\"32\" encoding=\"IEEE754_1985\"/>\n        </FloatParameterType>\n        <FloatParameterType name=\"ay_type\"",
            "<IntegerDataEncoding sizeInBits=\"16\" encoding=\"unsigned\"><DefaultCalibrator/></IntegerDataEncoding>\n        </FloatParameterType>\n"
                + "        <FloatParameterType name=\"ay_type\"");
        InvalidInputException c = assertThrows(InvalidInputException.class, () -> back(calibrated));
        assertTrue(c.element().endsWith("FloatParameterType[ax_type]/IntegerDataEncoding/DefaultCalibrator"), c.element());
        String attribute = XtceWriter.write(LANDING, "landing").replace("<Parameter name=\"ax\" parameterTypeRef=\"ax_type\"/>",
            "<Parameter name=\"ax\" parameterTypeRef=\"ax_type\" initialValue=\"0\"/>");
        InvalidInputException a = assertThrows(InvalidInputException.class, () -> back(attribute));
        assertTrue(a.element().endsWith("SpaceSystem[imu]/TelemetryMetaData/ParameterSet/Parameter[ax]/@initialValue"), a.element());
    }

    @Test
    void anotherHeaderLayoutIsRefusedNamingWhereItDiffers() {
        String xml = XtceWriter.write(LANDING, "landing").replace("<IntegerDataEncoding sizeInBits=\"11\" encoding=\"unsigned\"/>",
            "<IntegerDataEncoding sizeInBits=\"10\" encoding=\"unsigned\"/>");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> back(xml));
        assertTrue(e.element().endsWith("TelemetryMetaData/ParameterTypeSet/IntegerParameterType[ccsds_apid_type]/IntegerDataEncoding"),
            e.element());
        assertTrue(e.getMessage().contains("differs from LaunchBench's packet framing") && e.getMessage().contains("sizeInBits=\"11\""),
            e.getMessage());
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsFetchedOrExpanded() {
        String xml = XtceWriter.write(LANDING, "landing").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> back(xml));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        InvalidInputException broken = assertThrows(InvalidInputException.class, () -> back("<SpaceSystem name=\"x\">"));
        assertTrue(broken.getMessage().contains("not well-formed") && broken.element().startsWith("line 1"), broken.getMessage());
    }

    @Test
    void theDictionarysOwnRulesApplyToAnXtceFile() {
        String xml = XtceWriter.write(LANDING, "landing").replace("<Comparison parameterRef=\"/landing/ccsds_apid\" value=\"101\"/>",
            "<Comparison parameterRef=\"/landing/ccsds_apid\" value=\"100\"/>");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> back(xml));
        assertEquals("SpaceSystem[landing]/SpaceSystem[gnss]", e.element());
        assertTrue(e.getMessage().contains("has the APID 100 of imu too"), e.getMessage());
    }

    @Test
    void aRepeatedSectionAndATextXmlCannotCarryAreRefused() {
        String xml = XtceWriter.write(LANDING, "landing").replace("<LongDescription>", "<LongDescription>first</LongDescription>\n  <LongDescription>");
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> back(xml));
        assertTrue(twice.element().endsWith("LongDescription") && twice.getMessage().contains("appears a second time"), twice.getMessage());
        PacketDictionary bell = new PacketDictionary("a bell \u0007 in the name", LANDING.packets());
        InvalidInputException control = assertThrows(InvalidInputException.class, () -> XtceWriter.write(bell, "landing"));
        assertTrue(control.getMessage().contains("U+0007"), control.getMessage());
    }
}
