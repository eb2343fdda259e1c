package org.launchbench.constellation;

/**
 * The satellites being deployed (all alike).
 *
 * @param mass     wet mass at separation, kg
 * @param isp      specific impulse of its propulsion, s
 * @param thrust   thrust, N; NaN for impulsive (chemical) manoeuvres, else a low-thrust spiral (Edelbaum)
 * @param maxDeltaV Δv it can give, m/s (NaN: not limited)
 */
public record Satellite(double mass, double isp, double thrust, double maxDeltaV) {
}
