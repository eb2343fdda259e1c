package org.launchbench.vehicle.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.catalog.CatalogProblem;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The catalog service in the running framework follows vehicle bundles as they are installed and removed, as
 * a p2 install or uninstall does, and reports bad contributions without hiding good ones.
 */
class VehicleCatalogTest {

    private final BundleContext context = FrameworkUtil.getBundle(VehicleCatalogTest.class).getBundleContext();
    private Bundle installed;

    private VehicleCatalog catalog() {
        return context.getService(context.getServiceReference(VehicleCatalog.class));
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what + " within 5 s");
    }

    private String vehicleFile(String id, Path dir) throws IOException {
        LaunchVehicle v = TestModels.vehicle();
        v.setId(id);
        v.setName("Dynamic " + id);
        Path f = dir.resolve(id + ".vehicle");
        ModelFiles.save(v, f);
        return Files.readString(f);
    }

    private void resolve(Bundle b) {
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(b));
    }

    @AfterEach
    void uninstall() throws Exception {
        if (installed != null && installed.getState() != Bundle.UNINSTALLED) {
            installed.uninstall();
        }
    }

    @Test
    void aVehicleBundleAppearsWhenInstalledAndDisappearsWhenRemoved(@TempDir Path dir) throws Exception {
        assertTrue(catalog().vehicle("dyn-rocket").isEmpty());
        installed = TestBundles.install(context, "test.vehicles.dynamic",
            TestBundles.catalogPluginXml("<vehicle file=\"model/dyn.vehicle\"/>"),
            Map.of("model/dyn.vehicle", vehicleFile("dyn-rocket", dir)));
        resolve(installed);
        eventually(() -> catalog().vehicle("dyn-rocket").isPresent(), "the installed vehicle in the catalog");
        CatalogVehicle v = catalog().vehicle("dyn-rocket").orElseThrow();
        assertEquals("test.vehicles.dynamic", v.bundle());
        assertEquals("test.vehicles.dynamic/model/dyn.vehicle", v.source());
        assertEquals(2, v.model().getStages().size());

        installed.uninstall();
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(installed));
        eventually(() -> catalog().vehicle("dyn-rocket").isEmpty(), "the removed vehicle gone from the catalog");
    }

    @Test
    void aBrokenContributionIsReportedAndTheOthersStillLoad(@TempDir Path dir) throws Exception {
        installed = TestBundles.install(context, "test.vehicles.mixed",
            TestBundles.catalogPluginXml("<vehicle file=\"model/good.vehicle\"/>", "<vehicle file=\"model/bad.vehicle\"/>",
                "<vehicle file=\"model/missing.vehicle\"/>"),
            Map.of("model/good.vehicle", vehicleFile("good-rocket", dir),
                "model/bad.vehicle", "<?xml version=\"1.0\"?><lb:LaunchVehicle xmlns:lb=\"urn:launchbench:vehicle\" dryMas=\"1\"/>"));
        resolve(installed);
        eventually(() -> catalog().vehicle("good-rocket").isPresent(), "the good vehicle");
        List<CatalogProblem> problems = catalog().problems().stream()
            .filter(p -> p.bundle().equals("test.vehicles.mixed")).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.source().endsWith("bad.vehicle") && p.message().contains("dryMas")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().equals("no file model/missing.vehicle in the bundle")), problems.toString());
    }

    /** A bundle's vehicle is validated as a user's file is (issue 28: catalog vehicles were flown as they came). */
    @Test
    void anInvalidContributedVehicleIsAProblemNotACatalogVehicle(@TempDir Path dir) throws Exception {
        String bad = vehicleFile("negative-rocket", dir).replaceFirst("dryMass=\"[^\"]*\"", "dryMass=\"-5\"");
        installed = TestBundles.install(context, "test.vehicles.invalid",
            TestBundles.catalogPluginXml("<vehicle file=\"model/bad.vehicle\"/>", "<vehicle file=\"model/good.vehicle\"/>"),
            Map.of("model/bad.vehicle", bad, "model/good.vehicle", vehicleFile("fine-rocket", dir)));
        resolve(installed);
        eventually(() -> catalog().vehicle("fine-rocket").isPresent(), "the valid vehicle");
        assertTrue(catalog().vehicle("negative-rocket").isEmpty());
        List<CatalogProblem> problems = catalog().problems().stream().filter(p -> p.bundle().equals("test.vehicles.invalid")).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("is invalid: LaunchVehicle 'negative-rocket' / Stage 'stage-1': dryMass = -5"),
            problems.toString());
    }

    @Test
    void aVehicleIdContributedTwiceKeepsTheFirstAndReportsTheSecond(@TempDir Path dir) throws Exception {
        String file = vehicleFile("twin-rocket", dir);
        installed = TestBundles.install(context, "test.vehicles.twins",
            TestBundles.catalogPluginXml("<vehicle file=\"model/a.vehicle\"/>", "<vehicle file=\"model/b.vehicle\"/>"),
            Map.of("model/a.vehicle", file, "model/b.vehicle", file));
        resolve(installed);
        eventually(() -> catalog().vehicle("twin-rocket").isPresent(), "the vehicle");
        assertEquals(1, catalog().vehicles().stream().filter(v -> v.id().equals("twin-rocket")).count());
        assertTrue(catalog().problems().stream().anyMatch(p -> p.message().contains("'twin-rocket' is contributed twice")));
    }
}
