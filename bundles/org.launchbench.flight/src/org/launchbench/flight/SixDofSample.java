package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * One output sample of a 6-DOF flight, in the quantities and units of NASA's check-case data (NASA/TM-2015-218675
 * Vol. II Table 75) and of {@code launchbench sixdof}: geodetic position, Earth-relative NED velocity, 3-2-1 Euler
 * angles from NED to body, body rates relative to inertial space, and air data.
 *
 * @param timeS           time, s
 * @param latitudeDeg     geodetic latitude, deg
 * @param longitudeDeg    longitude, deg
 * @param altitudeM       height above the ellipsoid, m
 * @param velocityNedMS   Earth-relative velocity, local NED, m/s
 * @param rollDeg         φ, deg
 * @param pitchDeg        θ, deg
 * @param yawDeg          ψ, deg
 * @param bodyRatesInertialDegS p, q, r relative to inertial space, body axes, deg/s
 * @param angleOfAttackDeg α, deg
 * @param sideslipDeg      β, deg
 * @param mach             Mach number
 * @param dynamicPressurePa q̄, Pa
 * @param densityKgM3      air density, kg/m³
 * @param massKg           mass, kg
 * @param positionEcefM    centre of mass, Earth-fixed, m
 * @param attitude         body-to-ECI quaternion
 * @param thrustFraction   the engines' mean thrust as a fraction of full (0 for a body without engines)
 * @param gimbalMaxDeg     the largest gimbal deflection of any engine, deg
 * @param finMaxDeg        the largest grid-fin deflection, deg
 * @param rcsOpen          the RCS valves' open fractions summed (how many thrusters fired, on average)
 */
public record SixDofSample(double timeS, double latitudeDeg, double longitudeDeg, double altitudeM, Vector3D velocityNedMS,
                           double rollDeg, double pitchDeg, double yawDeg, Vector3D bodyRatesInertialDegS,
                           double angleOfAttackDeg, double sideslipDeg, double mach, double dynamicPressurePa,
                           double densityKgM3, double massKg, Vector3D positionEcefM, Quaternion attitude, double thrustFraction,
                           double gimbalMaxDeg, double finMaxDeg, double rcsOpen) {

    /**
     * @param c a state's conditions
     * @return its sample
     */
    public static SixDofSample of(FlightConditions c) {
        RigidBodyState s = c.state();
        EulerAngles e = c.euler();
        return new SixDofSample(s.timeS(), Math.toDegrees(c.geodetic().latitude()), Math.toDegrees(c.geodetic().longitude()),
            c.geodetic().height(), c.velocityNedMS(), Math.toDegrees(e.roll()), Math.toDegrees(e.pitch()),
            Math.toDegrees(e.yaw()), s.bodyRatesInertialRadS().scalarMultiply(180 / Math.PI),
            Math.toDegrees(c.angleOfAttackRad()), Math.toDegrees(c.sideslipRad()), c.mach(), c.dynamicPressurePa(),
            c.densityKgM3(), s.massKg(), c.positionEcefM(), s.attitude(), meanThrust(c.effectors()), maxGimbalDeg(c.effectors()),
            maxFinDeg(c.effectors()), rcsOpen(c.effectors()));
    }

    private static double meanThrust(EffectorPositions e) {
        double sum = 0;
        for (int i = 0; i < e.engineCount(); i++) {
            sum += e.thrustFraction(i);
        }
        return e.engineCount() == 0 ? 0 : sum / e.engineCount();
    }

    private static double maxGimbalDeg(EffectorPositions e) {
        double max = 0;
        for (int i = 0; i < e.engineCount(); i++) {
            max = Math.max(max, Math.hypot(e.gimbalPitchRad(i), e.gimbalYawRad(i)));
        }
        return Math.toDegrees(max);
    }

    private static double maxFinDeg(EffectorPositions e) {
        double max = 0;
        for (int i = 0; i < e.finCount(); i++) {
            max = Math.max(max, Math.abs(e.finDeflectionRad(i)));
        }
        return Math.toDegrees(max);
    }

    private static double rcsOpen(EffectorPositions e) {
        double sum = 0;
        for (int i = 0; i < e.rcsCount(); i++) {
            sum += e.rcsOnFraction(i);
        }
        return sum;
    }
}
