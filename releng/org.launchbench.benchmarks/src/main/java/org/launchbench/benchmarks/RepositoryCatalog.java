package org.launchbench.benchmarks;

import java.nio.file.Path;
import java.util.List;

import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.SiteCatalog;
import org.launchbench.vehicle.model.catalog.CatalogProblem;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.io.ModelFiles;

/**
 * The Falcon 9 and the shipped sites and landing zones read from the repository's model files, as a catalog: the
 * benchmarks run outside OSGi, where no bundle contributes them.
 */
final class RepositoryCatalog {

    private RepositoryCatalog() {
    }

    /** @return the repository's root (-Dlaunchbench.root, else the working directory) */
    static Path root() {
        return Path.of(System.getProperty("launchbench.root", "."));
    }

    /** @return a catalog of Falcon 9 and the shipped sites */
    static VehicleCatalog falcon9() {
        Path root = root();
        SiteCatalog sites = ModelFiles.load(root.resolve("bundles/org.launchbench.vehicles.sites/model/launch-sites.sites"), SiteCatalog.class);
        LaunchVehicle f9 = ModelFiles.load(root.resolve("bundles/org.launchbench.vehicles.spacex/model/falcon9.vehicle"), LaunchVehicle.class);
        return new VehicleCatalog() {
            @Override
            public List<CatalogVehicle> vehicles() {
                return List.of(new CatalogVehicle(f9.getId(), f9.getName(), "org.launchbench.vehicles.spacex", "falcon9.vehicle", f9));
            }

            @Override
            public List<LaunchSite> launchSites() {
                return List.copyOf(sites.getLaunchSites());
            }

            @Override
            public List<LandingZone> landingZones() {
                return List.copyOf(sites.getLandingZones());
            }

            @Override
            public List<CatalogProblem> problems() {
                return List.of();
            }
        };
    }
}
