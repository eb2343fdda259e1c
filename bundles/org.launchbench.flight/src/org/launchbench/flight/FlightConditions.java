package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.atmosphere.AtmosphereState;
import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * A body's state with what every force model needs derived from it once per evaluation: the Earth-fixed
 * position and its geodetic coordinates, the local NED axes, the Earth-relative and air-relative velocities, the
 * air data (density, dynamic pressure, Mach, angle of attack and sideslip) and the body rates relative to the
 * Earth. Frames: docs/flight-dynamics.md. Immutable.
 */
public final class FlightConditions {

    /** Below this airspeed the aerodynamic angles are taken as 0 (NASA's brick model clips at 0.5 ft/s). */
    static final double MIN_AIRSPEED_M_S = 0.1524;

    private final RigidBodyState state;
    private final FlightEnvironment environment;
    private final MassProperties mass;
    private final EffectorPositions effectors;
    private final Vector3D positionEcef;
    private final EarthModel.Geodetic geodetic;
    private final Vector3D north;
    private final Vector3D east;
    private final Vector3D down;
    private final Vector3D velocityEarthEcef;
    private final Vector3D airVelocityBody;
    private final double airspeed;
    private final double density;
    private final double pressure;
    private final double speedOfSound;
    private final Vector3D bodyRatesEarth;

    /**
     * @param state       the body's state
     * @param environment the Earth, air and winds
     * @param mass        the body's mass properties at this state
     * @param effectors   what the actuators achieved, held over the current interval
     * @param gustNedMS   the air's gust velocity (turbulence, discrete gusts) held over the current interval, NED,
     *                    added to the environment's mean wind, m/s
     */
    public FlightConditions(RigidBodyState state, FlightEnvironment environment, MassProperties mass, EffectorPositions effectors,
                            Vector3D gustNedMS) {
        this.state = state;
        this.environment = environment;
        this.mass = mass;
        this.effectors = effectors;
        EarthModel earth = environment.earth();
        double t = state.timeS();
        Vector3D r = state.positionEciM();
        // the Earth's rotation angle ω t and the local axes' sines and cosines once per evaluation: the equations of
        // motion build these conditions four times a Runge-Kutta step
        double angle = earth.rotationRate() * t;
        double ct = Math.cos(angle);
        double st = Math.sin(angle);
        positionEcef = rotate(ct, st, r);
        geodetic = earth.geodetic(positionEcef);
        double sinLat = Math.sin(geodetic.latitude());
        double cosLat = Math.cos(geodetic.latitude());
        double sinLon = Math.sin(geodetic.longitude());
        double cosLon = Math.cos(geodetic.longitude());
        north = new Vector3D(-sinLat * cosLon, -sinLat * sinLon, cosLat);
        east = new Vector3D(-sinLon, cosLon, 0);
        down = new Vector3D(-cosLat * cosLon, -cosLat * sinLon, -sinLat);
        // Earth-relative velocity: v_I - ω x r, expressed in ECEF
        Vector3D relativeEci = state.velocityEciMS().subtract(PlainVectorAlgebra.cross(earth.rotation(), r));
        velocityEarthEcef = rotate(ct, st, relativeEci);
        Vector3D wind = environment.winds().at(geodetic);
        if (!gustNedMS.equals(Vector3D.ZERO)) {
            wind = wind.add(new Vector3D(gustNedMS.getX(), north, gustNedMS.getY(), east, gustNedMS.getZ(), down));
        }
        Vector3D airEci = rotate(ct, -st, velocityEarthEcef.subtract(wind));
        airVelocityBody = state.attitude().toBody(airEci);
        airspeed = airVelocityBody.getNorm();
        Atmosphere air = environment.atmosphere();
        double h = geodetic.height();
        if (air == null || h > air.maxAltitude()) {
            density = 0;
            pressure = 0;
            speedOfSound = Double.NaN;
        } else {
            AtmosphereState s = air.at(Math.max(h, air.minAltitude()));
            density = s.density();
            pressure = s.pressure();
            speedOfSound = s.speedOfSound();
        }
        bodyRatesEarth = state.bodyRatesInertialRadS().subtract(state.attitude().toBody(earth.rotation()));
    }

    /** The inertial-to-Earth-fixed rotation by ω t about z (EarthModel.toFixed), from its cosine and sine. */
    private static Vector3D rotate(double c, double s, Vector3D v) {
        return new Vector3D(c * v.getX() + s * v.getY(), -s * v.getX() + c * v.getY(), v.getZ());
    }

    /** @return the state these conditions belong to */
    public RigidBodyState state() {
        return state;
    }

    /** @return the Earth, air and winds */
    public FlightEnvironment environment() {
        return environment;
    }

    /** @return the body's mass properties (centre of mass, inertia) */
    public MassProperties massProperties() {
        return mass;
    }

    /** @return what the actuators achieved over the current interval */
    public EffectorPositions effectors() {
        return effectors;
    }

    /**
     * @param structuralPositionM a point of the body in its structural frame, m
     * @return the arm from the centre of mass to it, body axes, m
     */
    public Vector3D armM(Vector3D structuralPositionM) {
        return structuralPositionM.subtract(mass.centreOfMassM());
    }

    /** @return the centre of mass in the Earth-fixed frame, m */
    public Vector3D positionEcefM() {
        return positionEcef;
    }

    /** @return geodetic latitude, longitude (rad) and height above the ellipsoid (m) */
    public EarthModel.Geodetic geodetic() {
        return geodetic;
    }

    /** @return the Earth-relative velocity in local North-East-Down components, m/s */
    public Vector3D velocityNedMS() {
        return new Vector3D(PlainVectorAlgebra.dot(velocityEarthEcef, north), PlainVectorAlgebra.dot(velocityEarthEcef, east),
            PlainVectorAlgebra.dot(velocityEarthEcef, down));
    }

    /**
     * @param ecef a vector in the Earth-fixed frame
     * @return it in local North-East-Down components
     */
    public Vector3D ecefToNed(Vector3D ecef) {
        return new Vector3D(PlainVectorAlgebra.dot(ecef, north), PlainVectorAlgebra.dot(ecef, east), PlainVectorAlgebra.dot(ecef, down));
    }

    /**
     * @param body a vector in body axes
     * @return it in local North-East-Down components
     */
    public Vector3D bodyToNed(Vector3D body) {
        return ecefToNed(environment.earth().toFixed(state.timeS(), state.attitude().toInertial(body)));
    }

    /** @return the attitude as 3-2-1 Euler angles from local NED to body */
    public EulerAngles euler() {
        return EulerAngles.ofBodyAxesInNed(bodyToNed(Vector3D.PLUS_I), bodyToNed(Vector3D.PLUS_J), bodyToNed(Vector3D.PLUS_K));
    }

    /** @return the velocity relative to the air mass, in body axes, m/s */
    public Vector3D airVelocityBodyMS() {
        return airVelocityBody;
    }

    /** @return the true airspeed, m/s */
    public double airspeedMS() {
        return airspeed;
    }

    /** @return the air density, kg/m³ (0 in vacuum) */
    public double densityKgM3() {
        return density;
    }

    /** @return the ambient static pressure, Pa (0 in vacuum) */
    public double pressurePa() {
        return pressure;
    }

    /** @return the dynamic pressure ½ ρ V², Pa */
    public double dynamicPressurePa() {
        return 0.5 * density * airspeed * airspeed;
    }

    /** @return the Mach number, or 0 in vacuum */
    public double mach() {
        return density > 0 && speedOfSound > 0 ? airspeed / speedOfSound : 0;
    }

    /** @return the angle of attack atan2(w, u), rad; 0 below a walking pace of airspeed */
    public double angleOfAttackRad() {
        return airspeed < MIN_AIRSPEED_M_S ? 0 : Math.atan2(airVelocityBody.getZ(), airVelocityBody.getX());
    }

    /** @return the sideslip asin(v / V), rad; 0 below a walking pace of airspeed */
    public double sideslipRad() {
        return airspeed < MIN_AIRSPEED_M_S ? 0 : Math.asin(Math.max(-1, Math.min(1, airVelocityBody.getY() / airspeed)));
    }

    /** @return the body rates relative to the rotating Earth (and so to still air), body axes, rad/s */
    public Vector3D bodyRatesEarthRadS() {
        return bodyRatesEarth;
    }
}
