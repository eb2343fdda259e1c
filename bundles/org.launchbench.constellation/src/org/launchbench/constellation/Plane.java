package org.launchbench.constellation;

/**
 * One orbital plane of a constellation (circular orbits).
 *
 * @param index          0-based: a Walker design's planes in order of node from raan0 eastward, an explicit design's by
 *                       node in [0, 2π)
 * @param inclination    rad
 * @param altitude       m above the equatorial radius
 * @param raan           right ascension of the ascending node at the design's epoch, rad in [0, 2π)
 * @param satellites     slots in the plane
 * @param localTimeHours mean local solar time of the ascending node for a sun-synchronous plane, h (NaN otherwise)
 */
public record Plane(int index, double inclination, double altitude, double raan, int satellites, double localTimeHours) {
}
