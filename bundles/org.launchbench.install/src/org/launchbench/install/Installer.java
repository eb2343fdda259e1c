package org.launchbench.install;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.engine.query.UserVisibleRootQuery;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.planner.ProfileInclusionRules;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Installs and uninstalls add-ons (third parties' vehicles, links, commands, views) from p2 update sites into a
 * LaunchBench installation, with p2's planner and engine: requirements are resolved against the installation and
 * the sites, artifacts downloaded, the installation's configuration rewritten for the next start.
 * <p>
 * With a framework to apply changes to ({@link #forRunningProduct(boolean)} can), the bundles a change adds are also
 * installed and resolved in the running framework, and those it removes uninstalled, so a new vehicle appears in
 * the catalog at once, without a restart.
 * <p>
 * Not thread-safe: one change at a time (p2's profile is locked during a change anyway).
 */
public final class Installer {

    /** Installable units whose id starts with this are LaunchBench's own and are never uninstalled. */
    public static final String LAUNCHBENCH = "org.launchbench.";

    private static final String BUNDLE_CLASSIFIER = "osgi.bundle";

    private final IProvisioningAgent agent;
    private final String profileId;
    private final BundleContext applyTo;

    private Installer(IProvisioningAgent agent, String profileId, BundleContext applyTo) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.profileId = Objects.requireNonNull(profileId, "profileId");
        this.applyTo = applyTo;
    }

    /**
     * An installer for any p2 agent and profile, e.g. a copy of an installation.
     *
     * @param agent     the p2 agent that holds the profile
     * @param profileId the profile to change
     * @param applyTo   the framework to install added bundles into (and uninstall removed ones from) at once, or
     *                  {@code null} to change only the profile and its installation folder
     * @return the installer
     */
    public static Installer of(IProvisioningAgent agent, String profileId, BundleContext applyTo) {
        return new Installer(agent, profileId, applyTo);
    }

    /**
     * The installer of the LaunchBench installation this code runs in: p2's agent for the running system
     * ({@code eclipse.p2.data.area}) and its profile ({@code eclipse.p2.profile}).
     *
     * @param applyNow whether changes also apply to the running framework (the workbench: a new vehicle appears at
     *                 once) or only at the next start (the command line, whose process ends anyway)
     * @return the installer
     * @throws InvalidInputException when LaunchBench runs without a p2 profile (from a development build or a test
     *                               runtime rather than an installed product)
     */
    public static Installer forRunningProduct(boolean applyNow) {
        BundleContext context = FrameworkUtil.getBundle(Installer.class).getBundleContext();
        String profile = context.getProperty("eclipse.p2.profile");
        String area = context.getProperty("eclipse.p2.data.area");
        if (profile == null || area == null) {
            throw notAnInstallation("eclipse.p2.profile=" + profile + ", eclipse.p2.data.area=" + area);
        }
        IProvisioningAgent agent = currentAgent(context);
        IProfile self = agent.getService(IProfileRegistry.class).getProfile(IProfileRegistry.SELF);
        if (self == null) {
            throw notAnInstallation("no profile " + profile + " in " + area);
        }
        return new Installer(agent, self.getProfileId(), applyNow ? context : null);
    }

    private static InvalidInputException notAnInstallation(String found) {
        return InvalidInputException.because("this LaunchBench has no p2 installation profile, so nothing can be installed into it")
            .source("the running LaunchBench").value(found)
            .fix("install add-ons into a LaunchBench product (the release archive, or releng/org.launchbench.product/target/products "
                + "after ./build verify), not a development or test runtime").build();
    }

    private static IProvisioningAgent currentAgent(BundleContext context) {
        try {
            var current = context.getServiceReferences(IProvisioningAgent.class,
                "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)");
            if (!current.isEmpty()) {
                return context.getService(current.iterator().next());
            }
            return service(context, IProvisioningAgentProvider.class).createAgent(null);
        } catch (org.osgi.framework.InvalidSyntaxException | ProvisionException e) {
            throw new RunFailedException("p2 could not start on this installation: " + e.getMessage(), e);
        }
    }

    private static <T> T service(BundleContext context, Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T found = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
            if (found == null) {
                throw new RunFailedException("p2 is not complete in this installation: no " + type.getName() + " service");
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted while waiting for p2", e);
        } finally {
            tracker.close();
        }
    }

    /** @return the id of the profile this installer changes */
    public String profileId() {
        return profileId;
    }

    /**
     * Reads what a user typed as an update site: a folder, a zip or jar archive of one, or a URI
     * ({@code file:}, {@code http:}, {@code https:}, {@code jar:}).
     *
     * @param text   what the user gave
     * @param source where it came from, for the message ({@code "--site"}, {@code "Update site"})
     * @return the site's location for p2
     * @throws InvalidInputException when it is neither an existing folder or archive nor a URI p2 reads
     */
    public static URI site(String text, String source) {
        String t = text == null ? "" : text.strip();
        InvalidInputException.Builder bad = InvalidInputException.because("not an update site location").source(source).value(t)
            .allowed("a folder or .zip holding a p2 repository (content.jar or content.xml), or a file:, http:, https: or jar: URI")
            .fix("give the update site's folder (e.g. com.acme.launchbench.repository/target/repository) or its zip");
        if (t.isEmpty()) {
            throw bad.build();
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("file:") || lower.startsWith("jar:")) {
            try {
                URI uri = new URI(t);
                if (uri.getScheme().equalsIgnoreCase("file") && !Files.exists(Path.of(uri))) {
                    throw InvalidInputException.because("no such folder or file").source(source).value(t)
                        .fix("check the path; build the site first if it is your own").build();
                }
                if (uri.getScheme().equalsIgnoreCase("file")) {
                    SiteMetadata.checkWellFormed(Path.of(uri), source);
                }
                return uri;
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw bad.build();
            }
        }
        Path path = Path.of(t).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            SiteMetadata.checkWellFormed(path, source);
            return path.toUri();
        }
        if (Files.isRegularFile(path) && (lower.endsWith(".zip") || lower.endsWith(".jar"))) {
            SiteMetadata.checkWellFormed(path, source);
            return URI.create("jar:" + path.toUri() + "!/");
        }
        if (!Files.exists(path)) {
            throw InvalidInputException.because("no such folder or file").source(source).value(t)
                .fix("check the path; build the site first if it is your own").build();
        }
        throw bad.build();
    }

    /**
     * Reads a comma-separated list of update sites, each as {@link #site} reads it.
     *
     * @param text   what the user gave, e.g. {@code "acme/repository,launchbench/update-site"}
     * @param source where it came from, for the message
     * @return the sites' locations, in order
     * @throws InvalidInputException at the first that is not an update site location
     */
    public static List<URI> sites(String text, String source) {
        List<URI> sites = new ArrayList<>();
        for (String one : (text == null ? "" : text).split(",")) {
            sites.add(site(one, source));
        }
        return sites;
    }

    /**
     * Lists what update sites offer: the newest version of each feature group they hold.
     *
     * @param sites   the sites, as {@link #site} returns them
     * @param monitor progress and cancellation
     * @return the add-ons, sorted by name, each saying whether it is installed
     * @throws InvalidInputException when a site cannot be read as a p2 repository
     */
    public List<AddOn> available(List<URI> sites, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Reading update sites", sites.size() + 1);
        Map<String, String> installed = new HashMap<>();
        for (IInstallableUnit iu : profile().query(QueryUtil.createIUGroupQuery(), null)) {
            installed.put(iu.getId(), iu.getVersion().toString());
        }
        try (Sites loaded = load(sites, progress.split(sites.size()))) {
            return offers(loaded, installed, progress.split(1)).keySet().stream()
                .sorted(Comparator.comparing(AddOn::name, String.CASE_INSENSITIVE_ORDER)).toList();
        }
    }

    /**
     * @param installed the installed feature groups' versions, by id
     * @return the newest version of each feature group the loaded sites hold, as add-ons, with their units
     */
    private static Map<AddOn, IInstallableUnit> offers(Sites loaded, Map<String, String> installed, IProgressMonitor monitor) {
        Map<AddOn, IInstallableUnit> offers = new LinkedHashMap<>();
        for (IInstallableUnit iu : loaded.metadata().query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), monitor)) {
            offers.put(addOn(iu, installed.get(iu.getId())), iu);
        }
        return offers;
    }

    /**
     * @return the installation's root feature groups: LaunchBench itself (marked {@link AddOn#partOfLaunchBench()})
     *         and the add-ons installed into it, sorted by name
     */
    public List<AddOn> installed() {
        List<AddOn> roots = new ArrayList<>();
        for (IInstallableUnit iu : profile().query(new UserVisibleRootQuery(), null)) {
            roots.add(addOn(iu, iu.getVersion().toString()));
        }
        roots.sort(Comparator.comparing(AddOn::name, String.CASE_INSENSITIVE_ORDER));
        return roots;
    }

    /** @return the add-ons installed into LaunchBench (its own features left out), sorted by name */
    public List<AddOn> addOns() {
        return installed().stream().filter(a -> !a.partOfLaunchBench()).toList();
    }

    /**
     * Installs feature groups from update sites, with whatever they require that the installation lacks. An add-on
     * installed at another version is replaced by the site's newest (an update), with the bundles only it needed.
     *
     * @param sites   where to find them and their requirements
     * @param ids     the feature groups' ids, with or without {@value AddOn#FEATURE_GROUP}
     * @param monitor progress and cancellation
     * @return what changed
     * @throws InvalidInputException when a site cannot be read, or an id is on none of the sites
     * @throws RunFailedException    when p2 cannot satisfy their requirements or the installation fails
     */
    public Change install(List<URI> sites, List<String> ids, IProgressMonitor monitor) {
        if (ids.isEmpty()) {
            throw InvalidInputException.because("nothing to install").source("install").fix("name at least one add-on").build();
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Installing", 10);
        IProfile profile = profile();
        try (Sites loaded = load(sites, progress.split(2))) {
            List<IInstallableUnit> wanted = new ArrayList<>();
            Map<AddOn, IInstallableUnit> offered = offers(loaded, Map.of(), null);
            for (String id : ids) {
                IInstallableUnit found = offered.entrySet().stream().filter(e -> e.getKey().isNamed(id)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
                if (found == null) {
                    throw InvalidInputException.because("no such add-on on the update site" + (sites.size() > 1 ? "s" : ""))
                        .source("install").value(id)
                        .allowed(offered.isEmpty() ? "(the site offers no features)"
                            : String.join(", ", offered.keySet().stream().map(AddOn::featureId).sorted().toList()))
                        .fix("list what the site offers ('launchbench install --site SITE' without ids)").build();
                }
                wanted.add(found);
            }
            IPlanner planner = agent.getService(IPlanner.class);
            IProfileChangeRequest request = planner.createChangeRequest(profile);
            for (IInstallableUnit iu : wanted) {
                // another version of an installed add-on replaces it (an update, or going back): side by side, their
                // singleton bundles could never resolve together
                for (IInstallableUnit old : profile.query(QueryUtil.createIUQuery(iu.getId()), null)) {
                    if (!old.getVersion().equals(iu.getVersion())) {
                        request.remove(old);
                    }
                }
                request.add(iu);
                request.setInstallableUnitProfileProperty(iu, IProfile.PROP_PROFILE_ROOT_IU, Boolean.TRUE.toString());
                request.setInstallableUnitInclusionRules(iu, ProfileInclusionRules.createStrictInclusionRule(iu));
            }
            return perform(planner, request, loaded.context(), "install " + String.join(", ", ids), progress.split(8));
        }
    }

    /**
     * Uninstalls add-ons, with what only they required.
     *
     * @param ids     the root feature groups' ids, with or without {@value AddOn#FEATURE_GROUP}
     * @param monitor progress and cancellation
     * @return what changed
     * @throws InvalidInputException when an id is not an installed add-on, or is part of LaunchBench itself
     */
    public Change uninstall(List<String> ids, IProgressMonitor monitor) {
        if (ids.isEmpty()) {
            throw InvalidInputException.because("nothing to uninstall").source("uninstall").fix("name at least one add-on").build();
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Uninstalling", 10);
        IProfile profile = profile();
        List<AddOn> roots = installed();
        IPlanner planner = agent.getService(IPlanner.class);
        IProfileChangeRequest request = planner.createChangeRequest(profile);
        for (String id : ids) {
            AddOn root = roots.stream().filter(r -> r.isNamed(id)).findFirst().orElseThrow(() -> InvalidInputException
                .because("no such add-on installed").source("uninstall").value(id)
                .allowed(String.join(", ", addOns().stream().map(AddOn::featureId).toList()))
                .fix("list the installed add-ons with 'launchbench installed'").build());
            if (root.partOfLaunchBench()) {
                throw InvalidInputException.because("this is part of LaunchBench itself and cannot be uninstalled")
                    .source("uninstall").value(id).fix("uninstall only add-ons that were installed into LaunchBench").build();
            }
            for (IInstallableUnit iu : profile.query(QueryUtil.createIUQuery(root.id(),
                    org.eclipse.equinox.p2.metadata.Version.create(root.version())), null)) {
                request.remove(iu);
            }
        }
        ProvisioningContext context = new ProvisioningContext(agent);
        context.setMetadataRepositories();
        context.setArtifactRepositories();
        return perform(planner, request, context, "uninstall " + String.join(", ", ids), progress);
    }

    private Change perform(IPlanner planner, IProfileChangeRequest request, ProvisioningContext context, String what,
                           SubMonitor progress) {
        progress.setWorkRemaining(10);
        IProvisioningPlan plan = planner.getProvisioningPlan(request, context, progress.split(3));
        if (plan.getStatus().getSeverity() == IStatus.CANCEL) {
            throw new RunFailedException(what + ": cancelled; nothing changed");
        }
        if (plan.getStatus().getSeverity() >= IStatus.ERROR) {
            throw new RunFailedException(what + ": p2 cannot satisfy the requirements; nothing changed.\n" + describe(plan.getStatus()));
        }
        List<IInstallableUnit> added = bundles(plan.getAdditions());
        List<IInstallableUnit> removed = bundles(plan.getRemovals());
        Path configIni = configIni();
        Map<String, String> entries = readEntries(configIni);
        IStatus done = agent.getService(IEngine.class).perform(plan, PhaseSetFactory.createDefaultPhaseSet(), progress.split(5));
        if (done.getSeverity() == IStatus.CANCEL) {
            throw new RunFailedException(what + ": cancelled; p2 rolled the installation back");
        }
        if (done.getSeverity() >= IStatus.ERROR) {
            throw new RunFailedException(what + ": p2 failed and rolled the installation back.\n" + describe(done));
        }
        try {
            StartEntries.restore(configIni, entries);
        } catch (IOException e) {
            throw new RunFailedException(what + ": done, but p2 changed the start level of bundles it did not install, and "
                + configIni + " could not be put right: " + e.getMessage() + ". LaunchBench still starts, more slowly", e);
        }
        boolean applied = false;
        if (applyTo != null) {
            apply(added, removed);
            applied = true;
        }
        progress.split(2);
        return new Change(addOns(), names(added), names(removed), applied);
    }

    /**
     * What an install or uninstall changed.
     *
     * @param addOns         the add-ons installed afterwards
     * @param bundlesAdded   the bundles it added, {@code id_version}
     * @param bundlesRemoved the bundles it removed, {@code id_version}
     * @param appliedNow     whether the running LaunchBench already runs with them (otherwise: at the next start)
     */
    public record Change(List<AddOn> addOns, List<String> bundlesAdded, List<String> bundlesRemoved, boolean appliedNow) {
    }

    /** The installation's {@code config.ini}, which p2 rewrites on every change. */
    private Path configIni() {
        IProfile profile = profile();
        String folder = profile.getProperty(IProfile.PROP_CONFIGURATION_FOLDER);
        if (folder == null) {
            String install = profile.getProperty(IProfile.PROP_INSTALL_FOLDER);
            folder = install == null ? "." : Path.of(install).resolve("configuration").toString();
        }
        return Path.of(folder).resolve("config.ini");
    }

    private static Map<String, String> readEntries(Path configIni) {
        try {
            return StartEntries.read(configIni);
        } catch (IOException e) {
            throw new RunFailedException("cannot read " + configIni + ": " + e.getMessage() + "; nothing changed", e);
        }
    }

    private IProfile profile() {
        IProfile profile = agent.getService(IProfileRegistry.class).getProfile(profileId);
        if (profile == null) {
            throw new RunFailedException("the p2 profile " + profileId + " is gone");
        }
        return profile;
    }

    /** @param installedVersion the version of it installed (null: none) */
    private static AddOn addOn(IInstallableUnit iu, String installedVersion) {
        String name = iu.getProperty(IInstallableUnit.PROP_NAME, null);
        String provider = iu.getProperty(IInstallableUnit.PROP_PROVIDER, null);
        String description = iu.getProperty(IInstallableUnit.PROP_DESCRIPTION, null);
        return new AddOn(iu.getId(), iu.getVersion().toString(), name == null || name.isBlank() ? iu.getId() : name,
            provider == null ? "" : provider, description == null ? "" : description.strip(),
            iu.getVersion().toString().equals(installedVersion), iu.getId().startsWith(LAUNCHBENCH), installedVersion);
    }

    private static List<IInstallableUnit> bundles(IQueryable<IInstallableUnit> units) {
        List<IInstallableUnit> bundles = new ArrayList<>();
        for (IInstallableUnit iu : units.query(QueryUtil.createIUAnyQuery(), null)) {
            if (iu.getArtifacts().stream().anyMatch(a -> a.getClassifier().equals(BUNDLE_CLASSIFIER))) {
                bundles.add(iu);
            }
        }
        return bundles;
    }

    private static List<String> names(Collection<IInstallableUnit> units) {
        return units.stream().map(Installer::key).sorted().toList();
    }

    /** @return {@code id_version}, the name p2 gives a unit's files */
    private static String key(IInstallableUnit iu) {
        return iu.getId() + "_" + iu.getVersion();
    }

    private static String describe(IStatus status) {
        StringBuilder text = new StringBuilder();
        describe(status, "  ", text);
        return text.toString().stripTrailing();
    }

    private static void describe(IStatus status, String indent, StringBuilder text) {
        if (status.getMessage() != null && !status.getMessage().isBlank()) {
            text.append(indent).append(status.getMessage()).append('\n');
        }
        if (status.isMultiStatus()) {
            for (IStatus child : status.getChildren()) {
                describe(child, indent + "  ", text);
            }
        }
        if (status.getException() != null && status.getException().getMessage() != null) {
            text.append(indent).append("  ").append(status.getException().getMessage()).append('\n');
        }
    }

    /** Installs the added bundles into the running framework and uninstalls the removed ones. */
    private void apply(List<IInstallableUnit> added, List<IInstallableUnit> removed) {
        IProfile profile = profile();
        String pool = profile.getProperty(IProfile.PROP_CACHE);
        Path plugins = Path.of(pool != null ? pool : profile.getProperty(IProfile.PROP_INSTALL_FOLDER)).resolve("plugins");
        List<Bundle> changed = new ArrayList<>();
        int startLevel = parseInt(applyTo.getProperty("osgi.bundles.defaultStartLevel"), 4);
        List<String> problems = new ArrayList<>();
        // a unit in both lists stays as it is (p2's units are equal by id and version)
        List<IInstallableUnit> leaving = removed.stream().filter(iu -> !added.contains(iu)).toList();
        List<IInstallableUnit> arriving = added.stream().filter(iu -> !removed.contains(iu)).toList();
        for (IInstallableUnit iu : leaving) {
            for (Bundle b : applyTo.getBundles()) {
                if (iu.getId().equals(b.getSymbolicName()) && b.getVersion().toString().equals(iu.getVersion().toString())) {
                    try {
                        b.uninstall();
                        changed.add(b);
                    } catch (BundleException e) {
                        problems.add(iu.getId() + ": " + e.getMessage());
                    }
                }
            }
        }
        List<Bundle> installed = new ArrayList<>();
        for (IInstallableUnit iu : arriving) {
            IArtifactKey key = iu.getArtifacts().stream().filter(a -> a.getClassifier().equals(BUNDLE_CLASSIFIER)).findFirst().orElseThrow();
            String name = key.getId() + "_" + key.getVersion();
            Path file = Files.isRegularFile(plugins.resolve(name + ".jar")) ? plugins.resolve(name + ".jar") : plugins.resolve(name);
            if (!Files.exists(file)) {
                problems.add(iu.getId() + ": not found in " + plugins);
                continue;
            }
            try {
                // Equinox's reference: URLs install the file in place, as the launcher does, without copying it
                Bundle b = applyTo.installBundle(initialLocation(file), new URL("reference:" + file.toUri()).openStream());
                b.adapt(BundleStartLevel.class).setStartLevel(startLevel);
                installed.add(b);
            } catch (BundleException | IOException e) {
                problems.add(iu.getId() + ": " + e.getMessage());
            }
        }
        FrameworkWiring wiring = applyTo.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (!changed.isEmpty()) {
            wiring.refreshBundles(changed);
        }
        wiring.resolveBundles(installed);
        for (Bundle b : installed) {
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            boolean lazy = Constants.ACTIVATION_LAZY.equals(String.valueOf(b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY)).split(";")[0].strip());
            if (!fragment && lazy) {
                try {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException e) {
                    problems.add(b.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RunFailedException("installed; restart LaunchBench to use it: applying it to the running LaunchBench failed:\n  "
                + String.join("\n  ", problems));
        }
    }

    /**
     * The location Equinox's launcher gives a bundle it installs from {@code osgi.bundles} (which p2 has just
     * rewritten): {@code initial@reference:file:} and the path, relative to the installation when inside it. With the
     * same location, the next start finds the bundle already installed instead of installing it a second time.
     */
    private String initialLocation(Path file) {
        String area = applyTo.getProperty("osgi.install.area");
        Path path = file.toAbsolutePath().normalize();
        String where = path.toString() + (Files.isDirectory(path) ? "/" : "");
        if (area != null && area.startsWith("file:")) {
            Path install = Path.of(URI.create(area.replace(" ", "%20"))).toAbsolutePath().normalize();
            if (path.startsWith(install)) {
                where = install.relativize(path).toString().replace('\\', '/') + (Files.isDirectory(path) ? "/" : "");
            }
        }
        return "initial@reference:file:" + where;
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The update sites of one change, loaded; removes those p2 did not know before from its list when closed. */
    private final class Sites implements AutoCloseable {
        private final IMetadataRepositoryManager metadataManager = agent.getService(IMetadataRepositoryManager.class);
        private final IArtifactRepositoryManager artifactManager = agent.getService(IArtifactRepositoryManager.class);
        private final List<URI> uris;
        private final List<URI> newMetadata = new ArrayList<>();
        private final List<URI> newArtifacts = new ArrayList<>();
        private final List<IMetadataRepository> repositories = new ArrayList<>();

        Sites(List<URI> uris) {
            this.uris = List.copyOf(uris);
        }

        IQueryable<IInstallableUnit> metadata() {
            return QueryUtil.compoundQueryable(repositories);
        }

        ProvisioningContext context() {
            ProvisioningContext context = new ProvisioningContext(agent);
            context.setMetadataRepositories(uris.toArray(URI[]::new));
            context.setArtifactRepositories(uris.toArray(URI[]::new));
            return context;
        }

        @Override
        public void close() {
            newMetadata.forEach(metadataManager::removeRepository);
            newArtifacts.forEach(artifactManager::removeRepository);
        }
    }

    private Sites load(List<URI> uris, IProgressMonitor monitor) {
        if (uris.isEmpty()) {
            throw InvalidInputException.because("no update site given").source("--site")
                .fix("give the update site's folder, zip or URI").build();
        }
        SubMonitor progress = SubMonitor.convert(monitor, uris.size() * 2);
        Sites sites = new Sites(uris);
        try {
            for (URI uri : uris) {
                if (!sites.metadataManager.contains(uri)) {
                    sites.newMetadata.add(uri);
                }
                if (!sites.artifactManager.contains(uri)) {
                    sites.newArtifacts.add(uri);
                }
                try {
                    sites.repositories.add(sites.metadataManager.loadRepository(uri, progress.split(1)));
                    sites.artifactManager.loadRepository(uri, progress.split(1));
                } catch (ProvisionException e) {
                    throw InvalidInputException.because("p2 cannot read an update site there").source("--site").value(uri.toString())
                        .allowed("a p2 repository: a folder or zip with content.jar/content.xml(.xz) and artifacts.jar/artifacts.xml(.xz)")
                        .fix("give the folder that holds content.jar (for a Tycho build: <project>.repository/target/repository); p2 says: "
                            + e.getStatus().getMessage()).build();
                }
            }
            return sites;
        } catch (RuntimeException e) {
            sites.close();
            throw e;
        }
    }
}
