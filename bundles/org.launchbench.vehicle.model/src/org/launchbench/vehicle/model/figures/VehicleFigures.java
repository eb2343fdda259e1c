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
 * Elements, 9th ed., eq. 4-7). Assumptions, stated because they change the numbers: engines run at full
 * throttle (throttleMax); the fairing rides on the first stage (and its strap-ons) and is gone when the next
 * stage ignites; payload adapters count as payload; every stage burns all its usable propellant (recovery
 * reserves are a mission matter).
 * <p>
 * A strap-on stage burns in parallel with the next (core) stage from liftoff: while both burn, the stack's
 * specific impulse is the thrust-weighted one, Isp = ΣF / (Σṁ g0); when the strap-ons burn out they are
 * dropped, and the core continues with what it has left. The strap-on's figures cover the parallel phase, the
 * core's the rest of its burn. (A core that burns out before its strap-ons is not modelled: its figures then
 * assume the strap-ons' burn time is cut to the core's.)
 *
 * @param id                      the vehicle's id
 * @param name                    the vehicle's name
 * @param payloadMass             the payload the figures assume, kg
 * @param liftoffMass             all stages wet, fairing and payload, kg
 * @param liftoffThrust           sea-level thrust of everything lit at liftoff, N
 * @param liftoffThrustToWeight   liftoffThrust / (liftoffMass g0)
 * @param deltaVVacuum            sum of the stages' vacuum Δv, m/s
 * @param stages                  per-stage figures, in the model's order
 */
public record VehicleFigures(String id, String name, double payloadMass, double liftoffMass, double liftoffThrust,
                             double liftoffThrustToWeight, double deltaVVacuum, List<StageFigures> stages) {

    private static final double G0 = PhysicalConstants.STANDARD_GRAVITY;

    /**
     * Thrust and mass flow of a stage's engines at full throttle; {@code mdotSl} is the flow implied by the
     * sea-level rating (F_sl / Isp_sl g0), which published figures do not always make equal to the vacuum one.
     */
    private record Propulsion(double fVac, double fSl, double mdot, double mdotSl, boolean seaLevelRated) {
        static Propulsion of(Stage s) {
            double fVac = 0, fSl = 0, mdot = 0, mdotSl = 0;
            boolean rated = !s.getEngines().isEmpty();
            for (EngineCluster c : s.getEngines()) {
                Engine e = c.getEngine();
                if (e == null) {
                    continue;
                }
                double throttle = e.getThrottleMax();
                fVac += c.getCount() * e.getThrustVacuum() * throttle;
                fSl += c.getCount() * e.getThrustSeaLevel() * throttle;
                if (e.getIspVacuum() > 0) {
                    mdot += c.getCount() * e.getThrustVacuum() * throttle / (e.getIspVacuum() * G0);
                }
                boolean engineRated = e.getIspSeaLevel() > 0 && e.getThrustSeaLevel() > 0;
                if (engineRated) {
                    mdotSl += c.getCount() * e.getThrustSeaLevel() * throttle / (e.getIspSeaLevel() * G0);
                }
                rated &= engineRated;
            }
            return new Propulsion(fVac, fSl, mdot, mdotSl, rated);
        }

        Propulsion plus(Propulsion o) {
            return new Propulsion(fVac + o.fVac, fSl + o.fSl, mdot + o.mdot, mdotSl + o.mdotSl,
                seaLevelRated && o.seaLevelRated);
        }

        /** Ideal Δv with sea-level specific impulse (thrust-weighted over the engines). */
        Double deltaVSeaLevel(double m0, double m1) {
            return seaLevelRated && mdotSl > 0 && m1 > 0 ? fSl / mdotSl * Math.log(m0 / m1) : null;
        }

        double burnTime(double propellant) {
            return mdot > 0 ? propellant / mdot : 0;
        }

        /** Ideal vacuum Δv: effective exhaust velocity F_vac / ṁ times ln(m0/m1). */
        double deltaV(double m0, double m1) {
            return mdot > 0 && m1 > 0 ? fVac / mdot * Math.log(m0 / m1) : 0;
        }
    }

    /**
     * @param vehicle     the vehicle (valid enough to have stages with masses and engines)
     * @param payloadMass the payload mass to assume, kg
     * @return its figures
     */
    public static VehicleFigures of(LaunchVehicle vehicle, double payloadMass) {
        List<Stage> stages = vehicle.getStages();
        double fairing = vehicle.getFairing() == null ? 0 : vehicle.getFairing().getMass();
        List<StageFigures> result = new ArrayList<>();
        double total = 0;
        double liftoffThrust = 0;
        double carriedOver = -1; // core propellant already burned in parallel with strap-ons
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            boolean firstBurn = i == 0 || (i == 1 && stages.get(0).isStrapOn());
            double stack = payloadMass + (firstBurn ? fairing : 0);
            for (int j = i; j < stages.size(); j++) {
                stack += wet(stages.get(j));
            }
            Propulsion p = Propulsion.of(s);
            double usable = usable(s);
            StageFigures f;
            if (s.isStrapOn() && i + 1 < stages.size()) {
                Stage core = stages.get(i + 1);
                Propulsion both = p.plus(Propulsion.of(core));
                double t = Math.min(p.burnTime(usable), Propulsion.of(core).burnTime(usable(core)));
                double burned = both.mdot * t;
                double m1 = stack - burned;
                carriedOver = Propulsion.of(core).mdot * t;
                Double dvSl = both.deltaVSeaLevel(stack, m1);
                f = new StageFigures(s.getId(), s.getName(), wet(s), s.getDryMass(), s.getPropellantMass(), usable, stack, m1,
                    both.fSl, both.fVac, t, both.deltaV(stack, m1), dvSl);
                if (i == 0) {
                    liftoffThrust = both.fSl;
                }
            } else {
                double alreadyBurned = carriedOver > 0 ? carriedOver : 0;
                double ignition = stack - alreadyBurned;
                double burnout = ignition - (usable - alreadyBurned);
                Double dvSl = p.deltaVSeaLevel(ignition, burnout);
                f = new StageFigures(s.getId(), s.getName(), wet(s), s.getDryMass(), s.getPropellantMass(), usable,
                    ignition, burnout, p.fSl, p.fVac, p.burnTime(usable), p.deltaV(ignition, burnout), dvSl);
                carriedOver = -1;
                if (i == 0) {
                    liftoffThrust = p.fSl;
                }
            }
            result.add(f);
            total += f.deltaVVacuum();
        }
        double liftoffMass = result.isEmpty() ? payloadMass + fairing : result.get(0).ignitionMass();
        double tw = liftoffMass > 0 ? liftoffThrust / (liftoffMass * G0) : 0;
        return new VehicleFigures(vehicle.getId(), vehicle.getName(), payloadMass, liftoffMass, liftoffThrust, tw, total,
            List.copyOf(result));
    }

    private static double wet(Stage s) {
        return s.getDryMass() + s.getPropellantMass();
    }

    /** @param s a stage; @return its loaded propellant less the unusable residuals, kg (never negative) */
    public static double usable(Stage s) {
        return Math.max(0, s.getPropellantMass() - s.getResidualPropellantMass());
    }

    /**
     * @param vehicle a vehicle
     * @return its first core stage: the one that burns from liftoff and separates as the first stage (the one after
     *         the strap-ons when it has them), which a recovery flies home
     */
    public static Stage coreStage(LaunchVehicle vehicle) {
        return vehicle.getStages().get(vehicle.getStages().get(0).isStrapOn() ? 1 : 0);
    }
}
