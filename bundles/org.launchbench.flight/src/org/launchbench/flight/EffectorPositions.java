package org.launchbench.flight;

import java.util.Arrays;

/**
 * What the actuators achieved, held over one integration interval (a zero-order hold, as a flight computer's
 * commands are): per engine its gimbal angles and thrust fraction, per fin its deflection, per RCS thruster the
 * fraction of the interval its valve was open. The force models read their effector by index; a plant advances the
 * actuator models between intervals and hands the flight a new snapshot. Immutable.
 */
public final class EffectorPositions {

    /** No effectors: a body on which only gravity and aerodynamics act. */
    public static final EffectorPositions NONE = new EffectorPositions(new double[0], new double[0], new double[0], new double[0],
        new double[0]);

    private final double[] gimbalPitchRad;
    private final double[] gimbalYawRad;
    private final double[] thrustFraction;
    private final double[] finDeflectionRad;
    private final double[] rcsOnFraction;

    /**
     * @param gimbalPitchRad   per engine, the gimbal's pitch angle, rad (positive: a nose-up moment from an engine aft
     *                         of the centre of mass)
     * @param gimbalYawRad     per engine, the gimbal's yaw angle, rad (positive: a nose-right moment likewise)
     * @param thrustFraction   per engine, the thrust as a fraction of full (throttle times transient), 0 when off
     * @param finDeflectionRad per fin, its deflection, rad
     * @param rcsOnFraction    per RCS thruster, the fraction of the interval its valve was open, 0 to 1
     */
    public EffectorPositions(double[] gimbalPitchRad, double[] gimbalYawRad, double[] thrustFraction, double[] finDeflectionRad,
                             double[] rcsOnFraction) {
        if (gimbalPitchRad.length != gimbalYawRad.length || gimbalPitchRad.length != thrustFraction.length) {
            throw new IllegalArgumentException("one gimbal pitch, yaw and thrust fraction per engine");
        }
        this.gimbalPitchRad = gimbalPitchRad.clone();
        this.gimbalYawRad = gimbalYawRad.clone();
        this.thrustFraction = thrustFraction.clone();
        this.finDeflectionRad = finDeflectionRad.clone();
        this.rcsOnFraction = rcsOnFraction.clone();
    }

    /**
     * @param engines how many engines
     * @param fraction every engine's thrust fraction
     * @return engines centred (no gimbal) at one thrust fraction, no fins or thrusters
     */
    public static EffectorPositions engines(int engines, double fraction) {
        double[] f = new double[engines];
        Arrays.fill(f, fraction);
        return new EffectorPositions(new double[engines], new double[engines], f, new double[0], new double[0]);
    }

    /** @return how many engines */
    public int engineCount() {
        return thrustFraction.length;
    }

    /** @param engine index; @return its gimbal pitch angle, rad */
    public double gimbalPitchRad(int engine) {
        return gimbalPitchRad[engine];
    }

    /** @param engine index; @return its gimbal yaw angle, rad */
    public double gimbalYawRad(int engine) {
        return gimbalYawRad[engine];
    }

    /** @param engine index; @return its thrust as a fraction of full */
    public double thrustFraction(int engine) {
        return thrustFraction[engine];
    }

    /** @return how many fins */
    public int finCount() {
        return finDeflectionRad.length;
    }

    /** @param fin index; @return its deflection, rad */
    public double finDeflectionRad(int fin) {
        return finDeflectionRad[fin];
    }

    /** @return how many RCS thrusters */
    public int rcsCount() {
        return rcsOnFraction.length;
    }

    /** @param thruster index; @return the fraction of the interval its valve was open */
    public double rcsOnFraction(int thruster) {
        return rcsOnFraction[thruster];
    }
}
