package org.launchbench.vehicle.model.validation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.AzimuthRange;
import org.launchbench.vehicle.model.Engine;
import org.launchbench.vehicle.model.EngineCluster;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.Fairing;
import org.launchbench.vehicle.model.GeodeticPosition;
import org.launchbench.vehicle.model.GridFins;
import org.launchbench.vehicle.model.LandingLegs;
import org.launchbench.vehicle.model.LandingZone;
import org.launchbench.vehicle.model.LandingZoneKind;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.MachPoint;
import org.launchbench.vehicle.model.MachTable;
import org.launchbench.vehicle.model.ModelRoot;
import org.launchbench.vehicle.model.NamedElement;
import org.launchbench.vehicle.model.ManifestEntry;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.PayloadAdapter;
import org.launchbench.vehicle.model.Propulsion;
import org.launchbench.vehicle.model.Rcs;
import org.launchbench.vehicle.model.RecoveryHardware;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.Satellite;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.TargetOrbit;
import org.launchbench.vehicle.model.VehiclePackage.Literals;
import org.launchbench.vehicle.model.figures.VehicleFigures;

/**
 * The LaunchBench model's constraints, as an EMF {@code EValidator}: EMF's own structural checks (multiplicity,
 * unique ids) followed by the physical and engineering ones below. Every violation names the element, the
 * value, the allowed range and why; {@link ModelValidation} turns them into {@link Problem}s.
 * <p>
 * Ranges are the limits of what LaunchBench can simulate meaningfully, with their reason; they are wide on
 * purpose (a plausibility check, not a design review).
 */
public final class VehicleConstraints extends EObjectValidator {

    /** Diagnostic source of these constraints. */
    public static final String SOURCE = "org.launchbench.vehicle.model";

    /** Highest vacuum specific impulse of a flown chemical engine is 465.5 s (RL10B-2, Aerojet Rocketdyne data). */
    static final double MAX_CHEMICAL_ISP = 470;
    /** The largest dry or propellant mass of a stage, kg. */
    static final double MAX_STAGE_MASS = 1e7;
    /** The largest vacuum thrust of one engine, N. */
    static final double MAX_ENGINE_THRUST = 1e8;
    /** Solid motors and the lowest-performance liquid engines deliver 200 s and more. */
    static final double MIN_ROCKET_ISP = 150;

    @Override
    public boolean validate(EClass eClass, EObject o, DiagnosticChain d, Map<Object, Object> context) {
        boolean ok = super.validate(eClass, o, d, context);
        ConstraintChecks c = new ConstraintChecks(o, d);
        ModelReferences refs = context == null ? ModelReferences.NONE
            : (ModelReferences) context.getOrDefault(ModelReferences.class, ModelReferences.NONE);
        if (o instanceof ModelRoot root) {
            uniqueIds(d, root);
        }
        if (o instanceof LaunchVehicle v) {
            vehicle(c, v);
        } else if (o instanceof Stage s) {
            stage(c, s);
        } else if (o instanceof EngineCluster e) {
            c.range(Literals.ENGINE_CLUSTER__COUNT, e.getCount(), 1, 50, "1 to 50", "a cluster has at least one engine");
        } else if (o instanceof Engine e) {
            engine(c, e);
        } else if (o instanceof MachTable t) {
            machTable(c, t);
        } else if (o instanceof org.launchbench.vehicle.model.LiftPoint p) {
            c.range(Literals.LIFT_POINT__MACH, p.getMach(), 0, 50, "0 to 50", "a Mach number");
            c.range(Literals.LIFT_POINT__ANGLE_OF_ATTACK, p.getAngleOfAttack(), -180, 180, "-180 to 180 deg", "an angle of attack");
            c.range(Literals.LIFT_POINT__COEFFICIENT, p.getCoefficient(), -20, 20, "-20 to 20",
                "a normal-force coefficient (slender bodies: a few per radian)");
        } else if (o instanceof RecoveryHardware r) {
            recovery(c, r);
        } else if (o instanceof GridFins f) {
            c.range(Literals.GRID_FINS__COUNT, f.getCount(), 1, 8, "1 to 8", "grid fins come in sets");
            c.positive(Literals.GRID_FINS__AREA, f.getArea(), "m2", "a fin has an area");
            c.range(Literals.GRID_FINS__DEFLECTION_LIMIT, f.getDeflectionLimit(), 0, 90, "0 to 90 deg", "a deflection is an angle");
        } else if (o instanceof LandingLegs l) {
            c.range(Literals.LANDING_LEGS__COUNT, l.getCount(), 3, 8, "3 to 8", "a stage stands on three legs or more");
            c.range(Literals.LANDING_LEGS__MASS, l.getMass(), 0, Double.MAX_VALUE, ">= 0 kg", "a mass is not negative");
            c.positive(Literals.LANDING_LEGS__MAX_TOUCHDOWN_VERTICAL_SPEED, l.getMaxTouchdownVerticalSpeed(), "m/s",
                "legs absorb some touchdown speed");
            c.range(Literals.LANDING_LEGS__MAX_TOUCHDOWN_HORIZONTAL_SPEED, l.getMaxTouchdownHorizontalSpeed(), 0, 50, "0 to 50 m/s",
                "legs survive a few metres per second sideways (Falcon 9: about 2 m/s)");
        } else if (o instanceof Rcs r) {
            c.range(Literals.RCS__ISP, r.getIsp(), 30, 350, "30 to 350 s", "cold gas gives about 70 s, monopropellant about 230 s");
            c.range(Literals.RCS__PROPELLANT_MASS, r.getPropellantMass(), 0, Double.MAX_VALUE, ">= 0 kg", "a mass is not negative");
            c.range(Literals.RCS__THRUST, r.getThrust(), 0, 100_000, "0 to 100000 N", "a thruster's thrust (cold-gas thrusters give 100 to 1000 N)");
        } else if (o instanceof Fairing f) {
            c.positive(Literals.FAIRING__MASS, f.getMass(), "kg", "a fairing has mass");
            c.range(Literals.FAIRING__JETTISON_ALTITUDE, f.getJettisonAltitude(), 0, 300_000, "0 to 300 km",
                "fairings are jettisoned once aerodynamic heating has fallen, below orbit");
            c.range(Literals.FAIRING__JETTISON_HEAT_FLUX, f.getJettisonHeatFlux(), 0, 100_000, "0 (use the altitude) to 100000 W/m2",
                "fairings go when the free-molecular heating is about 1 kW/m2");
            c.range(Literals.FAIRING__DIAMETER, f.getDiameter(), 0, 20, "0 to 20 m", "a fairing's diameter");
            c.range(Literals.FAIRING__LENGTH, f.getLength(), 0, 100, "0 to 100 m", "a fairing's length");
        } else if (o instanceof PayloadAdapter a) {
            c.range(Literals.PAYLOAD_ADAPTER__MASS, a.getMass(), 0, 100_000, "0 to 100000 kg", "an adapter's or dispenser's own mass");
            c.range(Literals.PAYLOAD_ADAPTER__MAX_SATELLITES, a.getMaxSatellites(), 1, 10_000, "1 to 10000", "an adapter carries a satellite");
            c.positive(Literals.PAYLOAD_ADAPTER__MAX_PAYLOAD_MASS, a.getMaxPayloadMass(), "kg", "an adapter carries some mass");
        } else if (o instanceof GeodeticPosition p) {
            position(c, p);
        } else if (o instanceof AzimuthRange a) {
            c.range(Literals.AZIMUTH_RANGE__MIN, a.getMin(), 0, 360, "0 to 360 deg", "an azimuth is clockwise from north");
            c.range(Literals.AZIMUTH_RANGE__MAX, a.getMax(), a.getMin(), 360, a.getMin() + " to 360 deg", "max must not be below min");
        } else if (o instanceof Satellite s) {
            c.positive(Literals.SATELLITE__MASS, s.getMass(), "kg", "a satellite has mass");
            c.range(Literals.SATELLITE__MASS, s.getMass(), 0, 1e6, "up to 1000 t", "beyond any launcher's payload");
            c.range(Literals.SATELLITE__LENGTH, s.getLength(), 0, 100, "0 to 100 m", "a stowed satellite's size");
            c.range(Literals.SATELLITE__WIDTH, s.getWidth(), 0, 100, "0 to 100 m", "a stowed satellite's size");
            c.range(Literals.SATELLITE__HEIGHT, s.getHeight(), 0, 100, "0 to 100 m", "a stowed satellite's size");
            c.range(Literals.SATELLITE__ONBOARD_DELTA_V, s.getOnboardDeltaV(), 0, 20_000, "0 to 20000 m/s", "a velocity change is not negative");
        } else if (o instanceof ManifestEntry m) {
            c.range(Literals.MANIFEST_ENTRY__COUNT, m.getCount(), 1, 100_000, ">= 1", "a manifest entry flies at least one satellite");
        } else if (o instanceof TargetOrbit t) {
            orbit(c, t);
        } else if (o instanceof Mission m) {
            mission(c, m, refs);
        } else if (o instanceof RecoveryPlan p) {
            recoveryPlan(c, p, refs);
        } else if (o instanceof Failure f) {
            failure(c, f);
        }
        SixDofConstraints.check(c, o);
        // last: a field its own check has reported keeps that check's range in the message
        c.finiteNumbers();
        return ok && c.ok;
    }

    /**
     * What an id may be: letters, digits, '-', '_' and '.', not starting with '.', at most 64 characters. Ids are names,
     * not paths: commands build file names from them (simulate's DIR/ID-history.csv), so "../x" or "/etc/x" must never
     * be one.
     */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    /**
     * Ids are names ({@link #ID}) and unique among the elements of one kind in a file (two stages, two engines), as
     * references need.
     */
    private static void uniqueIds(DiagnosticChain d, ModelRoot root) {
        Map<EClass, java.util.Set<String>> seen = new java.util.HashMap<>();
        java.util.List<EObject> all = new java.util.ArrayList<>();
        all.add(root);
        root.eAllContents().forEachRemaining(all::add);
        for (EObject o : all) {
            if (o instanceof NamedElement n && n.getId() != null && !n.getId().isBlank() && !ID.matcher(n.getId()).matches()) {
                new ConstraintChecks(n, d).problem(Literals.NAMED_ELEMENT__ID, n.getId(), "letters, digits, '-', '_' and '.', not"
                    + " starting with '.', at most 64 characters", "an id is a name, not a path: commands make file names of it");
            }
        }
        for (java.util.Iterator<EObject> it = root.eAllContents(); it.hasNext();) {
            if (it.next() instanceof NamedElement n && n.getId() != null && !n.getId().isBlank()
                && !seen.computeIfAbsent(n.eClass(), k -> new java.util.HashSet<>()).add(n.getId())) {
                new ConstraintChecks(n, d).problem(Literals.NAMED_ELEMENT__ID, n.getId(), "an id no other " + n.eClass().getName()
                    + " in the file has", "another " + n.eClass().getName() + " in this file has the same id");
            }
        }
    }

    private static void vehicle(ConstraintChecks c, LaunchVehicle v) {
        c.rangeIfSet(Literals.LAUNCH_VEHICLE__ASCENT_THROTTLE, 0.1, 1, "0.1 to 1",
            "a throttle setting is a fraction of full thrust (the engines' own floor still applies)");
        c.rangeIfSet(Literals.LAUNCH_VEHICLE__MAX_ASCENT_ACCELERATION, 10, 200, "10 to 200 m/s2",
            "a sensed acceleration the stack can climb at (above 1 g; launchers hold 3 to 6 g)");
        c.rangeIfSet(Literals.LAUNCH_VEHICLE__MAX_ASCENT_DYNAMIC_PRESSURE, 1_000, 1e6, "1000 to 1000000 Pa",
            "a dynamic pressure (launchers fly max-Q at 25 to 60 kPa)");
        if (v.getStages().isEmpty() || v.getStages().get(0).getEngines().isEmpty()) {
            return; // reported by the multiplicity and stage checks
        }
        VehicleFigures f = VehicleFigures.of(v, 0);
        if (f.liftoffThrustToWeight() <= 1) {
            c.problem(null, String.format("%.3f", f.liftoffThrustToWeight()), "> 1",
                String.format("liftoff thrust-to-weight without payload: %.0f kN of sea-level thrust cannot lift %.0f t",
                    f.liftoffThrust() / 1e3, f.liftoffMass() / 1e3));
        }
    }

    private static void stage(ConstraintChecks c, Stage s) {
        c.positive(Literals.STAGE__DRY_MASS, s.getDryMass(), "kg", "a stage has structure");
        c.positive(Literals.STAGE__PROPELLANT_MASS, s.getPropellantMass(), "kg", "wet mass must exceed dry mass");
        // upper bounds beyond any stage flown (Super Heavy: about 3,400 t of propellant), so figures stay meaningful numbers
        c.range(Literals.STAGE__DRY_MASS, s.getDryMass(), 0, MAX_STAGE_MASS, "up to 10000 t", "beyond any stage built");
        c.range(Literals.STAGE__PROPELLANT_MASS, s.getPropellantMass(), 0, MAX_STAGE_MASS, "up to 10000 t", "beyond any stage built");
        c.range(Literals.STAGE__RESIDUAL_PROPELLANT_MASS, s.getResidualPropellantMass(), 0, s.getPropellantMass(),
            "0 to the propellant mass " + fmt(s.getPropellantMass()) + " kg", "residuals are part of the loaded propellant");
        c.range(Literals.STAGE__REFERENCE_DIAMETER, s.getReferenceDiameter(), 0.1, 20, "0.1 to 20 m",
            "the aerodynamic reference area comes from it");
        if (s.getEngines().isEmpty()) {
            c.problem(Literals.STAGE__ENGINES, null, "at least one engine group", "a stage without engines cannot burn");
        }
        if (s.isStrapOn() && s.eContainer() instanceof LaunchVehicle v) {
            int i = v.getStages().indexOf(s);
            if (i != 0 || v.getStages().size() < 2 || v.getStages().get(1).isStrapOn()) {
                c.problem(Literals.STAGE__STRAP_ON, "true", "only the first entry, followed by its core stage",
                    "strap-ons burn from liftoff together with the core that follows them");
            }
        }
        if (s.getPropulsion() == Propulsion.SOLID) {
            for (EngineCluster cluster : s.getEngines()) {
                Engine e = cluster.getEngine();
                if (e != null && e.getRestarts() > 0) {
                    c.problem(Literals.STAGE__PROPULSION, "SOLID", "restarts = 0 for every engine",
                        "a solid motor burns once: engine '" + e.getId() + "' has restarts = " + e.getRestarts());
                }
            }
        }
    }

    private static void engine(ConstraintChecks c, Engine e) {
        c.positive(Literals.ENGINE__THRUST_VACUUM, e.getThrustVacuum(), "N", "an engine must produce thrust");
        c.range(Literals.ENGINE__THRUST_VACUUM, e.getThrustVacuum(), 0, MAX_ENGINE_THRUST, "up to 100 MN",
            "beyond any engine built (F-1: 7.8 MN; a solid booster: about 16 MN)");
        c.range(Literals.ENGINE__THRUST_SEA_LEVEL, e.getThrustSeaLevel(), 0, Math.max(0, e.getThrustVacuum()),
            "0 to the vacuum thrust " + fmt(e.getThrustVacuum()) + " N", "ambient pressure only ever reduces thrust");
        c.range(Literals.ENGINE__ISP_VACUUM, e.getIspVacuum(), MIN_ROCKET_ISP, MAX_CHEMICAL_ISP,
            MIN_ROCKET_ISP + " to " + MAX_CHEMICAL_ISP + " s", "chemical rockets; the best flown engine, RL10B-2, gives 465.5 s");
        c.range(Literals.ENGINE__ISP_SEA_LEVEL, e.getIspSeaLevel(), 0, e.getIspVacuum(),
            "0 to the vacuum Isp " + fmt(e.getIspVacuum()) + " s", "ambient pressure only ever reduces specific impulse");
        if (e.getThrustSeaLevel() > 0 && e.getIspSeaLevel() <= 0) {
            c.problem(Literals.ENGINE__ISP_SEA_LEVEL, fmt(e.getIspSeaLevel()), "> 0 s when thrustSeaLevel > 0",
                "an engine rated at sea level needs its sea-level specific impulse");
        }
        c.range(Literals.ENGINE__THROTTLE_MIN, e.getThrottleMin(), 0, 1, "0 to 1", "a throttle setting is a fraction of full thrust");
        c.range(Literals.ENGINE__THROTTLE_MAX, e.getThrottleMax(), Math.max(0, e.getThrottleMin()), 1,
            "throttleMin (" + fmt(e.getThrottleMin()) + ") to 1", "the throttle range must be ordered and within full thrust");
        c.range(Literals.ENGINE__RESTARTS, e.getRestarts(), 0, 1000, "0 to 1000", "a count is not negative");
        c.range(Literals.ENGINE__GIMBAL_RANGE, e.getGimbalRange(), 0, 15, "0 to 15 deg", "flown engines gimbal a few degrees");
        c.range(Literals.ENGINE__IGNITION_TRANSIENT, e.getIgnitionTransient(), 0, 10, "0 to 10 s", "engines reach thrust within seconds");
        c.range(Literals.ENGINE__SHUTDOWN_TRANSIENT, e.getShutdownTransient(), 0, 10, "0 to 10 s", "thrust tails off within seconds");
        c.range(Literals.ENGINE__NOZZLE_EXIT_AREA, e.getNozzleExitArea(), 0, 20, "0 to 20 m2", "an exit area (0: not given)");
    }

    private static void machTable(ConstraintChecks c, MachTable t) {
        double previous = -1;
        for (MachPoint p : t.getPoints()) {
            if (p.getMach() < 0 || p.getMach() <= previous) {
                c.problem(Literals.MACH_TABLE__POINTS, "Mach " + fmt(p.getMach()), "Mach >= 0, strictly increasing",
                    "a table is interpolated in Mach order (after Mach " + fmt(previous) + ")");
            }
            if (p.getCoefficient() < 0 || p.getCoefficient() > 5) {
                c.problem(Literals.MACH_TABLE__POINTS, "coefficient " + fmt(p.getCoefficient()) + " at Mach " + fmt(p.getMach()),
                    "0 to 5", "launch-vehicle axial-force coefficients lie between about 0.1 and 1.5");
            }
            previous = p.getMach();
        }
    }

    private static void recovery(ConstraintChecks c, RecoveryHardware r) {
        if (!(r.eContainer() instanceof Stage s)) {
            return;
        }
        double usable = s.getPropellantMass() - s.getResidualPropellantMass();
        // a range derived from the stage's figures is checked only when they are valid (a bad one is reported on the stage)
        if (s.getPropellantMass() > 0 && s.getPropellantMass() <= MAX_STAGE_MASS && s.getResidualPropellantMass() >= 0
            && s.getResidualPropellantMass() <= s.getPropellantMass()) {
            c.range(Literals.RECOVERY_HARDWARE__LANDING_PROPELLANT_RESERVE, r.getLandingPropellantReserve(), 0, Math.max(0, usable),
                "0 to the usable propellant " + fmt(usable) + " kg", "the landing reserve comes out of the stage's propellant");
        }
        int engines = s.getEngines().stream().mapToInt(EngineCluster::getCount).sum();
        c.range(Literals.RECOVERY_HARDWARE__LANDING_ENGINES, r.getLandingEngines(), 1, engines, "1 to " + engines,
            "the landing burn uses some of the stage's " + engines + " engines");
        c.range(Literals.RECOVERY_HARDWARE__BOOSTBACK_ENGINES, r.getBoostbackEngines(), 0, engines, "0 to " + engines,
            "the stage has " + engines + " engines");
        c.range(Literals.RECOVERY_HARDWARE__ENTRY_ENGINES, r.getEntryEngines(), 0, engines, "0 to " + engines,
            "the stage has " + engines + " engines");
        c.rangeIfSet(Literals.RECOVERY_HARDWARE__MAX_DESCENT_DYNAMIC_PRESSURE, 1_000, 1_000_000,
            "1 to 1000 kPa", "the entry burn is sized to this limit (Falcon 9-class stages: about 110 kPa)");
    }

    private static void position(ConstraintChecks c, GeodeticPosition p) {
        c.range(Literals.GEODETIC_POSITION__LATITUDE, p.getLatitude(), -90, 90, "-90 to 90 deg", "geodetic latitude");
        c.range(Literals.GEODETIC_POSITION__LONGITUDE, p.getLongitude(), -180, 180, "-180 to 180 deg", "longitude east");
        c.range(Literals.GEODETIC_POSITION__ALTITUDE, p.getAltitude(), -500, 9000, "-500 to 9000 m", "a place on the ground or at sea");
        if (p instanceof LandingZone z) {
            c.range(Literals.LANDING_ZONE__RADIUS, z.getRadius(), 1, 10_000, "1 to 10000 m", "a landing must end inside the zone");
        }
    }

    private static void orbit(ConstraintChecks c, TargetOrbit t) {
        c.range(Literals.TARGET_ORBIT__PERIGEE_ALTITUDE, t.getPerigeeAltitude(), 80_000, 100_000_000, "80 km to 100000 km",
            "below about 80 km the atmosphere brings a satellite down within hours");
        if (!t.isSunSynchronous()) {
            c.range(Literals.TARGET_ORBIT__APOGEE_ALTITUDE, t.getApogeeAltitude(), t.getPerigeeAltitude(), 1e9,
                "perigee (" + fmt(t.getPerigeeAltitude()) + " m) and above", "apogee is the highest point of the orbit");
            c.range(Literals.TARGET_ORBIT__INCLINATION, t.getInclination(), 0, 180, "0 to 180 deg", "an inclination");
        } else if (!t.isSetLocalTimeAscendingNode()) {
            c.problem(Literals.TARGET_ORBIT__LOCAL_TIME_ASCENDING_NODE, null, "0 to 24 h",
                "a sun-synchronous orbit needs the local time of its ascending node");
        } else {
            c.range(Literals.TARGET_ORBIT__LOCAL_TIME_ASCENDING_NODE, t.getLocalTimeAscendingNode(), 0, 24, "0 to 24 h",
                "a local time of day");
        }
        c.rangeIfSet(Literals.TARGET_ORBIT__RAAN, 0, 360, "0 to 360 deg", "an angle along the equator");
    }

    /** The launch epochs a mission may have: from the first entry of the UTC-TAI history (1961) to 2200. */
    static final Instant EARLIEST_EPOCH = Instant.parse("1961-01-01T00:00:00Z");
    static final Instant LATEST_EPOCH = Instant.parse("2200-01-01T00:00:00Z");

    /** The fidelities LaunchBench ships (org.launchbench.trajectory's point mass, org.launchbench.flight's rigid body). */
    static final java.util.List<String> FIDELITIES = java.util.List.of("3dof", "6dof");

    private static void mission(ConstraintChecks c, Mission m, ModelReferences refs) {
        try {
            Instant epoch = Instant.parse(m.getEpoch() == null ? "" : m.getEpoch());
            if (epoch.isBefore(EARLIEST_EPOCH) || !epoch.isBefore(LATEST_EPOCH)) {
                c.problem(Literals.MISSION__EPOCH, m.getEpoch(), "1961-01-01T00:00:00Z to 2199-12-31T23:59:59Z",
                    "the time scales start with the UTC-TAI history in 1961, and no launch is planned centuries ahead");
            }
        } catch (DateTimeParseException e) {
            c.problem(Literals.MISSION__EPOCH, InvalidInputException.cut(String.valueOf(m.getEpoch()), InvalidInputException.MAX_QUOTED),
                "ISO-8601 UTC, e.g. 2025-12-03T04:00:00Z", "the launch time must be a date and time");
        }
        if (m.isSetFidelity() && !FIDELITIES.contains(m.getFidelity())) {
            c.problem(Literals.MISSION__FIDELITY, m.getFidelity(), String.join(" or ", FIDELITIES)
                + " (a fidelity a third-party bundle adds is chosen with --fidelity)", "the flight fidelity is not one LaunchBench ships");
        }
        if (refs.launchSite(m.getLaunchSiteId()).isEmpty()) {
            c.problem(Literals.MISSION__LAUNCH_SITE_ID, m.getLaunchSiteId(), known(refs.launchSiteIds()), "no such launch site");
        }
        c.rangeIfSet(Literals.MISSION__MAX_ASCENT_DYNAMIC_PRESSURE, 1_000, 1e6, "1000 to 1000000 Pa",
            "a dynamic pressure (launchers fly max-Q at 25 to 60 kPa)");
        c.rangeIfSet(Literals.MISSION__LAUNCH_AZIMUTH, 0, 360, "0 to 360 deg", "an azimuth is clockwise from north");
        Optional<LaunchVehicle> vehicle = refs.vehicle(m.getVehicleId());
        if (vehicle.isEmpty()) {
            c.problem(Literals.MISSION__VEHICLE_ID, m.getVehicleId(), known(refs.vehicleIds()), "no such vehicle");
            return;
        }
        int satellites = m.getManifest().stream().mapToInt(ManifestEntry::getCount).sum();
        double payload = m.getManifest().stream()
            .mapToDouble(e -> e.getCount() * (e.getSatellite() == null ? 0 : e.getSatellite().getMass())).sum();
        if (!(payload >= 0 && payload < ConstraintChecks.MAX_MAGNITUDE)) {
            return; // a satellite's own mass is reported where it is: the sums below would only repeat it
        }
        PayloadAdapter adapter = vehicle.get().getPayloadAdapters().stream()
            .filter(a -> a.getId() != null && a.getId().equals(m.getPayloadAdapterId())).findFirst().orElse(null);
        if (m.getPayloadAdapterId() != null && adapter == null) {
            c.problem(Literals.MISSION__PAYLOAD_ADAPTER_ID, m.getPayloadAdapterId(),
                known(vehicle.get().getPayloadAdapters().stream().map(PayloadAdapter::getId).toList()),
                "vehicle '" + m.getVehicleId() + "' has no such adapter");
        } else if (adapter != null) {
            if (satellites > adapter.getMaxSatellites()) {
                c.problem(Literals.MISSION__MANIFEST, satellites + " satellites", "at most " + adapter.getMaxSatellites(),
                    "adapter '" + adapter.getId() + "' cannot carry more");
            }
            if (payload > adapter.getMaxPayloadMass()) {
                c.problem(Literals.MISSION__MANIFEST, fmt(payload) + " kg", "at most " + fmt(adapter.getMaxPayloadMass()) + " kg",
                    "adapter '" + adapter.getId() + "' cannot carry more mass");
            }
        } else if (satellites > 1) {
            c.problem(Literals.MISSION__PAYLOAD_ADAPTER_ID, null, "one of the vehicle's dispensers",
                satellites + " satellites need a dispenser");
        }
        VehicleFigures f = VehicleFigures.of(vehicle.get(), payload + (adapter == null ? 0 : adapter.getMass()));
        if (f.liftoffThrustToWeight() <= 1) {
            c.problem(Literals.MISSION__MANIFEST, fmt(payload) + " kg", "a payload that keeps liftoff thrust-to-weight > 1",
                String.format("liftoff thrust-to-weight with this payload is %.3f", f.liftoffThrustToWeight()));
        }
    }

    private static void recoveryPlan(ConstraintChecks c, RecoveryPlan p, ModelReferences refs) {
        c.range(Literals.RECOVERY_PLAN__PROPELLANT_MARGIN, p.getPropellantMargin(), 0, 0.99, "0 to 0.99", "a fraction of the reserve");
        c.rangeIfSet(Literals.RECOVERY_PLAN__MAX_DYNAMIC_PRESSURE, 1_000, 1_000_000, "1 to 1000 kPa",
            "the entry burn is sized to this limit (Falcon 9-class stages: about 110 kPa)");
        c.rangeIfSet(Literals.RECOVERY_PLAN__ENTRY_IGNITION_ALTITUDE, 5_000, 200_000, "5 km to 200 km",
            "entry burns are lit high on the way down (Falcon 9: about 70 km)");
        c.rangeIfSet(Literals.RECOVERY_PLAN__MAX_HEAT_FLUX, 1_000, 1e8, "1 kW/m2 to 100 MW/m2", "a stagnation heat flux");
        c.rangeIfSet(Literals.RECOVERY_PLAN__LANDING_MAX_TILT, 0, 90, "0 to 90 deg", "an angle from the vertical");
        c.rangeIfSet(Literals.RECOVERY_PLAN__LANDING_IGNITION_ALTITUDE, 10, 20_000, "10 m to 20 km",
            "landing burns are lit a few kilometres up");
        if (p.isPlaceShip() && (p.getMode() != RecoveryMode.SHIP || p.isBoostback())) {
            c.problem(Literals.RECOVERY_PLAN__PLACE_SHIP, "true", "true only with mode SHIP and boostback false",
                "a ship stationed where the stage falls is for a stage that flies no boostback");
        }
        if (p.getMode() == RecoveryMode.EXPENDABLE || !(p.eContainer() instanceof Mission m)) {
            return;
        }
        Optional<LandingZone> zone = refs.landingZone(p.getLandingZoneId());
        if (zone.isEmpty()) {
            c.problem(Literals.RECOVERY_PLAN__LANDING_ZONE_ID, p.getLandingZoneId(), known(refs.landingZoneIds()), "no such landing zone");
        } else {
            LandingZoneKind needed = p.getMode() == RecoveryMode.SHIP ? LandingZoneKind.SHIP : LandingZoneKind.PAD;
            if (zone.get().getKind() != needed) {
                c.problem(Literals.RECOVERY_PLAN__LANDING_ZONE_ID, p.getLandingZoneId() + " (" + zone.get().getKind() + ")",
                    "a " + needed + " zone", p.getMode() + " lands on a " + needed.getLiteral().toLowerCase());
            }
        }
        if (p.getMode() == RecoveryMode.RETURN_TO_LAUNCH_SITE && !p.isBoostback()) {
            c.problem(Literals.RECOVERY_PLAN__BOOSTBACK, "false", "true", "returning to the launch site needs a boostback burn");
        }
        Optional<LaunchVehicle> vehicle = refs.vehicle(m.getVehicleId());
        if (vehicle.isEmpty() || vehicle.get().getStages().isEmpty()) {
            return;
        }
        Stage first = vehicle.get().getStages().get(0);
        RecoveryHardware hw = first.getRecovery();
        String stage = "first stage '" + first.getId() + "' of '" + vehicle.get().getId() + "'";
        if (p.isSetPropellantReserve() && !(p.getPropellantReserve() >= 0 && p.getPropellantReserve() < first.getPropellantMass())) {
            c.problem(Literals.RECOVERY_PLAN__PROPELLANT_RESERVE, fmt(p.getPropellantReserve()),
                "0 up to, not including, " + fmt(first.getPropellantMass()) + " kg (the stage's propellant)", "the recovery reserve must be propellant the " + stage + " has");
        }
        if (first.getPropulsion() == Propulsion.SOLID) {
            c.problem(Literals.RECOVERY_PLAN__MODE, p.getMode().getLiteral(), "EXPENDABLE", "the " + stage + " is a solid motor: it cannot land");
        } else if (hw == null || hw.getLandingLegs() == null) {
            c.problem(Literals.RECOVERY_PLAN__MODE, p.getMode().getLiteral(), "EXPENDABLE", "the " + stage + " has no landing legs");
        } else if (p.isBoostback() && hw.getBoostbackEngines() < 1) {
            c.problem(Literals.RECOVERY_PLAN__BOOSTBACK, "true", "false", "the " + stage + " names no boostback engines");
        } else if (p.isEntryBurn() && hw.getEntryEngines() < 1) {
            c.problem(Literals.RECOVERY_PLAN__ENTRY_BURN, "true", "false", "the " + stage + " names no entry-burn engines");
        }
    }

    private static void failure(ConstraintChecks c, Failure f) {
        c.range(Literals.FAILURE__TIME, f.getTime(), 0, 100_000, ">= 0 s", "a time after the burn's ignition");
        switch (f.getKind()) {
            case THRUST_SHORTFALL -> c.range(Literals.FAILURE__MAGNITUDE, f.getMagnitude(), 0.001, 1, "0.001 to 1",
                "the fraction of thrust lost");
            case LATE_IGNITION -> c.range(Literals.FAILURE__MAGNITUDE, f.getMagnitude(), 0, 600, "0 to 600 s", "the delay");
            case NAVIGATION_BIAS -> c.range(Literals.FAILURE__MAGNITUDE, f.getMagnitude(), 0, 100_000, "0 to 100 km", "a position error");
            default -> c.range(Literals.FAILURE__ENGINE_INDEX, f.getEngineIndex(), 0, 1000, ">= 0", "engines and fins count from 0");
        }
    }

    private static String known(java.util.Collection<String> ids) {
        return ids.isEmpty() ? null : String.join(", ", ids.stream().sorted().toList());
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
