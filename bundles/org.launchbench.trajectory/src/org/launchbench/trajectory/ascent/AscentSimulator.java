package org.launchbench.trajectory.ascent;

import static org.launchbench.vehicle.model.figures.VehicleFigures.usable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.exception.MathRuntimeException;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.trajectory.dynamics.Jettison;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.Fairing;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.launchbench.trajectory.flight.Flight;
import org.launchbench.trajectory.flight.AscentThrottle;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.flight.PitchProgram;
import org.launchbench.trajectory.guidance.ClosedLoopBurn;
import org.launchbench.trajectory.guidance.InsertionGuidance;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.guidance.ShortOfOrbitException;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.figures.VehicleFigures;

/**
 * Flies a vehicle from the pad to orbit insertion: strap-ons with their core, each lower stage on an open-loop
 * pitch program and gravity turn to burnout and separation (then a short unpowered coast), then the last stage's burns
 * and coasts ({@link LastStage}: closed-loop {@link InsertionGuidance}) in one of four ways
 * ({@link AscentProfile.Insertion}):
 * <ul>
 * <li>direct: one burn into the orbit, inserting at its perigee;</li>
 * <li>parking orbit: a first burn into a transfer orbit (perigee at the profile's parking altitude, apogee at the
 * target's), a coast to near apogee, and a second burn there that raises the perigee (two-impulse Hohmann
 * transfer, the profile of restartable upper stages going above low orbit);</li>
 * <li>coast to apogee: the lower stages put the apogee of a suborbital trajectory at the target altitude, the
 * stack coasts up and the last stage, a small kick stage, circularises there;</li>
 * <li>node: a parking orbit in the lowest plane the site reaches, a coast to its node and a burn there that raises the
 * apogee and turns the plane ({@link PlaneChange}).</li>
 * </ul>
 * The pitch-over angle is solved by bisection: so that the last stage ignites at the profile's flight-path angle
 * (direct and parking orbit), or so that the apogee after the last lower stage is at the target (coast to
 * apogee). Coasts end half the estimated burn time before the apogee or the node so that the burn straddles it. The fairing is
 * jettisoned on its own condition (altitude or free-molecular heat flux, from the model) during whatever phase
 * meets it, and every guidance trial flies that jettison too.
 * <p>
 * Automatic choice: a last stage with liftoff thrust-to-weight below {@value #KICK_STAGE_THRUST_TO_WEIGHT} (at
 * its ignition, payload included) is a kick stage and coasts to apogee; a restartable last stage going more than
 * {@value #PARKING_MARGIN} m above the parking altitude uses a parking orbit, or, to a transfer orbit inclined less than the
 * site's latitude, the node; any other flies direct.
 * <p>
 * The lower stages throttle only to hold the vehicle's (or the mission's) dynamic-pressure and acceleration limits
 * ({@link AscentThrottle}). The first stage keeps its recovery reserve (it is not burned on ascent).
 */
public final class AscentSimulator {

    /** Below this thrust-to-weight at ignition the last stage is flown as a kick stage (coast to apogee first). */
    static final double KICK_STAGE_THRUST_TO_WEIGHT = 0.4;
    /** A parking orbit is used when the target apogee is this much above the parking altitude, m. */
    static final double PARKING_MARGIN = 50_000;
    /** Passes of the coast's aim correction. */
    static final int AIM_PASSES = 6;
    /** The coast's apogee is within this of the target's after the aim correction, m. */
    static final double AIM_TOLERANCE = 20;
    /** Largest pitch-over angle tried, degrees. */
    static final double MAX_KICK_DEG = 60;
    /** Flight-path angles at last-stage ignition tried for the best lofting, degrees. */
    static final double[] FLIGHT_PATH_ANGLES = {10, 17, 24, 31, 38, 45};
    /** Resolution of the best lofting, degrees. */
    static final double FLIGHT_PATH_ANGLE_RESOLUTION = 1;

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final AscentProfile profile;
    private double tolerance = Flight.DEFAULT_RELATIVE_TOLERANCE;
    private boolean cutSolids;
    /** The dynamic-pressure limit of the lower stages, Pa (NaN: the vehicle's). */
    private double maxDynamicPressure = Double.NaN;
    /** Failures injected into the first stage's burn. */
    private AscentFailures failures = AscentFailures.NONE;
    /** The pitch-over flown, rad (NaN: solved for the target). */
    private double fixedKick = Double.NaN;
    /** Seconds between the last stage's guidance cycles (+∞: its steering solved once, at ignition). */
    private double guidanceCycle = ClosedLoopBurn.DEFAULT_CYCLE_S;
    /** The last stage's real thrust and specific impulse over their ratings (what its guidance knows). */
    private double upperThrustFactor = 1;
    private double upperIspFactor = 1;

    /**
     * @param earth      the Earth
     * @param atmosphere the atmosphere
     * @param profile    the ascent's open-loop parameters
     */
    public AscentSimulator(EarthModel earth, Atmosphere atmosphere, AscentProfile profile) {
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.profile = profile;
    }

    /**
     * The insertion a vehicle flies to a target (the profile's, or the automatic choice).
     *
     * @param vehicle     the vehicle
     * @param payloadMass payload and adapter, kg
     * @param target      the target
     * @return never AUTO
     */
    public AscentProfile.Insertion insertionFor(LaunchVehicle vehicle, double payloadMass, InsertionTarget target) {
        if (profile.insertion() != AscentProfile.Insertion.AUTO) {
            return profile.insertion();
        }
        List<Stage> stages = vehicle.getStages();
        Stage upper = stages.get(stages.size() - 1);
        double mass = upper.getDryMass() + upper.getPropellantMass() + payloadMass;
        double thrustToWeight = Propulsion.of(upper).vacuumThrust() / (mass * PhysicalConstants.STANDARD_GRAVITY);
        if (thrustToWeight < KICK_STAGE_THRUST_TO_WEIGHT && stages.size() > 1) {
            return AscentProfile.Insertion.COAST_TO_APOGEE;
        }
        boolean restartable = upper.getEngines().stream().allMatch(c -> c.getEngine() != null && c.getEngine().getRestarts() > 0);
        if (restartable && target.apogeeRadius() - earth.equatorialRadius() > profile.parkingAltitude() + PARKING_MARGIN) {
            return AscentProfile.Insertion.PARKING_ORBIT;
        }
        return AscentProfile.Insertion.DIRECT;
    }

    /**
     * @param vehicle         the vehicle (valid)
     * @param site            the launch point
     * @param groundAzimuth   launch azimuth relative to the ground, rad
     * @param payloadMass     payload (and adapter), kg
     * @param firstStageReserve propellant the first stage keeps for its recovery, kg
     * @param target          the insertion target
     * @param monitor         progress and cancellation
     * @return the flown ascent
     * @throws RunFailedException when the vehicle cannot lift off or cannot reach the target
     */
    public AscentResult fly(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double payloadMass,
                            double firstStageReserve, InsertionTarget target, IProgressMonitor monitor) {
        Stage first = vehicle.getStages().get(0);
        if (first.getDrag() == null || first.getDrag().getPoints().isEmpty()) {
            throw InvalidInputException.because("has no drag table: an ascent through the atmosphere needs the first stage's"
                + " drag coefficient against Mach number").source(vehicle.getId()).element("stages[" + first.getId() + "]/drag")
                .fix("add a <drag> table of <points mach=... coefficient=...> to the stage (docs/vehicle-model.md)").build();
        }
        try {
            return solve(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, target, monitor);
        } catch (MathRuntimeException e) {
            throw new RunFailedException(vehicle.getName() + ": the integration of the ascent failed (" + e.getMessage()
                + "); the vehicle's data may be inconsistent (run 'launchbench vehicle show' on it)", e);
        }
    }

    private AscentResult solve(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double payloadMass,
                               double firstStageReserve, InsertionTarget target, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Ascent of " + vehicle.getName(), 20);
        AscentProfile.Insertion insertion = insertionFor(vehicle, payloadMass, target);
        if (profile.insertion() == AscentProfile.Insertion.AUTO && insertion != AscentProfile.Insertion.COAST_TO_APOGEE
            && PlaneChange.needed(site.latitude(), target) && PlaneChange.possible(vehicle, target)) {
            insertion = AscentProfile.Insertion.NODE;
        }
        // the commands check the choice with their source first; this holds for any caller
        PlaneChange.check(insertion, vehicle, site.latitude(), target, null);
        if (insertion == AscentProfile.Insertion.PARKING_ORBIT
            && target.perigeeRadius() - earth.equatorialRadius() <= profile.parkingAltitude()) {
            insertion = AscentProfile.Insertion.DIRECT;
        }
        AscentProfile.Insertion mode = insertion;
        List<Stage> stages = vehicle.getStages();
        Stage upper = stages.get(stages.size() - 1);
        LastStage last = null;
        // the apogee the coast is aimed at (osculating two-body apogee at the aiming point); J2 moves the real
        // apogee by kilometres over a half orbit, so the aim is corrected by the miss seen at the end of the coast
        double aim = target.apogeeRadius();
        double k1 = Double.NaN;
        Flight flight = null;
        double burnout = 0;
        List<AscentResult.Burn> burns = new ArrayList<>();
        double[][] separation = new double[1][];
        for (int pass = 0; pass < AIM_PASSES; pass++) {
            burns.clear();
            if (!Double.isNaN(fixedKick)) {
                k1 = fixedKick;
            } else if (pass == 0 || mode == AscentProfile.Insertion.COAST_TO_APOGEE) {
                k1 = solveKick(new Shaping(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, aim, mode), progress);
            }
            try {
                flight = lowerStages(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, k1, true, separation);
            } catch (FellBack e) {
                throw new RunFailedException(vehicle.getName() + " falls back to the ground before its last stage ignites", e);
            }
            burnout = flight.state()[6] - usable(upper);
            // its engines as they burn: off their rating as this simulator says, with the failures from the separation on
            last = new LastStage(earth, atmosphere, upper, LastStage.engines(upper, upperThrustFactor, upperIspFactor,
                failures.from(separation[0] == null ? 0 : separation[0][7])), guidanceCycle);
            if (mode == AscentProfile.Insertion.DIRECT) {
                break;
            }
            Jettison fairing = flight.pendingJettison();
            if (mode == AscentProfile.Insertion.NODE) {
                InsertionTarget parking = new InsertionTarget(target.perigeeRadius(), target.perigeeRadius(),
                    Math.max(target.inclination(), Math.abs(site.latitude())));
                burns.add(last.burn(flight, upper.getId() + "-ignition", burnout, parking, upper.getId() + "-cutoff", false));
                last.coastToNode(flight, target);
                burnout -= fairing != null && fairing.done() ? fairing.mass() : 0;
                break;
            }
            if (mode == AscentProfile.Insertion.PARKING_ORBIT) {
                InsertionTarget transfer = new InsertionTarget(earth.equatorialRadius() + profile.parkingAltitude(), aim,
                    target.inclination());
                burns.add(last.burn(flight, upper.getId() + "-ignition", burnout, transfer, upper.getId() + "-cutoff", false));
            }
            last.coastToApogee(flight, target);
            burnout -= fairing != null && fairing.done() ? fairing.mass() : 0;
            double[] y = flight.state();
            double miss = target.apogeeRadius()
                - OrbitGeometry.apoapsis(earth.mu(), new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5]))[0];
            if (Math.abs(miss) < AIM_TOLERANCE || !Double.isNaN(fixedKick)) {
                // a pitch-over held to the plan's cannot aim the coast again
                break;
            }
            aim += miss;
        }
        progress.setWorkRemaining(5);
        boolean relight = mode == AscentProfile.Insertion.PARKING_ORBIT || mode == AscentProfile.Insertion.NODE;
        String ignition = upper.getId() + (relight ? "-ignition-2" : "-ignition");
        Jettison pending = flight.pendingJettison();
        double[] before = flight.state();
        AscentResult.Burn insertionBurn = last.burn(flight, ignition, burnout,
            mode == AscentProfile.Insertion.DIRECT || mode == AscentProfile.Insertion.NODE ? target : target.atApogee(), "orbit-insertion",
            upper.getPropulsion() == org.launchbench.vehicle.model.Propulsion.SOLID && !cutSolids);
        burns.add(insertionBurn);
        progress.split(5);
        // the burn-out mass counts a jettison still pending at ignition (it happens during the burn)
        double left = flight.state()[6] - (burnout - (pending != null && pending.done() ? pending.mass() : 0));
        return new AscentResult(flight.events(), flight.samples(), insertionBurn.cutoff(), flight.state(), k1, mode, List.copyOf(burns),
            separation[0] == null ? null : booster(vehicle, site, separation[0]), left,
            mode == AscentProfile.Insertion.DIRECT ? PlaneChange.NONE : PlaneChange.between(before, flight.state()));
    }

    /** The separated first stage, ballistic to its apogee and the ground (within an hour). */
    private AscentResult.Booster booster(LaunchVehicle vehicle, EarthModel.Geodetic site, double[] atSeparation) {
        double t0 = atSeparation[7];
        Flight b = new Flight(earth, site, t0, java.util.Arrays.copyOf(atSeparation, 7), profile.sampleInterval())
            .tolerance(tolerance).groundEvent("booster-impact");
        Stage first = org.launchbench.vehicle.model.figures.VehicleFigures.coreStage(vehicle);
        PointMassDynamics ballistic = unpowered(aero(vehicle, first));
        Flight.End end = b.fly(ballistic, -1, 3600, "booster-apogee", s -> {
            double[] y = s.getPrimaryState();
            return -(y[0] * y[3] + y[1] * y[4] + y[2] * y[5]);
        });
        if (end == Flight.End.CONDITION) {
            b.fly(ballistic, -1, 3600 - (b.time() - t0), null);
        }
        List<FlightEvent> events = b.events().stream().map(e -> e.name().equals("max-q") ? new FlightEvent("booster-max-q", e.time(),
            e.altitude(), e.speed(), e.inertialSpeed(), e.mach(), e.dynamicPressure(), e.downrange(), e.mass()) : e).toList();
        return new AscentResult.Booster(events, b.samples(), b.time(), b.state(), t0, java.util.Arrays.copyOf(atSeparation, 7));
    }

    /**
     * Flies a solved ascent again with no solving: the lower stages with its pitch-over, then its upper-stage burns
     * with their steering between their ignition and cut-off times, coasting in between. This is one flight, the
     * unit a trajectory engine is timed by; it reproduces the flown ascent to the integrator's tolerance when its engines
     * burned as rated (the replay flies the rating: a deviation or a failure of the last stage is not replayed).
     *
     * @param vehicle           the vehicle the plan was solved for
     * @param site              launch point
     * @param groundAzimuth     launch azimuth relative to the ground, rad
     * @param payloadMass       payload, kg
     * @param firstStageReserve first-stage recovery reserve, kg
     * @param plan              a result of {@link #fly}
     * @return the flight
     */
    public AscentResult replay(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double payloadMass,
                               double firstStageReserve, AscentResult plan) {
        Flight flight = lowerStages(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, plan.kickAngle(), true);
        List<Stage> stages = vehicle.getStages();
        Stage upper = stages.get(stages.size() - 1);
        Propulsion prop = Propulsion.of(upper);
        PointMassDynamics coast = unpowered(Aerodynamics.NONE);
        for (AscentResult.Burn b : plan.burns()) {
            if (b.ignition() > flight.time()) {
                flight.fly(coast, -1, b.ignition() - flight.time(), null);
            }
            PointMassDynamics d = new PointMassDynamics(earth, atmosphere, prop, Aerodynamics.NONE, b.steering(), Winds.CALM);
            flight.fly(d, -1, b.cutoff() - flight.time(), null);
        }
        return new AscentResult(flight.events(), flight.samples(), flight.time(), flight.state(), plan.kickAngle(),
            plan.insertion(), plan.burns(), null, Double.NaN, plan.planeChange());
    }

    /** @param degrees flight-path angle at last-stage ignition; @return a simulator flying to it */
    public AscentSimulator withFlightPathAngle(double degrees) {
        return copy(new AscentProfile(profile.riseTime(), profile.kickDuration(), degrees, profile.sampleInterval(),
            profile.insertion(), profile.parkingAltitude(), profile.separationCoast()));
    }

    /** @param p a profile; @return a simulator flying it with this one's settings */
    private AscentSimulator copy(AscentProfile p) {
        AscentSimulator s = new AscentSimulator(earth, atmosphere, p);
        s.tolerance = tolerance;
        s.cutSolids = cutSolids;
        s.maxDynamicPressure = maxDynamicPressure;
        s.failures = failures;
        s.fixedKick = fixedKick;
        s.guidanceCycle = guidanceCycle;
        s.upperThrustFactor = upperThrustFactor;
        s.upperIspFactor = upperIspFactor;
        return s;
    }

    /**
     * @param seconds seconds between the last stage's guidance cycles ({@link ClosedLoopBurn}); +∞ flies its steering as
     *                solved at ignition (open loop, to the same energy cut-off)
     * @return a simulator flying it
     */
    public AscentSimulator withGuidanceCycle(double seconds) {
        AscentSimulator s = copy(profile);
        s.guidanceCycle = seconds;
        return s;
    }

    /**
     * @param thrustFactor the last stage's real thrust over its rating
     * @param ispFactor    its real specific impulse over its rating
     * @return a simulator whose last stage burns so, its guidance knowing only the rating (a dispersion of the engine)
     */
    public AscentSimulator withUpperStageDeviation(double thrustFactor, double ispFactor) {
        AscentSimulator s = copy(profile);
        s.upperThrustFactor = thrustFactor;
        s.upperIspFactor = ispFactor;
        return s;
    }

    /**
     * @param injected  failures of the first stage's burn ({@link AscentFailures#check} passed)
     * @param kickAngle the pitch-over of the plan the flight computer flies (the nominal ascent's), rad: a failure is
     *                  not known in advance, so the pitch-over is not solved again for it
     * @return a simulator flying the ascent with them; its last stage's steering is solved from the state it ignites in
     */
    public AscentSimulator withFailures(AscentFailures injected, double kickAngle) {
        AscentSimulator s = copy(profile);
        s.failures = injected;
        s.fixedKick = kickAngle;
        return s;
    }

    /**
     * @param relative the flights' integrator relative tolerance (default {@value Flight#DEFAULT_RELATIVE_TOLERANCE})
     * @return a simulator using it
     */
    public AscentSimulator withTolerance(double relative) {
        AscentSimulator s = copy(profile);
        s.tolerance = relative;
        return s;
    }

    /**
     * @return a simulator that cuts a solid last stage off at the target energy like a liquid one: for searches
     *         whose measure is the propellant left (the best lofting, the largest payload), which burning to
     *         depletion would hide
     */
    public AscentSimulator cuttingSolidsOff() {
        AscentSimulator s = copy(profile);
        s.cutSolids = true;
        return s;
    }

    /**
     * @param pascals the lower stages' dynamic-pressure limit for this flight (a mission's own), Pa; NaN: the vehicle's
     * @return a simulator holding it
     */
    public AscentSimulator withMaxDynamicPressure(double pascals) {
        AscentSimulator s = copy(profile);
        s.maxDynamicPressure = pascals;
        return s;
    }

    /** @return the profile flown */
    public AscentProfile profile() {
        return profile;
    }

    /**
     * The flight-path angle at last-stage ignition that leaves the most mass at orbit insertion for this payload:
     * a grid over {@link #FLIGHT_PATH_ANGLES} (degrees), then golden-section refinement to
     * {@value #FLIGHT_PATH_ANGLE_RESOLUTION} deg around the best point. How steeply the lower stages loft the
     * last stage matters most when that stage has a low thrust-to-weight (it must climb while it accelerates);
     * a fixed angle costs such a stage much of its payload (docs/trajectory.md).
     *
     * @return degrees; where none reaches the orbit, the least short one ({@link #unreached}); NaN when every angle
     *         tried failed otherwise; the profile's own angle for a coast to apogee (whose pitch-over is solved for the
     *         apogee instead)
     */
    public double bestFlightPathAngle(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double payloadMass,
                                      double firstStageReserve, InsertionTarget target, IProgressMonitor monitor) {
        if (insertionFor(vehicle, payloadMass, target) == AscentProfile.Insertion.COAST_TO_APOGEE) {
            return profile.upperStageFlightPathAngleDeg();
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Lofting of " + vehicle.getName(), FLIGHT_PATH_ANGLES.length + 12);
        return bestLofting(deg -> {
            try {
                // a trial of the search flies its last stage's steering as solved at ignition: in a nominal flight the closed
                // loop cuts off at the same state (to centimetres), at a sixth more cost a trial
                return withFlightPathAngle(deg).cuttingSolidsOff().withGuidanceCycle(Double.POSITIVE_INFINITY).fly(vehicle, site,
                    groundAzimuth, payloadMass, firstStageReserve, target, progress.split(1)).cutoffState()[6];
            } catch (RunFailedException e) {
                return unreached(e);
            }
        });
    }

    /**
     * What a lofting search scores an ascent that did not reach the orbit: minus its last stage's shortfall in m/s where
     * it ran out of propellant (so that, when no angle of the grid reaches the orbit, as near a payload's capability, the
     * search still moves towards the least short), −∞ where it failed otherwise. Below any mass at insertion.
     *
     * @param failure why the ascent failed
     * @return the score
     */
    static double unreached(RuntimeException failure) {
        double shortfall = ShortOfOrbitException.shortfallOf(failure);
        return Double.isFinite(shortfall) ? -Math.max(shortfall, 1e-3) : Double.NEGATIVE_INFINITY;
    }

    /**
     * The flight-path angle at last-stage ignition that leaves the most mass at insertion: a grid over
     * {@link #FLIGHT_PATH_ANGLES}, then golden-section refinement to {@value #FLIGHT_PATH_ANGLE_RESOLUTION} deg around
     * the best point.
     *
     * @param left the mass at insertion for an angle in degrees (where the orbit is not reached, {@link #unreached})
     * @return degrees; NaN when every angle of the grid failed for another reason than a shortfall
     */
    static double bestLofting(java.util.function.DoubleUnaryOperator left) {
        return bestLofting(left, FLIGHT_PATH_ANGLES);
    }

    /**
     * @param left the mass at insertion for an angle in degrees (where the orbit is not reached, {@link #unreached})
     * @param grid the angles tried first, degrees, evenly spaced
     * @return as {@link #bestLofting(java.util.function.DoubleUnaryOperator)}, over that grid
     */
    static double bestLofting(java.util.function.DoubleUnaryOperator left, double[] grid) {
        double best = Double.NaN;
        double bestMass = Double.NEGATIVE_INFINITY;
        for (double deg : grid) {
            double m = left.applyAsDouble(deg);
            if (m > bestMass) {
                bestMass = m;
                best = deg;
            }
        }
        if (Double.isNaN(best)) {
            return Double.NaN;
        }
        double step = grid[1] - grid[0];
        double a = best - step;
        double b = best + step;
        double ratio = (Math.sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = left.applyAsDouble(c);
        double fd = left.applyAsDouble(d);
        while (b - a > FLIGHT_PATH_ANGLE_RESOLUTION) {
            if (fc >= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = left.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = left.applyAsDouble(d);
            }
        }
        double mid = fc >= fd ? c : d;
        return Math.max(fc, fd) >= bestMass ? mid : best;
    }

    /**
     * {@link #fly} at the {@link #bestFlightPathAngle best lofting} for this payload.
     *
     * @return the flown ascent
     * @throws RunFailedException as {@link #fly}, with the reason the least short angle fails when none works
     */
    public AscentResult flyBest(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double payloadMass,
                                double firstStageReserve, InsertionTarget target, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 2);
        double deg = bestFlightPathAngle(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, target, progress.split(1));
        AscentSimulator simulator = Double.isNaN(deg) ? this : withFlightPathAngle(deg);
        return simulator.fly(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, target, progress.split(1));
    }

    /**
     * The pitch-over: more kick, flatter trajectory (lower flight-path angle, lower apogee), so bisection on the
     * kick; a trial that falls back to the ground counts as too much kick.
     */
    private double solveKick(Shaping shaping, SubMonitor progress) {
        double lo = Math.toRadians(0.2);
        double hi = Math.toRadians(MAX_KICK_DEG);
        if (shaping.mode == AscentProfile.Insertion.COAST_TO_APOGEE && shaping.error(hi) > 0) {
            throw new RunFailedException(String.format(Locale.ROOT, "%s's lower stages put the apogee above the target's %.0f km"
                + " even with a %.0f deg pitch-over: the orbit is too low for a coast to apogee (try --insertion direct)",
                shaping.vehicle.getName(), (shaping.aim - earth.equatorialRadius()) / 1000, MAX_KICK_DEG));
        }
        if (shaping.error(lo) < 0) {
            throw new RunFailedException(shaping.mode == AscentProfile.Insertion.COAST_TO_APOGEE
                ? String.format(Locale.ROOT, "%s's lower stages cannot raise the apogee to the target's %.0f km even with the"
                    + " smallest pitch-over", shaping.vehicle.getName(), (shaping.aim - earth.equatorialRadius()) / 1000)
                : shaping.vehicle.getName() + " cannot climb steeply enough for its last stage even with the smallest pitch-over"
                    + " (the upper stage would ignite below " + profile.upperStageFlightPathAngleDeg() + " deg)");
        }
        while (hi - lo > Math.toRadians(0.001)) {
            progress.setWorkRemaining(20);
            progress.split(1);
            double mid = (lo + hi) / 2;
            if (shaping.error(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The error the pitch-over is solved to null, for one insertion. */
    private final class Shaping {
        private final LaunchVehicle vehicle;
        private final EarthModel.Geodetic site;
        private final double azimuth;
        private final double payload;
        private final double reserve;
        private final double aim;
        private final AscentProfile.Insertion mode;

        Shaping(LaunchVehicle vehicle, EarthModel.Geodetic site, double azimuth, double payload, double reserve,
                double aim, AscentProfile.Insertion mode) {
            this.vehicle = vehicle;
            this.site = site;
            this.azimuth = azimuth;
            this.payload = payload;
            this.reserve = reserve;
            this.aim = aim;
            this.mode = mode;
        }

        /** @return positive when the kick is too small (too steep, apogee too high) */
        double error(double kick) {
            Flight flight;
            try {
                flight = lowerStages(vehicle, site, azimuth, payload, reserve, kick, false);
            } catch (FellBack e) {
                return -Math.PI;
            }
            double[] y = flight.state();
            Vector3D r = new Vector3D(y[0], y[1], y[2]);
            Vector3D v = new Vector3D(y[3], y[4], y[5]);
            if (mode == AscentProfile.Insertion.COAST_TO_APOGEE) {
                double apo = OrbitGeometry.apoapsis(earth.mu(), r, v)[0];
                return Double.isFinite(apo) ? (apo - aim) / aim : 1;
            }
            Vector3D ground = v.subtract(Vector3D.crossProduct(earth.rotation(), r));
            double gamma = Math.asin(Vector3D.dotProduct(r, ground) / (r.getNorm() * ground.getNorm()));
            return gamma - Math.toRadians(profile.upperStageFlightPathAngleDeg());
        }
    }

    /** A trial trajectory came back to the ground after liftoff: the pitch-over was too strong. */
    private static final class FellBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** The lower stages flown with one kick angle, to the last stage's ignition. */
    private Flight lowerStages(LaunchVehicle vehicle, EarthModel.Geodetic site, double azimuth, double payload,
                              double reserve, double kick, boolean record) {
        return lowerStages(vehicle, site, azimuth, payload, reserve, kick, record, null);
    }

    /**
     * @param separation when not null, receives the first (core) stage's state just after separation, with its own
     *                   mass, and the time as an eighth element
     */
    private Flight lowerStages(LaunchVehicle vehicle, EarthModel.Geodetic site, double azimuth, double payload,
                              double reserve, double kick, boolean record, double[][] separation) {
        List<Stage> stages = vehicle.getStages();
        Flight flight = new Flight(earth, site, VehicleFigures.of(vehicle, payload).liftoffMass(), profile.sampleInterval())
            .recording(record).tolerance(tolerance);
        double setting = vehicle.isSetAscentThrottle() ? vehicle.getAscentThrottle() : 1;
        Steering steering = new PitchProgram(earth, profile.riseTime(), profile.kickDuration(), kick, azimuth, t -> setting);
        Fairing fairing = vehicle.getFairing();
        if (fairing != null && fairing.getMass() > 0 && (fairing.getJettisonAltitude() > 0 || fairing.getJettisonHeatFlux() > 0)) {
            flight.jettison(new Jettison(earth, atmosphere, fairing.getMass(), fairing.getJettisonAltitude(),
                fairing.getJettisonHeatFlux()), "fairing-jettison");
        }
        int i = 0;
        if (stages.get(0).isStrapOn() && stages.size() > 2) {
            Stage boosters = stages.get(0);
            Stage core = stages.get(1);
            Propulsion both = Propulsion.of(boosters).plus(Propulsion.of(core));
            double t = Math.min(usable(boosters) / Propulsion.of(boosters).massFlow(1), usable(core) / Propulsion.of(core).massFlow(1));
            PointMassDynamics d = powered(vehicle, boosters, steering, both);
            requireLiftoff(flight.fly(d, -1, t, "boosters-burnout"), flight, vehicle);
            flight.drop(boosters.getDryMass() + boosters.getPropellantMass() - Propulsion.of(boosters).massFlow(1) * t);
            flight.mark("boosters-separation", d);
            // the core continues with what it has left
            double coreLeft = usable(core) - Propulsion.of(core).massFlow(1) * t;
            PointMassDynamics c = powered(vehicle, core, steering, Propulsion.of(core));
            if (coreLeft > 1) {
                flight.fly(c, flight.state()[6] - coreLeft, 1e5, core.getId() + "-burnout");
            } else {
                // boosters and core burn out together (identical motors): the core separates now
                flight.mark(core.getId() + "-burnout", c);
            }
            capture(separation, flight, core.getDryMass() + core.getResidualPropellantMass());
            flight.drop(core.getDryMass() + core.getResidualPropellantMass());
            flight.mark(core.getId() + "-separation", c);
            separationCoast(flight, vehicle, stages.get(2));
            i = 2;
        }
        for (; i < stages.size() - 1; i++) {
            Stage s = stages.get(i);
            double keep = i == 0 ? reserve : 0;
            PointMassDynamics d = powered(vehicle, s, steering, Propulsion.of(s));
            if (i > 0) {
                flight.mark(s.getId() + "-ignition", d);
            }
            Flight.End end = i == 0 && !failures.isEmpty() ? failing(flight, vehicle, s, steering, flight.state()[6] - (usable(s) - keep))
                : flight.fly(d, flight.state()[6] - (usable(s) - keep), 1e5, i == 0 ? "meco" : s.getId() + "-burnout");
            requireLiftoff(end, flight, vehicle);
            if (i == 0) {
                capture(separation, flight, s.getDryMass() + s.getResidualPropellantMass() + keep);
            }
            flight.drop(s.getDryMass() + s.getResidualPropellantMass() + keep);
            flight.mark(i == 0 ? "stage-separation" : s.getId() + "-separation", d);
            separationCoast(flight, vehicle, stages.get(i + 1));
        }
        if (fairing != null && fairing.getMass() > 0 && fairing.getJettisonAltitude() <= 0 && fairing.getJettisonHeatFlux() <= 0) {
            // no jettison condition in the model: the fairing goes when the last stage lights
            flight.drop(fairing.getMass());
            flight.mark("fairing-jettison", unpowered(Aerodynamics.NONE));
        }
        return flight;
    }

    /**
     * The first stage's burn with the injected failures: flown to each failure's time on the engines left, then on to
     * the cut-off (the reserve reached; a stage that lost its thrust falls back).
     */
    private Flight.End failing(Flight flight, LaunchVehicle vehicle, Stage s, Steering steering, double cutoffMass) {
        Propulsion nominal = Propulsion.of(s);
        int engines = s.getEngines().stream().mapToInt(c -> c.getCount()).sum();
        for (double t : failures.times()) {
            if (t > flight.time()) {
                PointMassDynamics d = powered(vehicle, s, steering, failures.at(nominal, engines, flight.time()));
                Flight.End end = flight.fly(d, cutoffMass, t - flight.time(), null);
                if (end == Flight.End.BURNOUT) {
                    // the stage reached its cut-off first: the later failures are the last stage's
                    flight.mark("meco", d);
                }
                if (end != Flight.End.TIME) {
                    return end;
                }
            }
            flight.mark(failures.event(t), powered(vehicle, s, steering, failures.at(nominal, engines, t)));
        }
        return flight.fly(powered(vehicle, s, steering, failures.at(nominal, engines, flight.time())), cutoffMass, 1e5, "meco");
    }

    /** A lower stage's (or the stack's while it is the bottom) powered flight on engines, its throttle limited. */
    private PointMassDynamics powered(LaunchVehicle vehicle, Stage bottom, Steering steering, Propulsion engines) {
        return new PointMassDynamics(earth, atmosphere, engines, aero(vehicle, bottom), limited(steering, vehicle, engines,
            aero(vehicle, bottom)), Winds.CALM);
    }

    /**
     * A lower stage's pitch program with its throttle held to the vehicle's acceleration limit and to the dynamic-pressure
     * limit (this simulator's, else the vehicle's) ({@link AscentThrottle}).
     */
    private Steering limited(Steering steering, LaunchVehicle vehicle, Propulsion propulsion, Aerodynamics drag) {
        double q = !Double.isNaN(maxDynamicPressure) ? maxDynamicPressure
            : vehicle.isSetMaxAscentDynamicPressure() ? vehicle.getMaxAscentDynamicPressure() : Double.NaN;
        double a = vehicle.isSetMaxAscentAcceleration() ? vehicle.getMaxAscentAcceleration() : Double.NaN;
        return AscentThrottle.of(steering, earth, atmosphere, propulsion, drag, q, a);
    }

    /**
     * The drag of the stack while a stage is its bottom: the stage's own Mach table on its cross-section, or, for
     * an upper stage without one, the table of the nearest stage below it (the stack keeps its slender shape; the
     * coefficient is the same body's) on the upper stage's own cross-section. The first stage must have one
     * (checked by {@link #fly}).
     */
    private static Aerodynamics aero(LaunchVehicle vehicle, Stage stage) {
        if (stage.getDrag() != null && !stage.getDrag().getPoints().isEmpty()) {
            return Aerodynamics.of(stage);
        }
        List<Stage> stages = vehicle.getStages();
        for (int i = stages.indexOf(stage) - 1; i >= 0; i--) {
            Stage below = stages.get(i);
            if (below.getDrag() != null && !below.getDrag().getPoints().isEmpty()) {
                Aerodynamics table = Aerodynamics.of(below);
                return new Aerodynamics(table.mach(), table.coefficient(),
                    Math.PI * stage.getReferenceDiameter() * stage.getReferenceDiameter() / 4);
            }
        }
        return Aerodynamics.of(stage);
    }

    /** @return the equations of an engines-off phase (coast, separation, ballistic fall) with that drag */
    private PointMassDynamics unpowered(Aerodynamics drag) {
        return new PointMassDynamics(earth, atmosphere, Propulsion.NONE, drag, Steering.COAST, Winds.CALM);
    }

    private static void capture(double[][] separation, Flight flight, double stageMass) {
        if (separation != null) {
            double[] y = flight.state();
            separation[0] = new double[] {y[0], y[1], y[2], y[3], y[4], y[5], stageMass, flight.time()};
        }
    }

    /** The unpowered seconds between a separation and the next stage's ignition. */
    private void separationCoast(Flight flight, LaunchVehicle vehicle, Stage next) {
        if (profile.separationCoast() <= 0) {
            return;
        }
        PointMassDynamics coast = unpowered(aero(vehicle, next));
        requireLiftoff(flight.fly(coast, -1, profile.separationCoast(), null), flight, vehicle);
    }

    private static void requireLiftoff(Flight.End end, Flight flight, LaunchVehicle vehicle) {
        if (end != Flight.End.GROUND) {
            return;
        }
        if (flight.time() < 2) {
            throw new RunFailedException(vehicle.getName() + " cannot lift off with this payload (liftoff thrust-to-weight below 1)");
        }
        throw new FellBack();
    }
}
