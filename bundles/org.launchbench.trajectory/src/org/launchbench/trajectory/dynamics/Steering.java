package org.launchbench.trajectory.dynamics;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Where the thrust points and how hard, as a function of time and state: the seam between the dynamics and
 * guidance (pitch programs, closed-loop upper-stage guidance, landing guidance).
 */
public interface Steering {

    /** Engines off. */
    Steering COAST = new Steering() {
        @Override
        public double throttle(double t, Vector3D r, Vector3D v, double mass) {
            return 0;
        }

        @Override
        public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
            return Vector3D.PLUS_K;
        }
    };

    /** A thrust direction as a function of time and state (arguments as {@link Steering#direction}). */
    @FunctionalInterface
    interface Direction {
        /** @param t time, s; @param r position; @param v velocity; @param mass kg; @return the direction (any length) */
        Vector3D at(double t, Vector3D r, Vector3D v, double mass);
    }

    /** @param direction where the thrust points; @return full throttle along it */
    static Steering fullThrust(Direction direction) {
        return new Steering() {
            @Override
            public double throttle(double t, Vector3D r, Vector3D v, double mass) {
                return 1;
            }

            @Override
            public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
                return direction.at(t, r, v, mass);
            }
        };
    }

    /**
     * @param direction where the vehicle points, engines off
     * @return no thrust, the vehicle turned along the direction: a stage flipping to its next burn's attitude (a
     *         point mass has no attitude, and flies it as {@link #COAST})
     */
    static Steering pointing(Direction direction) {
        return new Steering() {
            @Override
            public double throttle(double t, Vector3D r, Vector3D v, double mass) {
                return 0;
            }

            @Override
            public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
                return direction.at(t, r, v, mass);
            }

            @Override
            public boolean points() {
                return true;
            }
        };
    }

    /** @return whether {@link #direction} holds with the engines off too (where a body with an attitude points) */
    default boolean points() {
        return false;
    }

    /**
     * @param t    time since the simulation epoch, s
     * @param r    inertial position, m
     * @param v    inertial velocity, m/s
     * @param mass current mass, kg
     * @return throttle setting, fraction of full thrust (0 = engines off)
     */
    double throttle(double t, Vector3D r, Vector3D v, double mass);

    /**
     * @param t    time since the simulation epoch, s
     * @param r    inertial position, m
     * @param v    inertial velocity, m/s
     * @param mass current mass, kg
     * @return unit thrust direction in the inertial frame
     */
    Vector3D direction(double t, Vector3D r, Vector3D v, double mass);
}
