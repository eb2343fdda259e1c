/**
 * Sensors: what the flight software is given instead of the truth. Each reads the plant's true state and returns a
 * measurement with the errors of a real part (seeded, reproducible): the inertial measurement unit, the GNSS receiver
 * and the radar altimeter. The grades assumed and their sources are on each error record.
 */
package org.launchbench.flight.sensors;
