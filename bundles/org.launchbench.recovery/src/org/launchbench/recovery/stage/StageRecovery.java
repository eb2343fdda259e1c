package org.launchbench.recovery.stage;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.InvalidInputException;
import org.launchbench.flight.phase.RigidBodyPhase;
import org.launchbench.recovery.descent.ApproachSteering;
import org.launchbench.recovery.descent.BrakingGuidance;
import org.launchbench.recovery.descent.DescentDrag;
import org.launchbench.recovery.descent.LandingFrame;
import org.launchbench.recovery.descent.LandingGuidance;
import org.launchbench.recovery.descent.PoweredDescent;
import org.launchbench.recovery.descent.RetrogradeBraking;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.atmosphere.AtmosphereState;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.PhaseDynamics;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.launchbench.trajectory.flight.Flight;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.vehicle.model.BurnKind;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.FailureKind;
import org.launchbench.vehicle.model.GridFins;
import org.launchbench.vehicle.model.LandingLegs;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.RecoveryHardware;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.Stage;

/**
 * The separated first stage's way home: flip, boostback burn (targeted so the stage falls on the landing zone),
 * entry burn (sized to the plan's dynamic-pressure limit), aerodynamic descent steered by the grid fins, and the
 * landing burn, lit where the plan says or where full thrust can still stop the stage with a margin, and guided in
 * closed loop by lossless convexification ({@link PoweredDescent}) re-solved from the current state.
 * <p>
 * All of it is flown on the trajectory engine's 3-DOF equations over the rotating WGS-84 Earth with drag and winds.
 * {@link #plan} solves the nominal targeting once; {@link #fly} flies the plan with errors ({@link Perturbation}) and
 * injected failures, the way the flight software would: burns cut off on the velocity they were to gain, the fins and
 * the landing guidance correct what they can.
 */
public final class StageRecovery {

    /** From separation to the boostback burn: the flip (Falcon 9 takes about 10 to 15 s), s. */
    public static final double FLIP_DURATION = 10;
    /**
     * Re-solves a second of the landing guidance in its last {@link LandingGuidance#TERMINAL_PHASE} seconds: the plan's
     * path is tracked between them (drag predicted and made up), so a few a second suffice (docs/recovery.md).
     */
    public static final double TERMINAL_RATE = 2;
    /** Entry-burn ignition altitude above the landing zone when the plan gives none (Falcon 9's start near 70 km), m. */
    public static final double DEFAULT_ENTRY_ALTITUDE = 70_000;
    /** Winds of a {@link Perturbation} blow below this height, m. */
    public static final double WIND_CEILING = 20_000;
    /**
     * Normal-force slope of a grid fin on its planform area, per radian. Grid fins give 0.03 to 0.05 per degree at
     * the Mach numbers of a returning stage (Washington and Miller, "Grid fins: a new concept for missile stability
     * and control", AIAA-93-0035, 1993): 2 per radian, the low end.
     */
    public static final double GRID_FIN_NORMAL_SLOPE = 2.0;
    /**
     * Share of the landing engines' deceleration beyond gravity (full thrust over weight, less one g) an unscheduled
     * landing burn is designed to need: it is lit where that share, with drag, would just stop the stage, leaving
     * the rest for errors. A share of the excess, not of the thrust: a stage whose engine barely out-lifts its
     * weight would otherwise never find a height it could stop from.
     */
    public static final double LANDING_DESIGN_EXCESS = 0.3;
    /**
     * Velocity budget the entry-burn sizing leaves the landing burn: a terminal speed of about 300 m/s plus the
     * gravity loss of a 30 s burn, m/s.
     */
    static final double LANDING_BUDGET = 600;
    /** Fin guidance update interval, s. */
    public static final double FIN_INTERVAL = 1.0;
    /** Landing altitude the plan's own figure falls back to for sizing the entry burn (where none is given), m. */
    static final double SIZING_LANDING_ALTITUDE = 3000;

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final DynamicsFactory dynamics;
    /** Margin of the ignition rule's drag-free bound on its stop, in seconds of the present speed. */
    static final double STOP_STEP = 0.05;
    /** Shortest time step of the landing-ignition rule's one-dimensional stop, s. */
    static final double STOP_MIN_STEP = 0.2;
    /**
     * The fuel-optimal landing burn's time of flight as a share of the ignition rule's one-dimensional stop (which
     * brakes at {@link #LANDING_DESIGN_EXCESS} of the thrust's excess over weight from ignition, where the optimum brakes
     * harder later): the median measured over dispersed Falcon 9 recoveries (docs/benchmarks.md). The guidance's first
     * search starts there ({@link LandingGuidance#expect}).
     */
    static final double OPTIMAL_SHARE_OF_STOP = 0.77;
    /**
     * Steps the one-dimensional stop takes (about: its step is the drag-free stop's duration divided by this), by
     * classical Runge-Kutta: metres from a 20,000-step reference at a fraction of the cost of a lower-order method
     * (docs/benchmarks.md; the drag table's kinks in Mach keep it from its nominal order).
     */
    static final int STOP_STEPS = 50;
    private final PoweredDescent descent = LandingGuidance.newDescent();

    /** @param earth the Earth; @param atmosphere the atmosphere; the stage flies as a point mass */
    public StageRecovery(EarthModel earth, Atmosphere atmosphere) {
        this(earth, atmosphere, DynamicsFactory.POINT_MASS);
    }

    /**
     * @param earth      the Earth
     * @param atmosphere the atmosphere
     * @param dynamics   the fidelity the stage's flight is flown at; the point-mass targeting ({@link #plan(Case)}) and
     *                   the sequencer's guidance predictions stay point-mass models, as a flight computer's are (an
     *                   aimed targeting, {@link #plan(Case, Aim)}, flies the stage at this fidelity to the entry burn)
     */
    public StageRecovery(EarthModel earth, Atmosphere atmosphere, DynamicsFactory dynamics) {
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.dynamics = dynamics;
    }

    /** @param fidelity the fidelity to fly at; @return this engine flying at it */
    public StageRecovery withDynamics(DynamicsFactory fidelity) {
        return fidelity == dynamics ? this : new StageRecovery(earth, atmosphere, fidelity);
    }

    /** @return the fidelity the stage's flight is flown at */
    public DynamicsFactory dynamics() {
        return dynamics;
    }

    /**
     * A recovery to fly.
     *
     * @param launchSite      the launch point (downrange distances are from it)
     * @param stage           the first stage (its engines, drag and recovery hardware)
     * @param plan            the mission's recovery plan
     * @param zone            the landing zone
     * @param separationTime  s after liftoff
     * @param separationState {x, y, z, vx, vy, vz, m} in the flight frame
     * @param source          the file the plan came from, for error messages
     */
    public record Case(EarthModel.Geodetic launchSite, Stage stage, RecoveryPlan plan, LandingZone zone, double separationTime,
                       double[] separationState, String source) {
    }

    /**
     * How the landing guidance runs.
     *
     * @param rate      re-solves per second
     * @param nodes     discretisation intervals of each cone program
     * @param record    keep the time history (false for Monte Carlo runs)
     * @param tolerance integrator relative tolerance
     */
    public record Options(double rate, int nodes, boolean record, double tolerance) {
        /** A re-solve every 4 s, 20 intervals, recorded, 1e-9. */
        public static final Options DEFAULT = new Options(0.25, 20, true, 1e-9);
    }

    /**
     * The nominal targeting.
     *
     * @param boostbackAzimuth thrust azimuth of the boostback burn in the local horizontal at its ignition, rad
     * @param boostbackDv      velocity the boostback burn gains (its cut-off), m/s; 0: none
     * @param entryDv          velocity the entry burn takes off, m/s; 0: none
     * @param entryAltitude    entry-burn ignition altitude above the zone, m
     * @param predictedMiss    where the nominal stage would fall with no fins and no landing burn, from the centre, m
     * @param finCrossRange    how far sideways the grid fins can move the stage between the entry burn and the landing
     *                         burn's ignition height, steering hard across the track all the way, m (0: no fins)
     * @param peakHeatFlux     the predicted peak stagnation heat flux after the entry burn, W/m² (Sutton-Graves)
     * @param notes            what the targeting could not do
     * @param entryShort       whether the entry burn could not hold the plan's limits and leave the landing burn its
     *                         budget (it takes what it can: the stage lacks propellant for the plan)
     */
    public record Plan(double boostbackAzimuth, double boostbackDv, double entryDv, double entryAltitude, double predictedMiss,
                       double finCrossRange, double peakHeatFlux, List<String> notes, boolean entryShort) {
    }

    /** The stage's figures, checked. */
    private record Hardware(Stage stage, RecoveryHardware recovery, double emptyMass, double reserve, Propulsion boostback,
                            Propulsion entry, Propulsion landing, Aerodynamics aero, GridFins fins,
                            LandingLegs legs) {
    }

    private Hardware hardware(Case c) {
        Stage s = c.stage();
        RecoveryHardware r = s.getRecovery();
        String where = "stage " + s.getId() + "/recovery";
        if (r == null) {
            throw bad(c, where, "none", "a recovery element with the engines each burn uses and landing legs",
                "the stage has no recovery hardware, so it cannot fly a recovery");
        }
        if (r.getLandingLegs() == null) {
            throw bad(c, where + "/landingLegs", "none", "legs with touchdown limits", "the stage has no landing legs");
        }
        int total = s.getEngines().stream().mapToInt(e -> e.getCount()).sum();
        if (r.getLandingEngines() < 1 || r.getLandingEngines() > total) {
            throw bad(c, where + "/landingEngines", r.getLandingEngines(), "1 to " + total, "the landing burn needs engines");
        }
        if (c.plan().isBoostback() && (r.getBoostbackEngines() < 1 || r.getBoostbackEngines() > total)) {
            throw bad(c, where + "/boostbackEngines", r.getBoostbackEngines(), "1 to " + total,
                "the plan flies a boostback burn but the stage lights no engine for it");
        }
        if (c.plan().isEntryBurn() && (r.getEntryEngines() < 1 || r.getEntryEngines() > total)) {
            throw bad(c, where + "/entryEngines", r.getEntryEngines(), "1 to " + total,
                "the plan flies an entry burn but the stage lights no engine for it");
        }
        if (c.plan().isEntryBurn() && !(maxDynamicPressure(c) > 0)) {
            boolean own = c.plan().isSetMaxDynamicPressure();
            throw bad(c, own || !r.isSetMaxDescentDynamicPressure() ? "recovery/maxDynamicPressure" : where + "/maxDescentDynamicPressure",
                own ? c.plan().getMaxDynamicPressure() : r.isSetMaxDescentDynamicPressure() ? r.getMaxDescentDynamicPressure() : "unset",
                "a positive pressure in Pa, the mission's or the stage's maxDescentDynamicPressure (Falcon 9-class stages: 110 kPa)",
                "the entry burn is sized to this limit");
        }
        if (c.plan().isSetMaxHeatFlux() && !(c.plan().getMaxHeatFlux() > 0)) {
            throw bad(c, "recovery/maxHeatFlux", c.plan().getMaxHeatFlux(), "a positive heat flux in W/m2, or unset for no limit",
                "the entry burn is sized to this limit");
        }
        if (r.getDescentDrag() == null || r.getDescentDrag().getPoints().isEmpty()) {
            throw bad(c, where + "/descentDrag", "none", "a Mach table of drag coefficients for the stage falling engines first",
                "the stage's way down cannot be flown without its descent drag (the ascent table is for flying nose first)");
        }
        double empty = s.getDryMass() + s.getResidualPropellantMass();
        Propulsion landing = Propulsion.of(s.getEngines(), r.getLandingEngines());
        // the propellant the stage kept: what its ascent left it (the mission's figure, or the one sized for this recovery)
        double reserve = c.plan().isSetPropellantReserve() ? c.plan().getPropellantReserve() : c.separationState()[6] - empty;
        return new Hardware(s, r, empty, reserve, Propulsion.of(s.getEngines(), Math.max(1, r.getBoostbackEngines())),
            Propulsion.of(s.getEngines(), Math.max(1, r.getEntryEngines())), landing, Aerodynamics.of(r.getDescentDrag(), s.getReferenceDiameter()),
            r.getGridFins(), r.getLandingLegs());
    }

    private static InvalidInputException bad(Case c, String element, Object value, String allowed, String problem) {
        return InvalidInputException.because(problem).source(c.source()).element(element).value(value).allowed(allowed).build();
    }

    // ---------------------------------------------------------------------------------------------- nominal plan

    /**
     * Solves the nominal targeting: the entry burn that keeps the dynamic pressure to the plan's limit and, when
     * the plan flies one, the boostback burn (azimuth and velocity gained) whose impact point is the zone's centre.
     *
     * @param c the recovery
     * @return the plan
     */
    public Plan plan(Case c) {
        return plan(c, null);
    }

    /**
     * Where a flight's own guidance would bring the stage to rest from the entry burn's cut-off (or from the boostback's,
     * without an entry burn): what the targeting puts on the zone in place of the fins-off impact point, when the
     * guidance that flies the descent is not this engine's (the 6-DOF flight software's body has less reach than the
     * point mass's fins, and its landing burn brakes short of the impact point).
     */
    @FunctionalInterface
    public interface Aim {
        /**
         * @param local  {height above the zone, east, north, v_up, v_east, v_north} from the zone's centre, over the
         *               ground, m and m/s
         * @param massKg the stage's mass, kg
         * @return {east, north} of the rest point from the zone's centre, m
         */
        double[] rest(double[] local, double massKg);
    }

    /**
     * The nominal targeting aimed at another guidance's rest point: first as {@link #plan(Case)}, then the boostback
     * re-aimed (and the entry burn re-sized) so that the aim's rest point, not the fins-off impact point, is on the
     * zone, the flight to the entry burn's cut-off flown at this engine's fidelity (a rigid body's flip and burns do not
     * end where a point mass's do).
     *
     * @param c   the recovery
     * @param aim the rest point of the guidance that will fly the descent (null: the fins-off impact point)
     * @return the plan; its predicted miss is the aim's
     */
    public Plan plan(Case c, Aim aim) {
        return plan(c, aim, true);
    }

    /**
     * The nominal targeting without what only a report needs (the fins' cross-range and the predicted peak heat flux,
     * NaN here): what sizing a reserve or stationing a ship flies many times.
     *
     * @param c the recovery
     * @return the plan
     */
    public Plan targeting(Case c) {
        return plan(c, null, false);
    }

    private Plan plan(Case c, Aim aim, boolean reported) {
        Hardware hw = hardware(c);
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        if (c.plan().getMode() == RecoveryMode.EXPENDABLE) {
            return new Plan(0, 0, 0, 0, Double.NaN, 0, Double.NaN, List.of(), false);
        }
        double entryAlt = c.plan().isSetEntryIgnitionAltitude() ? c.plan().getEntryIgnitionAltitude() : DEFAULT_ENTRY_ALTITUDE;
        double az = 0, dv = 0, entryDv = 0;
        boolean[] entryShort = {false};
        boolean aimed = aim != null && c.plan().isBoostback();
        int rounds = aimed ? 5 : 3;
        for (int round = 0; round < rounds; round++) {
            if (c.plan().isBoostback()) {
                // the fins-off impact first (its first guess is along its miss), then the aim from there
                double[] x = targetBoostback(c, hw, az, dv, entryDv, entryAlt, round == 0, round < 3 ? null : aim);
                az = x[0];
                dv = x[1];
            }
            if (c.plan().isEntryBurn()) {
                entryDv = sizeEntry(c, hw, az, dv, entryAlt, notes, entryShort);
            }
            if (!c.plan().isBoostback()) {
                break;
            }
        }
        if (aimed) {
            // the entry burn's sizing moves by up to its 1 m/s bisection, and the rest point with it by a hundred metres
            // or more: aimed once more at the entry burn as sized
            double[] x = targetBoostback(c, hw, az, dv, entryDv, entryAlt, false, aim);
            az = x[0];
            dv = x[1];
        }
        double[] miss = predictImpact(c, hw, az, dv, entryDv, entryAlt, aimed ? aim : null);
        if (c.plan().isBoostback() && Math.hypot(miss[0], miss[1]) > 100) {
            notes.add(String.format("the boostback burn cannot put the %s on the zone: it falls %.0f m from it",
                aimed ? "flight software's predicted rest point" : "impact point", Math.hypot(miss[0], miss[1])));
        }
        return new Plan(az, dv, entryDv, entryAlt, Math.hypot(miss[0], miss[1]),
            reported ? finCrossRange(c, hw, az, dv, entryDv, entryAlt) : Double.NaN,
            reported ? peaks(c, hw, az, dv, entryDv, entryAlt)[1] : Double.NaN, List.copyOf(notes), entryShort[0]);
    }

    /**
     * Where the stage falls with its nominal plan (entry burn sized, fins neutral, no landing burn), from the zone's
     * centre: where a drone ship waiting for a stage that flies no boostback is stationed.
     *
     * @param c the recovery
     * @return {east, north} of the impact point from the zone's centre, m
     */
    public double[] fall(Case c) {
        return fall(c, targeting(c));
    }

    /** @return {east, north} of the fins-off impact with this targeting, from the zone's centre, m */
    private double[] fall(Case c, Plan p) {
        double[] e = predictImpact(c, hardware(c), p.boostbackAzimuth(), p.boostbackDv(), p.entryDv(), p.entryAltitude(), null);
        return new double[] {e[0], e[1]};
    }

    /** Newton on (azimuth, velocity gained) for the impact point, from a first guess along the miss. */
    private double[] targetBoostback(Case c, Hardware hw, double az, double dv, double entryDv, double entryAlt, boolean guess, Aim aim) {
        if (guess) {
            double[] miss = predictImpact(c, hw, 0, 0, entryDv, entryAlt, null);
            az = Math.atan2(-miss[0], -miss[1]);
            // the horizontal velocity that moves the impact point by the miss over the ~fall time
            dv = Math.hypot(miss[0], miss[1]) / Math.max(100, miss[2] - c.separationTime() - FLIP_DURATION);
        }
        double[] x = {az, dv};
        double[] e = predictImpact(c, hw, x[0], x[1], entryDv, entryAlt, aim);
        if (x[1] < 1 && Math.hypot(e[0], e[1]) > 1) {
            // with no boostback the azimuth moves nothing and Newton's Jacobian is singular (a ship stationed at the fins-off
            // impact point, an aim short of it): start along the miss, as the first guess does
            x = new double[] {Math.atan2(-e[0], -e[1]),
                Math.max(1, Math.hypot(e[0], e[1]) / Math.max(100, e[2] - c.separationTime() - FLIP_DURATION))};
            e = predictImpact(c, hw, x[0], x[1], entryDv, entryAlt, aim);
        }
        for (int it = 0; it < 20 && Math.hypot(e[0], e[1]) > 1; it++) {
            // an aim's rest point is placed by its own iterations to about a metre: wider steps for its derivatives
            double ha = aim == null ? 1e-4 : 1e-3;
            double hv = aim == null ? 1e-2 : 0.1;
            double[] ea = predictImpact(c, hw, x[0] + ha, x[1], entryDv, entryAlt, aim);
            double[] ev = predictImpact(c, hw, x[0], x[1] + hv, entryDv, entryAlt, aim);
            double j00 = (ea[0] - e[0]) / ha, j01 = (ev[0] - e[0]) / hv;
            double j10 = (ea[1] - e[1]) / ha, j11 = (ev[1] - e[1]) / hv;
            double det = j00 * j11 - j01 * j10;
            if (det == 0 || !Double.isFinite(det)) {
                break;
            }
            double da = -(j11 * e[0] - j01 * e[1]) / det;
            double dd = -(-j10 * e[0] + j00 * e[1]) / det;
            double step = 1;
            double before = Math.hypot(e[0], e[1]);
            double[] trial;
            double[] en;
            do {
                trial = new double[] {x[0] + step * da, Math.max(0, x[1] + step * dd)};
                en = predictImpact(c, hw, trial[0], trial[1], entryDv, entryAlt, aim);
                step /= 2;
            } while (Math.hypot(en[0], en[1]) > before && step > 1e-3);
            x = trial;
            e = en;
        }
        return x;
    }

    /**
     * Entry-burn velocity change by bisection: the least that keeps the peak dynamic pressure, and the peak heat flux
     * when the plan limits it, to the limits.
     */
    private double sizeEntry(Case c, Hardware hw, double az, double dv, double entryAlt, java.util.Set<String> notes, boolean[] isShort) {
        isShort[0] = false;
        if (!exceeds(c, peaks(c, hw, az, dv, 0, entryAlt))) {
            return 0;
        }
        // at most what leaves the landing burn its budget
        double c0 = hw.entry().vacuumThrust() / hw.entry().massFlow();
        double m = c.separationState()[6] * Math.exp(-dv / (hw.boostback().vacuumThrust() / hw.boostback().massFlow()));
        double landing = hw.emptyMass() * Math.exp(LANDING_BUDGET / (hw.landing().vacuumThrust() / hw.landing().massFlow()));
        double most = m > landing ? c0 * Math.log(m / landing) : 0;
        if (exceeds(c, peaks(c, hw, az, dv, most, entryAlt))) {
            notes.add(String.format("the entry burn cannot keep the dynamic pressure under %.0f Pa%s and leave the landing burn"
                + " its %.0f m/s: it takes %.0f m/s off", maxDynamicPressure(c), c.plan().isSetMaxHeatFlux()
                ? String.format(" and the heat flux under %.0f W/m2", c.plan().getMaxHeatFlux()) : "", LANDING_BUDGET, most));
            isShort[0] = true;
            return most;
        }
        double lo = 0, hi = most;
        while (hi - lo > 1) {
            double mid = (lo + hi) / 2;
            if (exceeds(c, peaks(c, hw, az, dv, mid, entryAlt))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * The dynamic-pressure limit the entry burn is sized to: the mission's, else the stage's own, Pa (NaN: neither set).
     */
    static double maxDynamicPressure(Case c) {
        if (c.plan().isSetMaxDynamicPressure()) {
            return c.plan().getMaxDynamicPressure();
        }
        RecoveryHardware r = c.stage().getRecovery();
        return r != null && r.isSetMaxDescentDynamicPressure() ? r.getMaxDescentDynamicPressure() : Double.NaN;
    }

    private static boolean exceeds(Case c, double[] peaks) {
        return peaks[0] > maxDynamicPressure(c) || c.plan().isSetMaxHeatFlux() && peaks[1] > c.plan().getMaxHeatFlux();
    }

    /**
     * The stagnation heat flux of Sutton and Graves ("A general stagnation-point convective heating equation for
     * arbitrary gas mixtures", NASA TR R-376, 1971): q = k sqrt(ρ / R) v³ with k = 1.7415e-4 kg^0.5/m for air.
     */
    static final double SUTTON_GRAVES_AIR = 1.7415e-4;

    /**
     * @return {peak dynamic pressure (Pa), peak heat flux (W/m², Sutton-Graves on the stage's base radius)} of the
     *         fins-off fall from the entry burn's cut-off (or from separation, without one) to the landing burn's
     *         ignition height, from the 1 s samples and the located max-Q
     */
    private double[] peaks(Case c, Hardware hw, double az, double dv, double entryDv, double entryAlt) {
        Trial trial = afterEntry(c, hw, true, az, dv, entryDv, entryAlt);
        Flight f = trial.flight();
        Env env = trial.env();
        double after = f.time();
        double land = sizingLandingAltitude(c);
        f.fly(env.ballistic(false), -1, 3600, null, s -> land - env.height(s.getTime(), s.getPrimaryState()));
        double q = f.events().stream().filter(e -> e.name().equals("max-q")).mapToDouble(FlightEvent::dynamicPressure).max().orElse(0);
        double radius = c.stage().getReferenceDiameter() / 2;
        // ρ v² = 2 q, so k sqrt(ρ/R) v³ = k sqrt(2 q / R) v²
        double heat = f.samples().stream().filter(x -> x.time() >= after)
            .mapToDouble(x -> SUTTON_GRAVES_AIR * Math.sqrt(2 * x.dynamicPressure() / radius) * x.speed() * x.speed()).max().orElse(0);
        return new double[] {q, heat};
    }

    /**
     * @return {east, north, time} of the fins-off, burn-free fall to the zone's height, relative to its centre; with an
     *         aim, {east, north} of its rest point from the entry burn's cut-off and the cut-off's time
     */
    private double[] predictImpact(Case c, Hardware hw, double az, double dv, double entryDv, double entryAlt, Aim aim) {
        Trial trial = afterEntry(c, hw, false, az, dv, entryDv, entryAlt, aim == null ? DynamicsFactory.POINT_MASS : dynamics);
        Flight f = trial.flight();
        if (aim != null) {
            double[] y = f.state();
            double[] l = trial.env().local(f.time(), y);
            // the height along the zone's vertical, as the flight software's landing frame has it
            double[] rest = aim.rest(l.clone(), y[6]);
            return new double[] {rest[0], rest[1], f.time()};
        }
        trial.env().fallToGround(f);
        double[] enu = trial.env().local(f.time(), f.state());
        return new double[] {enu[1], enu[2], f.time()};
    }

    /**
     * The fins' cross-range capability: the descent from the entry burn to the landing burn's ignition height flown
     * twice, fins neutral and fins at full deflection to the right of the ground track (re-aimed every second), and
     * the sideways distance between the two end points.
     */
    private double finCrossRange(Case c, Hardware hw, double az, double dv, double entryDv, double entryAlt) {
        if (hw.fins() == null) {
            return 0;
        }
        double land = sizingLandingAltitude(c);
        double[][] ends = new double[2][];
        for (int k = 0; k < 2; k++) {
            Trial trial = afterEntry(c, hw, false, az, dv, entryDv, entryAlt);
            Flight f = trial.flight();
            Env env = trial.env();
            boolean steer = k == 1;
            while (true) {
                double[] l = env.local(f.time(), f.state());
                double vh = Math.hypot(l[4], l[5]);
                // right of the track: (north, -east) of the horizontal velocity, as far as the fins go (they clip)
                env.finAcceleration = steer && vh > 0 ? env.inertial(f.time(), 0, l[5] / vh * 1e3, -l[4] / vh * 1e3) : Vector3D.ZERO;
                Flight.End end = f.fly(env.ballistic(steer), -1, FIN_INTERVAL, null, s -> land - env.height(s.getTime(), s.getPrimaryState()));
                if (end != Flight.End.TIME) {
                    break;
                }
            }
            ends[k] = env.local(f.time(), f.state());
        }
        double[] l = ends[0];
        double vh = Math.hypot(l[4], l[5]);
        if (vh == 0) {
            return Math.hypot(ends[1][1] - l[1], ends[1][2] - l[2]);
        }
        // the sideways component of the displacement (perpendicular to the neutral descent's track)
        return Math.abs((ends[1][1] - l[1]) * l[5] / vh - (ends[1][2] - l[2]) * l[4] / vh);
    }

    /** Height above the zone the sizing and the fins aim for the landing burn to start at: the plan's, or 3 km. */
    private static double sizingLandingAltitude(Case c) {
        return c.plan().isSetLandingIgnitionAltitude() ? c.plan().getLandingIgnitionAltitude() : SIZING_LANDING_ALTITUDE;
    }

    /** A nominal trial flight (fins neutral), flown through the flip, boostback and entry burn. */
    private record Trial(Flight flight, Env env) {
    }

    private Trial afterEntry(Case c, Hardware hw, boolean record, double az, double dv, double entryDv, double entryAlt) {
        return afterEntry(c, hw, record, az, dv, entryDv, entryAlt, DynamicsFactory.POINT_MASS);
    }

    /** The same flown at a fidelity (an aim's targeting flies the body its guidance will fly). */
    private Trial afterEntry(Case c, Hardware hw, boolean record, double az, double dv, double entryDv, double entryAlt, DynamicsFactory fidelity) {
        Flight f = start(c, hw, record, 1e-8);
        Env env = new Env(c, hw, Perturbation.NONE, List.of(), fidelity, false);
        env.boostAndEntry(f, az, dv, entryDv, entryAlt, null);
        return new Trial(f, env);
    }

    private Flight start(Case c, Hardware hw, boolean record, double tolerance) {
        Flight f = new Flight(earth, c.launchSite(), c.separationTime(), c.separationState(), 1.0).tolerance(tolerance)
            .recording(record).groundEvent("impact");
        f.groundAt(c.zone().getAltitude());
        return f;
    }

    // ---------------------------------------------------------------------------------------------- one flight

    /**
     * Flies the recovery.
     *
     * @param c        the recovery
     * @param plan     the nominal targeting ({@link #plan})
     * @param p        what this flight has that the plan did not assume
     * @param failures injected failures (the mission's scenarios), none for a nominal flight
     * @param o        guidance options
     * @return how it ended
     */
    public RecoveryResult fly(Case c, Plan plan, Perturbation p, List<Failure> failures, Options o) {
        Approach a = approach(c, plan, p, failures, o, Double.NaN);
        return a.result() != null ? a.result() : a.env().land(a.flight(), a.burns(), a.margin(), o);
    }

    /**
     * Flies the recovery to its landing-burn ignition (as {@link #fly} does) and hands the burn over: a flight computer
     * in the loop, or any other guidance, flies it through the returned {@link LandingBurn}.
     *
     * @return the stage at ignition (already {@linkplain LandingBurn#finished() finished} when it never got there)
     */
    public LandingBurn landingBurn(Case c, Plan plan, Perturbation p, List<Failure> failures, Options o) {
        return new LandingBurn(approach(c, plan, p, failures, o, Double.NaN), o);
    }

    /**
     * Flies the recovery down on its fins to a height above the zone, or to its landing-burn ignition if that comes
     * first, and hands the stage over there: flight software that chooses its own ignition flies on from it.
     *
     * @param heightM the hand-over height above the zone, m
     * @return the stage there (already {@linkplain LandingBurn#finished() finished} when it never got there)
     */
    public LandingBurn handOver(Case c, Plan plan, Perturbation p, List<Failure> failures, Options o, double heightM) {
        return new LandingBurn(approach(c, plan, p, failures, o, heightM), o);
    }

    /** The flight up to the landing burn: how it ended, or where the burn starts. */
    private record Approach(RecoveryResult result, Env env, Flight flight, List<RecoveryResult.Burn> burns, double margin) {
    }

    /** @param handOver a height above the zone to stop at before the ignition (NaN: none), m */
    private Approach approach(Case c, Plan plan, Perturbation p, List<Failure> failures, Options o, double handOver) {
        Hardware hw = hardware(c);
        if (c.plan().getMode() == RecoveryMode.EXPENDABLE) {
            return new Approach(new RecoveryResult(RecoveryResult.Outcome.EXPENDED, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, List.of(), List.of(), List.of(), Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, null), null, null,
                List.of(), Double.NaN);
        }
        double[] y0 = c.separationState().clone();
        y0[6] += p.dryMass() + p.propellant();
        Case perturbed = new Case(c.launchSite(), c.stage(), c.plan(), c.zone(), c.separationTime(), y0, c.source());
        Flight f = start(perturbed, hw, o.record(), o.tolerance());
        Env env = new Env(perturbed, hw, p, failures, dynamics, !Double.isNaN(handOver));
        env.emptyMass = hw.emptyMass() + p.dryMass();
        f.mark("booster-separation", env.ballistic(false));
        List<RecoveryResult.Burn> burns = new ArrayList<>();
        if (!env.boostAndEntry(f, plan.boostbackAzimuth(), plan.boostbackDv(), plan.entryDv(), plan.entryAltitude(), burns)) {
            return new Approach(env.finish(f, burns, "the stage hit the ground before its entry burn", Double.NaN, o), env, f, burns, Double.NaN);
        }
        // aerodynamic descent on the fins to the landing-burn ignition
        boolean scheduled = c.plan().isSetLandingIgnitionAltitude();
        double delay = p.ignitionDelay() + env.lateIgnition(BurnKind.LANDING);
        while (true) {
            double[] y = f.state();
            double t = f.time();
            env.finCommand(t, y);
            PhaseDynamics d = env.ballistic(true);
            if (env.ignitionExcess(t, y) >= 0 && (scheduled || env.local(t, y)[3] < 0 && env.dragAcceleration(t, y) > env.g / 2)
                || env.height(t, y) <= handOver) {
                // already where the burn must start (a stage falling too fast for its engines lights at once); high up,
                // where the air has not yet slowed the stage, the estimate waits for the drag to bite
                return new Approach(null, env, f, burns, env.height(t, y) - env.stoppingHeight(t, y));
            }
            Flight.End end = f.fly(d, -1, FIN_INTERVAL, null, Double.isNaN(handOver)
                ? s -> env.ignitionExcess(s.getTime(), s.getPrimaryState())
                : s -> Math.max(env.ignitionExcess(s.getTime(), s.getPrimaryState()), handOver - env.height(s.getTime(), s.getPrimaryState())));
            env.trackQ(f.time(), f.state(), d);
            if (end == Flight.End.GROUND) {
                return new Approach(env.finish(f, burns, "the stage hit the ground before its landing burn", Double.NaN, o), env, f, burns,
                    Double.NaN);
            }
            if (end == Flight.End.CONDITION && env.height(f.time(), f.state()) <= handOver + 1e-6) {
                return new Approach(null, env, f, burns, Double.NaN);
            }
            if (end == Flight.End.CONDITION) {
                double margin = env.height(f.time(), f.state()) - env.stoppingHeight(f.time(), f.state());
                if (delay > 0 && Double.isNaN(handOver)) {
                    // (handed over, the delay is the flight software's plant's to fly)
                    Flight.End late = f.fly(env.ballistic(true), -1, delay, null, null);
                    if (late == Flight.End.GROUND) {
                        return new Approach(env.finish(f, burns, "the stage hit the ground before its (late) landing burn lit", margin, o), env,
                            f, burns, margin);
                    }
                }
                return new Approach(null, env, f, burns, margin);
            }
        }
    }

    /**
     * A landing burn flown from outside: the stage at its ignition point, stepped under the throttle and thrust
     * direction a guidance commands (a flight computer in the loop). The plant flies what the simulation flies: the
     * engines' real thrust with the flight's dispersion and injected failures, drag and winds, and the Earth's rotation;
     * the commands are held over each step. Vectors are [up, east, north] relative to the landing zone's centre.
     */
    public final class LandingBurn {
        private final Approach a;
        private final Options o;
        private final double ignitionTime;
        private final double ignitionMass;
        private final double ignitionHeight;
        private double litAt = Double.NaN;
        private double ignitionMassCarried = Double.NaN;
        private double ignitionHeightCarried = Double.NaN;
        private double marginCarried = Double.NaN;
        private double cutAt = Double.NaN;
        private boolean cutOff;
        private String trouble;
        private RecoveryResult result;
        private double[] thrustAcceleration = new double[3];
        private double thrust;

        LandingBurn(Approach a, Options o) {
            this.a = a;
            this.o = o;
            this.result = a.result();
            this.ignitionTime = a.flight() != null ? a.flight().time() : Double.NaN;
            this.ignitionMass = a.flight() != null ? a.flight().state()[6] : Double.NaN;
            this.ignitionHeight = result == null ? a.env().height(ignitionTime, a.flight().state()) : Double.NaN;
        }

        /** @return whether the flight is over (on the ground, or it never reached the burn) */
        public boolean finished() {
            return result != null;
        }

        /** @return s since the burn's ignition point */
        public double time() {
            return a.flight().time() - ignitionTime;
        }

        /** @return the true state {up, east, north, v_up, v_east, v_north} relative to the zone and the ground */
        public double[] local() {
            return a.env().local(a.flight().time(), a.flight().state());
        }

        /** @return s since liftoff now */
        public double flightTime() {
            return a.flight().time();
        }

        /**
         * @return the true state now in the flight's own layout: inertial position, velocity and mass, then, when the
         *         approach was flown as a rigid body, its attitude quaternion and body rates
         */
        public double[] state() {
            return a.flight().state();
        }

        /** @return how many engines the landing burn lights */
        public int landingEngines() {
            return a.env().hw.recovery().getLandingEngines();
        }

        /**
         * @param sinceS s since the landing engines lit
         * @return their thrust over the model's then: the flight's thrust error and the landing burn's failures
         */
        public double thrustFactor(double sinceS) {
            return a.env().thrustFactor(BurnKind.LANDING, sinceS, landingEngines());
        }

        /** @return how long after the command the landing engines light: the flight's error and a late-ignition failure, s */
        public double ignitionDelay() {
            return a.env().p.ignitionDelay() + a.env().lateIgnition(BurnKind.LANDING);
        }

        /** @return the winds the stage flies in (the flight's dispersion) */
        public Winds winds() {
            return a.env().winds;
        }

        /**
         * Carries the flight on to where flight software flying its own plant has taken the stage (the 6-DOF loop), at
         * the plant's steps in time order.
         *
         * @param timeS         s since liftoff
         * @param y             the stage's state in the flight's layout
         * @param throttle      the landing engines' throttle then
         * @param specificForce the specific force's magnitude then, m/s²
         */
        public void carriedTo(double timeS, double[] y, double throttle, double specificForce) {
            a.flight().carriedTo(timeS, y, a.env().ballistic(false), throttle, specificForce);
            a.env().trackQ(timeS, y, a.env().ballistic(false));
        }

        /** Marks the landing engines lit now (where {@link #carriedTo} has brought the flight). */
        public void markIgnition() {
            litAt = a.flight().time();
            ignitionMassCarried = a.flight().state()[6];
            ignitionHeightCarried = a.env().height(litAt, a.flight().state());
            marginCarried = ignitionHeightCarried - a.env().stoppingHeight(litAt, a.flight().state());
            a.flight().mark("landing-ignition", a.env().ballistic(false));
        }

        /** Marks the landing engines shut down now. */
        public void markCutoff() {
            cutOff = true;
            cutAt = a.flight().time();
            a.flight().mark("landing-cutoff", a.env().ballistic(false));
        }

        /**
         * Ends a flight carried on the ground by flight software's plant ({@link #carriedTo}): the touchdown judged as
         * any other.
         *
         * @param why      what went wrong in the flight software (null: nothing)
         * @param software what it did
         * @return how the recovery ended
         */
        public RecoveryResult landedBy(String why, RecoveryResult.FlightSoftware software) {
            if (result == null) {
                List<RecoveryResult.Burn> burns = new ArrayList<>(a.burns());
                if (!Double.isNaN(litAt)) {
                    double end = Double.isNaN(cutAt) ? a.flight().time() : cutAt;
                    burns.add(new RecoveryResult.Burn("landing", litAt, ignitionHeightCarried, end - litAt,
                        ignitionMassCarried - a.flight().state()[6]));
                }
                String trouble = why != null ? why : Double.isNaN(litAt) ? "the landing engines were never lit" : null;
                result = a.env().finish(a.flight(), burns, trouble, marginCarried, o, software);
            }
            return result;
        }

        /** @return the mass now, kg */
        public double mass() {
            return a.flight().state()[6];
        }

        /** @return the stage with no propellant (its dispersion included), kg */
        public double emptyMass() {
            return a.env().emptyMass;
        }

        /** @return the propellant the guidance keeps while it can (the plan's margin), kg */
        public double propellantMargin() {
            return a.env().c.plan().getPropellantMargin() * a.env().hw.reserve();
        }

        /** @return gravity at the zone along its vertical (with the centrifugal term), m/s² */
        public double gravity() {
            return a.env().g;
        }

        /** @return the landing engines' nominal full thrust at the zone's pressure, N */
        public double thrustMax() {
            return a.env().landingThrust(1);
        }

        /** @return their nominal least thrust (the throttle's floor) at the zone's pressure, N */
        public double thrustMin() {
            Propulsion n = a.env().hw.landing();
            return Math.max(0, n.throttleMin() * n.vacuumThrust() - a.env().zonePressure * n.exitArea());
        }

        /** @return the nominal specific impulse at the zone's pressure, s */
        public double isp() {
            return thrustMax() / (a.env().hw.landing().massFlow() * PoweredDescent.G0);
        }

        /** @return the plan's largest thrust tilt from the vertical, degrees (NaN: none) */
        public double maxTiltDeg() {
            return a.env().c.plan().isSetLandingMaxTilt() ? a.env().c.plan().getLandingMaxTilt() : Double.NaN;
        }

        /** @return the engines' throttle range, as fractions of full thrust {min, max} */
        public double[] throttleRange() {
            Propulsion n = a.env().hw.landing();
            return new double[] {n.throttleMin(), n.throttleMax()};
        }

        /** @return whether the landing engines burn now (lit, not yet cut off, propellant left) */
        public boolean lit() {
            return !Double.isNaN(litAt) && !cutOff && a.flight().time() >= litAt - 1e-9 && a.flight().state()[6] > a.env().emptyMass + 1e-6;
        }

        /** @return the engines' net thrust over the last step, N */
        public double thrustNow() {
            return thrust;
        }

        /** @return the specific force (thrust and aerodynamic acceleration, what accelerometers measure) now, m/s² */
        public double[] specificForce() {
            double[] d = a.env().drag(a.flight().time(), a.flight().state());
            return new double[] {d[0] + thrustAcceleration[0], d[1] + thrustAcceleration[1], d[2] + thrustAcceleration[2]};
        }

        /**
         * Flies dt under held commands; ends the flight on the ground.
         *
         * @param dt        s
         * @param ignite    light the engines (once; an engine cut off stays off)
         * @param cutoff    shut them down
         * @param throttle  fraction of full thrust, held within the engines' range while lit
         * @param direction thrust direction [up, east, north] (normalised here; zero or not finite: straight up)
         */
        public void step(double dt, boolean ignite, boolean cutoff, double throttle, double[] direction) {
            if (result != null) {
                return;
            }
            Env env = a.env();
            Flight f = a.flight();
            if (ignite && Double.isNaN(litAt) && !cutOff) {
                litAt = f.time() + env.lateIgnition(BurnKind.LANDING);
                f.mark("landing-ignition", env.powered(env.hw.landing(), Steering.COAST));
            }
            if (cutoff && !Double.isNaN(litAt) && !cutOff) {
                cutOff = true;
                f.mark("landing-cutoff", env.ballistic(false));
            }
            double t = f.time();
            boolean burning = lit();
            PhaseDynamics d;
            if (burning) {
                Propulsion nominal = env.hw.landing();
                Propulsion prop = env.actual(nominal, env.thrustFactor(BurnKind.LANDING, t - litAt, env.hw.recovery().getLandingEngines()));
                double th = Double.isFinite(throttle) ? Math.max(nominal.throttleMin(), Math.min(nominal.throttleMax(), throttle)) : nominal.throttleMax();
                double norm = direction == null ? 0 : Math.sqrt(direction[0] * direction[0] + direction[1] * direction[1] + direction[2] * direction[2]);
                double[] u = norm > 0 && Double.isFinite(norm) ? new double[] {direction[0] / norm, direction[1] / norm, direction[2] / norm}
                    : new double[] {1, 0, 0};
                Vector3D up = env.up;
                Vector3D east = env.east;
                Vector3D north = env.north;
                Vector3D axisFixed = new Vector3D(u[0], up, u[1], east, u[2], north);
                d = env.powered(prop, new Steering() {
                    @Override
                    public double throttle(double t1, Vector3D r, Vector3D v, double mass) {
                        return th;
                    }

                    @Override
                    public Vector3D direction(double t1, Vector3D r, Vector3D v, double mass) {
                        return earth.toInertial(t1, axisFixed);
                    }
                });
                double netThrust = th * prop.vacuumThrust() - env.zonePressure * prop.exitArea();
                thrust = Math.max(0, netThrust);
                double acc = thrust / f.state()[6];
                thrustAcceleration = new double[] {acc * u[0], acc * u[1], acc * u[2]};
            } else {
                d = env.ballistic(false);
                thrustAcceleration = new double[3];
                thrust = 0;
            }
            Flight.End end = f.fly(d, burning ? env.emptyMass : -1, dt, null, s -> -env.height(s.getTime(), s.getPrimaryState()));
            if (end == Flight.End.BURNOUT) {
                trouble = "the landing burn ran out of propellant";
            }
            if (end == Flight.End.CONDITION || end == Flight.End.GROUND) {
                land();
            }
        }

        /** Ends the flight where it is (out of time): the stage drops the rest of the way, engines off. */
        public void abandon(String why) {
            if (result == null) {
                trouble = why;
                a.env().fallToGround(a.flight());
                land();
            }
        }

        private void land() {
            List<RecoveryResult.Burn> burns = new ArrayList<>(a.burns());
            if (!Double.isNaN(litAt)) {
                burns.add(new RecoveryResult.Burn("landing", litAt, ignitionHeight, a.flight().time() - litAt, ignitionMass - a.flight().state()[6]));
            } else if (trouble == null) {
                trouble = "the landing engines were never lit";
            }
            result = a.env().finish(a.flight(), burns, trouble, a.margin(), o);
        }

        /** @return how the flight ended (null until it has) */
        public RecoveryResult result() {
            return result;
        }
    }

    /** One flight's world: the stage with its errors and failures. */
    private final class Env {
        final Case c;
        final Hardware hw;
        final Perturbation p;
        final List<Failure> failures;
        final Aerodynamics aero;
        final Winds winds;
        final LandingFrame frame;
        /** The drag the landing guidance predicts: the stage's nominal descent drag in the standard atmosphere. */
        final DescentDrag modelDrag;
        final Vector3D zone;
        final Vector3D up;
        final Vector3D east;
        final Vector3D north;
        final double g;
        /** Ambient pressure at the zone, Pa: the landing engines' thrust is known there. */
        final double zonePressure;
        final DynamicsFactory fidelity;
        final PhaseDynamics neutral;
        final PhaseDynamics finned;
        double emptyMass;
        Vector3D finAcceleration = Vector3D.ZERO;
        /** The fins' steering (null: none); its shares, once set, give the fins' force instead of finAcceleration. */
        final ApproachSteering steering;
        /** The flight software's braking the burn is handed over to (null: the point-mass recovery flies it). */
        final BrakingGuidance software;
        double[] finShares;
        double stuckTime = Double.NaN;
        Vector3D stuck = Vector3D.ZERO;
        double peakQ;
        int solves;

        /**
         * @param handedOver whether the landing burn is handed over to flight software that lights by its braking's rule
         *                   ({@link BrakingGuidance}): the fins then aim where that burn comes to rest
         */
        Env(Case c, Hardware hw, Perturbation p, List<Failure> failures, DynamicsFactory fidelity, boolean handedOver) {
            this.c = c;
            this.fidelity = fidelity;
            this.hw = hw;
            this.p = p;
            this.failures = failures;
            this.emptyMass = hw.emptyMass();
            double k = 1 + p.drag();
            Aerodynamics a = hw.aero();
            double[] cd = a.coefficient().clone();
            for (int i = 0; i < cd.length; i++) {
                cd[i] *= k;
            }
            this.aero = new Aerodynamics(a.mach(), cd, a.referenceArea());
            this.winds = p.windSpeed() == 0 ? Winds.CALM
                : Winds.fromDirection(p.windFromDeg(), h -> h < WIND_CEILING ? p.windSpeed() : 0);
            EarthModel.Geodetic z = EarthModel.Geodetic.of(c.zone());
            this.frame = LandingFrame.at(earth, z);
            this.zone = frame.zoneEcef();
            this.up = frame.up();
            this.east = frame.east();
            this.north = frame.north();
            this.g = frame.effectiveGravity();
            this.modelDrag = new DescentDrag(hw.aero(), atmosphere, c.zone().getAltitude());
            this.zonePressure = atmosphere.at(Math.max(atmosphere.minAltitude(), c.zone().getAltitude())).pressure();
            this.neutral = phase(Propulsion.NONE, Steering.COAST, null);
            this.finned = hw.fins() != null ? phase(Propulsion.NONE, Steering.COAST, this::fins) : neutral;
            this.software = handedOver ? new BrakingGuidance(new FloorStage(), (h, v) -> 0) : null;
            this.steering = hw.fins() != null ? new ApproachSteering(new SteeredStage()) : null;
        }

        /** How far the stage is below where its landing burn must be lit (the plan's height, or the stopping height), m. */
        double ignitionExcess(double t, double[] y) {
            double[] l = local(t, y);
            return ignitionExcess(height(t, y), new double[] {l[3], l[4], l[5]}, y[6]);
        }

        /** {@link #ignitionExcess(double, double[])} at a height, ground velocity [up, east, north] and mass, m. */
        double ignitionExcess(double h, double[] v, double m) {
            if (c.plan().isSetLandingIgnitionAltitude()) {
                return c.plan().getLandingIgnitionAltitude() - h;
            }
            Fall fall = fall(v, m);
            // far above, a cheap bound has the same sign: without drag and at the present mass (the deceleration only
            // grows as propellant burns) the stop takes longer, so the simulated stop is never above this bound
            if (fall.deceleration() > 0) {
                double bound = fall.sin() * (fall.speed() * fall.speed() / (2 * fall.deceleration()) + fall.speed() * STOP_STEP) + 1;
                if (bound < h) {
                    return bound - h;
                }
            }
            return stop(h, fall, m) - h;
        }

        /** Flies engines off, fins neutral, to the ground. */
        void fallToGround(Flight f) {
            f.fly(neutral, -1, 3600, null, s -> -height(s.getTime(), s.getPrimaryState()));
        }

        /** @return {up, east, north, v_up, v_east, v_north} relative to the zone and the ground */
        double[] local(double t, double[] y) {
            return frame.local(t, new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5]));
        }

        /** Height above the zone, along its vertical (the local frame the landing is flown in). */
        double height(double t, double[] y) {
            Vector3D rf = earth.toFixed(t, new Vector3D(y[0], y[1], y[2]));
            if (rf.subtract(zone).getNorm() > 50_000) {
                return earth.geodetic(rf).height() - c.zone().getAltitude();
            }
            return Vector3D.dotProduct(rf.subtract(zone), up);
        }

        Vector3D inertial(double t, double upC, double eastC, double northC) {
            return frame.inertial(t, upC, eastC, northC);
        }

        /** The landing engines' thrust at full throttle at the zone, as the guidance knows it (failures it sees). */
        double landingThrust(double factor) {
            return factor * hw.landing().vacuumThrust() - zonePressure * hw.landing().exitArea();
        }

        /**
         * Height the stage would fall before stopping if it lit the landing engines now for
         * {@link #LANDING_DESIGN_EXCESS} of their deceleration beyond gravity: a 1-D integration along its fall, with
         * drag in the standard atmosphere, by classical Runge-Kutta in about {@link #STOP_STEPS} steps (never shorter
         * than {@link #STOP_MIN_STEP}), m. The ignition condition evaluates it at every integrator step of the descent, so its
         * step follows the stop's length: a fixed short step would take thousands of atmosphere look-ups per
         * evaluation high up, where the stop is long.
         */
        double stoppingHeight(double t, double[] y) {
            double[] l = local(t, y);
            return stop(height(t, y), fall(new double[] {l[3], l[4], l[5]}, y[6]), y[6]);
        }

        /**
         * The stage's fall as the 1-D stop sees it.
         *
         * @param speed        m/s relative to the ground
         * @param sin          sine of the fall's angle below the horizontal (at least 0.1)
         * @param full         the landing engines' full thrust at the zone, N
         * @param deceleration the stop's deceleration without drag at the present mass, m/s² (it only grows)
         */
        private record Fall(double speed, double sin, double full, double deceleration) {
        }

        private Fall fall(double[] u, double m) {
            double v = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
            double sin = v > 0 ? Math.max(0.1, -u[0] / v) : 1;
            double full = landingThrust(1);
            return new Fall(v, sin, full, designThrust(m, full) / m - g * sin);
        }

        /** The last 1-D stop's duration, s. */
        private double stopTime = Double.NaN;

        /** The 1-D stop from height h at mass m, m (see {@link #stoppingHeight}); its duration goes to stopTime. */
        private double stop(double h, Fall fall, double m) {
            double v = fall.speed();
            double sin = fall.sin();
            double full = fall.full();
            double a0 = fall.deceleration();
            double dt = a0 > 0 ? Math.max(STOP_MIN_STEP, v / a0 / STOP_STEPS) : STOP_MIN_STEP;
            double fallen = 0;
            double time = 0;
            while (v > 0 && time < 1000) {
                // classical Runge-Kutta on speed along the fall, distance fallen and mass
                double a1 = stopDeceleration(h - fallen, v, m, full, sin);
                if (a1 <= 0 && time > 10) {
                    return 1e9;
                }
                double f1 = stopFlow(m, full);
                double v2 = v - a1 * dt / 2;
                double m2 = Math.max(emptyMass, m - f1 * dt / 2);
                double a2 = stopDeceleration(h - fallen - v * sin * dt / 2, Math.max(0, v2), m2, full, sin);
                double f2 = stopFlow(m2, full);
                double v3 = v - a2 * dt / 2;
                double m3 = Math.max(emptyMass, m - f2 * dt / 2);
                double a3 = stopDeceleration(h - fallen - v2 * sin * dt / 2, Math.max(0, v3), m3, full, sin);
                double f3 = stopFlow(m3, full);
                double v4 = v - a3 * dt;
                double m4 = Math.max(emptyMass, m - f3 * dt);
                double a4 = stopDeceleration(h - fallen - v3 * sin * dt, Math.max(0, v4), m4, full, sin);
                double f4 = stopFlow(m4, full);
                double a = (a1 + 2 * a2 + 2 * a3 + a4) / 6;
                double next = v - a * dt;
                if (next <= 0 && a > 0) {
                    // stops within the step: the rest at this deceleration
                    fallen += v * v / (2 * a) * sin;
                    time += v / a;
                    break;
                }
                fallen += (v + 2 * v2 + 2 * v3 + v4) / 6 * sin * dt;
                m = Math.max(emptyMass, m - (f1 + 2 * f2 + 2 * f3 + f4) / 6 * dt);
                v = next;
                time += dt;
            }
            stopTime = time;
            return fallen;
        }

        /** The landing design's thrust at a mass: its share of the engines' excess over weight (full thrust at most), N. */
        private double designThrust(double m, double full) {
            return Math.min(full, m * g + LANDING_DESIGN_EXCESS * (full - m * g));
        }

        /** The 1-D stop's deceleration along the fall at a height, speed and mass, m/s². */
        private double stopDeceleration(double h, double v, double m, double full, double sin) {
            var air = air(h);
            double mach = air.speedOfSound() > 0 ? v / air.speedOfSound() : 0;
            double drag = 0.5 * air.density() * v * v * aero.dragCoefficient(mach) * aero.referenceArea();
            return (designThrust(m, full) + drag) / m - g * sin;
        }

        /** The standard atmosphere at a height above the zone, within the table's range. */
        private AtmosphereState air(double h) {
            return modelDrag.air(h);
        }

        /**
         * The stage as the fins' steering knows it: the guidance's drag, the fins' capability in the standard atmosphere,
         * the ignition rule of whoever flies the burn, and (the point-mass recovery's) the rule's design thrust as the
         * braking's lowest.
         */
        private final class SteeredStage extends FloorStage implements ApproachSteering.Stage {
            @Override
            public double finCapability(double height, double speed, double mass) {
                return Env.this.finCapability(0.5 * air(height).density() * speed * speed, mass, hw.fins().getCount());
            }

            @Override
            public double ignitionExcess(double height, double[] velocity, double mass) {
                if (software != null) {
                    return software.ignitionExcess(new double[] {height, 0, 0, velocity[0], velocity[1], velocity[2]}, mass);
                }
                // as the approach lights: not before the drag decelerates the stage by half a g (high up the stop is long
                // and its 1-D integration the prediction's main cost; its excess there is far below zero)
                double[] d = modelDrag.acceleration(height, velocity, mass);
                if (!c.plan().isSetLandingIgnitionAltitude() && Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) <= g / 2) {
                    return -Math.max(1, height);
                }
                return Env.this.ignitionExcess(height, velocity, mass);
            }

            @Override
            public double brakingThrust(double mass) {
                return designThrust(mass, landingThrust(1));
            }

            @Override
            public double brakingFlow(double mass) {
                return stopFlow(mass, landingThrust(1));
            }
        }

        /** The stage from its landing engines' throttle floor to full, as the flight software's braking takes it. */
        private class FloorStage implements RetrogradeBraking.Stage {
            @Override
            public double[] drag(double height, double[] velocity, double mass) {
                return modelDrag.acceleration(height, velocity, mass);
            }

            @Override
            public double brakingThrust(double mass) {
                Propulsion n = hw.landing();
                return Math.max(0, n.throttleMin() * n.vacuumThrust() - zonePressure * n.exitArea());
            }

            @Override
            public double brakingFlow(double mass) {
                return hw.landing().throttleMin() * hw.landing().massFlow();
            }

            @Override
            public double fullThrust() {
                return landingThrust(1);
            }

            @Override
            public double emptyMass() {
                return emptyMass;
            }

            @Override
            public double gravity() {
                return g;
            }
        }

        /** The 1-D stop's mass flow at a mass, kg/s. */
        private double stopFlow(double m, double full) {
            return designThrust(m, full) / full * hw.landing().massFlow();
        }


        /** @return the drag's deceleration now, m/s² */
        double dragAcceleration(double t, double[] y) {
            double[] d = drag(t, y);
            return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        }

        /** Drag acceleration [up, east, north] now, m/s². */
        double[] drag(double t, double[] y) {
            Vector3D r = new Vector3D(y[0], y[1], y[2]);
            PointMassDynamics.Environment e = ballistic(false).environment(t, r, new Vector3D(y[3], y[4], y[5]));
            double vRel = e.airVelocity().getNorm();
            if (vRel == 0) {
                return new double[3];
            }
            double k = -e.dynamicPressure() * aero.dragCoefficient(e.mach()) * aero.referenceArea() / y[6] / vRel;
            Vector3D a = earth.toFixed(t, e.airVelocity().scalarMultiply(k));
            return new double[] {Vector3D.dotProduct(a, up), Vector3D.dotProduct(a, east), Vector3D.dotProduct(a, north)};
        }

        /** Thrust factor of a burn from its failures, s after its ignition; engines lit for it. */
        double thrustFactor(BurnKind burn, double since, int lit) {
            double f = 1 + p.thrust();
            for (Failure x : failures) {
                if (x.getBurn() != burn || since < x.getTime()) {
                    continue;
                }
                if (x.getKind() == FailureKind.THRUST_SHORTFALL) {
                    f *= 1 - x.getMagnitude();
                } else if (x.getKind() == FailureKind.THRUST_LOSS) {
                    f = 0;
                } else if (x.getKind() == FailureKind.ENGINE_OUT && x.getEngineIndex() < lit) {
                    f *= (lit - 1.0) / lit;
                }
            }
            return f;
        }

        /** Failure times within a burn (where its thrust changes), s after ignition. */
        List<Double> failureTimes(BurnKind burn) {
            return failures.stream().filter(x -> x.getBurn() == burn && (x.getKind() == FailureKind.THRUST_SHORTFALL
                || x.getKind() == FailureKind.THRUST_LOSS || x.getKind() == FailureKind.ENGINE_OUT)).map(Failure::getTime).sorted().toList();
        }

        double lateIgnition(BurnKind burn) {
            return failures.stream().filter(x -> x.getBurn() == burn && x.getKind() == FailureKind.LATE_IGNITION)
                .mapToDouble(Failure::getMagnitude).sum();
        }

        Propulsion actual(Propulsion nominal, double factor) {
            return new Propulsion(nominal.vacuumThrust() * factor, nominal.exitArea(), nominal.massFlow() * factor / (1 + p.isp()),
                nominal.throttleMin(), nominal.throttleMax());
        }

        PhaseDynamics ballistic(boolean fins) {
            return fins ? finned : neutral;
        }

        PhaseDynamics powered(Propulsion prop, Steering steering) {
            return phase(prop, steering, null);
        }

        private PhaseDynamics phase(Propulsion prop, Steering steering, PointMassDynamics.AeroControl control) {
            return fidelity.create(new DynamicsFactory.Phase(earth, atmosphere, hw.stage(), prop, aero, steering, winds, control));
        }

        /** Grid-fin capability: lateral acceleration at full deflection of all fins, m/s². */
        double finCapability(double q, double m, int working) {
            GridFins f = hw.fins();
            return q * working * f.getArea() * GRID_FIN_NORMAL_SLOPE * Math.sin(Math.toRadians(f.getDeflectionLimit())) / m;
        }

        Vector3D fins(double t, Vector3D r, Vector3D v, double m, PointMassDynamics.Environment e) {
            if (finAcceleration.equals(Vector3D.ZERO) && finShares == null && Double.isNaN(stuckTime)) {
                return Vector3D.ZERO;
            }
            Vector3D air = e.airVelocity();
            int working = hw.fins().getCount() - (Double.isNaN(stuckTime) || t < stuckTime ? 0 : 1);
            double cap = finCapability(e.dynamicPressure(), m, working);
            Vector3D a = finShares != null ? sharedFins(t, air, cap) : finAcceleration;
            if (air.getNorm() > 0) {
                Vector3D u = air.normalize();
                a = a.subtract(Vector3D.dotProduct(a, u), u);
            }
            if (a.getNorm() > cap) {
                a = a.scalarMultiply(cap / a.getNorm());
            }
            if (!Double.isNaN(stuckTime) && t >= stuckTime) {
                a = a.add(stuck.scalarMultiply(e.dynamicPressure() / m));
            }
            return a;
        }

        /** The fins' force at shares of their capability, across the air velocity's track and in its lift, inertial. */
        private Vector3D sharedFins(double t, Vector3D air, double cap) {
            if (air.getNorm() == 0) {
                return Vector3D.ZERO;
            }
            Vector3D u = air.normalize();
            Vector3D across = Vector3D.crossProduct(earth.toInertial(t, up), u);
            if (across.getNorm() < 1e-6) {
                return Vector3D.ZERO;
            }
            across = across.normalize();
            Vector3D lift = Vector3D.crossProduct(u, across);
            return new Vector3D(cap * finShares[0], across, cap * finShares[1], lift);
        }

        /**
         * The fins' steering ({@link ApproachSteering}): the shares of their capability that put the predicted rest point
         * of the descent and the braking burn on the zone, from the navigated state.
         */
        void finCommand(double t, double[] y) {
            if (hw.fins() == null) {
                return;
            }
            double q = ballistic(false).environment(t, new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5])).dynamicPressure();
            double[] l = local(t, y);
            double[] nav = navigated(l);
            finShares = steering.update(new double[] {height(t, y), nav[1], nav[2], l[3], l[4], l[5]}, y[6]);
            double[] a = ApproachSteering.finAcceleration(new double[] {l[3], l[4], l[5]}, finCapability(q, y[6], hw.fins().getCount()),
                finShares[0], finShares[1]);
            finAcceleration = inertial(t, a[0], a[1], a[2]);
            for (Failure x : failures) {
                if (x.getKind() == FailureKind.STUCK_FIN && Double.isNaN(stuckTime) && t + FIN_INTERVAL >= x.getTime() + c.separationTime()) {
                    // the fin keeps its deflection: its share of the command now, or the magnitude in degrees when given
                    stuckTime = x.getTime() + c.separationTime();
                    GridFins f = hw.fins();
                    double azimuth = Math.toRadians(45 + 360.0 / f.getCount() * x.getEngineIndex());
                    Vector3D axis = inertial(t, 0, Math.sin(azimuth), Math.cos(azimuth));
                    double perFin = f.getArea() * GRID_FIN_NORMAL_SLOPE; // N per Pa per rad
                    double deflection = x.getMagnitude() > 0 ? Math.toRadians(x.getMagnitude())
                        : Math.asin(Math.max(-1, Math.min(1, Vector3D.dotProduct(finAcceleration, axis) * y[6] / Math.max(1, q) / perFin)));
                    stuck = axis.scalarMultiply(perFin * Math.sin(deflection));
                }
            }
        }

        /** @param l the true local state; @return the position [up, east, north] navigation reports */
        double[] navigated(double[] l) {
            return new double[] {l[0], l[1] + p.navEast() + navBias(), l[2] + p.navNorth()};
        }

        double navBias() {
            return failures.stream().filter(x -> x.getKind() == FailureKind.NAVIGATION_BIAS).mapToDouble(Failure::getMagnitude).sum();
        }

        void trackQ(double t1, double[] y, PhaseDynamics d) {
            double q = d.environment(t1, new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5])).dynamicPressure();
            peakQ = Math.max(peakQ, q);
        }

        /** Flip, boostback, coast and entry burn; false when the stage reached the ground first. */
        boolean boostAndEntry(Flight f, double az, double dv, double entryDv, double entryAlt, List<RecoveryResult.Burn> burns) {
            // the flip: a body turns to the boostback's attitude (as at separation) before it lights; a point mass coasts
            PhaseDynamics flip = dv > 0 ? phase(Propulsion.NONE, Steering.pointing(boostbackDirection(f.time(), f.state(), az)), null)
                : ballistic(false);
            if (f.fly(flip, -1, FLIP_DURATION, null) == Flight.End.GROUND) {
                return false;
            }
            if (dv > 0) {
                Steering fixed = Steering.fullThrust(boostbackDirection(f.time(), f.state(), az));
                if (!burn(f, "boostback", BurnKind.BOOSTBACK, hw.boostback(), hw.recovery().getBoostbackEngines(), fixed, dv, burns)) {
                    return false;
                }
            }
            if (entryDv > 0) {
                Flight.End end = f.fly(ballistic(false), -1, 3600, null, s -> {
                    double[] y = s.getPrimaryState();
                    double[] l = local(s.getTime(), y);
                    return l[3] < 0 ? entryAlt - height(s.getTime(), y) : -1;
                });
                if (end != Flight.End.CONDITION) {
                    return false;
                }
                // retrograde: against the velocity relative to the rotating Earth
                Steering retro = Steering.fullThrust((t, r, v, m) -> v.subtract(Vector3D.crossProduct(earth.rotation(), r)).negate());
                return burn(f, "entry", BurnKind.ENTRY, hw.entry(), hw.recovery().getEntryEngines(), retro, entryDv, burns);
            }
            return true;
        }

        /** The boostback's thrust direction from a point (inertial, fixed): horizontal at the azimuth there. */
        private Steering.Direction boostbackDirection(double t, double[] y, double az) {
            EarthModel.Geodetic here = earth.geodetic(earth.toFixed(t, new Vector3D(y[0], y[1], y[2])));
            Vector3D dir = earth.toInertial(t, new Vector3D(Math.sin(az), here.east(), Math.cos(az), here.north()));
            return (t0, r0, v0, m0) -> dir;
        }

        /** A burn cut off on the velocity it gains (as a flight computer's accelerometers measure it). */
        boolean burn(Flight f, String name, BurnKind kind, Propulsion nominal, int lit, Steering steering, double dv,
                     List<RecoveryResult.Burn> burns) {
            double late = lateIgnition(kind);
            if (late > 0 && f.fly(ballistic(false), -1, late, null) == Flight.End.GROUND) {
                return false;
            }
            double t0 = f.time();
            double m0 = f.state()[6];
            double h0 = height(t0, f.state());
            if (m0 <= emptyMass + 1e-6) {
                return true;
            }
            f.mark(name + "-ignition", powered(actual(nominal, thrustFactor(kind, 0, lit)), steering));
            double gained = 0;
            List<Double> changes = new ArrayList<>(failureTimes(kind));
            changes.add(Double.POSITIVE_INFINITY);
            boolean ok = true;
            for (double until : changes) {
                double since = f.time() - t0;
                Propulsion prop = actual(nominal, thrustFactor(kind, since, lit));
                double exhaust = prop.massFlow() > 0 ? prop.vacuumThrust() / prop.massFlow() : 0;
                double m = f.state()[6];
                if (prop.vacuumThrust() <= 0) {
                    break;
                }
                double cutoff = Math.max(emptyMass, m * Math.exp(-(dv - gained) / exhaust));
                PhaseDynamics d = powered(prop, steering);
                Flight.End end = f.fly(d, cutoff, Math.min(3600, until - since), null);
                gained += exhaust * Math.log(m / f.state()[6]);
                if (end == Flight.End.GROUND) {
                    ok = false;
                    break;
                }
                if (end == Flight.End.BURNOUT || gained >= dv - 1e-6) {
                    break;
                }
            }
            f.mark(name + "-cutoff", ballistic(false));
            if (burns != null) {
                burns.add(new RecoveryResult.Burn(name, t0, h0, f.time() - t0, m0 - f.state()[6]));
            }
            return ok;
        }

        /** The landing burn, guided in closed loop; the flight ends on the ground. */
        RecoveryResult land(Flight f, List<RecoveryResult.Burn> burns, double margin, Options o) {
            double t0 = f.time();
            double m0 = f.state()[6];
            double h0 = height(t0, f.state());
            if (m0 <= emptyMass + 1e-6) {
                fallToGround(f);
                return finish(f, burns, "no propellant was left for the landing burn", margin, o);
            }
            int lit = hw.recovery().getLandingEngines();
            Propulsion nominal = hw.landing();
            double ispNominal = landingThrust(1) / (nominal.massFlow() * PoweredDescent.G0);
            f.mark("landing-ignition", powered(nominal, Steering.COAST));
            double tilt = c.plan().isSetLandingMaxTilt() ? c.plan().getLandingMaxTilt() : Double.NaN;
            LandingGuidance guidance = new LandingGuidance(new LandingGuidance.Config(emptyMass,
                c.plan().getPropellantMargin() * hw.reserve(), ispNominal, tilt, o.nodes(), o.rate(), TERMINAL_RATE, modelDrag), descent);
            // the first plan's search starts near the fuel-optimal burn's usual share of the ignition rule's stop
            stoppingHeight(t0, f.state());
            guidance.expect(OPTIMAL_SHARE_OF_STOP * stopTime);
            String trouble = null;
            List<Double> changes = failureTimes(BurnKind.LANDING);
            boolean grounded = false;
            while (!grounded) {
                double t = f.time();
                double[] y = f.state();
                double factor = thrustFactor(BurnKind.LANDING, t - t0, lit);
                // thrust as the flight computer knows it: the model's, until a second of burning has let the
                // accelerometers measure it (then the engines' real thrust, dispersion and failures included)
                double known = t - t0 < 1 ? factor / (1 + p.thrust()) : factor;
                if (guidance.due(t)) {
                    resolve(guidance, t, y, known);
                    trouble = guidance.trouble();
                }
                LandingGuidance.Plan plan = guidance.plan();
                LandingGuidance.Plan last = guidance.last();
                // no feasible descent any more: full thrust along the last plan's direction (it was still steering for
                // the pad), or against the velocity when there never was a plan
                Steering steer = plan != null ? steering(plan, nominal, known) : last != null ? fullThrust(last) : brake();
                if (plan != null && t >= plan.end()) {
                    steer = settle();
                }
                double next = Math.max(guidance.nextSolve(), t + 0.05);
                for (double ch : changes) {
                    if (ch + t0 > t + 1e-9 && ch + t0 < next) {
                        next = ch + t0;
                    }
                }
                if (plan != null && plan.end() > t + 1e-9 && plan.end() < next) {
                    next = plan.end();
                }
                Propulsion prop = actual(nominal, factor);
                if (y[6] <= emptyMass + 1e-6) {
                    trouble = "the landing burn ran out of propellant";
                    fallToGround(f);
                    break;
                }
                PhaseDynamics d = powered(prop, steer);
                Flight.End end = f.fly(d, emptyMass, next - t, null, s -> -height(s.getTime(), s.getPrimaryState()));
                if (end == Flight.End.CONDITION || end == Flight.End.GROUND) {
                    grounded = true;
                } else if (end == Flight.End.BURNOUT) {
                    trouble = "the landing burn ran out of propellant";
                    fallToGround(f);
                    grounded = true;
                } else if (guidance.finished(f.time(), local(f.time(), f.state())[3])) {
                    // stopped above the pad (or hovering too long): engines off, it drops the rest
                    fallToGround(f);
                    grounded = true;
                }
            }
            solves += guidance.solves();
            burns.add(new RecoveryResult.Burn("landing", t0, h0, f.time() - t0, m0 - f.state()[6]));
            return finish(f, burns, trouble, margin, o);
        }

        /** Re-solves the descent from the state as navigation sees it. */
        void resolve(LandingGuidance guidance, double t, double[] y, double known) {
            double[] l = local(t, y);
            double tMax = landingThrust(known);
            double tMin = Math.max(0, hw.landing().throttleMin() * known * hw.landing().vacuumThrust() - zonePressure * hw.landing().exitArea());
            // the drag as the accelerometers measure it now; the guidance predicts it along its plan from there
            guidance.update(t, navigated(l), new double[] {l[3], l[4], l[5]}, y[6], tMin, tMax, new double[] {-g, 0, 0}, drag(t, y));
        }

        /** Full thrust along a plan's direction. */
        Steering fullThrust(LandingGuidance.Plan plan) {
            return Steering.fullThrust((t, r, v, mass) -> {
                double[] a = plan.acceleration(t);
                return inertial(t, a[0], a[1], a[2]);
            });
        }

        /**
         * A plan's thrust acceleration with the drag it did not assume made up (the inner loop's tracking of the
         * plan's specific force, taken as ideal: the accelerometers measure the drag as it is), at the throttle the
         * engines, as known, need for it at the pad's pressure.
         */
        Steering steering(LandingGuidance.Plan plan, Propulsion nominal, double known) {
            return new Steering() {
                // the dynamics ask for the throttle and the direction at the same state: the drag is evaluated once
                private double lastT = Double.NaN;
                private Vector3D lastR;
                private Vector3D lastV;
                private double lastMass;
                private double[] last;

                @Override
                public double throttle(double t, Vector3D r, Vector3D v, double mass) {
                    double[] a = command(t, r, v, mass);
                    double thrust = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) * mass;
                    return (thrust + zonePressure * nominal.exitArea()) / (known * nominal.vacuumThrust());
                }

                @Override
                public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
                    double[] a = command(t, r, v, mass);
                    return inertial(t, a[0], a[1], a[2]);
                }

                private double[] command(double t, Vector3D r, Vector3D v, double mass) {
                    if (t != lastT || mass != lastMass || !r.equals(lastR) || !v.equals(lastV)) {
                        last = plan.thrustAcceleration(t, drag(t, new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), mass}));
                        lastT = t;
                        lastR = r;
                        lastV = v;
                        lastMass = mass;
                    }
                    return last;
                }
            };
        }

        /** No plan ever: full thrust against the velocity. */
        Steering brake() {
            return Steering.fullThrust((t, r, v, m) -> {
                Vector3D ground = v.subtract(Vector3D.crossProduct(earth.rotation(), r));
                return ground.getNorm() < 1e-3 ? inertial(t, 1, 0, 0) : ground.negate();
            });
        }

        /** After the plan's end: hold a slow descent onto the pad (0.5 m/s) as far as the throttle allows. */
        Steering settle() {
            return new Steering() {
                @Override
                public double throttle(double t, Vector3D r, Vector3D v, double mass) {
                    double[] l = local(t, new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), mass});
                    return LandingGuidance.settleAcceleration(l[3], g) * mass / Math.max(1, landingThrust(1));
                }

                @Override
                public Vector3D direction(double t, Vector3D r, Vector3D v, double mass) {
                    return inertial(t, 1, 0, 0);
                }
            };
        }

        RecoveryResult finish(Flight f, List<RecoveryResult.Burn> burns, String trouble, double margin, Options o) {
            return finish(f, burns, trouble, margin, o, null);
        }

        RecoveryResult finish(Flight f, List<RecoveryResult.Burn> burns, String trouble, double margin, Options o,
                              RecoveryResult.FlightSoftware software) {
            double[] l = local(f.time(), f.state());
            double miss = Math.hypot(l[1], l[2]);
            double vDown = -l[3];
            double vH = Math.hypot(l[4], l[5]);
            LandingLegs legs = hw.legs();
            String reason = trouble;
            if (reason == null && vDown > legs.getMaxTouchdownVerticalSpeed()) {
                reason = String.format("touched down at %.1f m/s vertical, more than the legs' %.1f m/s", vDown,
                    legs.getMaxTouchdownVerticalSpeed());
            }
            if (reason == null && vH > legs.getMaxTouchdownHorizontalSpeed()) {
                reason = String.format("touched down at %.1f m/s horizontal, more than the legs' %.1f m/s", vH,
                    legs.getMaxTouchdownHorizontalSpeed());
            }
            if (reason == null && miss > c.zone().getRadius()) {
                reason = String.format("touched down %.1f m from the centre, outside the zone's %.0f m", miss, c.zone().getRadius());
            }
            f.mark(reason == null ? "touchdown" : "impact", ballistic(false));
            return new RecoveryResult(reason == null ? RecoveryResult.Outcome.LANDED : RecoveryResult.Outcome.CRASHED, reason, miss,
                l[1], l[2], vDown, vH, f.state()[6] - emptyMass, List.copyOf(burns), f.events(), f.samples(), margin,
                o.record() ? f.events().stream().filter(e -> e.name().equals("max-q") && e.time() > firstEntryCutoff(f))
                    .mapToDouble(FlightEvent::dynamicPressure).max().orElse(peakQ) : peakQ, software != null ? software.guidanceSolves() : solves,
                tilt(f), groundRate(f), software);
        }

        /** The body axis from the local vertical, deg, for a rigid body; NaN for a point mass. */
        private double tilt(Flight f) {
            double[] y = f.state();
            if (!RigidBodyPhase.isRigid(y)) {
                return Double.NaN;
            }
            Vector3D r = new Vector3D(y[0], y[1], y[2]);
            Vector3D upI = earth.toInertial(f.time(), earth.geodetic(earth.toFixed(f.time(), r)).up());
            return Math.toDegrees(Vector3D.angle(RigidBodyPhase.attitude(y).toInertial(Vector3D.PLUS_I), upI));
        }

        /** The body's angular rate relative to the Earth, deg/s, for a rigid body; NaN for a point mass. */
        private double groundRate(Flight f) {
            double[] y = f.state();
            if (!RigidBodyPhase.isRigid(y)) {
                return Double.NaN;
            }
            Vector3D earthRateBody = RigidBodyPhase.attitude(y).toBody(earth.rotation());
            return Math.toDegrees(RigidBodyPhase.bodyRates(y).subtract(earthRateBody).getNorm());
        }

        double firstEntryCutoff(Flight f) {
            return f.events().stream().filter(e -> e.name().equals("entry-cutoff")).mapToDouble(FlightEvent::time).findFirst()
                .orElse(c.separationTime());
        }
    }
}
