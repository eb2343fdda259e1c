/**
 * The rigid body as a fidelity of the trajectory engine's phase machinery: a stage's phases (coasts, burns, the fin
 * descent) flown as a 6-DOF body under the existing guidance through an ideal attitude loop.
 */
package org.launchbench.flight.phase;
