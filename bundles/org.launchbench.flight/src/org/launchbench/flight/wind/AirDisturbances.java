package org.launchbench.flight.wind;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.FlightConditions;

/**
 * The air's departures from the mean wind along one flight: Dryden turbulence (optional) and discrete gusts in time,
 * as one gust velocity in NED that a flight loop holds over each interval ({@code SixDofPropagator.advance}).
 * <p>
 * The turbulence is stepped once per interval from the conditions at its start: the airspeed relative to the mean
 * wind (the pace at which the frozen turbulence passes the body) and the height; its axes lie along the air-relative
 * velocity, or along its horizontal part below 1,000 ft, as MIL-HDBK-1797's low-altitude model is defined. The height used is above the ellipsoid, which is the height above ground over the
 * sea and near it at a coastal pad; over high ground the caller should mind the difference. Gusts are functions of
 * time since the start. Not thread-safe: one instance per flight.
 */
public final class AirDisturbances {

    /** Below this height the turbulence axes are horizontal, m (1,000 ft: MIL-HDBK-1797's low-altitude model). */
    private static final double LOW_ALTITUDE_M = 304.8;

    private final DrydenTurbulence turbulence;
    private final List<OneMinusCosineGust> gusts;

    /**
     * @param turbulence the turbulence, or null for none
     * @param gusts      discrete gusts, their abscissa being time since the start, s
     */
    public AirDisturbances(DrydenTurbulence turbulence, List<OneMinusCosineGust> gusts) {
        this.turbulence = turbulence;
        this.gusts = List.copyOf(gusts);
    }

    /** @return whether there is anything to add to the mean wind */
    public boolean any() {
        return turbulence != null || !gusts.isEmpty();
    }

    /**
     * @param c   the conditions at the interval's start, in the mean wind (no gust)
     * @param dtS the interval, s
     * @return the gust velocity to hold over it, NED, m/s
     */
    public Vector3D next(FlightConditions c, double dtS) {
        Vector3D gust = Vector3D.ZERO;
        double t = c.state().timeS();
        for (OneMinusCosineGust g : gusts) {
            gust = gust.add(g.velocityNed(t));
        }
        if (turbulence != null) {
            double height = c.geodetic().height();
            Vector3D along = c.bodyToNed(c.airVelocityBodyMS());
            // the turbulence passes the body at its whole airspeed; below 1,000 ft its axes are horizontal
            double airspeed = along.getNorm();
            if (height < LOW_ALTITUDE_M) {
                along = new Vector3D(along.getX(), along.getY(), 0);
            }
            Vector3D uvw = turbulence.step(dtS, airspeed, Math.max(height, 0));
            gust = gust.add(DrydenTurbulence.turbulenceAxesToNed(uvw, along));
        }
        return gust;
    }
}
