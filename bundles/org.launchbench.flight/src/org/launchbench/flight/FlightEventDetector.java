package org.launchbench.flight;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * An event that ends a flight, in the manner of Orekit's {@code EventDetector}: a function of the state whose
 * crossing from positive to zero or below is the event. {@link SixDofPropagator} watches every detector it is
 * given, fires on such a crossing within a step (a function already at or below zero is not an event until it has
 * been positive) and locates the first by bisection. Implementations are immutable.
 */
public interface FlightEventDetector {

    /** The ground: the height above the ellipsoid passing down through 0. */
    FlightEventDetector GROUND = descendingThrough("ground", 0);

    /** @return the event's name, reported when it ends a flight ({@code "ground"}) */
    String name();

    /**
     * @param state a state
     * @param earth the Earth (for heights and the local vertical)
     * @return positive before the event, zero or negative once it has happened
     */
    double g(RigidBodyState state, EarthModel earth);

    /** @return {@link #GROUND} */
    static FlightEventDetector ground() {
        return GROUND;
    }

    /**
     * @param name     the event's name
     * @param function positive before the event, zero or negative once it has happened
     * @return a detector of that name and function
     */
    static FlightEventDetector of(String name, java.util.function.ToDoubleBiFunction<RigidBodyState, EarthModel> function) {
        record Named(String name, java.util.function.ToDoubleBiFunction<RigidBodyState, EarthModel> function) implements FlightEventDetector {
            @Override
            public double g(RigidBodyState state, EarthModel earth) {
                return function.applyAsDouble(state, earth);
            }
        }
        return new Named(name, function);
    }

    /**
     * @param name      the event's name
     * @param altitudeM a height above the ellipsoid, m
     * @return the body passing down through that height
     */
    static FlightEventDetector descendingThrough(String name, double altitudeM) {
        return of(name, (s, earth) -> earth.geodetic(earth.toFixed(s.timeS(), s.positionEciM())).height() - altitudeM);
    }

    /**
     * @param name     the event's name
     * @param limitRad the largest angle between the body's x axis and the local vertical (up), rad
     * @return the body tilting beyond the limit (a landing stage toppling, an attitude excursion)
     */
    static FlightEventDetector tiltBeyond(String name, double limitRad) {
        return of(name, (s, earth) -> {
            Vector3D up = earth.toInertial(s.timeS(), earth.geodetic(earth.toFixed(s.timeS(), s.positionEciM())).up());
            double cos = PlainVectorAlgebra.dot(s.attitude().toInertial(Vector3D.PLUS_I), up);
            return limitRad - Math.acos(Math.max(-1, Math.min(1, cos)));
        });
    }
}
