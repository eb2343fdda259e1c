package org.launchbench.fc.hil;

import java.util.Map;

import org.launchbench.fc.api.Packet;

/**
 * What the loop flies: the vehicle and its environment, stepped at the loop's rate.
 */
public interface Plant {

    /**
     * The sensor packets to send now: packet name to field values (the dictionary's telemetry packets).
     *
     * @param t simulation time, s
     */
    Map<String, Map<String, Double>> sensors(double t);

    /**
     * Advances the plant by dt under the flight computer's latest commands.
     *
     * @param t        simulation time at the step's start, s
     * @param dt       s
     * @param commands the latest packet of each command the computer has sent (empty until it speaks)
     */
    void step(double t, double dt, Map<String, Packet> commands);

    /** @return whether the flight is over (landed, crashed, out of time) */
    boolean finished();
}
