/**
 * The flight software's loop assembled on the 6-DOF plant: sensors, navigation, guidance, control and actuators,
 * each at its rate, the truth read only by the plant and the sensors.
 */
package org.launchbench.recovery.loop;
