package org.launchbench.trajectory.guidance;

import java.util.Arrays;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.dynamics.Steering;

/**
 * The steerings a closed-loop burn flew, each from the guidance cycle that chose it until the next: what a replay
 * of the burn flies again.
 */
public final class SteeringSequence implements Steering {

    private final double[] starts;
    private final Steering[] parts;

    /**
     * @param starts when each part took over, s, increasing
     * @param parts  the parts, as many
     */
    public SteeringSequence(double[] starts, Steering[] parts) {
        if (starts.length == 0 || starts.length != parts.length) {
            throw new IllegalArgumentException("a steering sequence needs one start per part, and a part at least");
        }
        this.starts = starts.clone();
        this.parts = parts.clone();
    }

    /** @param t time, s; @return the part in force then (the first before its start) */
    private Steering at(double t) {
        int i = Arrays.binarySearch(starts, t);
        return parts[Math.max(0, i >= 0 ? i : -i - 2)];
    }

    @Override
    public double throttle(double t, Vector3D r, Vector3D v, double mass) {
        return at(t).throttle(t, r, v, mass);
    }

    @Override
    public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
        return at(t).direction(t, r, v, mass);
    }
}
