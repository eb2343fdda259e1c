package org.launchbench.trajectory.dynamics;

import java.util.List;

import org.launchbench.core.PhysicalConstants;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.vehicle.model.Engine;
import org.launchbench.vehicle.model.EngineCluster;
import org.launchbench.vehicle.model.Stage;

/**
 * The engines lit on a stage, as thrust and mass flow against throttle and ambient pressure. Each engine's
 * thrust is F(p) = τ F_vac - p A_e (Sutton &amp; Biblarz, Rocket Propulsion Elements, 9th ed., eq. 3-21), with
 * the exit area A_e from the model or, when not given, from the published pair A_e = (F_vac - F_sl) / p0; its
 * mass flow τ F_vac / (Isp_vac g0) does not depend on the ambient pressure. Immutable.
 *
 * @param vacuumThrust  total vacuum thrust at full throttle, N
 * @param exitArea      total nozzle exit area, m²
 * @param massFlow      total mass flow at full throttle, kg/s
 * @param throttleMin   lowest throttle setting (fraction of full)
 * @param throttleMax   highest throttle setting
 */
public record Propulsion(double vacuumThrust, double exitArea, double massFlow, double throttleMin, double throttleMax) {

    /** Sea-level pressure the sea-level ratings refer to, Pa (U.S. Standard Atmosphere 1976). */
    public static final double SEA_LEVEL_PRESSURE = UsStandardAtmosphere1976.SEA_LEVEL_PRESSURE;

    /** No engine lit. */
    public static final Propulsion NONE = new Propulsion(0, 0, 0, 0, 0);

    /** @param stage a stage; @return all its engines lit */
    public static Propulsion of(Stage stage) {
        return of(stage.getEngines(), Integer.MAX_VALUE);
    }

    /**
     * @param clusters the stage's engine groups
     * @param lit      how many engines are lit, taken in model order (e.g. 1 of 9 for a landing burn)
     * @return those engines together
     */
    public static Propulsion of(List<EngineCluster> clusters, int lit) {
        double fVac = 0, area = 0, mdot = 0, tMin = 0, tMax = 1;
        int left = lit;
        for (EngineCluster c : clusters) {
            Engine e = c.getEngine();
            int n = Math.min(c.getCount(), left);
            if (e == null || n <= 0) {
                continue;
            }
            left -= n;
            fVac += n * e.getThrustVacuum();
            area += n * (e.getNozzleExitArea() > 0 ? e.getNozzleExitArea()
                : e.getThrustSeaLevel() > 0 ? (e.getThrustVacuum() - e.getThrustSeaLevel()) / SEA_LEVEL_PRESSURE : 0);
            mdot += n * e.getThrustVacuum() / (e.getIspVacuum() * PhysicalConstants.STANDARD_GRAVITY);
            tMin = Math.max(tMin, e.getThrottleMin());
            tMax = Math.min(tMax, e.getThrottleMax());
        }
        return new Propulsion(fVac, area, mdot, tMin, tMax);
    }

    /**
     * @param other engines burning at the same time (strap-ons and their core)
     * @return both together: thrusts, exit areas and flows add; the throttle range is what both allow
     */
    public Propulsion plus(Propulsion other) {
        return new Propulsion(vacuumThrust + other.vacuumThrust, exitArea + other.exitArea, massFlow + other.massFlow,
            Math.max(throttleMin, other.throttleMin), Math.min(throttleMax, other.throttleMax));
    }

    /**
     * @param thrustFactor the engines' thrust over their rating (a shortfall, a dispersion)
     * @param ispFactor    their specific impulse over its rating
     * @return these engines delivering that: thrust × thrustFactor, flow × thrustFactor / ispFactor (the nozzle the same)
     */
    public Propulsion deviated(double thrustFactor, double ispFactor) {
        return new Propulsion(vacuumThrust * thrustFactor, exitArea, massFlow * thrustFactor / ispFactor, throttleMin, throttleMax);
    }

    /**
     * @param throttle        throttle setting, fraction of full thrust (0 = off)
     * @param ambientPressure Pa
     * @return thrust, N (never negative: a nozzle does not pull)
     */
    public double thrust(double throttle, double ambientPressure) {
        return throttle <= 0 ? 0 : Math.max(0, throttle * vacuumThrust - ambientPressure * exitArea);
    }

    /** @param throttle throttle setting; @return propellant mass flow, kg/s */
    public double massFlow(double throttle) {
        return throttle <= 0 ? 0 : throttle * massFlow;
    }
}
