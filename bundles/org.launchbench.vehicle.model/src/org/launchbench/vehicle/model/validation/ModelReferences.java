package org.launchbench.vehicle.model.validation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;

/**
 * How a mission's identifiers (vehicle, launch site, landing zone) are resolved while validating: through the
 * vehicle catalog, files beside the mission, or both.
 */
public interface ModelReferences {

    /** Resolves nothing: cross-references are then reported as unknown. */
    ModelReferences NONE = new ModelReferences() {
        @Override
        public Optional<LaunchVehicle> vehicle(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<LaunchSite> launchSite(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<LandingZone> landingZone(String id) {
            return Optional.empty();
        }
    };

    /** @param id a vehicle id; @return the vehicle */
    Optional<LaunchVehicle> vehicle(String id);

    /** @param id a launch-site id; @return the site */
    Optional<LaunchSite> launchSite(String id);

    /** @param id a landing-zone id; @return the zone */
    Optional<LandingZone> landingZone(String id);

    /**
     * @param element a vehicle, site or zone these references gave
     * @return the file it was read from, when not from the catalog (for messages)
     */
    default Optional<java.nio.file.Path> source(org.eclipse.emf.ecore.EObject element) {
        return Optional.empty();
    }

    /** @return what went wrong finding references that did not stop them (a broken file skipped), one line each */
    default List<String> warnings() {
        return List.of();
    }

    /** @return the vehicle ids known, for messages (may be empty) */
    default Collection<String> vehicleIds() {
        return List.of();
    }

    /** @return the launch-site ids known, for messages */
    default Collection<String> launchSiteIds() {
        return List.of();
    }

    /** @return the landing-zone ids known, for messages */
    default Collection<String> landingZoneIds() {
        return List.of();
    }
}
