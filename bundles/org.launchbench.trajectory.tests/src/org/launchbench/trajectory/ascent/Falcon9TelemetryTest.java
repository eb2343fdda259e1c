package org.launchbench.trajectory.ascent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.launchbench.trajectory.flight.Flight;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.flight.FlightSample;
import org.launchbench.trajectory.flight.PitchProgram;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.figures.VehicleFigures;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A published Falcon 9 ascent reproduced by the Falcon 9 model: Bangabandhu-1 (11 May 2018, the first Block 5,
 * GTO, drone-ship landing), from the webcast telemetry reconstruction in shahar603/Telemetry-Data
 * (Bangabandhu/JSON/analysed.json and events.json, commit 4826ab79db5507563c18003cf457c5b60017845b): main-engine
 * cut-off at 152 s at 64.484 km and 2259.1 m/s (speed relative to the ground), flight-path angle 24.97 deg,
 * downrange 85.9 km; throttle-down from 47 to 65 s; max-Q 29.1 kPa at 74 s.
 * <p>
 * Taken from the flight (inputs): the cut-off time, the throttle bucket, the flight-path angle at cut-off (it
 * fixes the pitch-over, the one free steering parameter), the payload (3750 kg, the repository's README) and
 * the Block 5 liftoff mass (549 054 kg, Wikipedia, Falcon 9: the model's stage figures, from the Full Thrust era,
 * are 29 t lighter, made up here in propellant, half in each stage: Block 5 stretched both stages' tanks).
 * The bucket's depth is derived from the telemetry: the sensed acceleration falls from 17.0 to 14.2 m/s² between 42 and 52 s while 6 % of the mass burns, about 80 %
 * throttle; and the acceleration limit of the last 16 s (37.4 m/s²). Compared (outputs of the model's thrust,
 * mass flow, drag, Earth and gravity turn): altitude and speed at 60 s, altitude, speed and downrange at cut-off,
 * and max-Q.
 * <p>
 * Result and tolerances: the model flies about 8 % "hotter" than the flight from the start: at 60 s its sensed
 * acceleration is 15.7 m/s² against the telemetry's 14.5, its altitude 9.6 km against 8.9 and its speed 367 m/s
 * against 337; at cut-off it is about 12 % high in altitude, speed and downrange. It burns the published
 * Merlin 1D ratings (845 kN, 282 s at sea level: 2.70 t/s for nine) on the published Block 5 liftoff mass, while
 * the telemetry's sensed acceleration (33 m/s² at 130 s on about 8.1 MN) implies some 30 t more aboard by then:
 * the flown thrust is lower or the vehicle heavier than the published figures give. The tolerances (10 % at
 * 60 s, 15 % at cut-off, 10 % on max-Q) bound that known difference (docs/trajectory.md) and fail if the model
 * moves further from the flight. Max-Q's time is not compared: the maximum is flat (within 10 % of its peak from
 * 50 to 78 s in the telemetry).
 */
class Falcon9TelemetryTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    /** LC-39A, Bangabandhu-1's pad (NASA KSC coordinates). */
    private static final EarthModel.Geodetic LC_39A = new EarthModel.Geodetic(Math.toRadians(28.6083), Math.toRadians(-80.6041), 0);
    private static final double MECO_TIME = 152;
    /** Sensed acceleration held from 136 s to cut-off in the telemetry (37.2 to 37.6 m/s²), m/s². */
    private static final double ACCELERATION_LIMIT = 37.4;
    private static final double MECO_FLIGHT_PATH_ANGLE = Math.toRadians(24.968);

    private static VehicleCatalog catalog() {
        BundleContext context = FrameworkUtil.getBundle(Falcon9TelemetryTest.class).getBundleContext();
        return context.getService(context.getServiceReference(VehicleCatalog.class));
    }

    private static Flight fly(LaunchVehicle f9, double payload, double kick) {
        Stage first = f9.getStages().get(0);
        // GTO launches from the Cape fly due east
        PitchProgram pitch = new PitchProgram(EARTH, 10, 10, kick, Math.toRadians(90), t -> t >= 47 && t < 65 ? 0.8 : 1);
        Propulsion engines = Propulsion.of(first);
        // the acceleration limit the telemetry shows (sensed acceleration held near 37 m/s² from 136 s to cut-off)
        Steering steering = new Steering() {
            @Override
            public double throttle(double t, Vector3D r, Vector3D v, double mass) {
                return Math.min(pitch.throttle(t, r, v, mass), ACCELERATION_LIMIT * mass / engines.vacuumThrust());
            }

            @Override
            public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
                return pitch.direction(t, r, v, mass);
            }
        };
        PointMassDynamics d = new PointMassDynamics(EARTH, UsStandardAtmosphere1976.INSTANCE, engines,
            Aerodynamics.of(first), steering, Winds.CALM);
        Flight flight = new Flight(EARTH, LC_39A, VehicleFigures.of(f9, payload).liftoffMass(), 1);
        flight.fly(d, -1, MECO_TIME, "meco");
        return flight;
    }

    private static double flightPathAngle(Flight flight) {
        double[] y = flight.state();
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]).subtract(Vector3D.crossProduct(EARTH.rotation(), r));
        return Math.asin(Vector3D.dotProduct(r, v) / (r.getNorm() * v.getNorm()));
    }

    @Test
    void bangabandhu1FirstStageAscentIsReproduced() {
        LaunchVehicle f9 = EcoreUtil.copy(catalog().vehicle("falcon-9").orElseThrow().model());
        double payload = 3750;
        Stage first = f9.getStages().get(0);
        Stage second = f9.getStages().get(1);
        double missing = 549_054 - VehicleFigures.of(f9, 0).liftoffMass();
        first.setPropellantMass(first.getPropellantMass() + missing / 2);
        second.setPropellantMass(second.getPropellantMass() + missing / 2);
        // the pitch-over that gives the telemetry's flight-path angle at cut-off (more kick, flatter)
        double lo = Math.toRadians(0.5);
        double hi = Math.toRadians(15);
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (flightPathAngle(fly(f9, payload, mid)) > MECO_FLIGHT_PATH_ANGLE) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Flight flight = fly(f9, payload, (lo + hi) / 2);
        assertEquals(Math.toDegrees(MECO_FLIGHT_PATH_ANGLE), Math.toDegrees(flightPathAngle(flight)), 0.01, "pitch-over solved");
        FlightEvent meco = flight.events().stream().filter(e -> e.name().equals("meco")).findFirst().orElseThrow();
        FlightEvent maxQ = flight.events().stream().filter(e -> e.name().equals("max-q")).findFirst().orElseThrow();
        String flown = meco + " " + maxQ;
        assertEquals(64_484, meco.altitude(), 64_484 * 0.15, "altitude at MECO: " + flown);
        assertEquals(2259.1, meco.speed(), 2259.1 * 0.15, "speed at MECO: " + flown);
        assertEquals(85_925, meco.downrange(), 85_925 * 0.15, "downrange at MECO: " + flown);
        assertEquals(29_103, maxQ.dynamicPressure(), 29_103 * 0.10, "max-Q: " + flown);
        FlightSample at60 = flight.samples().stream().filter(x -> x.time() == 60).findFirst().orElseThrow();
        assertEquals(8_914, at60.altitude(), 8_914 * 0.10, "altitude at 60 s: " + at60);
        assertEquals(337.2, at60.speed(), 337.2 * 0.10, "speed at 60 s: " + at60);
        assertEquals(14.546, at60.acceleration(), 14.546 * 0.10, "sensed acceleration at 60 s: " + at60);
    }
}
