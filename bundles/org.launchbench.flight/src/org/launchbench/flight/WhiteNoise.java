package org.launchbench.flight;

/**
 * A seeded stream of independent standard normal numbers that is the same, bit for bit, on every JVM and platform:
 * SplitMix64 for the uniform bits (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA
 * 2014; the generator behind java.util.SplittableRandom, written out here so that no JDK change can alter it) and
 * the Box–Muller transform for the normals (Box and Muller, Ann. Math. Statist. 29, 1958), with StrictMath's
 * fdlibm-specified log, cos and sin and IEEE-exact sqrt. java.util.Random.nextGaussian is specified as tightly but
 * draws from a 48-bit LCG; RandomGenerator.nextGaussian's algorithm is not part of its contract. Not thread-safe.
 */
public final class WhiteNoise {

    private static final double TWO_PI = 2 * Math.PI;
    private static final double ULP53 = 0x1.0p-53;

    private long state;
    private double spare;
    private boolean hasSpare;

    /** @param seed any value; nearby seeds give unrelated streams (SplitMix64 mixes its state before output) */
    public WhiteNoise(long seed) {
        reseed(seed);
    }

    /** @param seed restarts the stream as if newly built with this seed */
    public void reseed(long seed) {
        state = seed;
        hasSpare = false;
        spare = 0;
    }

    /** @return 64 uniformly distributed bits (SplitMix64's output function) */
    public long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a standard normal number: mean 0, variance 1 */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = ((nextLong() >>> 11) + 1) * ULP53; // (0, 1]: the log is finite
        double u2 = (nextLong() >>> 11) * ULP53; // [0, 1)
        double r = Math.sqrt(-2 * StrictMath.log(u1));
        double theta = TWO_PI * u2;
        spare = r * StrictMath.sin(theta);
        hasSpare = true;
        return r * StrictMath.cos(theta);
    }
}
