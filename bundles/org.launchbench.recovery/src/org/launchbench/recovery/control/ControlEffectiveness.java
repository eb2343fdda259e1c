package org.launchbench.recovery.control;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;

/**
 * How the continuous effectors move the body moment at the present conditions: the moment with every gimbal and fin
 * centred (what the loop must overcome: aerodynamic moments, thrust off the centre of mass) and, per effector, the
 * moment's change per radian, by central differences of the vehicle's own force models (the flight software's copy of
 * the vehicle) over ±{@link #STEP_RAD}. Columns: pitch then yaw of each engine asked for, then each fin.
 *
 * @param centredNm the moment with everything centred, body axes, N m
 * @param perRadNm  3 × n: the moment's change per radian of each effector
 */
public record ControlEffectiveness(Vector3D centredNm, double[][] perRadNm) {

    /** The finite-difference step, rad: small beside any deflection limit, large beside rounding. */
    static final double STEP_RAD = 1e-3;

    /**
     * @param models  the vehicle's force models
     * @param c       the conditions (state, air, mass) as the flight software knows them
     * @param thrust  per engine, the thrust fraction it believes the engine gives
     * @param engines the engines whose gimbals steer (burning ones)
     * @param fins    how many fins steer
     * @return the effectiveness
     */
    public static ControlEffectiveness of(List<ForceModel> models, FlightConditions c, double[] thrust, int[] engines, int fins) {
        int n = thrust.length;
        Vector3D centred = moment(models, c, new EffectorPositions(new double[n], new double[n], thrust, new double[fins], new double[0]));
        double[][] b = new double[3][2 * engines.length + fins];
        for (int k = 0; k < engines.length; k++) {
            for (int axis = 0; axis < 2; axis++) {
                double[] up = new double[n];
                double[] down = new double[n];
                up[engines[k]] = STEP_RAD;
                down[engines[k]] = -STEP_RAD;
                EffectorPositions plus = axis == 0 ? new EffectorPositions(up, new double[n], thrust, new double[fins], new double[0])
                    : new EffectorPositions(new double[n], up, thrust, new double[fins], new double[0]);
                EffectorPositions minus = axis == 0 ? new EffectorPositions(down, new double[n], thrust, new double[fins], new double[0])
                    : new EffectorPositions(new double[n], down, thrust, new double[fins], new double[0]);
                column(b, 2 * k + axis, moment(models, c, plus).subtract(moment(models, c, minus)));
            }
        }
        for (int f = 0; f < fins; f++) {
            double[] up = new double[fins];
            double[] down = new double[fins];
            up[f] = STEP_RAD;
            down[f] = -STEP_RAD;
            Vector3D d = moment(models, c, new EffectorPositions(new double[n], new double[n], thrust, up, new double[0]))
                .subtract(moment(models, c, new EffectorPositions(new double[n], new double[n], thrust, down, new double[0])));
            column(b, 2 * engines.length + f, d);
        }
        return new ControlEffectiveness(centred, b);
    }

    private static void column(double[][] b, int j, Vector3D twoStepsOfChange) {
        double[] d = twoStepsOfChange.toArray();
        for (int i = 0; i < 3; i++) {
            b[i][j] = d[i] / (2 * STEP_RAD);
        }
    }

    private static Vector3D moment(List<ForceModel> models, FlightConditions c, EffectorPositions at) {
        FlightConditions with = new FlightConditions(c.state(), c.environment(), c.massProperties(), at, Vector3D.ZERO);
        Loads loads = new Loads();
        for (ForceModel m : models) {
            m.contribute(with, loads);
        }
        return loads.momentBody();
    }
}
