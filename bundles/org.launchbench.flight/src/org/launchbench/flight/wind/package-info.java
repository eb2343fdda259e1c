/**
 * Atmospheric disturbances that add to the mean wind ({@link org.launchbench.flight.WindProfile}): Dryden continuous
 * turbulence and the discrete "1 − cosine" gust of MIL-F-8785C (5 November 1980, §3.7 "Atmospheric disturbances")
 * and MIL-HDBK-1797 (19 December 1997), in SI units. The turbulence is seeded and bit-reproducible; both are small,
 * allocation-light objects meant for campaign loops. Frames: the turbulence comes out in turbulence axes (see
 * {@link org.launchbench.flight.wind.DrydenTurbulence}), the gust in local North-East-Down.
 */
package org.launchbench.flight.wind;
