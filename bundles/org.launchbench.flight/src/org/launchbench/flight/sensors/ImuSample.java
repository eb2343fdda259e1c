package org.launchbench.flight.sensors;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * One output of an inertial measurement unit.
 *
 * @param timeS                 when it was taken, s
 * @param specificForceBodyMS2  specific force (non-gravitational acceleration) in body axes, m/s²
 * @param angularRateBodyRadS   angular velocity relative to inertial space in body axes, rad/s
 */
public record ImuSample(double timeS, Vector3D specificForceBodyMS2, Vector3D angularRateBodyRadS) {
}
