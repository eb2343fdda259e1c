package org.launchbench.trajectory.dynamics;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The Earth the vehicle flies over: a rotating oblate ellipsoid with a J2 gravity field, in an Earth-centred
 * inertial frame whose z axis is the rotation axis. Immutable.
 *
 * @param mu               gravitational parameter GM, m³/s²
 * @param equatorialRadius semi-major axis of the ellipsoid, m (also the J2 reference radius)
 * @param flattening       ellipsoid flattening f
 * @param j2               second zonal harmonic J2 (unnormalized, positive for an oblate Earth)
 * @param rotationRate     rotation rate ω, rad/s
 */
public record EarthModel(double mu, double equatorialRadius, double flattening, double j2, double rotationRate) {

    /**
     * WGS-84 (NIMA TR8350.2, 3rd ed., 2000: Table 3.1 defining parameters a = 6378137 m, 1/f = 298.257223563,
     * GM = 3.986004418e14 m³/s², ω = 7.292115e-5 rad/s; Table 3.3: J2 = -C̄20 √5 = 1.082629821313e-3).
     */
    public static final EarthModel WGS84 = new EarthModel(3.986004418e14, 6_378_137.0, 1 / 298.257223563,
        1.082629821313e-3, 7.292115e-5);

    /** @return the polar semi-axis b = a (1 - f), m */
    public double polarRadius() {
        return equatorialRadius * (1 - flattening);
    }

    /** @return the first eccentricity squared e² = f (2 - f) */
    public double eccentricitySquared() {
        return flattening * (2 - flattening);
    }

    /**
     * Gravitational acceleration of the point mass plus J2 (Vallado, Fundamentals of Astrodynamics and
     * Applications, 4th ed., eq. 8-30).
     *
     * @param r position in the inertial frame (z along the rotation axis), m
     * @return the acceleration, m/s²
     */
    public Vector3D gravity(Vector3D r) {
        double x = r.getX();
        double y = r.getY();
        double z = r.getZ();
        double r2 = x * x + y * y + z * z;
        double rn = Math.sqrt(r2);
        double k = -mu / (r2 * rn);
        double j = 1.5 * j2 * equatorialRadius * equatorialRadius / r2;
        double zz = 5 * z * z / r2;
        double fxy = k * (1 + j * (1 - zz));
        double fz = k * (1 + j * (3 - zz));
        return new Vector3D(fxy * x, fxy * y, fz * z);
    }

    /**
     * @param r position in the inertial frame, m
     * @return the gravitational potential energy per unit mass with J2, J/kg (negative), such that
     *         -grad U = {@link #gravity(Vector3D)}
     */
    public double potential(Vector3D r) {
        double rn = r.getNorm();
        double sinPhi = r.getZ() / rn;
        double p2 = 0.5 * (3 * sinPhi * sinPhi - 1);
        return -mu / rn * (1 - j2 * (equatorialRadius / rn) * (equatorialRadius / rn) * p2);
    }

    /**
     * @param t        time since t = 0, when the Earth-fixed and inertial frames coincide, s
     * @param inertial a vector in the inertial frame
     * @return the same vector in the Earth-fixed frame (the inertial frame rotated by ω t about z)
     */
    public Vector3D toFixed(double t, Vector3D inertial) {
        double a = rotationRate * t;
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new Vector3D(c * inertial.getX() + s * inertial.getY(), -s * inertial.getX() + c * inertial.getY(), inertial.getZ());
    }

    /**
     * @param t     time since t = 0, s
     * @param fixed a vector in the Earth-fixed frame
     * @return the same vector in the inertial frame (inverse of {@link #toFixed(double, Vector3D)})
     */
    public Vector3D toInertial(double t, Vector3D fixed) {
        return toFixed(-t, fixed);
    }

    /** @return the rotation vector ω ẑ, rad/s */
    public Vector3D rotation() {
        return new Vector3D(0, 0, rotationRate);
    }

    /**
     * Geodetic coordinates of an Earth-fixed position, by Bowring's method with two iterations (B. R. Bowring,
     * "Transformation from spatial to geographical coordinates", Survey Review 23(181), 1976; error below
     * 1 mm from the ground to beyond geostationary altitude).
     *
     * @param ecef position in the Earth-fixed frame, m
     * @return latitude (rad), longitude (rad) and height above the ellipsoid (m)
     */
    public Geodetic geodetic(Vector3D ecef) {
        double a = equatorialRadius;
        double b = polarRadius();
        double e2 = eccentricitySquared();
        double ep2 = e2 / (1 - e2);
        double x = ecef.getX();
        double y = ecef.getY();
        double z = ecef.getZ();
        double p = Math.sqrt(x * x + y * y);
        double lon = Math.atan2(y, x);
        // Bowring's iteration on the angles' sines and cosines (each angle is the direction of a vector; normalising
        // the vector gives them without the arctangents, sines and cosines: the flight's atmosphere asks for the
        // height at every derivative evaluation)
        double rb = Math.sqrt(z * a * z * a + p * b * p * b);
        double sb = rb > 0 ? z * a / rb : 0;
        double cb = rb > 0 ? p * b / rb : 1;
        double num = z;
        double den = p;
        double sl = 0;
        double cl = 1;
        for (int i = 0; i < 2; i++) {
            num = z + ep2 * b * sb * sb * sb;
            den = p - e2 * a * cb * cb * cb;
            double rl = Math.sqrt(num * num + den * den);
            sl = rl > 0 ? num / rl : 0;
            cl = rl > 0 ? den / rl : 1;
            double u = (1 - flattening) * sl;
            double rv = Math.sqrt(u * u + cl * cl);
            sb = u / rv;
            cb = cl / rv;
        }
        double lat = Math.atan2(num, den);
        // height valid at every latitude, poles included
        double h = p * cl + z * sl - a * Math.sqrt(1 - e2 * sl * sl);
        return new Geodetic(lat, lon, h);
    }

    /**
     * @param g a geodetic position
     * @return its Earth-fixed Cartesian position, m
     */
    public Vector3D ecef(Geodetic g) {
        double e2 = eccentricitySquared();
        double sl = Math.sin(g.latitude());
        double cl = Math.cos(g.latitude());
        double n = equatorialRadius / Math.sqrt(1 - e2 * sl * sl);
        return new Vector3D((n + g.height()) * cl * Math.cos(g.longitude()), (n + g.height()) * cl * Math.sin(g.longitude()),
            (n * (1 - e2) + g.height()) * sl);
    }

    /**
     * Geodetic position on the ellipsoid.
     *
     * @param latitude  geodetic latitude, rad
     * @param longitude longitude, rad
     * @param height    height above the ellipsoid, m
     */
    public record Geodetic(double latitude, double longitude, double height) {

        /**
         * @param p a position of the model (latitude and longitude in degrees, altitude in metres)
         * @return it in radians and metres
         */
        public static Geodetic of(org.launchbench.vehicle.model.GeodeticPosition p) {
            return new Geodetic(Math.toRadians(p.getLatitude()), Math.toRadians(p.getLongitude()), p.getAltitude());
        }

        /** @return the local vertical here (the ellipsoid's normal), Earth-fixed unit vector */
        public Vector3D up() {
            double cl = Math.cos(latitude);
            return new Vector3D(cl * Math.cos(longitude), cl * Math.sin(longitude), Math.sin(latitude));
        }

        /** @return the local east here, Earth-fixed unit vector */
        public Vector3D east() {
            return new Vector3D(-Math.sin(longitude), Math.cos(longitude), 0);
        }

        /** @return the local (geodetic) north here, Earth-fixed unit vector */
        public Vector3D north() {
            double sl = Math.sin(latitude);
            return new Vector3D(-sl * Math.cos(longitude), -sl * Math.sin(longitude), Math.cos(latitude));
        }
    }
}
