package org.launchbench.trajectory.ascent;

import org.launchbench.trajectory.dynamics.DynamicsFactory;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.validation.ModelReferences;

/**
 * What happens to the separated first stage after an ascent: a service the recovery engine provides (the
 * trajectory engine flies the ascent and hands it the separation state), so {@code simulate} reports both
 * vehicles without the trajectory bundle depending on the recovery one.
 */
public interface BoosterRecovery {

    /**
     * @param mission   the mission (its recovery plan and scenarios)
     * @param refs      where its vehicle, site and landing zone were found
     * @param vehicle   the vehicle
     * @param ascent    the flown ascent ({@link AscentResult#booster()} gives the separation state)
     * @param scenarios names of the mission's scenarios whose failures to inject (empty: nominal)
     * @param fidelity  the fidelity the stage's flight is flown at
     * @param source    the mission file, for error messages
     * @param monitor   progress and cancellation
     * @return the recovery
     */
    Report recover(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent, List<String> scenarios,
                   DynamicsFactory fidelity, String source, IProgressMonitor monitor);

    /**
     * The propellant the mission's recovery plan needs from an ascent's separation state: the nominal recovery flown
     * from it (boostback, entry and landing burns as planned, no perturbation, no failure) and the stage's mass ratio
     * over it turned into the reserve that leaves the plan's margin unused. What {@link ReserveSizing} iterates on.
     *
     * @param mission the mission (its recovery plan, not expendable)
     * @param refs    where its vehicle, site and landing zone were found
     * @param vehicle the vehicle
     * @param ascent  an ascent flown with some reserve, its separated stage captured
     * @param source  the mission file, for error messages
     * @return the need
     */
    ReserveNeed need(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent, String source);

    /**
     * What a recovery flown from one separation state needs.
     *
     * @param reserveKg     the first-stage propellant that flies it and keeps the plan's margin unused, kg
     * @param massRatio     the stage's mass at separation over its mass at touchdown in the nominal flight (the
     *                      burns' ideal velocity change is the exhaust speed times its logarithm)
     * @param ranDry        whether the nominal flight ran out of propellant (the ratio is then a floor, not the need)
     * @param trouble       why the nominal flight crashed for another reason than propellant (null: it landed, or it
     *                      only ran dry): no reserve lands this cut-off
     * @param boostbackDvMs the boostback burn's velocity change as targeted, m/s (0: none)
     * @param entryDvMs     the entry burn's, m/s (0: none)
     */
    record ReserveNeed(double reserveKg, double massRatio, boolean ranDry, String trouble, double boostbackDvMs, double entryDvMs) {
    }

    /**
     * A recovery's report: what was flown and how it ended, as data (the commands format it: {@code
     * org.launchbench.trajectory.format.RecoveryReports}).
     *
     * @param result    how the flight ended (null: the stage was not flown home)
     * @param zone      where it was meant to land (null when not flown)
     * @param targeting what the nominal plan aimed for (null when not flown)
     * @param fidelity  the name of the fidelity flown (null when not flown)
     * @param scenarios the scenarios whose failures were injected (empty: nominal)
     * @param notes     the targeting's and the fidelity's notes, or why the stage was not flown
     */
    record Report(RecoveryResult result, Zone zone, Targeting targeting, String fidelity, List<String> scenarios, List<String> notes) {

        public Report {
            scenarios = List.copyOf(scenarios);
            notes = List.copyOf(notes);
        }

        /** An expendable mission's: nothing flown. */
        public static Report expendable() {
            return new Report(null, null, null, null, List.of(), List.of());
        }

        /** A recoverable stage that was not flown home, and why. */
        public static Report notFlown(String why) {
            return new Report(null, null, null, null, List.of(), List.of(why));
        }

        /** @return whether the stage was flown home */
        public boolean flown() {
            return result != null;
        }

        /** @return whether it crashed ({@code simulate} exits 1) */
        public boolean crashed() {
            return result != null && result.outcome() == RecoveryResult.Outcome.CRASHED;
        }
    }

    /**
     * The landing zone a recovery aimed at.
     *
     * @param id                      its id
     * @param name                    its name
     * @param latitudeDeg             where it was, deg
     * @param longitudeDeg            deg
     * @param placedWhereTheStageFalls whether a drone ship was stationed where the stage falls (the plan's choice)
     */
    record Zone(String id, String name, double latitudeDeg, double longitudeDeg, boolean placedWhereTheStageFalls) {
    }

    /**
     * What the nominal recovery plan aimed for.
     *
     * @param boostbackAzimuthDeg       the boostback burn's thrust azimuth in the local horizontal at its ignition, deg
     * @param boostbackDvMs             the velocity it gains, m/s (0: none)
     * @param entryDvMs                 the velocity the entry burn takes off, m/s (0: none)
     * @param entryIgnitionAltitudeM    the entry burn's ignition altitude above the zone, m
     * @param predictedMissWithoutFinsM where the stage would fall with no fins and no landing burn, from the centre, m
     * @param finCrossRangeM            how far sideways the grid fins can move it before the landing burn, m (0: no fins)
     * @param predictedPeakHeatFluxWm2  the predicted peak stagnation heat flux after the entry burn, W/m²
     */
    record Targeting(double boostbackAzimuthDeg, double boostbackDvMs, double entryDvMs, double entryIgnitionAltitudeM,
                     double predictedMissWithoutFinsM, double finCrossRangeM, double predictedPeakHeatFluxWm2) {
    }
}
