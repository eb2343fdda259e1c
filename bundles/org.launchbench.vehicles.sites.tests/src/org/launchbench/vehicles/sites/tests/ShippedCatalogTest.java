package org.launchbench.vehicles.sites.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.vehicle.model.GeodeticPosition;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.figures.VehicleFigures;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.launchbench.vehicle.model.validation.ModelValidation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The vehicles and sites LaunchBench ships, read through the catalog service as the product reads them: every
 * file loads and validates, and each vehicle reproduces its published totals. Stage masses of most vehicles
 * are estimates (see each file); these tests hold them to the published liftoff mass and thrust, so a typo or
 * an inconsistent estimate fails here.
 */
class ShippedCatalogTest {

    private static final double G0 = PhysicalConstants.STANDARD_GRAVITY;

    private final BundleContext context = FrameworkUtil.getBundle(ShippedCatalogTest.class).getBundleContext();

    private VehicleCatalog catalog() {
        return context.getService(context.getServiceReference(VehicleCatalog.class));
    }

    private VehicleFigures figures(String id) {
        return VehicleFigures.of(catalog().vehicle(id).orElseThrow().model(), 0);
    }

    @Test
    void everyShippedVehicleAndSiteIsInTheCatalogWithoutProblems() {
        assertEquals(List.of(), catalog().problems());
        assertEquals(List.of("ceres-1", "falcon-9", "gravity-1", "zhuque-2", "zhuque-3"),
            catalog().vehicles().stream().map(CatalogVehicle::id).toList());
        assertEquals(List.of("dongfeng-commercial", "hainan-commercial", "haiyang-sea", "jiuquan", "lc-39a", "slc-40", "slc-4e"),
            catalog().launchSites().stream().map(LaunchSite::getId).toList());
        assertEquals(List.of("asds-atlantic", "jrti", "lz-1", "lz-4", "minqin-pad", "ocisly"),
            catalog().landingZones().stream().map(LandingZone::getId).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ceres-1", "falcon-9", "gravity-1", "zhuque-2", "zhuque-3"})
    void everyShippedVehicleIsValidAndCitesItsSources(String id) {
        CatalogVehicle v = catalog().vehicle(id).orElseThrow();
        assertEquals(List.of(), ModelValidation.validate(v.model(), ModelReferences.NONE));
        assertFalse(v.model().getSources().isEmpty(), "sources cited");
        assertTrue(v.bundle().startsWith("org.launchbench.vehicles."), v.bundle());
    }

    @Test
    void theShippedSitesAreValid() {
        for (LaunchSite s : catalog().launchSites()) {
            assertEquals(List.of(), ModelValidation.validate(s, ModelReferences.NONE), s.getId());
        }
        for (LandingZone z : catalog().landingZones()) {
            assertEquals(List.of(), ModelValidation.validate(z, ModelReferences.NONE), z.getId());
        }
    }

    /**
     * Liftoff mass and thrust against the published figures. Tolerances: 1 % where the publisher gives a
     * figure to three digits (405 t, 600 t, 219 t, 268 t, 7607 kN), 2 % for "about 570 t", and the published
     * range for Ceres-1 (31 t to 33 t).
     */
    @ParameterizedTest(name = "{0}: {1} t, {3} tf")
    @CsvSource({
        // id,        liftoff t, mass tol, liftoff thrust tf, thrust tol   (sources in each .vehicle file)
        "falcon-9,    549.054,   0.002,    775.7,             0.001",   // 7607 kN SpaceflightInsider; SpaceX's 549,054 kg (the Block 5 loads give 549.9 t)
        "zhuque-3,    570,       0.02,     747,               0.01",    // about 570 t (SpaceNews); 9 x 83 t (Global Times)
        "zhuque-2,    219,       0.01,     268,               0.01",    // 219 t, 268 t (China Daily)
        "gravity-1,   405,       0.01,     600,               0.01",    // 405 t, 600 t (first-flight reports)
        "ceres-1,     31,        0.01,     56.45,             0.01",    // 31 t (China Daily; SpaceNews: about 33 t); thrust estimated
    })
    void liftoffMassAndThrustMatchThePublishedFigures(String id, double tonnes, double massTol, double thrustTf, double thrustTol) {
        VehicleFigures f = figures(id);
        assertEquals(tonnes, f.liftoffMass() / 1000, tonnes * massTol, "liftoff mass, t");
        assertEquals(thrustTf, f.liftoffThrust() / (1000 * G0), thrustTf * thrustTol, "liftoff thrust, tf");
        assertTrue(f.liftoffThrustToWeight() > 1.15 && f.liftoffThrustToWeight() < 2.0,
            "thrust-to-weight of a launcher at liftoff: " + f.liftoffThrustToWeight());
    }

    @Test
    void falcon9StageThrustIsSpaceXsStageTotal() {
        VehicleFigures f = figures("falcon-9");
        // Spaceflight Insider: 7607 kN sea level, 8227 kN vacuum (9 Merlin 1D); rounding per engine: 0.1 kN
        assertEquals(7_607_000, f.stages().get(0).thrustSeaLevel(), 1_000);
        assertEquals(8_227_000, f.stages().get(0).thrustVacuum(), 1_000);
    }

    @Test
    void theZhuque3PadLiesWhereTheReportsPutIt() {
        // reported 390 km (Global Times) and about 300 km (India Today) downrange of the launch site
        double km = greatCircleKm(site("dongfeng-commercial"), zone("minqin-pad"));
        assertTrue(km >= 300 && km <= 390, km + " km");
    }

    @Test
    void returnToLaunchSitePadsAreNearTheirPads() {
        // LZ-1 is about 9 km from SLC-40; LZ-4 about 0.4 km from SLC-4E (published descriptions)
        assertEquals(9.0, greatCircleKm(site("slc-40"), zone("lz-1")), 1.0);
        assertEquals(0.4, greatCircleKm(site("slc-4e"), zone("lz-4")), 0.1);
    }

    private LaunchSite site(String id) {
        return catalog().launchSites().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    private LandingZone zone(String id) {
        return catalog().landingZones().stream().filter(z -> z.getId().equals(id)).findFirst().orElseThrow();
    }

    /** Haversine on a 6371 km sphere: within 0.5 % of the ellipsoidal distance, enough for these checks. */
    private static double greatCircleKm(GeodeticPosition a, GeodeticPosition b) {
        double p1 = Math.toRadians(a.getLatitude()), p2 = Math.toRadians(b.getLatitude());
        double dp = p2 - p1, dl = Math.toRadians(b.getLongitude() - a.getLongitude());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371 * Math.asin(Math.sqrt(h));
    }
}
