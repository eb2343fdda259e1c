package org.launchbench.constellation;

/**
 * One satellite's place in a constellation at the design's epoch.
 *
 * @param plane               the plane's index
 * @param index               0-based within the plane
 * @param raan                right ascension of the ascending node, rad in [0, 2π)
 * @param argumentOfLatitude  rad in [0, 2π)
 */
public record Slot(int plane, int index, double raan, double argumentOfLatitude) {
}
