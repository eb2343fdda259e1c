package org.launchbench.vehicle.model.catalog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
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
 * <p>
 * The folder is read only when an id is not in the catalog, and a file there that does not load is skipped with a
 * warning ({@link #warnings()}): a broken file the mission does not use must not stop it (issue 28).
 */
public final class FolderReferences implements ModelReferences {

    private final ModelReferences catalog;
    private final Path folder;
    private boolean scanned;
    private final List<LaunchVehicle> vehicles = new ArrayList<>();
    private final List<LaunchSite> sites = new ArrayList<>();
    private final List<LandingZone> zones = new ArrayList<>();
    private final Map<EObject, Path> sources = new IdentityHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param catalog the catalog's references
     * @param folder  the folder whose .vehicle and .sites files also count, read when first needed
     */
    public FolderReferences(ModelReferences catalog, Path folder) {
        this.catalog = catalog;
        this.folder = folder;
    }

    /**
     * @param catalog   the catalog's references
     * @param modelFile a mission (or other model file) whose folder's vehicles and sites also count
     * @return the references for that file
     */
    public static FolderReferences beside(ModelReferences catalog, Path modelFile) {
        return new FolderReferences(catalog, modelFile.toAbsolutePath().getParent());
    }

    /** Reads the folder's model files once, in name order; one that does not load is a warning, not a failure. */
    private synchronized void scan() {
        if (scanned) {
            return;
        }
        scanned = true;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, "*.{vehicle,sites}")) {
            listing.forEach(files::add);
        } catch (IOException e) {
            warnings.add(folder + ": cannot be listed (" + e.getMessage() + "): its .vehicle and .sites files were not read");
            return;
        }
        files.sort(null);
        for (Path f : files) {
            ModelRoot root;
            try {
                root = ModelFiles.load(f);
            } catch (InvalidInputException e) {
                warnings.add("skipped, it does not load: " + e.userMessage());
                continue;
            }
            if (root instanceof LaunchVehicle v) {
                vehicles.add(v);
                sources.put(v, f);
            } else if (root instanceof SiteCatalog c) {
                sites.addAll(c.getLaunchSites());
                zones.addAll(c.getLandingZones());
                c.getLaunchSites().forEach(s -> sources.put(s, f));
                c.getLandingZones().forEach(z -> sources.put(z, f));
            }
        }
    }

    @Override
    public Optional<LaunchVehicle> vehicle(String id) {
        return catalog.vehicle(id).or(() -> {
            scan();
            return vehicles.stream().filter(v -> v.getId().equals(id)).findFirst();
        });
    }

    @Override
    public Optional<LaunchSite> launchSite(String id) {
        return catalog.launchSite(id).or(() -> {
            scan();
            return sites.stream().filter(s -> s.getId().equals(id)).findFirst();
        });
    }

    @Override
    public Optional<LandingZone> landingZone(String id) {
        return catalog.landingZone(id).or(() -> {
            scan();
            return zones.stream().filter(z -> z.getId().equals(id)).findFirst();
        });
    }

    @Override
    public Optional<Path> source(EObject element) {
        return Optional.ofNullable(sources.get(element)).or(() -> catalog.source(element));
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(catalog.warnings());
        all.addAll(warnings);
        return all;
    }

    @Override
    public Collection<String> vehicleIds() {
        scan();
        return union(catalog.vehicleIds(), vehicles.stream().map(LaunchVehicle::getId).toList());
    }

    @Override
    public Collection<String> launchSiteIds() {
        scan();
        return union(catalog.launchSiteIds(), sites.stream().map(LaunchSite::getId).toList());
    }

    @Override
    public Collection<String> landingZoneIds() {
        scan();
        return union(catalog.landingZoneIds(), zones.stream().map(LandingZone::getId).toList());
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
