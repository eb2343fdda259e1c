package org.launchbench.vehicle.model.catalog;

import java.util.List;
import java.util.Optional;

import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.validation.ModelReferences;

/**
 * Every vehicle, launch site and landing zone contributed through the extension point
 * {@value #EXTENSION_POINT}, as an OSGi service. Contributions arrive and leave with their bundles; each call
 * answers for the bundles installed now.
 */
public interface VehicleCatalog {

    /** The extension point through which bundles contribute model files. */
    String EXTENSION_POINT = "org.launchbench.vehicle.model.catalog";

    /** @return every vehicle, sorted by id */
    List<CatalogVehicle> vehicles();

    /** @param id a vehicle id; @return that vehicle */
    default Optional<CatalogVehicle> vehicle(String id) {
        return vehicles().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** @return every launch site, sorted by id */
    List<LaunchSite> launchSites();

    /** @return every landing zone, sorted by id */
    List<LandingZone> landingZones();

    /** @return contributions that could not be taken, with why */
    List<CatalogProblem> problems();

    /** @return the catalog as references for validating missions */
    default ModelReferences references() {
        List<CatalogVehicle> vehicles = vehicles();
        List<LaunchSite> sites = launchSites();
        List<LandingZone> zones = landingZones();
        return new ModelReferences() {
            @Override
            public Optional<LaunchVehicle> vehicle(String id) {
                return vehicles.stream().filter(v -> v.id().equals(id)).map(CatalogVehicle::model).findFirst();
            }

            @Override
            public Optional<LaunchSite> launchSite(String id) {
                return sites.stream().filter(s -> s.getId().equals(id)).findFirst();
            }

            @Override
            public Optional<LandingZone> landingZone(String id) {
                return zones.stream().filter(z -> z.getId().equals(id)).findFirst();
            }

            @Override
            public java.util.Collection<String> vehicleIds() {
                return vehicles.stream().map(CatalogVehicle::id).toList();
            }

            @Override
            public java.util.Collection<String> launchSiteIds() {
                return sites.stream().map(LaunchSite::getId).toList();
            }

            @Override
            public java.util.Collection<String> landingZoneIds() {
                return zones.stream().map(LandingZone::getId).toList();
            }
        };
    }
}
