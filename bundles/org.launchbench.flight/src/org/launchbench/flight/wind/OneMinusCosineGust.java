package org.launchbench.flight.wind;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The discrete gust of MIL-F-8785C §3.7 (and MIL-HDBK-1797): with x the distance travelled into the gust, Vm its
 * amplitude and dm its length (the distance over which it builds up),
 * <pre>
 *   v(x) = 0                          x &lt; 0
 *   v(x) = (Vm/2) (1 − cos(π x/dm))    0 ≤ x ≤ dm
 *   v(x) = Vm                         x &gt; dm
 * </pre>
 * (the form MathWorks' Discrete Wind Gust Model block implements). The handbook lets the ramp be used "singly or
 * in multiples" to build other shapes; this record builds the usual one: the ramp up, a plateau of
 * {@code holdLength} (infinite gives the handbook's form exactly), then the mirror-image ramp down over another dm.
 * With no plateau it is the full 1 − cosine pulse, v = (Vm/2)(1 − cos(π x/dm)) for 0 ≤ x ≤ 2 dm and 0 after, peaking
 * at x = dm. The shape and its slope are continuous everywhere (the slope is 0 at the start, at the peak and at the
 * end; its largest value is π Vm/(2 dm), halfway up the ramp).
 * <p>
 * The coordinate is the caller's: distance flown through the air mass in metres (the handbook's x), or time in
 * seconds as JSBSim's cosine gust and Simulink's start time use it; {@code start}, {@code gustLength} and
 * {@code holdLength} are in the same unit as the argument of {@link #velocityNed}. The gust is a velocity of the air
 * in local North-East-Down, to be added to the mean wind.
 *
 * @param peakVelocityNedMS Vm times the gust's direction, NED, m/s (e.g. (0, 0, −10) for a 10 m/s updraft)
 * @param start             where (or when) the gust begins, m or s
 * @param gustLength        dm, the length of the ramp up (and of the ramp down), m or s, &gt; 0
 * @param holdLength        the plateau at Vm between the ramps, m or s, ≥ 0; +∞ for the handbook's ramp alone
 */
public record OneMinusCosineGust(Vector3D peakVelocityNedMS, double start, double gustLength, double holdLength) {

    /** Checks the shape. */
    public OneMinusCosineGust {
        if (peakVelocityNedMS == null || !Double.isFinite(peakVelocityNedMS.getNorm())) {
            throw new IllegalArgumentException("a gust has a finite peak velocity");
        }
        if (!Double.isFinite(start) || !(gustLength > 0) || Double.isInfinite(gustLength) || !(holdLength >= 0)) {
            throw new IllegalArgumentException(
                "a gust has a finite start, a finite positive length and a non-negative plateau");
        }
    }

    /**
     * @param amplitudeMS  Vm, m/s
     * @param directionNed the direction the air moves in during the gust, NED, any non-zero length
     * @param start        where (or when) it begins, m or s
     * @param gustLength   dm, m or s
     * @return the full 1 − cosine pulse of length 2 dm, no plateau
     */
    public static OneMinusCosineGust pulse(double amplitudeMS, Vector3D directionNed, double start, double gustLength) {
        return new OneMinusCosineGust(directionNed.normalize().scalarMultiply(amplitudeMS), start, gustLength, 0);
    }

    /**
     * @param amplitudeMS  Vm, m/s
     * @param directionNed the direction the air moves in during the gust, NED, any non-zero length
     * @param start        where (or when) it begins, m or s
     * @param gustLength   dm, m or s
     * @return the handbook's ramp: up over dm, then Vm for ever
     */
    public static OneMinusCosineGust ramp(double amplitudeMS, Vector3D directionNed, double start, double gustLength) {
        return new OneMinusCosineGust(directionNed.normalize().scalarMultiply(amplitudeMS), start, gustLength,
            Double.POSITIVE_INFINITY);
    }

    /**
     * @param x distance (or time), in the unit of {@link #start}
     * @return v(x)/Vm, in [0, 1]
     */
    public double shape(double x) {
        double s = x - start;
        if (!(s > 0)) {
            return 0; // also NaN
        }
        if (s <= gustLength) {
            return 0.5 * (1 - Math.cos(Math.PI * s / gustLength));
        }
        if (s <= gustLength + holdLength) {
            return 1;
        }
        double down = s - holdLength; // in (dm, 2 dm]: the cosine climbs back from −1 to 1
        return down < 2 * gustLength ? 0.5 * (1 - Math.cos(Math.PI * down / gustLength)) : 0;
    }

    /**
     * @param distanceOrTime x, in the unit of {@link #start}
     * @return the gust's air velocity there, NED, m/s
     */
    public Vector3D velocityNed(double distanceOrTime) {
        double f = shape(distanceOrTime);
        return f == 0 ? Vector3D.ZERO : new Vector3D(f, peakVelocityNedMS);
    }

    /** @return where (or when) the gust is over, in the unit of {@link #start}; +∞ for the ramp alone */
    public double end() {
        return start + 2 * gustLength + holdLength;
    }
}
