/**
 * Six-degree-of-freedom flight of a rigid body over the rotating Earth: the state, the equations of motion, the
 * pluggable force-and-moment models and the integrator. Frames and sign conventions are stated once, in
 * docs/flight-dynamics.md: ECI (the Earth-fixed frame at t = 0, z along the rotation axis), ECEF, local geodetic
 * North-East-Down, and body axes (x forward, y right, z down).
 */
package org.launchbench.flight;
