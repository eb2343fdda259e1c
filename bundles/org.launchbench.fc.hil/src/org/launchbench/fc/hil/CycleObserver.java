package org.launchbench.fc.hil;

import java.util.Map;

import org.launchbench.fc.api.Packet;

/**
 * Sees each cycle of a {@link RealTimeLoop} as it runs, on the loop's thread: it must return in microseconds
 * ({@link SessionRecorder} writes a line; the workbench's HIL view copies a few values for its plots).
 */
@FunctionalInterface
public interface CycleObserver {

    /**
     * @param t        the cycle's simulation time, s
     * @param sensors  the sensor packets sent: packet to field values
     * @param commands the computer's commands in force
     */
    void cycle(double t, Map<String, Map<String, Double>> sensors, Map<String, Packet> commands);
}
