package org.launchbench.trajectory.flight;

/**
 * Something that happened during a flight, with the state at that instant.
 *
 * @param name            liftoff, max-q, meco, ...
 * @param time            since liftoff, s
 * @param altitude        geodetic height, m
 * @param speed           speed relative to the rotating Earth, m/s (what webcasts show)
 * @param inertialSpeed   inertial speed, m/s
 * @param mach            Mach number
 * @param dynamicPressure Pa
 * @param downrange       great-circle distance from the launch site, m
 * @param mass            kg
 */
public record FlightEvent(String name, double time, double altitude, double speed, double inertialSpeed, double mach,
                          double dynamicPressure, double downrange, double mass) {
}
