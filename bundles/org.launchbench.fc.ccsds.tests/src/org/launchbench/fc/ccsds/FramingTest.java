package org.launchbench.fc.ccsds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.launchbench.core.InvalidInputException;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.PacketDictionary;
import org.launchbench.fc.ccsds.xtce.XtceWriter;

/**
 * Flight-software conventions (issue 27): the example dictionaries in cFS framing (cFE's message headers: telemetry
 * time and spare, a command's function code and checksum, no CRC) and F Prime-style packets (no secondary header, the time a
 * field), octet for octet against packets built by hand from cFE's source and the CCSDS standards, and over a real
 * socket.
 */
class FramingTest {

    /** The repository's examples, from the fragment's folder. */
    private static final Path EXAMPLES = Path.of("../../examples/dictionaries");

    private static PacketDictionary cfs() {
        return PacketDictionary.read(EXAMPLES.resolve("landing-cfs.json"));
    }

    private static PacketDictionary fprime() {
        return PacketDictionary.read(EXAMPLES.resolve("landing-fprime.json"));
    }

    /**
     * A cFS command: primary header 0x18D2 (type 1, secondary header, APID 210), then the function code (4) and the
     * checksum of cFE's CFE_MSG_GenerateChecksum (0xFF XOR every octet, the checksum octet zero meanwhile: 0x82 here,
     * so that cFE's CFE_MSG_ValidateChecksum, the same XOR over the whole packet, gives 0), the arguments, and no CRC.
     * The expected octets were assembled by hand (Python's struct) from those rules.
     */
    @Test
    void aCfsCommandCarriesItsFunctionCodeAndCfesChecksum() {
        PacketDictionary d = cfs();
        PacketDictionary.Packet ground = d.byName("ground-command").orElseThrow();
        assertEquals(4, ground.functionCode());
        byte[] b = PacketCodec.encode(d.framing(), ground, Map.of("abort", 1.0, "throttle_limit", 0.5), 7, 2.5);
        assertArrayEquals(HexFormat.of().parseHex("18d2c007000e04824004000000000000013f000000"), b);
        PacketCodec codec = new PacketCodec(d);
        PacketCodec.Decoded back = codec.decode(b, 0, b.length);
        assertEquals(null, back.fault());
        assertEquals(2.5, back.packet().time());
        assertEquals(0.5, back.packet().value("throttle_limit"));
        assertEquals(7, back.packet().sequenceCount());
        // any one bit flipped fails the checksum, or the header
        for (int bit = 0; bit < 8 * b.length; bit++) {
            byte[] c = b.clone();
            c[bit / 8] ^= (byte) (1 << bit % 8);
            assertTrue(codec.decode(c, 0, c.length).fault() != null, "bit " + bit);
        }
        // a command whose function code is another's, checksum made good: refused by its header
        byte[] other = b.clone();
        other[6] = 5;
        other[7] = 0;
        int x = 0xFF;
        for (byte o : other) {
            x ^= o & 0xFF;
        }
        other[7] = (byte) x;
        assertEquals(PacketCodec.Fault.BAD_HEADER, codec.decode(other, 0, other.length).fault());
        // cFS telemetry: cFE's CFE_MSG_TelemetryHeader, the 6-octet time (32-bit seconds, 16-bit subseconds) and 4
        // spare octets (default_cfe_msg_hdr_pri.h), so the data starts at octet 16; no CRC
        PacketDictionary.Packet imu = d.byName("imu").orElseThrow();
        byte[] t = PacketCodec.encode(d.framing(), imu, imu(1), 0, 1.5);
        assertEquals(6 + 10 + 24, t.length);
        assertEquals("0864", HexFormat.of().formatHex(t, 0, 2));
        assertEquals("00000001800000000000", HexFormat.of().formatHex(t, 6, 16));
        assertEquals("3f800000", HexFormat.of().formatHex(t, 16, 20));
        assertEquals(1.5, codec.decode(t, 0, t.length).packet().time());
    }

    /**
     * F Prime-style: no secondary header (the flag clear), the time the packet's first field, and the CRC-16 standing
     * in for the frame check. The expected octets were assembled by hand, the CRC by a bit-by-bit CRC-16-CCITT.
     */
    @Test
    void anFPrimeStylePacketHasNoSecondaryHeaderAndItsTimeInAField() {
        PacketDictionary d = fprime();
        PacketDictionary.Packet imu = d.byName("imu").orElseThrow();
        Map<String, Double> v = new LinkedHashMap<>();
        for (String f : List.of("ax", "ay", "az", "wx", "wy", "wz")) {
            v.put(f, (double) (v.size() + 1));
        }
        byte[] b = PacketCodec.encode(d.framing(), imu, v, 3, 1.5);
        assertArrayEquals(HexFormat.of().parseHex(
            "0064c00300213ff80000000000003f80000040000000404000004080000040a0000040c00000fab2"), b);
        PacketCodec.Decoded back = new PacketCodec(d).decode(b, 0, b.length);
        assertEquals(1.5, back.packet().time());
        assertEquals(6.0, back.packet().value("wz"));
    }

    /** Both conventions carry the loop's packets both ways over a real UDP socket, each fault counted as before. */
    @Test
    void bothConventionsCarryTheLoopOverUdp() throws Exception {
        for (PacketDictionary d : List.of(cfs(), fprime())) {
            Endpoint e = Endpoint.parse("udp://127.0.0.1:" + CcsdsLinkTest.freePort(), "--fc");
            try (CcsdsLink computer = CcsdsLink.listen(e, d, Duration.ofSeconds(1)); CcsdsLink workbench = CcsdsLink.connect(e, d, Duration.ofSeconds(1))) {
                CcsdsLinkTest.exchange(workbench, computer);
            }
        }
    }

    @Test
    void theExamplesRoundTripThroughJson() {
        for (PacketDictionary d : List.of(cfs(), fprime())) {
            assertEquals(d, PacketDictionary.parse(d.toJson(), "again.json"));
        }
        PacketDictionary plain = ShippedDictionaries.landing();
        assertEquals(plain, PacketDictionary.parse(plain.toJson(), "again.json"));
        assertTrue(!plain.toJson().contains("framing"), "LaunchBench's own framing is the default, not written");
    }

    @Test
    void framingMistakesAreBadInputNamingTheElement() {
        String imu = "{\"name\": \"imu\", \"apid\": 1, \"direction\": \"telemetry\", \"fields\": [{\"name\": \"ax\", \"type\": \"f32\"}]}";
        String cmd = "{\"name\": \"cmd\", \"apid\": 2, \"direction\": \"telecommand\", \"fields\": [{\"name\": \"time\", \"type\": \"f64\"}]}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse("{\"name\": \"x\", \"framing\": "
            + "{\"secondary_header\": \"cfs\", \"error_control\": \"none\"}, \"packets\": [" + imu + ", " + cmd + "]}", "d.json"));
        assertTrue(e.userMessage().contains("packets[1].function_code"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse("{\"name\": \"x\", \"packets\": ["
            + imu.replace("\"fields\"", "\"function_code\": 3, \"fields\"") + "]}", "d.json"));
        assertTrue(e.userMessage().contains("packets[0].function_code") && e.userMessage().contains("cfs"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse("{\"name\": \"x\", \"framing\": "
            + "{\"secondary_header\": \"none\", \"error_control\": \"crc16\"}, \"packets\": [" + imu + "]}", "d.json"));
        assertTrue(e.userMessage().contains("packets[0].fields") && e.userMessage().contains("\"time\""), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse("{\"name\": \"x\", \"framing\": "
            + "{\"secondary_header\": \"cfe\", \"error_control\": \"crc16\"}, \"packets\": []}", "d.json"));
        assertTrue(e.userMessage().contains("framing.secondary_header") && e.userMessage().contains("cuc-time"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> PacketDictionary.parse("{\"name\": \"x\", \"framing\": "
            + "{\"secondary_header\": \"cfs\", \"error_control\": \"crc16\"}, \"packets\": []}", "d.json"));
        assertTrue(e.userMessage().contains("framing.error_control") && e.userMessage().contains("none"), e.userMessage());
        e = assertThrows(InvalidInputException.class, () -> XtceWriter.write(cfs(), "landing"));
        assertEquals("framing", e.element());
    }

    private static Map<String, Double> imu(double k) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (String f : List.of("ax", "ay", "az", "wx", "wy", "wz")) {
            v.put(f, k);
        }
        return v;
    }
}
