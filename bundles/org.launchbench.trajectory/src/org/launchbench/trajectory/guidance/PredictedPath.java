package org.launchbench.trajectory.guidance;

import java.util.List;

import org.hipparchus.ode.sampling.ODEStateInterpolator;

/**
 * A burn as the guidance predicted it: the integrator's steps from ignition to cut-off, so that a later guidance cycle
 * can tell whether the vehicle is still where the prediction has it (then the prediction from there is the one already
 * made, and needs no flying again).
 *
 * @param steps the predicting integration's steps, in time order (Hipparchus's interpolators are immutable)
 */
public record PredictedPath(List<ODEStateInterpolator> steps) {

    /**
     * @param t a time, s
     * @return the predicted state then {x, y, z, vx, vy, vz, m}; null outside the prediction
     */
    public double[] stateAt(double t) {
        int lo = 0;
        int hi = steps.size() - 1;
        if (hi < 0 || t < steps.get(0).getPreviousState().getTime() || t > steps.get(hi).getCurrentState().getTime()) {
            return null;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).getCurrentState().getTime() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return steps.get(lo).getInterpolatedState(t).getPrimaryState();
    }
}
