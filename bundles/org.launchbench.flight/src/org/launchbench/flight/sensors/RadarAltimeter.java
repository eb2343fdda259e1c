package org.launchbench.flight.sensors;

import java.util.Optional;

import org.launchbench.flight.WhiteNoise;

/**
 * A radar altimeter: the height above the ground below, with white noise proportional to the range plus a floor, and
 * nothing beyond its range. Its figures are the caller's; {@link #landing(long)} gives the ones LaunchBench assumes.
 */
public final class RadarAltimeter {

    /**
     * The landing radar LaunchBench assumes: 0.5 m plus 0.5 % of the range, to 5 km. An assumption, not a datasheet
     * (no launch-vehicle landing radar's figures are published); it makes the altimeter a few times better than GNSS
     * below a few hundred metres and worse above a kilometre, as a pulsed landing radar is.
     *
     * @param seed its noise's seed
     * @return the radar
     */
    public static RadarAltimeter landing(long seed) {
        return new RadarAltimeter(0.5, 0.005, 5000, seed);
    }

    private final double floorSigmaM;
    private final double rangeShare;
    private final double maxRangeM;
    private final WhiteNoise noise;

    /**
     * @param floorSigmaM the noise at zero range, m
     * @param rangeShare  the noise's growth with range, fraction of the range
     * @param maxRangeM   the longest range it measures, m
     * @param seed        its noise's seed
     */
    public RadarAltimeter(double floorSigmaM, double rangeShare, double maxRangeM, long seed) {
        if (!(floorSigmaM >= 0) || !(rangeShare >= 0) || !(maxRangeM > 0)) {
            throw new IllegalArgumentException("altimeter figures must be non-negative, the range positive");
        }
        this.floorSigmaM = floorSigmaM;
        this.rangeShare = rangeShare;
        this.maxRangeM = maxRangeM;
        this.noise = new WhiteNoise(seed);
    }

    /** @param heightM the true height; @return its one-sigma noise there, m */
    public double sigmaM(double heightM) {
        return floorSigmaM + rangeShare * Math.abs(heightM);
    }

    /** @param heightM the true height above the ground below, m; @return the reading, or nothing out of range */
    public Optional<Double> measure(double heightM) {
        double n = noise.nextGaussian();
        if (heightM < 0 || heightM > maxRangeM) {
            return Optional.empty();
        }
        return Optional.of(heightM + sigmaM(heightM) * n);
    }
}
