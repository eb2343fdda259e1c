package org.launchbench.trajectory.ascent;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.ManifestEntry;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.PayloadAdapter;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.TargetOrbit;
import org.launchbench.vehicle.model.VehicleFactory;
import org.launchbench.vehicle.model.catalog.FolderReferences;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.launchbench.vehicle.model.validation.ModelValidation;

/**
 * A mission file read, validated and resolved into what its ascent needs (the vehicle and site from the catalog
 * or beside the file, the insertion target, the launch azimuth, the mass carried and the first stage's recovery
 * reserve): what {@code simulate}, {@code dispersion} and the workbench start from.
 *
 * @param mission the mission
 * @param refs    where its references were found
 * @param vehicle its vehicle
 * @param site    its launch site
 * @param pad     the site's geodetic position
 * @param target  the insertion target
 * @param azimuth launch azimuth, rad
 * @param payload satellites' mass, kg
 * @param carried payload plus adapter, kg
 * @param reserve first-stage propellant kept for the recovery, kg: the mission's, else the vehicle's figure (where
 *                {@link ReserveSizing} starts from when a recovery engine sizes it)
 */
public record MissionAscent(Mission mission, ModelReferences refs, LaunchVehicle vehicle, LaunchSite site, EarthModel.Geodetic pad,
                            InsertionTarget target, double azimuth, double payload, double carried, double reserve) {

    private static final EarthModel EARTH = EarthModel.WGS84;

    /**
     * @param file    a .mission file
     * @param catalog the vehicle catalog
     * @return the mission, resolved
     * @throws InvalidInputException for a file that does not load, validate or resolve
     */
    public static MissionAscent load(Path file, VehicleCatalog catalog) {
        return resolve(ModelFiles.load(file, Mission.class), FolderReferences.beside(catalog.references(), file), file.toString());
    }

    /**
     * A mission already read (a sweep's point: the file's mission with some figures changed), validated and resolved as
     * {@link #load} does.
     *
     * @param mission the mission
     * @param refs    where its vehicle, site and zone are found
     * @param source  where it came from, for messages
     * @return the mission, resolved
     * @throws InvalidInputException for a mission that does not validate or resolve
     */
    public static MissionAscent resolve(Mission mission, ModelReferences refs, String source) {
        ModelValidation.requireValid(mission, refs, source);
        LaunchVehicle vehicle = refs.vehicle(mission.getVehicleId()).orElseThrow();
        LaunchSite site = refs.launchSite(mission.getLaunchSiteId()).orElseThrow();
        TargetOrbit t = mission.getTargetOrbit();
        double rp = EARTH.equatorialRadius() + t.getPerigeeAltitude();
        double ra = t.isSunSynchronous() ? rp : EARTH.equatorialRadius() + t.getApogeeAltitude();
        double inclination = t.isSunSynchronous() ? OrbitGeometry.sunSynchronousInclination(EARTH, (rp + ra) / 2, (ra - rp) / (ra + rp))
            : Math.toRadians(t.getInclination());
        InsertionTarget target = new InsertionTarget(rp, ra, inclination);
        double azimuth;
        if (mission.isSetLaunchAzimuth()) {
            azimuth = Math.toRadians(mission.getLaunchAzimuth());
        } else {
            try {
                // a transfer orbit below the site's latitude is flown in the lowest plane the site reaches and turned at the node
                azimuth = OrbitGeometry.launchAzimuth(EARTH, site, PlaneChange.ascentInclination(vehicle, Math.toRadians(site.getLatitude()),
                    target), target.perigeeSpeed(EARTH.mu()));
            } catch (InvalidInputException e) {
                throw InvalidInputException.because(e.problem()).source(source).element("targetOrbit/inclination")
                    .value(e.value()).allowed(e.allowed()).fix(e.fix()).build(e);
            }
        }
        double payload = 0;
        for (ManifestEntry m : mission.getManifest()) {
            payload += m.getCount() * m.getSatellite().getMass();
        }
        PayloadAdapter adapter = vehicle.getPayloadAdapters().stream()
            .filter(a -> a.getId() != null && a.getId().equals(mission.getPayloadAdapterId())).findFirst().orElse(null);
        double carried = payload + (adapter == null ? 0 : adapter.getMass());
        Stage first = vehicle.getStages().get(0);
        boolean recovered = mission.getRecovery() != null && mission.getRecovery().getMode() != RecoveryMode.EXPENDABLE;
        // a reserve the stage does not have is refused by the validation above (VehicleConstraints' recovery plan)
        double reserve = !recovered ? 0 : mission.getRecovery().isSetPropellantReserve() ? mission.getRecovery().getPropellantReserve()
            : first.getRecovery() != null ? first.getRecovery().getLandingPropellantReserve() : 0;
        return new MissionAscent(mission, refs, vehicle, site, EarthModel.Geodetic.of(site), target, azimuth, payload, carried, reserve);
    }

    /**
     * A mission made for a question about a vehicle rather than read from a file ({@code payload}): the vehicle from the
     * site to the target with a recovery plan, no manifest.
     *
     * @param vehicle the vehicle (valid)
     * @param site    the launch site
     * @param refs    where the plan's landing zone is found
     * @param target  the insertion target
     * @param azimuth launch azimuth, rad
     * @param plan    the first stage's recovery plan (null: expended)
     * @return the mission carrying nothing, keeping the vehicle's reserve figure when recovered
     */
    public static MissionAscent of(LaunchVehicle vehicle, LaunchSite site, ModelReferences refs, InsertionTarget target, double azimuth,
                                   RecoveryPlan plan) {
        Mission mission = VehicleFactory.eINSTANCE.createMission();
        mission.setId(vehicle.getId() + "-payload");
        mission.setVehicleId(vehicle.getId());
        mission.setLaunchSiteId(site.getId());
        mission.setRecovery(plan);
        Stage first = vehicle.getStages().get(0);
        boolean recovered = plan != null && plan.getMode() != RecoveryMode.EXPENDABLE;
        double reserve = recovered && first.getRecovery() != null ? first.getRecovery().getLandingPropellantReserve() : 0;
        return new MissionAscent(mission, refs, vehicle, site, EarthModel.Geodetic.of(site), target, azimuth, 0, 0, reserve);
    }

    /**
     * @param carriedKg payload and adapter, kg
     * @param reserveKg the first stage's reserve (where a sizing starts), kg
     * @return this mission carrying that mass
     */
    public MissionAscent carrying(double carriedKg, double reserveKg) {
        return new MissionAscent(mission, refs, vehicle, site, pad, target, azimuth, payload + carriedKg - carried, carriedKg, reserveKg);
    }

    /**
     * The mission's scenarios a command injects.
     *
     * @param option       the {@code --scenario} value when given: one of the mission's scenario names, or "none"
     * @param allByDefault without the option, every scenario the mission lists (else none)
     * @param source       the mission file, for the error
     * @return the names chosen
     * @throws InvalidInputException for a name the mission does not have
     */
    public List<String> scenarios(java.util.Optional<String> option, boolean allByDefault, String source) {
        List<String> names = mission.getScenarios().stream().map(org.launchbench.vehicle.model.Scenario::getName).toList();
        if (option.isEmpty()) {
            return allByDefault ? names : List.of();
        }
        String wanted = option.get();
        if (wanted.equals("none")) {
            return List.of();
        }
        if (!names.contains(wanted)) {
            throw InvalidInputException.because("the mission has no scenario of that name").source(source).element("--scenario")
                .value(wanted).allowed(names.isEmpty() ? "none (the mission lists no scenario)" : "none, " + String.join(", ", names))
                .build();
        }
        return List.of(wanted);
    }

    /**
     * @param profile how to fly it
     * @param monitor progress and cancellation
     * @return the ascent with the best lofting, the separated first stage flown ballistically alongside
     */
    public AscentResult fly(AscentProfile profile, IProgressMonitor monitor) {
        return simulator(profile).flyBest(vehicle, pad, azimuth, carried, reserve, target, monitor);
    }

    /**
     * The ascent with the first stage's reserve sized by its recovery ({@link ReserveSizing}).
     *
     * @param profile  how to fly it
     * @param recovery the recovery engine (null: none installed, the fixed reserve is kept)
     * @param source   the mission file, for error messages
     * @param monitor  progress and cancellation
     * @return the ascent and its reserve
     */
    public ReserveSizing.Sized fly(AscentProfile profile, BoosterRecovery recovery, String source, IProgressMonitor monitor) {
        return ReserveSizing.fly(this, profile, recovery, source, monitor);
    }

    /**
     * The ascent a command flies: the plan, or, where the scenarios chosen fail the ascent, the plan flown again with
     * those failures ({@link #flyFailing}), after they are checked against the plan's cut-off.
     *
     * @param plan      the nominal ascent with its reserve
     * @param scenarios the mission's scenarios chosen
     * @param profile   how the plan was flown
     * @param source    the mission file, for error messages
     * @param monitor   progress and cancellation
     * @return the ascent flown
     * @throws InvalidInputException for a failure the ascent cannot inject ({@link AscentFailures#check})
     */
    public AscentResult flown(ReserveSizing.Sized plan, List<String> scenarios, AscentProfile profile, String source,
                              IProgressMonitor monitor) {
        AscentFailures failures = AscentFailures.of(mission, scenarios);
        if (failures.isEmpty()) {
            return plan.ascent();
        }
        AscentResult nominal = plan.ascent();
        double meco = nominal.events().stream().filter(e -> e.name().equals("meco")).mapToDouble(e -> e.time()).findFirst().orElse(0);
        List<org.launchbench.vehicle.model.Stage> stages = vehicle.getStages();
        boolean solidLast = stages.get(stages.size() - 1).getPropulsion() == org.launchbench.vehicle.model.Propulsion.SOLID;
        failures.check(stages.get(0).isStrapOn(), meco, solidLast ? List.of() : nominal.burns(), source);
        return flyFailing(profile, plan, failures, monitor);
    }

    /**
     * A planned ascent flown again with failures injected into its first stage's burn: the plan's pitch-over, lofting
     * and reserve (the flight computer does not know the failure is coming), the last stage's steering solved from the
     * state it ignites in ({@link AscentFailures}).
     *
     * @param profile  how the plan was flown
     * @param plan     the nominal ascent with its reserve
     * @param failures the failures ({@link AscentFailures#check} passed)
     * @param monitor  progress and cancellation
     * @return the flown ascent
     * @throws org.launchbench.core.RunFailedException when the vehicle no longer reaches the orbit (or falls back)
     */
    public AscentResult flyFailing(AscentProfile profile, ReserveSizing.Sized plan, AscentFailures failures, IProgressMonitor monitor) {
        return simulator(profile).withFlightPathAngle(plan.loftingDeg()).withFailures(failures, plan.ascent().kickAngle())
            .fly(vehicle, pad, azimuth, carried, plan.reserveKg(), target, monitor);
    }

    /** @param profile how to fly it; @return the simulator the mission's ascents are flown with */
    AscentSimulator simulator(AscentProfile profile) {
        return new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, profile)
            .withMaxDynamicPressure(mission.isSetMaxAscentDynamicPressure() ? mission.getMaxAscentDynamicPressure() : Double.NaN);
    }
}
