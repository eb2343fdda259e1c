package org.launchbench.flight.wind;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.WhiteNoise;

/**
 * The linear gust velocities (u, v, w) of Dryden continuous turbulence (MIL-F-8785C §3.7, MIL-HDBK-1797), made by
 * shaping filters driven by seeded Gaussian white noise; the same seed gives the same sequence, bit for bit, on any
 * platform ({@link WhiteNoise}).
 * <p>
 * <b>Spectra.</b> The handbook's one-sided spectra in spatial frequency Ω (see {@link TurbulenceIntensity}) become,
 * for a vehicle crossing the frozen field at airspeed V (Taylor's hypothesis, ω = V Ω, Φ(ω) = Φ(Ω)/V):
 * <pre>
 *   Φu(ω) = σu² (2 Lu/(π V)) / (1 + (Lu ω/V)²)
 *   Φv(ω) = σv² (Lv/(π V)) (1 + 3 (Lv ω/V)²) / (1 + (Lv ω/V)²)²     (w alike)
 * </pre>
 * one-sided in ω (rad/s), ∫₀^∞ Φ dω = σ²; their autocorrelations over a separation ξ = V τ are
 * σu² e^(−ξ/Lu) and σv² (1 − ξ/(2 Lv)) e^(−ξ/Lv).
 * <p>
 * <b>Filters and discretisation.</b> Each component is σ times a unit-variance state advanced in the travelled
 * distance measured in scale lengths, Δ = V dt / L, so that changing V, L or σ between steps keeps it stationary:
 * <ul>
 * <li>u: the first-order filter 1/(1 + p) (p = d/d(ξ/L)); exactly discretised it is the AR(1) recursion
 * x ← e^(−Δ) x + √(1 − e^(−2Δ)) n.</li>
 * <li>v, w: the second-order filter (1 + √3 p)/(1 + p)² (the spectral factor of the Dryden lateral form, e.g. the
 * transfer functions of MathWorks' Dryden block), realised as two cascaded first-order lags, x1' = −x1 + ε,
 * x2' = −x2 + x1, output √3 x1 + (1 − √3) x2. Exact discretisation of this linear SDE: transition
 * e^(AΔ) = e^(−Δ) [[1, 0], [Δ, 1]] and process-noise covariance Q = ∫₀^Δ e^(−2s) [[1, s], [s, s²]] ds, i.e.
 * Q11 = P(1, 2Δ)/2, Q12 = P(2, 2Δ)/4, Q22 = P(3, 2Δ)/4 with P the regularised lower incomplete gamma function
 * (summed as a positive series for 2Δ &lt; 1, so small steps lose no digits), noise drawn through Q's Cholesky
 * factor.</li>
 * </ul>
 * Both are exact in distribution: for constant V, L, σ the samples have exactly the autocorrelations above at every
 * lag, whatever the step (no bilinear or Euler warping; JSBSim's "Milspec" recursion x ← (1 − 2Δ) x + …, by contrast,
 * needs Δ ≪ 1). The error lies only in holding V, L and σ at the values passed over the step, first order in their
 * change across it. The state starts in the stationary distribution, so there is no warm-up transient.
 * <p>
 * <b>Frames.</b> {@link #step} returns (u, v, w) in turbulence axes: u along the direction of travel through the
 * air, w down, v completing a right-handed triad. The handbook (as MathWorks' Dryden block documentation summarises
 * it) aligns them, below 1000 ft, with the horizontal
 * air-relative velocity (u) and the local vertical (w), and above 2000 ft with the body (equivalently, for isotropic
 * turbulence, the air-relative velocity, which the longitudinal/lateral split of the spectra assumes). The caller
 * rotates the result into NED ({@link #turbulenceAxesToNed}) and adds it to the mean wind as a velocity of the air.
 * <p>
 * Call {@link #step} once per integration step and hold the result over the step; it is not meant to be evaluated
 * at an integrator's sub-stages. Not thread-safe; one instance per trajectory.
 */
public final class DrydenTurbulence {

    private static final double SQRT3 = Math.sqrt(3);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private final long seed;
    private final TurbulenceModel model;
    private final WhiteNoise noise;
    private final LateralFilter lateralV = new LateralFilter();
    private final LateralFilter lateralW = new LateralFilter();
    private double longitudinal;

    /**
     * @param seed  the white noise's seed: equal seeds, equal sequences
     * @param model the intensities and scale lengths, e.g. {@link MilF8785cTurbulence#of} or a fixed
     *              {@link TurbulenceIntensity}
     */
    public DrydenTurbulence(long seed, TurbulenceModel model) {
        if (model == null) {
            throw new IllegalArgumentException("a turbulence model is needed");
        }
        this.seed = seed;
        this.model = model;
        this.noise = new WhiteNoise(seed);
        reset();
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the intensity and scale model */
    public TurbulenceModel model() {
        return model;
    }

    /** Restarts the sequence from the seed: the next steps repeat those after construction. */
    public void reset() {
        noise.reseed(seed);
        // a draw from the stationary distribution: unit variance for u; for the lateral (x1, x2) the covariance
        // [[1/2, 1/4], [1/4, 1/4]]
        longitudinal = noise.nextGaussian();
        lateralV.startStationary(noise.nextGaussian(), noise.nextGaussian());
        lateralW.startStationary(noise.nextGaussian(), noise.nextGaussian());
    }

    /**
     * Advances the turbulence by one step and returns the gust velocity at its end.
     *
     * @param dtS        the step, s, ≥ 0
     * @param airspeedMS the true airspeed over the step, m/s, ≥ 0 (0 holds the frozen field still)
     * @param altitudeM  height above the ground, m, for the model's σ and L
     * @return the gust velocity (u, v, w) in turbulence axes (see the class comment), m/s
     */
    public Vector3D step(double dtS, double airspeedMS, double altitudeM) {
        if (!(dtS >= 0) || !(airspeedMS >= 0) || Double.isInfinite(dtS) || Double.isInfinite(airspeedMS)) {
            throw new IllegalArgumentException(
                "step and airspeed are finite and non-negative: " + dtS + ", " + airspeedMS);
        }
        TurbulenceIntensity s = model.at(altitudeM);
        double travelledM = airspeedMS * dtS;
        // five draws per step, always in this order, so the stream never depends on the path taken
        double nu = noise.nextGaussian();
        double nv1 = noise.nextGaussian();
        double nv2 = noise.nextGaussian();
        double nw1 = noise.nextGaussian();
        double nw2 = noise.nextGaussian();
        double du = travelledM / s.scaleUM();
        longitudinal = Math.exp(-du) * longitudinal + Math.sqrt(-Math.expm1(-2 * du)) * nu;
        lateralV.advance(travelledM / s.scaleVM(), nv1, nv2);
        lateralW.advance(travelledM / s.scaleWM(), nw1, nw2);
        return new Vector3D(s.sigmaUMS() * longitudinal, s.sigmaVMS() * lateralV.output(),
            s.sigmaWMS() * lateralW.output());
    }

    /**
     * Rotates a gust from turbulence axes into local North-East-Down: x along {@code alongNed}, y horizontal and to
     * the right of it (down × x, normalised), z = x × y (downward when x is horizontal). Pass the air-relative
     * velocity in NED (vehicle velocity minus mean wind) above 2000 ft, its horizontal part below 1000 ft. When
     * {@code alongNed} is vertical (a vertical launch) y falls back to east; when it is zero (at rest), x to north.
     *
     * @param gust     (u, v, w) from {@link #step}, m/s
     * @param alongNed the direction the u axis points, NED, any length
     * @return the gust in NED, m/s
     */
    public static Vector3D turbulenceAxesToNed(Vector3D gust, Vector3D alongNed) {
        double norm = alongNed.getNorm();
        double xn = 1;
        double xe = 0;
        double xd = 0;
        if (norm > 0) {
            xn = alongNed.getX() / norm;
            xe = alongNed.getY() / norm;
            xd = alongNed.getZ() / norm;
        }
        double horizontal = Math.hypot(xn, xe);
        double yn;
        double ye;
        if (horizontal > 1e-9) {
            yn = -xe / horizontal;
            ye = xn / horizontal;
        } else { // vertical travel: y falls back to east
            yn = 0;
            ye = 1;
        }
        // z = x × y with y = (yn, ye, 0)
        double zn = -xd * ye;
        double ze = xd * yn;
        double zd = xn * ye - xe * yn;
        double u = gust.getX();
        double v = gust.getY();
        double w = gust.getZ();
        return new Vector3D(u * xn + v * yn + w * zn, u * xe + v * ye + w * ze, u * xd + w * zd);
    }

    /**
     * The unit-variance lateral/vertical state: two cascaded first-order lags in distance over L, exactly
     * discretised (see the class comment).
     */
    private static final class LateralFilter {

        private double x1;
        private double x2;

        void startStationary(double n1, double n2) {
            x1 = SQRT_HALF * n1;
            x2 = 0.5 * SQRT_HALF * (n1 + n2); // var 1/4, covariance with x1 1/4
        }

        double output() {
            return SQRT3 * x1 + (1 - SQRT3) * x2;
        }

        void advance(double delta, double n1, double n2) {
            double x = 2 * delta;
            double p1 = -Math.expm1(-x);
            double p2;
            double p3;
            if (x < 1) { // P(k, x) = e^-x Σ_{j ≥ k} x^j / j!: positive terms, no cancellation for small steps
                double term = x * x * x / 6;
                double tail = 0;
                for (int j = 4; term > 1e-17 * tail; j++) {
                    tail += term;
                    term *= x / j;
                }
                double ex = Math.exp(-x);
                p3 = ex * tail;
                p2 = ex * (0.5 * x * x + tail);
            } else {
                double ex = Math.exp(-x);
                p2 = p1 - x * ex;
                p3 = p2 - 0.5 * x * x * ex;
            }
            double q11 = 0.5 * p1;
            double q12 = 0.25 * p2;
            double q22 = 0.25 * p3;
            double l11 = Math.sqrt(q11);
            double l21 = l11 > 0 ? q12 / l11 : 0;
            double l22 = Math.sqrt(Math.max(0, q22 - l21 * l21));
            double e = Math.exp(-delta);
            double next1 = e * x1 + l11 * n1;
            x2 = e * (delta * x1 + x2) + l21 * n1 + l22 * n2;
            x1 = next1;
        }
    }
}
