package org.launchbench.vehicle.model.catalog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.ModelRoot;
import org.launchbench.vehicle.model.SiteCatalog;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.launchbench.vehicle.model.validation.ModelReferences;

/**
 * References resolved through the catalog first, then through the .vehicle and .sites files in a mission's
 * own folder (so a user can validate a mission against a vehicle that is not installed as a bundle).
 */
public final class FolderReferences implements ModelReferences {

    private final ModelReferences catalog;
    private final List<LaunchVehicle> vehicles = new ArrayList<>();
    private final List<LaunchSite> sites = new ArrayList<>();
    private final List<LandingZone> zones = new ArrayList<>();

    /**
     * @param catalog the catalog's references
     * @param folder  the folder whose .vehicle and .sites files also count (a bad one is an error)
     * @throws InvalidInputException if the folder cannot be listed or one of its model files is bad
     */
    public FolderReferences(ModelReferences catalog, Path folder) {
        this.catalog = catalog;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{vehicle,sites}")) {
            for (Path f : files) {
                ModelRoot root = ModelFiles.load(f);
                if (root instanceof LaunchVehicle v) {
                    vehicles.add(v);
                } else if (root instanceof SiteCatalog c) {
                    sites.addAll(c.getLaunchSites());
                    zones.addAll(c.getLandingZones());
                }
            }
        } catch (IOException e) {
            throw InvalidInputException.because("cannot be listed: " + e.getMessage()).source(folder.toString()).build(e);
        }
    }

    /**
     * @param catalog   the catalog's references
     * @param modelFile a mission (or other model file) whose folder's vehicles and sites also count
     * @return the references for that file
     * @throws InvalidInputException if the folder cannot be listed or one of its model files is bad
     */
    public static FolderReferences beside(ModelReferences catalog, Path modelFile) {
        return new FolderReferences(catalog, modelFile.toAbsolutePath().getParent());
    }

    @Override
    public Optional<LaunchVehicle> vehicle(String id) {
        return catalog.vehicle(id).or(() -> vehicles.stream().filter(v -> v.getId().equals(id)).findFirst());
    }

    @Override
    public Optional<LaunchSite> launchSite(String id) {
        return catalog.launchSite(id).or(() -> sites.stream().filter(s -> s.getId().equals(id)).findFirst());
    }

    @Override
    public Optional<LandingZone> landingZone(String id) {
        return catalog.landingZone(id).or(() -> zones.stream().filter(z -> z.getId().equals(id)).findFirst());
    }

    @Override
    public Collection<String> vehicleIds() {
        return union(catalog.vehicleIds(), vehicles.stream().map(LaunchVehicle::getId).toList());
    }

    @Override
    public Collection<String> launchSiteIds() {
        return union(catalog.launchSiteIds(), sites.stream().map(LaunchSite::getId).toList());
    }

    @Override
    public Collection<String> landingZoneIds() {
        return union(catalog.landingZoneIds(), zones.stream().map(LandingZone::getId).toList());
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
