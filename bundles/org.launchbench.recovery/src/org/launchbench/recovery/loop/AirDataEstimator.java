package org.launchbench.recovery.loop;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.EffectorPositions;
import org.launchbench.flight.FlightConditions;
import org.launchbench.flight.FlightEnvironment;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.Loads;
import org.launchbench.flight.RigidBodyState;
import org.launchbench.flight.models.EngineThrust;
import org.launchbench.flight.models.Gravitation;
import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.flight.vehicle.StageFlightModel;
import org.launchbench.recovery.navigation.NavigationEstimate;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * The air as the flight software infers it from its accelerometers while the engines are off: the horizontal wind and
 * the body's axial aerodynamic force over its model's. With the engines off the specific force is the air's (and the
 * fins' and thrusters'), so the stage's aerodynamic database (the vehicle model's force models, at the navigated
 * state, the actuators' achieved positions and a trial wind) must give what the accelerometers read:
 * <ul>
 * <li>the force across the body axis is the body's and fins' normal force, set by the air's velocity across the axis:
 * with a horizontal wind this fixes the wind's two components (Gauss-Newton, its derivatives by a 1 m/s probe), well
 * posed while the axis is steep, as it is on the fall after the entry burn;</li>
 * <li>the force along the axis then gives the axial factor: the axial coefficient's error (and the air's density's)
 * that the guidance's drag would otherwise not know.</li>
 * </ul>
 * Air-data estimation from inertial measurements and an aerodynamic model in the manner of launch-vehicle and entry
 * flight software without air-data probes (the Space Shuttle's entry navigation inferred the air's density from the
 * sensed drag: Ewell, "Space Shuttle orbiter entry through land navigation", IEEE Intelligent Robots and Systems,
 * 1988). The samples are averaged over each update's period and the estimates low-passed ({@link #TIME_CONSTANT_S}).
 * Not thread-safe: one per flight.
 */
final class AirDataEstimator implements AirData {

    /** The low-pass filter's time constant, s: many updates, and short beside the half-minute fall through the winds. */
    static final double TIME_CONSTANT_S = 1.0;
    /**
     * Below this dynamic pressure nothing is estimated, Pa: the air's force is then a few hundredths of a g, the
     * accelerometers' bias and the attitude's error a large part of it.
     */
    static final double LEAST_DYNAMIC_PRESSURE_PA = 2000;
    /** The axial factor is held within this of 1 either way. */
    static final double MOST_OFF = 0.3;
    /** The wind is held within this speed, m/s. */
    static final double MOST_WIND_M_S = 60;
    /** The trial wind's step for the derivatives, m/s. */
    static final double PROBE_M_S = 1;
    /** Gauss-Newton iterations per update (from the last estimate, which moves little from one update to the next). */
    static final int ITERATIONS = 2;

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final StageFlightModel model;
    private final SlenderBodyAerodynamics body;
    private final List<ForceModel> others;

    private double sumX;
    private double sumY;
    private double sumZ;
    private int samples;
    private double east;
    private double north;
    private double factor = 1;
    private int updates;
    private final double[] side = new double[3];
    private DoubleUnaryOperator crossflowScale = airspeed -> 1;

    /**
     * @param model      the stage as the flight software models it (its aerodynamic database)
     * @param earth      the Earth
     * @param atmosphere the air's model
     */
    AirDataEstimator(StageFlightModel model, EarthModel earth, Atmosphere atmosphere) {
        this.model = model;
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.body = model.aerodynamics();
        this.others = model.models().stream()
            .filter(m -> m != body && !(m instanceof Gravitation) && !(m instanceof EngineThrust)).toList();
    }

    @Override
    public double eastMS() {
        return east;
    }

    @Override
    public double northMS() {
        return north;
    }

    @Override
    public double axialFactor() {
        return factor;
    }

    @Override
    public double crossflowScale(double airspeedMS) {
        return crossflowScale.applyAsDouble(airspeedMS);
    }

    /** @param scale the trimmed side force over the body's normal force against the airspeed ({@link TrimmedCrossflow}) */
    void crossflowScale(DoubleUnaryOperator scale) {
        crossflowScale = scale;
    }

    @Override
    public double[] sidePerPascal() {
        return side.clone();
    }

    /**
     * One sample of the braking's side force: what the accelerometers measure beyond the thrust along the axis, less
     * what the model gives (its drag and the body's normal force in the wind), across the velocity, per pascal,
     * low-passed ({@link #TIME_CONSTANT_S}).
     *
     * @param measured   the measured aerodynamic acceleration (with the gimbals' side thrust), [up, east, north], m/s²
     * @param model      the model's, m/s²
     * @param velocity   [v_up, v_east, v_north] over the ground, m/s
     * @param qPa        the dynamic pressure now, Pa
     * @param dtS        the sample's period, s
     */
    void sampleSide(double[] measured, double[] model, double[] velocity, double qPa, double dtS) {
        double speed = Math.sqrt(velocity[0] * velocity[0] + velocity[1] * velocity[1] + velocity[2] * velocity[2]);
        if (!(qPa >= LEAST_DYNAMIC_PRESSURE_PA) || speed == 0) {
            return;
        }
        double[] r = {measured[0] - model[0], measured[1] - model[1], measured[2] - model[2]};
        double along = (r[0] * velocity[0] + r[1] * velocity[1] + r[2] * velocity[2]) / speed;
        double gain = Math.min(1, dtS / TIME_CONSTANT_S);
        for (int i = 0; i < 3; i++) {
            double perPa = (r[i] - along * velocity[i] / speed) / qPa;
            side[i] += (perPa - side[i]) * gain;
        }
    }

    /** @return the updates that changed the estimates so far */
    int updates() {
        return updates;
    }

    /** @param specificForceBodyMS2 one sample of the accelerometers, bias-corrected, body axes, m/s² */
    void sample(Vector3D specificForceBodyMS2) {
        sumX += specificForceBodyMS2.getX();
        sumY += specificForceBodyMS2.getY();
        sumZ += specificForceBodyMS2.getZ();
        samples++;
    }

    /** Forgets the samples since the last update (the engines gave thrust over them). */
    void discard() {
        sumX = 0;
        sumY = 0;
        sumZ = 0;
        samples = 0;
    }

    /**
     * One update from the samples since the last: the wind and the axial factor that make the model's specific force
     * their mean, low-passed into the estimates.
     *
     * @param estimate     the navigated state
     * @param ratesBodyRadS the body's rates (the gyros', bias-corrected), rad/s
     * @param massKg       the mass, kg
     * @param achieved     the actuators' achieved positions
     * @param periodS      the time the samples span, s
     */
    void update(NavigationEstimate estimate, Vector3D ratesBodyRadS, double massKg, EffectorPositions achieved, double periodS) {
        if (samples == 0) {
            return;
        }
        Vector3D seen = new Vector3D(sumX / samples, sumY / samples, sumZ / samples);
        discard();
        RigidBodyState s = new RigidBodyState(estimate.timeS(), estimate.positionEciM(), estimate.velocityEciMS(), estimate.attitude(),
            ratesBodyRadS, massKg);
        var mass = model.massModel().at(massKg);
        double we = east;
        double wn = north;
        Parts at = parts(s, mass, achieved, we, wn);
        if (!(at.dynamicPressurePa() >= LEAST_DYNAMIC_PRESSURE_PA)) {
            return;
        }
        for (int i = 0; i < ITERATIONS; i++) {
            Parts pe = parts(s, mass, achieved, we + PROBE_M_S, wn);
            Parts pn = parts(s, mass, achieved, we, wn + PROBE_M_S);
            // residuals across the axis and their derivatives by the wind's components
            double ry = seen.getY() - at.across().getX();
            double rz = seen.getZ() - at.across().getY();
            double a = (pe.across().getX() - at.across().getX()) / PROBE_M_S;
            double b = (pn.across().getX() - at.across().getX()) / PROBE_M_S;
            double c = (pe.across().getY() - at.across().getY()) / PROBE_M_S;
            double d = (pn.across().getY() - at.across().getY()) / PROBE_M_S;
            double det = a * d - b * c;
            // a flat axis sees one horizontal component along itself only: no step where the system is that close to singular
            if (!(Math.abs(det) > 1e-6 * (a * a + b * b + c * c + d * d))) {
                return;
            }
            we += (d * ry - b * rz) / det;
            wn += (-c * ry + a * rz) / det;
            double size = Math.hypot(we, wn);
            if (size > MOST_WIND_M_S) {
                we *= MOST_WIND_M_S / size;
                wn *= MOST_WIND_M_S / size;
            }
            at = parts(s, mass, achieved, we, wn);
        }
        double axial = at.axial() != 0 ? (seen.getX() - at.otherAxial()) / at.axial() : 1;
        double held = Math.max(1 - MOST_OFF, Math.min(1 + MOST_OFF, axial));
        double gain = Math.min(1, periodS / TIME_CONSTANT_S);
        east += (we - east) * gain;
        north += (wn - north) * gain;
        factor += (held - factor) * gain;
        updates++;
    }

    /**
     * The model's specific force at a trial wind, in parts.
     *
     * @param axial           the body's axial aerodynamic force over the mass (the part the factor scales), m/s²
     * @param otherAxial      the rest along the axis (the fins', the thrusters'), m/s²
     * @param across          all of it across the axis, (y, z) body, m/s²
     * @param dynamicPressurePa the dynamic pressure at that wind, Pa
     */
    private record Parts(double axial, double otherAxial, Vector3D across, double dynamicPressurePa) {
    }

    private Parts parts(RigidBodyState s, org.launchbench.flight.MassProperties mass, EffectorPositions achieved, double we, double wn) {
        FlightConditions c = new FlightConditions(s, new FlightEnvironment(earth, atmosphere, Winds.horizontal(we, wn)), mass, achieved,
            Vector3D.ZERO);
        Loads own = new Loads();
        body.contribute(c, own);
        Vector3D b = own.forceBody().add(s.attitude().toBody(own.forceInertial()));
        Loads rest = new Loads();
        for (ForceModel m : others) {
            m.contribute(c, rest);
        }
        Vector3D o = rest.forceBody().add(s.attitude().toBody(rest.forceInertial()));
        double m = s.massKg();
        return new Parts(b.getX() / m, o.getX() / m, new Vector3D((b.getY() + o.getY()) / m, (b.getZ() + o.getZ()) / m, 0),
            c.dynamicPressurePa());
    }
}
