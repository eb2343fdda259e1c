package org.launchbench.trajectory.dynamics;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.atmosphere.AtmosphereState;

/**
 * Variable-mass point-mass (3-DOF) equations of motion over a rotating oblate Earth, in an Earth-centred
 * inertial frame whose z axis is the rotation axis and whose x axis points at the Earth-fixed prime meridian at
 * t = 0 (so the Earth-fixed frame is the inertial one rotated by ω t about z):
 * <pre>
 *   dr/dt = v
 *   dv/dt = g_J2(r) + (T(p, τ) û + D) / m,     D = -½ ρ |v_rel| v_rel C_D(M) S,   v_rel = v - ω × r - w
 *   dm/dt = -ṁ(τ)
 * </pre>
 * with thrust corrected for the ambient pressure p, drag on the air-relative velocity (winds w optional),
 * density, pressure and speed of sound from the atmosphere at the geodetic altitude. State vector:
 * {x, y, z, vx, vy, vz, m}. One instance describes one flight phase (one configuration of stages and engines);
 * the flight bundle's rigid body adds attitude and rates behind the same phase machinery ({@link PhaseDynamics}).
 */
public final class PointMassDynamics implements PhaseDynamics {

    /** Dimension of the state vector. */
    public static final int DIMENSION = 7;

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final Propulsion propulsion;
    private final Aerodynamics aerodynamics;
    private final Steering steering;
    private final Winds winds;
    private final AeroControl control;

    /**
     * An aerodynamic force the vehicle steers with besides its drag (grid fins on a returning stage).
     */
    @FunctionalInterface
    public interface AeroControl {
        /**
         * @param t   time, s
         * @param r   inertial position, m
         * @param v   inertial velocity, m/s
         * @param m   mass, kg
         * @param env the air around the vehicle
         * @return the acceleration it adds, inertial axes, m/s²
         */
        Vector3D acceleration(double t, Vector3D r, Vector3D v, double m, Environment env);
    }

    /**
     * @param earth        the Earth
     * @param atmosphere   the atmosphere (density zero above its top)
     * @param propulsion   the engines of this phase
     * @param aerodynamics the stack's drag in this phase
     * @param steering     thrust direction and throttle
     * @param winds        winds aloft, Earth-fixed ({@link Winds#CALM} for none)
     */
    public PointMassDynamics(EarthModel earth, Atmosphere atmosphere, Propulsion propulsion, Aerodynamics aerodynamics,
                             Steering steering, Winds winds) {
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.propulsion = propulsion;
        this.aerodynamics = aerodynamics;
        this.steering = steering;
        this.winds = winds;
        this.control = null;
    }

    private PointMassDynamics(PointMassDynamics base, AeroControl control) {
        this.earth = base.earth;
        this.atmosphere = base.atmosphere;
        this.propulsion = base.propulsion;
        this.aerodynamics = base.aerodynamics;
        this.steering = base.steering;
        this.winds = base.winds;
        this.control = control;
    }

    /** @param aeroControl an aerodynamic steering force (null: none); @return these dynamics with it */
    public PointMassDynamics withControl(AeroControl aeroControl) {
        return new PointMassDynamics(this, aeroControl);
    }

    @Override
    public int getDimension() {
        return DIMENSION;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]);
        double m = y[6];
        Environment env = environment(t, r, v);
        Vector3D a = earth.gravity(r);
        double throttle = throttleAt(t, r, v, m);
        double thrust = propulsion.thrust(throttle, env.air().pressure());
        if (thrust > 0) {
            a = a.add(thrust / m, steering.direction(t, r, v, m).normalize());
        }
        double vRel = env.airVelocity().getNorm();
        if (vRel > 0 && env.air().density() > 0 && aerodynamics.referenceArea() > 0) {
            double drag = 0.5 * env.air().density() * vRel * aerodynamics.dragCoefficient(env.mach()) * aerodynamics.referenceArea();
            a = a.add(-drag / m, env.airVelocity());
        }
        if (control != null) {
            a = a.add(control.acceleration(t, r, v, m, env));
        }
        return new double[] {v.getX(), v.getY(), v.getZ(), a.getX(), a.getY(), a.getZ(), -propulsion.massFlow(throttle)};
    }

    @Override
    public double[] enter(double t, double[] state) {
        return java.util.Arrays.copyOf(state, DIMENSION);
    }

    /**
     * @param t time, s; @param r position; @param v velocity; @param m mass
     * @return the throttle the steering commands, limited to the engines' range (0 when off)
     */
    @Override
    public double throttleAt(double t, Vector3D r, Vector3D v, double m) {
        double throttle = steering.throttle(t, r, v, m);
        return throttle <= 0 ? 0 : Math.min(Math.max(throttle, propulsion.throttleMin()), propulsion.throttleMax());
    }

    /**
     * The air around the vehicle.
     *
     * @param t time, s
     * @param r inertial position, m
     * @param v inertial velocity, m/s
     * @return geodetic position, atmosphere, air-relative velocity (inertial axes), Mach number, dynamic pressure
     */
    @Override
    public Environment environment(double t, Vector3D r, Vector3D v) {
        EarthModel.Geodetic g = earth.geodetic(earth.toFixed(t, r));
        AtmosphereState air = air(g.height());
        Vector3D windEci = earth.toInertial(t, winds.at(g));
        Vector3D vRel = v.subtract(Vector3D.crossProduct(earth.rotation(), r)).subtract(windEci);
        double speed = vRel.getNorm();
        double mach = air.speedOfSound() > 0 ? speed / air.speedOfSound() : 0;
        return new Environment(g, air, vRel, mach, 0.5 * air.density() * speed * speed);
    }

    private AtmosphereState air(double height) {
        if (height > atmosphere.maxAltitude()) {
            return new AtmosphereState(height, 0, 0, 0, 0);
        }
        return atmosphere.at(Math.max(height, atmosphere.minAltitude()));
    }

    /**
     * The vehicle's surroundings at one instant.
     *
     * @param position        geodetic position
     * @param air             atmosphere there
     * @param airVelocity     velocity relative to the air, inertial axes, m/s
     * @param mach            Mach number
     * @param dynamicPressure ½ ρ v_rel², Pa
     */
    public record Environment(EarthModel.Geodetic position, AtmosphereState air, Vector3D airVelocity, double mach,
                              double dynamicPressure) {
    }
}
