package org.launchbench.recovery.loop;

import java.util.function.DoubleUnaryOperator;

import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.recovery.descent.DescentDrag;

/**
 * The crosswind's push on the braking stage as its trimmed force models give it, against the airspeed: the side force
 * of the stage held along the ground's retrograde in the measured wind, its gimbals and fins trimming it there
 * ({@link TrimmedForces}), less the sideways part of the guidance's drag, over the body's normal force alone
 * ({@link KnownStage#normalInWind} at a scale of 1). The braking's predictions multiply the body's normal force by it
 * at each point of their path.
 * <p>
 * Why a table and not one number: the gimbals' and fins' share of the push changes with the Mach number (the centres of
 * pressure move), and the braking crosses it from Mach 1.5 to rest; one number measured at the present state
 * under-counts the push ahead (docs/gnc.md).
 * <p>
 * Tabulated at {@link #POINTS} speeds over the ground from {@link #SLOWEST_M_S} to the present, each on the present
 * path's direction, at the height a braking at the guidance's deceleration would stop from it (no higher than the
 * present height), and looked up by the airspeed there. Not thread-safe: one per flight.
 */
final class TrimmedCrossflow implements DoubleUnaryOperator {

    /** Airspeeds tabulated. */
    static final int POINTS = 12;
    /** The slowest speed tabulated, m/s. */
    static final double SLOWEST_M_S = 10;
    /** Below this body normal force the scale is not taken at a point (the wind nearly along the path), m/s². */
    static final double LEAST_NORMAL_MS2 = 1e-3;

    private final TrimmedForces forces;
    private final SlenderBodyAerodynamics body;
    private final DescentDrag drag;
    private double[] speeds = new double[0];
    private double[] scales = new double[0];

    /**
     * @param forces the trimmed stage's forces
     * @param drag   the guidance's drag model in still air (the measured wind and axial factor applied here)
     */
    TrimmedCrossflow(TrimmedForces forces, DescentDrag drag) {
        this.forces = forces;
        this.body = forces.model().aerodynamics();
        this.drag = drag;
    }

    /**
     * Tabulates the scale along the path ahead of a state.
     *
     * @param t       the flight's time, s
     * @param local   [up, east, north, v_up, v_east, v_north] (navigated)
     * @param mass    kg
     * @param thrustN the braking's thrust, N
     * @param decelMS2 the braking's deceleration, m/s² (for the heights)
     */
    void update(double t, double[] local, double mass, double thrustN, double decelMS2) {
        AirData air = forces.air();
        double speed = Math.sqrt(local[3] * local[3] + local[4] * local[4] + local[5] * local[5]);
        if (air.eastMS() == 0 && air.northMS() == 0 || speed == 0) {
            speeds = new double[0];
            scales = new double[0];
            return;
        }
        double[] u = {local[3] / speed, local[4] / speed, local[5] / speed};
        double top = Math.max(speed, 2 * SLOWEST_M_S);
        double[] s = new double[POINTS];
        double[] k = new double[POINTS];
        int n = 0;
        for (int i = 0; i < POINTS; i++) {
            double v = SLOWEST_M_S * Math.pow(top / SLOWEST_M_S, i / (POINTS - 1.0));
            double h = Math.min(local[0], decelMS2 > 0 ? v * v / (2 * decelMS2) : local[0]);
            double[] at = {h, 0, 0, v * u[0], v * u[1], v * u[2]};
            double[] velocity = {at[3], at[4], at[5]};
            double[] normal = KnownStage.bodyNormalInWind(body, drag, air, h, velocity, mass);
            double size = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
            if (size < LEAST_NORMAL_MS2) {
                continue;
            }
            double[] dir = {normal[0] / size, normal[1] / size, normal[2] / size};
            double[] va = air.airVelocity(velocity);
            double[] d = drag.acceleration(h, va, mass);
            double dragSide = air.axialFactor() * (d[0] * dir[0] + d[1] * dir[1] + d[2] * dir[2]);
            double airspeed = Math.sqrt(va[0] * va[0] + va[1] * va[1] + va[2] * va[2]);
            if (n > 0 && airspeed <= s[n - 1]) {
                // the table is looked up by airspeed: a point that does not add to it (a wind along the path, slow) is
                // left out
                continue;
            }
            double trimmed = forces.along(t, at, mass, thrustN, new double[] {-u[0], -u[1], -u[2]}, dir);
            s[n] = airspeed;
            k[n] = (trimmed - dragSide) / size;
            n++;
        }
        speeds = java.util.Arrays.copyOf(s, n);
        scales = java.util.Arrays.copyOf(k, n);
    }

    /**
     * @param airspeed m/s
     * @return the scale there: linear between the airspeeds tabulated, the end's beyond them (1 with none)
     */
    @Override
    public double applyAsDouble(double airspeed) {
        int n = speeds.length;
        if (n == 0) {
            return 1;
        }
        if (airspeed <= speeds[0]) {
            return scales[0];
        }
        if (airspeed >= speeds[n - 1]) {
            return scales[n - 1];
        }
        int i = 1;
        while (speeds[i] < airspeed) {
            i++;
        }
        double f = (airspeed - speeds[i - 1]) / (speeds[i] - speeds[i - 1]);
        return scales[i - 1] + f * (scales[i] - scales[i - 1]);
    }
}
