package org.launchbench.recovery.stage;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.core.InvalidInputException;
import org.launchbench.flight.phase.RigidBodyFidelity;
import org.launchbench.recovery.loop.FlightSoftwareRecovery;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.Scenario;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.figures.VehicleFigures;
import org.launchbench.vehicle.model.validation.ModelReferences;

/**
 * A mission's first-stage recovery as every command and view sets it up: the ascent with the reserve this engine sizes,
 * the recovery case of the stage that separated (its drone ship stationed where it falls when the plan says so), the
 * scenario's failures, the nominal plan and one flight at a fidelity. The public face of what {@code simulate},
 * {@code dispersion}, {@code hil} and the workbench share, as a public API rather than the engine's internals.
 */
public final class MissionRecovery {

    /** The recovery engine over the WGS-84 Earth and the U.S. Standard Atmosphere 1976. */
    public static final StageRecovery ENGINE = new StageRecovery(EarthModel.WGS84, UsStandardAtmosphere1976.INSTANCE);

    private MissionRecovery() {
    }

    /**
     * A mission's ascent as every command and view flies it: the first stage's reserve sized by this engine
     * ({@link org.launchbench.trajectory.ascent.ReserveSizing}), so that {@code simulate}, {@code dispersion}, {@code hil}
     * and the workbench separate the same stage.
     *
     * @param m       the mission, resolved
     * @param source  the mission file, for error messages
     * @param monitor progress and cancellation
     * @return the ascent and its reserve
     */
    public static org.launchbench.trajectory.ascent.ReserveSizing.Sized sizedAscent(org.launchbench.trajectory.ascent.MissionAscent m,
                                                                                   String source, IProgressMonitor monitor) {
        return m.fly(org.launchbench.trajectory.ascent.AscentProfile.DEFAULT, new RecoveryService(), source, monitor);
    }

    /** The flight software's sensor seed of a single flight ({@code simulate}); a campaign's runs draw their own. */
    public static final long SIMULATE_SEED = 1;

    /**
     * One recovery at a fidelity: the point mass flown by the sequencer's own guidance; the rigid body with the
     * flight software in the loop from the hand-over ({@link FlightSoftwareRecovery}).
     *
     * @param seed the flight software's sensors' seed (unused by the point mass)
     */
    public static RecoveryResult fly(DynamicsFactory fidelity, StageRecovery.Case c, StageRecovery.Plan plan, Perturbation p,
                                     List<Failure> failures, StageRecovery.Options o, long seed) {
        StageRecovery engine = ENGINE.withDynamics(fidelity);
        if (fidelity instanceof RigidBodyFidelity) {
            return new FlightSoftwareRecovery(engine, EarthModel.WGS84, UsStandardAtmosphere1976.INSTANCE, FlightSoftwareRecovery.Settings.DEFAULT)
                .fly(c, plan, p, failures, o, seed);
        }
        return engine.fly(c, plan, p, failures, o);
    }

    /**
     * The nominal targeting for a fidelity: the point mass's aims the fins-off impact point; the flight software's
     * (6-DOF) aims its own rest point ({@link FlightSoftwareRecovery#plan}).
     */
    public static StageRecovery.Plan plan(DynamicsFactory fidelity, StageRecovery.Case c) {
        if (fidelity instanceof RigidBodyFidelity) {
            return new FlightSoftwareRecovery(ENGINE.withDynamics(fidelity), EarthModel.WGS84, UsStandardAtmosphere1976.INSTANCE,
                FlightSoftwareRecovery.Settings.DEFAULT).plan(c);
        }
        return ENGINE.plan(c);
    }

    /** The recovery of a flown ascent, its references checked. */
    public static StageRecovery.Case recoveryCase(Mission mission, ModelReferences refs, LaunchVehicle vehicle, AscentResult ascent,
                                           String source) {
        RecoveryPlan plan = mission.getRecovery();
        LandingZone zone = refs.landingZone(plan.getLandingZoneId()).orElseThrow(() -> InvalidInputException
            .because("the recovery plan's landing zone is not in the catalog or beside the mission").source(source)
            .element("recovery/landingZoneId").value(plan.getLandingZoneId()).allowed("a landing zone id (launchbench list sites)").build());
        LaunchSite site = refs.launchSite(mission.getLaunchSiteId()).orElseThrow();
        Stage first = VehicleFigures.coreStage(vehicle);
        AscentResult.Booster b = ascent.booster();
        StageRecovery.Case c = new StageRecovery.Case(EarthModel.Geodetic.of(site), first, plan, zone, b.separationTime(),
            b.separationState(), source);
        return plan.isPlaceShip() ? stationed(c) : c;
    }

    /** Passes of the ship's stationing: the second takes the first's residual (the Earth's curvature) out. */
    private static final int STATION_PASSES = 2;

    /**
     * The recovery with its drone ship stationed where the stage falls ({@link StageRecovery#fall}): the catalog's ship
     * moved by the fall's offset from it, along the WGS-84 meridian and prime-vertical radii of curvature.
     */
    public static StageRecovery.Case stationed(StageRecovery.Case c) {
        StageRecovery.Case at = c;
        for (int pass = 0; pass < STATION_PASSES; pass++) {
            // the entry burn sized again for the moved ship: its heights are along the zone's own vertical
            double[] offset = ENGINE.fall(at);
            LandingZone moved = org.eclipse.emf.ecore.util.EcoreUtil.copy(at.zone());
            double lat = Math.toRadians(moved.getLatitude());
            double a = EarthModel.WGS84.equatorialRadius();
            double e2 = EarthModel.WGS84.eccentricitySquared();
            double w = 1 - e2 * Math.sin(lat) * Math.sin(lat);
            double meridian = a * (1 - e2) / Math.pow(w, 1.5);
            double primeVertical = a / Math.sqrt(w);
            moved.setLatitude(moved.getLatitude() + Math.toDegrees(offset[1] / meridian));
            double lon = moved.getLongitude() + Math.toDegrees(offset[0] / (primeVertical * Math.cos(lat)));
            moved.setLongitude(((lon + 180) % 360 + 360) % 360 - 180);
            at = new StageRecovery.Case(at.launchSite(), at.stage(), at.plan(), moved, at.separationTime(), at.separationState(),
                at.source());
        }
        return at;
    }

    /**
     * @param mission   the mission
     * @param scenarios the scenarios flown, by name
     * @return their failures, in the mission's order
     */
    public static List<Failure> failures(Mission mission, List<String> scenarios) {
        List<Failure> out = new ArrayList<>();
        for (Scenario s : mission.getScenarios()) {
            if (scenarios.contains(s.getName())) {
                out.addAll(s.getFailures());
            }
        }
        return out;
    }
}
