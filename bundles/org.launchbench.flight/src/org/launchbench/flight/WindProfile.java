package org.launchbench.flight;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.Winds;

/**
 * Winds that vary with height only: the air mass's velocity relative to the Earth in local North-East-Down,
 * piecewise-linear between given heights (shear included) and constant beyond the first and last (the profile
 * form of NASA/TM-2015-218675's wind check-cases 7 and 8, and of a measured balloon sounding).
 *
 * @param points the profile, by strictly increasing height; at least one
 */
public record WindProfile(List<Point> points) implements Winds {

    /**
     * @param altitudeM     height above the ellipsoid, m
     * @param velocityNedMS the air's velocity relative to the Earth there (the direction it blows toward), NED, m/s
     */
    public record Point(double altitudeM, Vector3D velocityNedMS) {
    }

    /** Checks the order and copies the list. */
    public WindProfile {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a wind profile has at least one point");
        }
        for (int i = 1; i < points.size(); i++) {
            if (!(points.get(i).altitudeM() > points.get(i - 1).altitudeM())) {
                throw new IllegalArgumentException("a wind profile's heights increase strictly");
            }
        }
    }

    /**
     * @param altitudeM height above the ellipsoid, m
     * @return the wind there, NED, m/s
     */
    public Vector3D ned(double altitudeM) {
        Point first = points.get(0);
        if (altitudeM <= first.altitudeM()) {
            return first.velocityNedMS();
        }
        for (int i = 1; i < points.size(); i++) {
            Point hi = points.get(i);
            if (altitudeM <= hi.altitudeM()) {
                Point lo = points.get(i - 1);
                double f = (altitudeM - lo.altitudeM()) / (hi.altitudeM() - lo.altitudeM());
                return new Vector3D(1 - f, lo.velocityNedMS(), f, hi.velocityNedMS());
            }
        }
        return points.get(points.size() - 1).velocityNedMS();
    }

    @Override
    public Vector3D at(EarthModel.Geodetic position) {
        Vector3D w = ned(position.height());
        return new Vector3D(w.getX(), position.north(), w.getY(), position.east(), -w.getZ(), position.up());
    }
}
