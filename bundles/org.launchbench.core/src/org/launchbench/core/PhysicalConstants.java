package org.launchbench.core;

/** Physical constants shared by the engines, each with its source. */
public final class PhysicalConstants {

    /**
     * Standard acceleration of gravity g0, m/s², exact by definition (3rd CGPM, 1901; ISO 80000-3:2019). Relates
     * specific impulse in seconds to effective exhaust velocity: c = Isp g0.
     */
    public static final double STANDARD_GRAVITY = 9.80665;

    private PhysicalConstants() {
    }
}
