package org.launchbench.flight.sensors;

/**
 * A GNSS receiver's figures (one-sigma per axis, independent between fixes).
 *
 * @param positionSigmaM   position noise, m
 * @param velocitySigmaMS  velocity noise, m/s
 * @param latencyS         from when a fix is valid to when the flight software has it, s
 * @param rateHz           fixes per second
 */
public record GnssErrors(double positionSigmaM, double velocitySigmaMS, double latencyS, double rateHz) {

    /**
     * A single-frequency code receiver with Doppler velocity at 10 Hz: 1.5 m and 0.05 m/s per axis, 0.1 s latency.
     * Assumed within what Groves (2013, ch. 9) describes for standalone GNSS: code positioning to a few metres,
     * Doppler-derived velocity to centimetres per second; the latency is an assumption for a receiver of tens of
     * milliseconds of processing plus a bus.
     */
    public static final GnssErrors SINGLE_FREQUENCY = new GnssErrors(1.5, 0.05, 0.1, 10);

    /** Checks the figures. */
    public GnssErrors {
        if (!(positionSigmaM >= 0) || !(velocitySigmaMS >= 0) || !(latencyS >= 0) || !(rateHz > 0) || !Double.isFinite(positionSigmaM)
            || !Double.isFinite(velocitySigmaMS) || !Double.isFinite(latencyS) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("GNSS figures must be finite, non-negative, the rate positive: " + positionSigmaM + ", "
                + velocitySigmaMS + ", " + latencyS + ", " + rateHz);
        }
    }
}
