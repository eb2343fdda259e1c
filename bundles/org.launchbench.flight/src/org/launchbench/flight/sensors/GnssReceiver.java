package org.launchbench.flight.sensors;

import java.util.List;
import java.util.Optional;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.WhiteNoise;

/**
 * A GNSS receiver: the true Earth-fixed position and velocity, with white noise per fix, delivered after its
 * latency, and nothing during an outage (blackout, plume, antenna masking). Not thread-safe; one per flight.
 */
public final class GnssReceiver {

    /**
     * When the receiver gives nothing.
     *
     * @param fromS start, s
     * @param toS   end, s
     */
    public record Outage(double fromS, double toS) {
    }

    private final GnssErrors errors;
    private final List<Outage> outages;
    private final WhiteNoise noise;

    /** @param errors its figures; @param outages when it gives nothing; @param seed its noise's seed */
    public GnssReceiver(GnssErrors errors, List<Outage> outages, long seed) {
        this.errors = errors;
        this.outages = List.copyOf(outages);
        this.noise = new WhiteNoise(seed);
    }

    /** @return its figures */
    public GnssErrors errors() {
        return errors;
    }

    /**
     * @param t             the epoch, s
     * @param positionEcef  true position, m
     * @param velocityEcef  true Earth-relative velocity, ECEF, m/s
     * @return the fix for this epoch, or nothing in an outage
     */
    public Optional<GnssFix> measure(double t, Vector3D positionEcef, Vector3D velocityEcef) {
        // the noise is drawn whether or not the fix is lost, so an outage does not shift the later fixes' noise
        Vector3D dp = new Vector3D(noise.nextGaussian(), noise.nextGaussian(), noise.nextGaussian()).scalarMultiply(errors.positionSigmaM());
        Vector3D dv = new Vector3D(noise.nextGaussian(), noise.nextGaussian(), noise.nextGaussian()).scalarMultiply(errors.velocitySigmaMS());
        for (Outage o : outages) {
            if (t >= o.fromS() && t < o.toS()) {
                return Optional.empty();
            }
        }
        return Optional.of(new GnssFix(t, t + errors.latencyS(), positionEcef.add(dp), velocityEcef.add(dv)));
    }
}
