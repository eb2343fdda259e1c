package org.launchbench.vehicle.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.ModelRoot;
import org.launchbench.vehicle.model.SiteCatalog;
import org.launchbench.vehicle.model.catalog.CatalogProblem;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.io.ModelFileKind;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.launchbench.vehicle.model.validation.Problem;
import org.launchbench.vehicle.model.validation.ModelValidation;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link VehicleCatalog} over the extension registry. Each call reads the extension point afresh (cheap),
 * so bundles arriving and leaving are seen at once; parsed files are cached per contributing bundle, file and
 * bundle modification time, so a model file is parsed once per installed bundle version.
 */
@Component(service = VehicleCatalog.class)
public final class ExtensionRegistryCatalog implements VehicleCatalog {

    private record Parsed(ModelRoot root, String error) {
    }

    private record Key(long bundleId, long lastModified, String file) {
    }

    private record Snapshot(List<CatalogVehicle> vehicles, List<LaunchSite> sites, List<LandingZone> zones,
                            List<CatalogProblem> problems) {
    }

    private final Map<Key, Parsed> cache = new ConcurrentHashMap<>();
    private IExtensionRegistry registry;

    /** @param registry the Eclipse extension registry */
    @Reference
    public void setRegistry(IExtensionRegistry registry) {
        this.registry = registry;
    }

    /** For tests and plain use outside DS. */
    public ExtensionRegistryCatalog() {
    }

    /** @param registry the extension registry to read */
    public ExtensionRegistryCatalog(IExtensionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<CatalogVehicle> vehicles() {
        return snapshot().vehicles();
    }

    @Override
    public List<LaunchSite> launchSites() {
        return snapshot().sites();
    }

    @Override
    public List<LandingZone> landingZones() {
        return snapshot().zones();
    }

    @Override
    public List<CatalogProblem> problems() {
        return snapshot().problems();
    }

    private Snapshot snapshot() {
        List<CatalogVehicle> vehicles = new ArrayList<>();
        List<LaunchSite> sites = new ArrayList<>();
        List<LandingZone> zones = new ArrayList<>();
        List<CatalogProblem> problems = new ArrayList<>();
        Set<Key> live = new HashSet<>();
        Set<String> vehicleIds = new HashSet<>();
        Set<String> siteIds = new HashSet<>();
        Set<String> zoneIds = new HashSet<>();
        for (IConfigurationElement e : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
            String bsn = e.getContributor().getName();
            String file = e.getAttribute("file");
            String source = bsn + "/" + file;
            ModelFileKind kind = "vehicle".equals(e.getName()) ? ModelFileKind.VEHICLE : ModelFileKind.SITES;
            Bundle bundle = ContributorFactoryOSGi.resolve(e.getContributor());
            if (bundle == null || file == null) {
                problems.add(new CatalogProblem(bsn, source, "the contributing bundle or the file attribute is missing"));
                continue;
            }
            Key key = new Key(bundle.getBundleId(), bundle.getLastModified(), file);
            live.add(key);
            Parsed parsed = cache.computeIfAbsent(key, k -> parse(bundle, file, source, kind));
            if (parsed.error() != null) {
                problems.add(new CatalogProblem(bsn, source, parsed.error()));
            } else if (parsed.root() instanceof LaunchVehicle v) {
                if (vehicleIds.add(v.getId())) {
                    vehicles.add(new CatalogVehicle(v.getId(), v.getName(), bsn, source, v));
                } else {
                    problems.add(new CatalogProblem(bsn, source, "vehicle id '" + v.getId() + "' is contributed twice; this one is ignored"));
                }
            } else if (parsed.root() instanceof SiteCatalog c) {
                for (LaunchSite s : c.getLaunchSites()) {
                    if (siteIds.add(s.getId())) {
                        sites.add(s);
                    } else {
                        problems.add(new CatalogProblem(bsn, source, "launch site id '" + s.getId() + "' is contributed twice; this one is ignored"));
                    }
                }
                for (LandingZone z : c.getLandingZones()) {
                    if (zoneIds.add(z.getId())) {
                        zones.add(z);
                    } else {
                        problems.add(new CatalogProblem(bsn, source, "landing zone id '" + z.getId() + "' is contributed twice; this one is ignored"));
                    }
                }
            }
        }
        cache.keySet().retainAll(live); // forget bundles that left
        vehicles.sort(Comparator.comparing(CatalogVehicle::id));
        sites.sort(Comparator.comparing(LaunchSite::getId));
        zones.sort(Comparator.comparing(LandingZone::getId));
        return new Snapshot(List.copyOf(vehicles), List.copyOf(sites), List.copyOf(zones), List.copyOf(problems));
    }

    private static Parsed parse(Bundle bundle, String file, String source, ModelFileKind kind) {
        URL url = bundle.getEntry(file);
        if (url == null) {
            return new Parsed(null, "no file " + file + " in the bundle");
        }
        try (InputStream in = url.openStream()) {
            ModelRoot root = ModelFiles.load(in, source, kind);
            // a bundle's model is checked as a user's file is: an invalid one is a catalog problem, never flown (issue 28)
            List<Problem> errors = ModelValidation.validate(root, ModelReferences.NONE).stream().filter(Problem::error).toList();
            if (!errors.isEmpty()) {
                return new Parsed(null, "is invalid: " + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1)
                    + " more)" : ""));
            }
            return new Parsed(root, null);
        } catch (InvalidInputException e) {
            return new Parsed(null, e.userMessage());
        } catch (IOException e) {
            return new Parsed(null, "cannot be read: " + e.getMessage());
        }
    }

}
