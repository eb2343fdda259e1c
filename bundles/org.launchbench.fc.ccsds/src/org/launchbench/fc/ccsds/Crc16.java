package org.launchbench.fc.ccsds;

/**
 * The packet error control of CCSDS space packets as ECSS-E-ST-70-41C specifies it (and CCSDS 132.0-B / 232.0-B
 * for frames): CRC-16-CCITT, polynomial x¹⁶ + x¹² + x⁵ + 1 (0x1021), initial value 0xFFFF, no reflection, no final
 * XOR ("CRC-16/CCITT-FALSE"; check value 0x29B1 for the ASCII "123456789"). Table-driven.
 */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            TABLE[i] = c & 0xFFFF;
        }
    }

    private Crc16() {
    }

    /** @return the CRC of bytes [from, from + length) */
    public static int of(byte[] bytes, int from, int length) {
        int crc = 0xFFFF;
        for (int i = from; i < from + length; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
