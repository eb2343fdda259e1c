package org.launchbench.flight.wind;

/**
 * Where the turbulence intensities and scale lengths come from: a fixed set ({@link TurbulenceIntensity}) or a
 * function of height ({@link MilF8785cTurbulence}). Evaluated once per turbulence step, so implementations should be
 * cheap and side-effect free.
 */
@FunctionalInterface
public interface TurbulenceModel {

    /**
     * @param altitudeM height above the ground, m (the handbook's h; see {@link MilF8785cTurbulence})
     * @return the Dryden intensities and scale lengths there
     */
    TurbulenceIntensity at(double altitudeM);
}
