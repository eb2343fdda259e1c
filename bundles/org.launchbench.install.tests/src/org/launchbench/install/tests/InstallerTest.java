package org.launchbench.install.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.core.InvalidInputException;
import org.launchbench.test.support.UpdateSites;
import org.launchbench.core.RunFailedException;
import org.launchbench.install.AddOn;
import org.launchbench.install.Installer;
import org.launchbench.install.internal.InstallCommand;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The installer against real p2: an update site published by p2's own publisher from a vehicle bundle and two
 * features, a p2 agent and profile of their own in a temporary folder (an installation like the product's, without
 * touching the test runtime's), and the running test framework to apply changes to, so the installed vehicle must
 * reach the real {@link VehicleCatalog} and leave it again on uninstall.
 */
class InstallerTest {

    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(InstallerTest.class).getBundleContext();
    private static final String VEHICLES = "com.example.lbtest.vehicles";
    private static final String FEATURE = "com.example.lbtest.feature";
    private static final String BROKEN = "com.example.lbtest.broken.feature";

    /** The vehicle bundles' plugin.xml: one vehicle file contributed to the catalog. */
    private static final String CATALOG_PLUGIN_XML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?eclipse version="3.4"?>
        <plugin><extension point="org.launchbench.vehicle.model.catalog"><vehicle file="model/example.vehicle"/></extension></plugin>
        """;

    private static Path tmp;
    private static URI site;
    private static URI site2;
    private static IProvisioningAgent agent;
    private static int profiles;

    @BeforeAll
    static void publishASite() throws Exception {
        tmp = Files.createTempDirectory("lbtest-install");
        Path plugins = Files.createDirectories(tmp.resolve("input/plugins"));
        Path features = Files.createDirectories(tmp.resolve("input/features"));
        String zhuque3;
        try (var in = running("org.launchbench.vehicles.landspace").getEntry("model/zhuque3.vehicle").openStream()) {
            zhuque3 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String vehicle = zhuque3.replace("id=\"zhuque-3\"", "id=\"example-zq\"").replace("name=\"Zhuque-3 (Y1)\"", "name=\"Example ZQ\"");
        assertTrue(vehicle.contains("id=\"example-zq\"") && vehicle.contains("Example ZQ"), "the copied vehicle has its own id and name");
        bundle(plugins.resolve(VEHICLES + "_1.0.0.jar"), VEHICLES + ";singleton:=true", null, Map.of(
            "plugin.xml", CATALOG_PLUGIN_XML,
            "model/example.vehicle", vehicle));
        bundle(plugins.resolve("com.example.lbtest.needy_1.0.0.jar"), "com.example.lbtest.needy", "com.example.missing", Map.of());
        feature(features, FEATURE, "Example vehicles", VEHICLES);
        feature(features, BROKEN, "Example needing what no site has", "com.example.lbtest.needy");

        agent = CONTEXT.getService(CONTEXT.getServiceReference(IProvisioningAgentProvider.class)).createAgent(tmp.resolve("p2").toUri());
        site = publish(plugins, features, tmp.resolve("site"));

        // the same add-on at 1.1.0, its vehicle renamed, on a second site
        Path plugins2 = Files.createDirectories(tmp.resolve("input2/plugins"));
        Path features2 = Files.createDirectories(tmp.resolve("input2/features"));
        bundle(plugins2.resolve(VEHICLES + "_1.1.0.jar"), VEHICLES + ";singleton:=true", "1.1.0", null, Map.of(
            "plugin.xml", CATALOG_PLUGIN_XML,
            "model/example.vehicle", vehicle.replace("name=\"Example ZQ\"", "name=\"Example ZQ 1.1\"")));
        feature(features2, FEATURE, "1.1.0", "Example vehicles", VEHICLES);
        site2 = publish(plugins2, features2, tmp.resolve("site2"));
    }

    /** Publishes the bundles and features of two folders as an update site with p2's publisher; @return the site */
    private static URI publish(Path plugins, Path features, Path out) {
        return UpdateSites.publish(agent, plugins, features, out, "Example site");
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.stop();
        }
    }

    private static void bundle(Path jar, String symbolicName, String requires, Map<String, String> files) throws IOException {
        bundle(jar, symbolicName, "1.0.0", requires, files);
    }

    private static void bundle(Path jar, String symbolicName, String version, String requires, Map<String, String> files)
        throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Name", "Example " + symbolicName);
        if (requires != null) {
            a.putValue("Require-Bundle", requires);
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, m)) {
            for (var e : files.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static void feature(Path features, String id, String label, String plugin) throws IOException {
        feature(features, id, "1.0.0", label, plugin);
    }

    private static void feature(Path features, String id, String version, String label, String plugin) throws IOException {
        Path dir = Files.createDirectories(features.resolve(id + "_" + version));
        Files.writeString(dir.resolve("feature.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <feature id="%s" label="%s" version="%s" provider-name="Example Aerospace">
               <description>%s, for the installer's tests.</description>
               <plugin id="%s" version="%s" unpack="false"/>
            </feature>
            """.formatted(id, label, version, label, plugin, version));
    }

    /** A fresh installation: its own profile and folder, like a copy of the product. */
    private static Installer installation(boolean applyHere) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("installation" + (++profiles)));
        IProfile profile = agent.getService(IProfileRegistry.class).addProfile("Test" + profiles, Map.of(
            IProfile.PROP_INSTALL_FOLDER, folder.toString(), IProfile.PROP_CACHE, folder.toString(),
            IProfile.PROP_ENVIRONMENTS, "osgi.os=linux,osgi.ws=gtk,osgi.arch=x86_64"));
        return Installer.of(agent, profile.getProfileId(), applyHere ? CONTEXT : null);
    }

    private static VehicleCatalog catalog() {
        return CONTEXT.getService(CONTEXT.getServiceReference(VehicleCatalog.class));
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what + " within 5 s");
    }

    private static Bundle running(String symbolicName) {
        for (Bundle b : CONTEXT.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /**
     * A newer version of an installed add-on, installed from its site, replaces the old one: one version of the
     * feature and of its bundle afterwards (side by side their singleton bundles could not resolve), and the site that
     * offers it lists it as not yet installed until then.
     */
    @Test
    void installingANewerVersionOfAnAddOnReplacesTheOldOne() throws Exception {
        Installer installer = installation(false);
        installer.install(List.of(site), List.of(FEATURE), new NullProgressMonitor());
        AddOn offered = installer.available(List.of(site2), null).stream().filter(a -> a.featureId().equals(FEATURE)).findFirst()
            .orElseThrow();
        assertEquals("1.1.0", offered.version());
        assertFalse(offered.installed(), "1.1.0 is not what is installed");
        assertEquals("1.0.0", offered.installedVersion(), "the site's listing says which version is installed");
        assertTrue(offered.replacesInstalled());

        Installer.Change update = installer.install(List.of(site2), List.of(FEATURE), new NullProgressMonitor());

        assertEquals(List.of(VEHICLES + "_1.1.0"), update.bundlesAdded());
        assertEquals(List.of(VEHICLES + "_1.0.0"), update.bundlesRemoved());
        assertEquals(List.of(FEATURE + AddOn.FEATURE_GROUP + " 1.1.0"), update.addOns().stream().map(a -> a.id() + " " + a.version()).toList());
        AddOn now = installer.available(List.of(site2), null).stream().filter(a -> a.featureId().equals(FEATURE)).findFirst().orElseThrow();
        assertTrue(now.installed() && !now.replacesInstalled() && now.installedVersion().equals("1.1.0"), now.toString());
        IProfile profile = agent.getService(IProfileRegistry.class).getProfile(installer.profileId());
        assertEquals(List.of("1.1.0"), profile.query(org.eclipse.equinox.p2.query.QueryUtil.createIUQuery(VEHICLES), null).toSet().stream()
            .map(iu -> iu.getVersion().toString()).toList());
    }

    @Test
    void theSiteOffersItsFeaturesWithTheirLabelsAndProvider() throws Exception {
        List<AddOn> offered = installation(false).available(List.of(site), new NullProgressMonitor());
        assertEquals(List.of("Example needing what no site has", "Example vehicles"), offered.stream().map(AddOn::name).toList());
        AddOn vehicles = offered.get(1);
        assertEquals(FEATURE + AddOn.FEATURE_GROUP, vehicles.id());
        assertEquals(FEATURE, vehicles.featureId());
        assertEquals("1.0.0", vehicles.version());
        assertEquals("Example Aerospace", vehicles.provider());
        assertEquals("Example vehicles, for the installer's tests.", vehicles.description());
        assertFalse(vehicles.installed());
        assertFalse(vehicles.partOfLaunchBench());
    }

    @Test
    void anInstalledVehicleReachesTheCatalogAtOnceAndLeavesItOnUninstall() throws Exception {
        Installer installer = installation(true);
        assertTrue(catalog().vehicle("example-zq").isEmpty());

        Installer.Change change = installer.install(List.of(site), List.of(FEATURE), new NullProgressMonitor());
        assertEquals(List.of(VEHICLES + "_1.0.0"), change.bundlesAdded());
        assertTrue(change.appliedNow());
        assertEquals(List.of(FEATURE + AddOn.FEATURE_GROUP), change.addOns().stream().map(AddOn::id).toList());
        Path folder = Path.of(agent.getService(IProfileRegistry.class).getProfile(installer.profileId()).getProperty(IProfile.PROP_INSTALL_FOLDER));
        assertTrue(Files.isRegularFile(folder.resolve("plugins/" + VEHICLES + "_1.0.0.jar")), "p2 put the bundle into the installation");
        // (that the next start installs it too, from the configuration p2 rewrites, needs a whole product: the
        // product tests install into a copy of the product and start it)

        eventually(() -> catalog().vehicle("example-zq").isPresent(), "the installed vehicle in the catalog");
        assertEquals(VEHICLES, catalog().vehicle("example-zq").orElseThrow().bundle());
        assertEquals("Example ZQ", catalog().vehicle("example-zq").orElseThrow().model().getName());
        assertTrue(installer.available(List.of(site), null).stream().filter(a -> a.featureId().equals(FEATURE)).allMatch(AddOn::installed));

        Installer.Change removal = installer.uninstall(List.of(FEATURE + AddOn.FEATURE_GROUP), new NullProgressMonitor());
        assertEquals(List.of(VEHICLES + "_1.0.0"), removal.bundlesRemoved());
        assertEquals(List.of(), removal.addOns());
        assertEquals(null, running(VEHICLES), "the bundle left the running framework");
        eventually(() -> catalog().vehicle("example-zq").isEmpty(), "the vehicle gone from the catalog");
    }

    @Test
    void aFeatureWhoseRequirementNoSiteHasIsRefusedAndNothingChanges() throws Exception {
        Installer installer = installation(false);
        RunFailedException e = assertThrows(RunFailedException.class,
            () -> installer.install(List.of(site), List.of(BROKEN), new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("cannot satisfy") && e.getMessage().contains("com.example.missing"), e.getMessage());
        assertEquals(List.of(), installer.installed());
    }

    /**
     * A damaged content.xml is one line naming it, its line and column, before p2 reads it (issue 28: p2's parser printed
     * its own "[Fatal Error]" line on stderr ahead of ours); a document type is refused (no entities read).
     */
    @Test
    void aSiteWithDamagedMetadataIsNamedBeforeP2ReadsIt() throws Exception {
        Path damaged = Files.createDirectories(tmp.resolve("damaged"));
        Files.writeString(damaged.resolve("content.xml"), "<?xml version='1.0'?>\n<repository name='x'>\n<units\n");
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        InvalidInputException e;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            e = assertThrows(InvalidInputException.class, () -> Installer.site(damaged.toString(), "--site"));
        } finally {
            System.setErr(stderr);
        }
        assertTrue(e.userMessage().startsWith(damaged.resolve("content.xml") + ": line 4, column 1: is not well-formed XML"), e.userMessage());
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
        Files.writeString(damaged.resolve("content.xml"), "<?xml version='1.0'?>\n<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            + "<repository name='&x;'/>\n");
        e = assertThrows(InvalidInputException.class, () -> Installer.site(damaged.toString(), "--site"));
        assertTrue(e.userMessage().contains("content.xml: line 2") && !e.userMessage().contains("root:"), e.userMessage());
        // a Tycho site's compressed form, which p2 reads first when its index says so
        Files.delete(damaged.resolve("content.xml"));
        try (var out = new org.tukaani.xz.XZOutputStream(Files.newOutputStream(damaged.resolve("content.xml.xz")),
            new org.tukaani.xz.LZMA2Options())) {
            out.write("<?xml version='1.0'?>\n<repository name='x'>\n<units>\n".getBytes(StandardCharsets.UTF_8));
        }
        e = assertThrows(InvalidInputException.class, () -> Installer.site(damaged.toString(), "--site"));
        assertTrue(e.userMessage().startsWith(damaged.resolve("content.xml.xz") + ": line 4"), e.userMessage());
    }

    @Test
    void badSitesAndIdsAreNamedWithWhatIsAllowed() throws Exception {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
            () -> Installer.site(tmp.resolve("no-such-site").toString(), "--site"));
        assertTrue(missing.getMessage().contains("no such folder or file"), missing.getMessage());
        assertThrows(InvalidInputException.class, () -> Installer.site("  ", "--site"));
        assertTrue(Installer.site(tmp.resolve("site").toString(), "--site").toString().startsWith("file:"));

        Installer installer = installation(false);
        URI empty = Files.createDirectories(tmp.resolve("empty")).toUri();
        InvalidInputException notASite = assertThrows(InvalidInputException.class,
            () -> installer.available(List.of(empty), new NullProgressMonitor()));
        assertTrue(notASite.getMessage().contains("p2 cannot read an update site there"), notASite.getMessage());

        InvalidInputException unknown = assertThrows(InvalidInputException.class,
            () -> installer.install(List.of(site), List.of("com.example.nothing"), new NullProgressMonitor()));
        assertTrue(unknown.getMessage().contains("com.example.nothing") && unknown.getMessage().contains(FEATURE), unknown.getMessage());

        InvalidInputException notInstalled = assertThrows(InvalidInputException.class,
            () -> installer.uninstall(List.of(FEATURE), new NullProgressMonitor()));
        assertTrue(notInstalled.getMessage().contains("no such add-on installed"), notInstalled.getMessage());
    }

    @Test
    void theCommandSaysSoWhenLaunchBenchHasNoInstallationProfile() {
        // the test runtime is not an installed product: no eclipse.p2.profile
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new InstallCommand().run(new CommandInvocation(
            "install", List.of("--site", site.toString()), new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()), new NullProgressMonitor())));
        assertTrue(e.getMessage().contains("no p2 installation profile"), e.getMessage());
    }
}
