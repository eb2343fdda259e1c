package org.launchbench.flight.sensors;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * One GNSS solution, in the Earth-fixed frame (ECEF, the receiver's own).
 *
 * @param validAtS        the epoch it describes, s
 * @param availableAtS    when the flight software has it (epoch plus latency), s
 * @param positionEcefM   antenna position, m (taken at the centre of mass)
 * @param velocityEcefMS  velocity relative to the Earth, ECEF axes, m/s
 */
public record GnssFix(double validAtS, double availableAtS, Vector3D positionEcefM, Vector3D velocityEcefMS) {
}
