/**
 * The actuators a flight controller commands, modelled so that the controller sees what real hardware does:
 * commands go in, achieved positions come out, after range, rate and lag limits. Engine gimbals
 * ({@link org.launchbench.flight.actuators.GimbalActuator}), throttles with their ignition and shutdown transients
 * ({@link org.launchbench.flight.actuators.ThrottleActuator}), fins (one
 * {@link org.launchbench.flight.actuators.Actuator} each) and on/off RCS valves
 * ({@link org.launchbench.flight.actuators.RcsValve}).
 * <p>
 * All are discrete-time: the simulation calls {@code advance(dtS)} at its actuator rate, and a command holds over
 * each interval (zero-order hold). Positions are in the unit of their limits (radians are advised for gimbals and
 * fins; the vehicle model's degrees are converted by the caller). The objects are mutable and not thread-safe:
 * one per simulated vehicle.
 */
package org.launchbench.flight.actuators;
