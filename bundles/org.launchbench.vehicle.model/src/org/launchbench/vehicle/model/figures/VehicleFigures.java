package org.launchbench.vehicle.model.figures;

import java.util.ArrayList;
import java.util.List;

import org.launchbench.core.PhysicalConstants;
import org.launchbench.vehicle.model.Engine;
import org.launchbench.vehicle.model.EngineCluster;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;

/**
 * Derived figures of a vehicle: masses, liftoff thrust-to-weight, and each stage's ideal velocity change by the
 * rocket equation, Δv = Isp g0 ln(m_ignition / m_burnout) (Tsiolkovsky; Sutton &amp; Biblarz, Rocket Propulsion
 * Elements, 9th ed., eq. 4-7). Assumptions, stated because they change the numbers: the fairing rides on the
 * first stage and is gone when the second ignites; payload adapters count as payload; every stage burns all its
 * usable propellant (recovery reserves are a mission matter).
 *
 * @param id                      the vehicle's id
 * @param name                    the vehicle's name
 * @param payloadMass             the payload the figures assume, kg
 * @param liftoffMass             all stages wet, fairing and payload, kg
 * @param liftoffThrust           first-stage thrust at sea level, N
 * @param liftoffThrustToWeight   liftoffThrust / (liftoffMass g0)
 * @param deltaVVacuum            sum of the stages' vacuum Δv, m/s
 * @param stages                  per-stage figures, first stage first
 */
public record VehicleFigures(String id, String name, double payloadMass, double liftoffMass, double liftoffThrust,
                             double liftoffThrustToWeight, double deltaVVacuum, List<StageFigures> stages) {

    /**
     * @param vehicle     the vehicle (valid enough to have stages with masses and engines)
     * @param payloadMass the payload mass to assume, kg
     * @return its figures
     */
    public static VehicleFigures of(LaunchVehicle vehicle, double payloadMass) {
        double g0 = PhysicalConstants.STANDARD_GRAVITY;
        List<Stage> stages = vehicle.getStages();
        double fairing = vehicle.getFairing() == null ? 0 : vehicle.getFairing().getMass();
        List<StageFigures> result = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            double above = payloadMass + (i == 0 ? fairing : 0);
            for (int j = i; j < stages.size(); j++) {
                above += wet(stages.get(j));
            }
            double usable = Math.max(0, s.getPropellantMass() - s.getResidualPropellantMass());
            double burnout = above - usable;
            double fVac = 0, fSl = 0, mdotVac = 0, mdotSl = 0;
            boolean seaLevelRated = !s.getEngines().isEmpty();
            for (EngineCluster c : s.getEngines()) {
                Engine e = c.getEngine();
                if (e == null) {
                    continue;
                }
                double throttle = e.getThrottleMax();
                fVac += c.getCount() * e.getThrustVacuum() * throttle;
                fSl += c.getCount() * e.getThrustSeaLevel() * throttle;
                if (e.getIspVacuum() > 0) {
                    mdotVac += c.getCount() * e.getThrustVacuum() * throttle / (e.getIspVacuum() * g0);
                }
                if (e.getIspSeaLevel() > 0 && e.getThrustSeaLevel() > 0) {
                    mdotSl += c.getCount() * e.getThrustSeaLevel() * throttle / (e.getIspSeaLevel() * g0);
                } else {
                    seaLevelRated = false;
                }
            }
            double ispVac = mdotVac > 0 ? fVac / (mdotVac * g0) : 0;
            double massRatio = burnout > 0 ? above / burnout : 1;
            double dvVac = ispVac * g0 * Math.log(massRatio);
            Double dvSl = seaLevelRated && mdotSl > 0 ? fSl / mdotSl * Math.log(massRatio) : null;
            double burnTime = mdotVac > 0 ? usable / mdotVac : 0;
            result.add(new StageFigures(s.getId(), s.getName(), wet(s), s.getDryMass(), s.getPropellantMass(), usable,
                above, burnout, fSl, fVac, burnTime, dvVac, dvSl));
            total += dvVac;
        }
        double liftoffMass = result.isEmpty() ? payloadMass + fairing : result.get(0).ignitionMass();
        double liftoffThrust = result.isEmpty() ? 0 : result.get(0).thrustSeaLevel();
        double tw = liftoffMass > 0 ? liftoffThrust / (liftoffMass * g0) : 0;
        return new VehicleFigures(vehicle.getId(), vehicle.getName(), payloadMass, liftoffMass, liftoffThrust, tw, total,
            List.copyOf(result));
    }

    private static double wet(Stage s) {
        return s.getDryMass() + s.getPropellantMass();
    }
}
