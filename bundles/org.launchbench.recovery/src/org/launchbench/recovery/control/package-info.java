/**
 * Control, the flight software's box between guidance and the actuators: an attitude controller turns the
 * guidance's thrust direction into a moment, and a control allocation turns the moment into gimbal, fin and RCS
 * commands within their limits.
 */
package org.launchbench.recovery.control;
