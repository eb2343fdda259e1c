package org.launchbench.trajectory.flight;

/**
 * One point of a flight's time history.
 *
 * @param time            since liftoff, s
 * @param altitude        geodetic height, m
 * @param speed           speed relative to the rotating Earth, m/s
 * @param mach            Mach number
 * @param dynamicPressure Pa
 * @param downrange       from the launch site, m
 * @param mass            kg
 * @param throttle        fraction of full thrust
 * @param acceleration    sensed (non-gravitational) acceleration, m/s²
 * @param latitude        geodetic latitude, degrees
 * @param longitude       longitude, degrees east (-180 to 180)
 */
public record FlightSample(double time, double altitude, double speed, double mach, double dynamicPressure,
                           double downrange, double mass, double throttle, double acceleration, double latitude, double longitude) {
}
