package org.launchbench.constellation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.ascent.AscentProfile;
import org.launchbench.trajectory.ascent.AscentSimulator;
import org.launchbench.trajectory.ascent.PayloadCapability;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;

/**
 * The trajectory engine's payload query (full ascents bisected on the payload, docs/trajectory.md), expendable, cached
 * by vehicle, site and orbit: a spec's launchers often share them, and each query flies dozens of ascents.
 */
public final class TrajectoryPayload implements ConstellationSpec.PayloadQuery {

    private final EarthModel earth;
    private final IProgressMonitor monitor;
    private final Map<List<Object>, Double> cache = new ConcurrentHashMap<>();

    public TrajectoryPayload(EarthModel earth, IProgressMonitor monitor) {
        this.earth = earth;
        this.monitor = monitor;
    }

    @Override
    public double payload(CatalogVehicle vehicle, LaunchSite site, double altitude, double inclination) {
        return cache.computeIfAbsent(List.of(vehicle.id(), site.getId(), altitude, inclination), k -> {
            double r = earth.equatorialRadius() + altitude;
            InsertionTarget target = new InsertionTarget(r, r, inclination);
            double azimuth;
            try {
                azimuth = OrbitGeometry.launchAzimuth(earth, site, inclination, target.perigeeSpeed(earth.mu()));
            } catch (InvalidInputException e) {
                return Double.NaN;
            }
            try {
                return new PayloadCapability(new AscentSimulator(earth, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT))
                    .solve(vehicle.model(), EarthModel.Geodetic.of(site), azimuth, 0, target, monitor);
            } catch (RunFailedException e) {
                return Double.NaN;
            }
        });
    }
}
