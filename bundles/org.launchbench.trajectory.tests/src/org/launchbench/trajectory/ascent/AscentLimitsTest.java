package org.launchbench.trajectory.ascent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.flight.AscentThrottle;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.flight.FlightSample;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.LaunchSite;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The Falcon 9 first stage flown with the vehicle's ascent throttle, dynamic-pressure limit and acceleration limit
 * (docs/falcon9-validation.md), and along its launch azimuth: a due-east ascent from the Cape into a 28.6 deg orbit,
 * 10 t to 200 km, 30 t kept for the recovery.
 */
class AscentLimitsTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    private static LaunchVehicle f9;
    private static AscentResult flown;
    private static double azimuth;

    @BeforeAll
    static void fly() {
        BundleContext context = FrameworkUtil.getBundle(AscentLimitsTest.class).getBundleContext();
        VehicleCatalog catalog = context.getService(context.getServiceReference(VehicleCatalog.class));
        f9 = catalog.vehicle("falcon-9").orElseThrow().model();
        LaunchSite site = catalog.launchSites().stream().filter(s -> s.getId().equals("slc-40")).findFirst().orElseThrow();
        EarthModel.Geodetic pad = EarthModel.Geodetic.of(site);
        double radius = EARTH.equatorialRadius() + 200_000;
        InsertionTarget target = new InsertionTarget(radius, radius, Math.toRadians(28.6));
        azimuth = OrbitGeometry.rotatingAzimuth(EARTH, pad.latitude(), target.inclination(), Math.sqrt(EARTH.mu() / radius));
        flown = new AscentSimulator(EARTH, UsStandardAtmosphere1976.INSTANCE, AscentProfile.DEFAULT)
            .flyBest(f9, pad, azimuth, 10_000, 30_000, target, new NullProgressMonitor());
    }

    private static double meco() {
        return flown.events().stream().filter(e -> e.name().equals("meco")).mapToDouble(FlightEvent::time).findFirst().orElseThrow();
    }

    @Test
    void theSensedAccelerationIsHeldAtTheLimitToCutOff() {
        double limit = f9.getMaxAscentAcceleration();
        double most = flown.history().stream().filter(s -> s.time() < meco()).mapToDouble(FlightSample::acceleration).max().orElseThrow();
        // held exactly by the throttle law: the 1 s samples sit on it to the integrator's tolerance
        assertEquals(limit, most, 0.01, "the largest sensed acceleration before cut-off is the limit");
        FlightSample last = flown.history().stream().filter(s -> s.time() < meco()).reduce((a, b) -> b).orElseThrow();
        assertEquals(limit, last.acceleration(), 0.01, "still on the limit at cut-off");
        // measured 0.83 of full thrust at cut-off, against the ascent's 0.925
        assertTrue(last.throttle() < f9.getAscentThrottle() - 0.05, "throttled down to hold it: " + last.throttle());
    }

    @Test
    void theDynamicPressureIsHeldWithinTheLimitersBand() {
        double limit = f9.getMaxAscentDynamicPressure();
        FlightSample peak = flown.history().stream().filter(s -> s.time() < meco())
            .max(java.util.Comparator.comparingDouble(FlightSample::dynamicPressure)).orElseThrow();
        // the proportional limiter settles (1 - throttle) / gain above the limit: 3 % for a bucket at 70 % of full thrust,
        // deeper than this flight's (its setting at the peak is asserted below)
        assertTrue(peak.dynamicPressure() > limit, "the limit is reached: " + peak);
        assertTrue(peak.dynamicPressure() <= limit * (1 + 0.3 / AscentThrottle.Q_GAIN), "and held: " + peak);
        assertTrue(peak.throttle() > 0.7, "a bucket shallower than 70 %: " + peak);
        assertTrue(peak.throttle() < f9.getAscentThrottle(), "by throttling: " + peak);
    }

    @Test
    void theStageFliesItsAscentThrottleBeforeMaxQ() {
        FlightSample at20 = flown.history().stream().filter(s -> s.time() == 20).findFirst().orElseThrow();
        assertEquals(f9.getAscentThrottle(), at20.throttle(), 1e-12);
    }

    @Test
    void theGroundTrackFollowsTheLaunchAzimuth() {
        // from 30 s to cut-off the track's initial bearing (great circle); a geocentric vertical rise had turned it 20 deg
        // south of this azimuth (the ellipsoid's normal leans 0.16 deg from the radius at the Cape)
        FlightSample a = flown.history().stream().filter(s -> s.time() == 30).findFirst().orElseThrow();
        FlightSample b = flown.history().stream().filter(s -> s.time() < meco()).reduce((x, y) -> y).orElseThrow();
        double la = Math.toRadians(a.latitude());
        double lb = Math.toRadians(b.latitude());
        double dl = Math.toRadians(b.longitude() - a.longitude());
        double bearing = Math.atan2(Math.sin(dl) * Math.cos(lb), Math.cos(la) * Math.sin(lb) - Math.sin(la) * Math.cos(lb) * Math.cos(dl));
        // within 1 deg: the Coriolis drift of a gravity turn and the great circle's own turn over 100 km are tenths
        assertEquals(Math.toDegrees(azimuth), Math.toDegrees(bearing), 1.0, "ground track bearing");
    }
}
