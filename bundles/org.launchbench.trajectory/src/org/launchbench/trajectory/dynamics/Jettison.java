package org.launchbench.trajectory.dynamics;

import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.trajectory.atmosphere.Atmosphere;

/**
 * Drops a mass (the payload fairing) where the flight crosses a condition, without stopping the integration:
 * the integrator's event handling locates the crossing and resets the state with the mass removed. The
 * condition is either an altitude (geodetic, crossed upwards) or a free-molecular heat flux q = ½ ρ v³
 * (air-relative speed) falling below a limit above 60 km, the criterion launch vehicles use to open the
 * fairing (e.g. 1135 W/m²). One instance per flight: it fires once.
 */
public final class Jettison implements ODEEventDetector {

    /** Below this altitude the heat-flux criterion is not considered (it is satisfied on the pad), m. */
    public static final double HEAT_FLUX_FLOOR = 60_000;

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final double mass;
    private final double altitude;
    private final double heatFlux;
    private double time = Double.NaN;
    private double[] state;

    /**
     * @param earth      the Earth
     * @param atmosphere the atmosphere (for the heat flux)
     * @param mass       mass dropped, kg
     * @param altitude   jettison altitude, m (used when heatFlux is 0)
     * @param heatFlux   free-molecular heat flux below which to jettison, W/m² (0: use the altitude)
     */
    public Jettison(EarthModel earth, Atmosphere atmosphere, double mass, double altitude, double heatFlux) {
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.mass = mass;
        this.altitude = altitude;
        this.heatFlux = heatFlux;
    }

    /** @return the mass dropped, kg */
    public double mass() {
        return mass;
    }

    /** @return whether it has been dropped */
    public boolean done() {
        return !Double.isNaN(time);
    }

    /** @return when it was dropped, s (NaN if not yet) */
    public double time() {
        return time;
    }

    /** @return the state just after the drop (null if not yet) */
    public double[] state() {
        return state == null ? null : state.clone();
    }

    /** @return the mass dropped so far: 0 before, {@link #mass()} after */
    public double dropped() {
        return done() ? mass : 0;
    }

    @Override
    public double g(ODEStateAndDerivative s) {
        if (done()) {
            return 1;
        }
        double[] y = s.getPrimaryState();
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        double h = earth.geodetic(earth.toFixed(s.getTime(), r)).height();
        if (heatFlux <= 0) {
            return h - altitude;
        }
        if (h < HEAT_FLUX_FLOOR) {
            return h - HEAT_FLUX_FLOOR;
        }
        double rho = h > atmosphere.maxAltitude() ? 0 : atmosphere.at(h).density();
        double vRel = new Vector3D(y[3], y[4], y[5]).subtract(Vector3D.crossProduct(earth.rotation(), r)).getNorm();
        // in W/m², scaled so that the function is continuous at the floor (both branches ~0 there only when crossing)
        return Math.min(h - HEAT_FLUX_FLOOR, heatFlux - 0.5 * rho * vRel * vRel * vRel);
    }

    @Override
    public AdaptableInterval getMaxCheckInterval() {
        return AdaptableInterval.of(1.0);
    }

    @Override
    public int getMaxIterationCount() {
        return 100;
    }

    @Override
    public BracketingNthOrderBrentSolver getSolver() {
        return new BracketingNthOrderBrentSolver(1e-6, 5);
    }

    @Override
    public ODEEventHandler getHandler() {
        return new ODEEventHandler() {
            @Override
            public Action eventOccurred(ODEStateAndDerivative state, ODEEventDetector detector, boolean increasing) {
                return increasing && !done() ? Action.RESET_STATE : Action.CONTINUE;
            }

            @Override
            public ODEState resetState(ODEEventDetector detector, ODEStateAndDerivative state) {
                double[] y = state.getPrimaryState().clone();
                y[6] -= mass;
                time = state.getTime();
                Jettison.this.state = y.clone();
                return new ODEState(state.getTime(), y);
            }
        };
    }

    /** @return a fresh copy (not fired) with the same condition, for a trial flight */
    public Jettison copy() {
        return new Jettison(earth, atmosphere, mass, altitude, heatFlux);
    }
}
