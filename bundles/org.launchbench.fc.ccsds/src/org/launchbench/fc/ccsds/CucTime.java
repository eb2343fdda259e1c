package org.launchbench.fc.ccsds;

/**
 * CCSDS Unsegmented Time Code (CCSDS 301.0-B-4, section 3.2) with an implicit P-field: 4 octets of coarse time
 * (whole seconds) and 2 of fine time (units of 2⁻¹⁶ s, 15.26 µs), seconds from the mission's epoch.
 */
public final class CucTime {

    /** Octets. */
    public static final int SIZE = 6;

    private CucTime() {
    }

    /** Writes t (0 ≤ t < 2³² s) at offset, rounded to the fine unit. */
    public static void write(double seconds, byte[] b, int off) {
        if (!(seconds >= 0 && seconds < 4_294_967_296.0)) {
            throw new IllegalArgumentException("time outside the 32-bit coarse range: " + seconds + " s");
        }
        long units = Math.round(seconds * 65_536);
        long coarse = units >>> 16;
        int fine = (int) (units & 0xFFFF);
        b[off] = (byte) (coarse >>> 24);
        b[off + 1] = (byte) (coarse >>> 16);
        b[off + 2] = (byte) (coarse >>> 8);
        b[off + 3] = (byte) coarse;
        b[off + 4] = (byte) (fine >>> 8);
        b[off + 5] = (byte) fine;
    }

    /** @return the seconds at offset */
    public static double read(byte[] b, int off) {
        long coarse = (b[off] & 0xFFL) << 24 | (b[off + 1] & 0xFFL) << 16 | (b[off + 2] & 0xFFL) << 8 | b[off + 3] & 0xFFL;
        int fine = (b[off + 4] & 0xFF) << 8 | b[off + 5] & 0xFF;
        return coarse + fine / 65_536.0;
    }
}
