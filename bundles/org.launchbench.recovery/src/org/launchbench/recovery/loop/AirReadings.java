package org.launchbench.recovery.loop;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.vehicle.StagePlant;
import org.launchbench.recovery.descent.DescentDrag;
import org.launchbench.recovery.descent.LandingFrame;
import org.launchbench.recovery.navigation.NavigationEstimate;
import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * The air's force as the flight software reads it from its accelerometers, and the model's counterparts it is held
 * against: the measured aerodynamic acceleration (the specific force less the thrust the engines are known to give),
 * the model's axial aerodynamic acceleration and thrust, and the braking's side-force samples. What the thrust and
 * air-data estimators are fed. The flight software's own quantities only (its estimate, its model, the actuators'
 * achieved positions).
 */
final class AirReadings {

    private final EarthModel earth;
    private final LandingFrame frame;
    private final int[] engines;
    private final DescentDrag modelDrag;

    /**
     * @param earth     the Earth
     * @param frame     the landing frame
     * @param engines   the landing engines, in effector order
     * @param modelDrag the guidance's drag model
     */
    AirReadings(EarthModel earth, LandingFrame frame, int[] engines, DescentDrag modelDrag) {
        this.earth = earth;
        this.frame = frame;
        this.engines = engines.clone();
        this.modelDrag = modelDrag;
    }

    /**
     * One sample of the braking's side force beyond the model: the measured aerodynamic acceleration (the gimbals' side
     * thrust with it) against the model's drag and the body's normal force in the measured wind.
     *
     * @param l    the estimate in the landing frame
     * @param seen the measured aerodynamic acceleration, [up, east, north], m/s²
     */
    void sampleSide(AirDataEstimator air, KnownStage known, double[] l, double mass, double[] seen, double dt) {
        double[] v = {l[3], l[4], l[5]};
        double[] drag = known.stage().drag(l[0], v, mass);
        double[] side = KnownStage.normalInWind(known.body(), modelDrag, air, l[0], v, mass);
        double[] va = air.airVelocity(v);
        double q = 0.5 * modelDrag.air(l[0]).density() * (va[0] * va[0] + va[1] * va[1] + va[2] * va[2]);
        air.sampleSide(seen, new double[] {drag[0] + side[0], drag[1] + side[1], drag[2] + side[2]}, v, q, dt);
    }

    /**
     * The model's aerodynamic acceleration along the body axis at the estimate, in the air as measured, m/s² (engines
     * first: toward the nose).
     *
     * @param l the estimate in the landing frame
     */
    double modelAxial(NavigationEstimate e, double[] l, double mass, KnownStage known) {
        double[] d = known.stage().drag(l[0], new double[] {l[3], l[4], l[5]}, mass);
        Vector3D inertial = frame.inertial(e.timeS(), d[0], d[1], d[2]);
        return Vector3D.dotProduct(inertial, e.attitude().toInertial(Vector3D.PLUS_I));
    }

    /** The model's net thrust of the landing engines at their achieved throttles, N. */
    double modelThrust(StagePlant plant, double tVac, double pressure, double exit) {
        double thrust = 0;
        int n = engines.length;
        for (int e : engines) {
            thrust += Math.max(0, plant.effectors().thrustFraction(e) * tVac / n - pressure * exit / n);
        }
        return thrust;
    }

    /**
     * The aerodynamic acceleration the accelerometers measure, [up, east, north]: their specific force (corrected by the
     * estimated biases), turned into ECI by the estimated attitude, less the thrust the engines are known to give along
     * the body axis.
     */
    double[] measuredAero(NavigationEstimate est, Vector3D measuredBody, StagePlant plant, double mass, double tVac, double exit,
                                  double pressure, double thrustFactor) {
        Vector3D aero = measuredBody.subtract(est.accelBiasMS2())
            .subtract(new Vector3D(thrustFactor * modelThrust(plant, tVac, pressure, exit) / mass, 0, 0));
        Vector3D inFixed = earth.toFixed(est.timeS(), est.attitude().toInertial(aero));
        return new double[] {Vector3D.dotProduct(inFixed, frame.up()), Vector3D.dotProduct(inFixed, frame.east()),
            Vector3D.dotProduct(inFixed, frame.north())};
    }
}
