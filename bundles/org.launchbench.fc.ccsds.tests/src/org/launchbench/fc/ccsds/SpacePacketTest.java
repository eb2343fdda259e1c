package org.launchbench.fc.ccsds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The space packet layer against independent references. */
class SpacePacketTest {

    /** CRC-16/CCITT-FALSE's published check value: 0x29B1 for the ASCII "123456789" (the CRC catalogue's entry). */
    @Test
    void theCrcHasItsCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Crc16.of(check, 0, check.length));
        assertEquals(0xFFFF, Crc16.of(check, 0, 0));
    }

    /**
     * APID 11, telemetry, no secondary header, unsegmented, count 0, data "hello": 00 0B C0 00 00 04 "hello", as the
     * independent minspp implementation documents it (its README's example).
     */
    @Test
    void aPacketsOctetsAreAnIndependentImplementations() {
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = {0x00, 0x0B, (byte) 0xC0, 0x00, 0x00, 0x04, 'h', 'e', 'l', 'l', 'o'};
        SpacePacket p = new SpacePacket(false, false, 11, SpacePacket.UNSEGMENTED, 0, hello);
        assertArrayEquals(expected, p.encode());
        assertEquals(p, SpacePacket.decode(expected, 0));
        // a telecommand with a secondary header, APID 2046, count 16383: 1F FE FF FF 00 00 + 1 octet
        byte[] tc = new SpacePacket(true, true, 2046, 3, 16_383, new byte[] {42}).encode();
        assertArrayEquals(new byte[] {0x1F, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00, 42}, tc);
        assertThrows(IllegalArgumentException.class, () -> new SpacePacket(false, false, 2048, 3, 0, hello));
        assertThrows(IllegalArgumentException.class, () -> new SpacePacket(false, false, 1, 3, 16_384, hello));
    }

    /** CUC 4+2: 1.5 s is coarse 1, fine 0x8000; the fine unit is 2^-16 s. */
    @Test
    void theTimeCodeIsCucFourPlusTwo() {
        byte[] b = new byte[6];
        CucTime.write(1.5, b, 0);
        assertArrayEquals(new byte[] {0, 0, 0, 1, (byte) 0x80, 0}, b);
        CucTime.write(3_000_000_000.25, b, 0);
        assertEquals(3_000_000_000.25, CucTime.read(b, 0), 0);
        CucTime.write(12.3456789, b, 0);
        assertEquals(12.3456789, CucTime.read(b, 0), 0.5 / 65_536);
        assertThrows(IllegalArgumentException.class, () -> CucTime.write(-1, b, 0));
    }
}
