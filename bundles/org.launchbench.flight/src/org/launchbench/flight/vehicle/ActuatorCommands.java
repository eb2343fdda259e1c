package org.launchbench.flight.vehicle;

/**
 * What a flight computer commands a stage's actuators for one control period, held until the next: per engine
 * its gimbal angles, throttle and whether it should burn; per grid fin its deflection; per RCS thruster whether to
 * fire. Angles in radians. The arrays are copied.
 *
 * @param gimbalPitchRad per engine
 * @param gimbalYawRad   per engine
 * @param throttle       per engine, fraction of full thrust (clamped to the engine's range)
 * @param engineOn       per engine: true to ignite or keep burning, false to shut down
 * @param finRad         per fin
 * @param rcsFire        per thruster
 */
public record ActuatorCommands(double[] gimbalPitchRad, double[] gimbalYawRad, double[] throttle, boolean[] engineOn, double[] finRad,
                               boolean[] rcsFire) {

    /** Copies the arrays. */
    public ActuatorCommands {
        gimbalPitchRad = gimbalPitchRad.clone();
        gimbalYawRad = gimbalYawRad.clone();
        throttle = throttle.clone();
        engineOn = engineOn.clone();
        finRad = finRad.clone();
        rcsFire = rcsFire.clone();
    }

    /**
     * @param engines how many engines
     * @param fins    how many fins
     * @param rcs     how many thrusters
     * @return everything centred, engines off, valves shut
     */
    public static ActuatorCommands idle(int engines, int fins, int rcs) {
        return new ActuatorCommands(new double[engines], new double[engines], new double[engines], new boolean[engines], new double[fins],
            new boolean[rcs]);
    }
}
