package org.launchbench.vehicle.model.validation;

import org.eclipse.emf.ecore.EObject;
import org.launchbench.vehicle.model.Engine;
import org.launchbench.vehicle.model.EngineCluster;
import org.launchbench.vehicle.model.EngineMount;
import org.launchbench.vehicle.model.GridFins;
import org.launchbench.vehicle.model.Rcs;
import org.launchbench.vehicle.model.RigidBody;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.Tank;
import org.launchbench.vehicle.model.VehiclePackage.Literals;

/**
 * The constraints on what six-degree-of-freedom flight reads of a stage (format 2): its length, rigid-body data,
 * tanks, engine mounts, actuator rates and fin and RCS geometry. Stations lie on the stage (0 to its length);
 * inertias can belong to a real body; rates and time constants are those of flown hardware, widened. A figure of
 * 0 is "not given" where the model says so; 6-DOF flight then estimates it and says so.
 */
final class SixDofConstraints {

    private SixDofConstraints() {
    }

    static void check(ConstraintChecks c, EObject o) {
        if (o instanceof Stage s) {
            stage(c, s);
        } else if (o instanceof RigidBody b && b.eContainer() instanceof Stage s) {
            rigidBody(c, b, s);
        } else if (o instanceof Tank t && t.eContainer() != null && t.eContainer().eContainer() instanceof Stage s) {
            tank(c, t, s);
        } else if (o instanceof EngineCluster e && !e.getMounts().isEmpty() && e.getMounts().size() != e.getCount()) {
            c.problem(Literals.ENGINE_CLUSTER__MOUNTS, Integer.toString(e.getMounts().size()), "none, or one per engine (" + e.getCount() + ")",
                "each engine of the cluster needs its place");
        } else if (o instanceof EngineMount m) {
            mount(c, m, stageOf(m));
        } else if (o instanceof Engine e) {
            c.range(Literals.ENGINE__GIMBAL_RATE, e.getGimbalRate(), 0, 200, "0 to 200 deg/s (0: not given)",
                "flown gimbals slew at tens of degrees per second");
            c.range(Literals.ENGINE__GIMBAL_TIME_CONSTANT, e.getGimbalTimeConstant(), 0, 2, "0 to 2 s", "an actuator answers within a second");
            c.range(Literals.ENGINE__THROTTLE_RATE, e.getThrottleRate(), 0, 10, "0 to 10 per s (0: not given)",
                "a fraction of full thrust per second");
            c.range(Literals.ENGINE__THROTTLE_TIME_CONSTANT, e.getThrottleTimeConstant(), 0, 2, "0 to 2 s", "a throttle answers within a second");
        } else if (o instanceof GridFins f) {
            double length = length(stageOf(f));
            c.range(Literals.GRID_FINS__STATION, f.getStation(), 0, length, "0 to the stage length " + VehicleConstraints.fmt(length) + " m",
                "the fins are on the stage");
            c.range(Literals.GRID_FINS__RADIUS, f.getRadius(), 0, 20, "0 to 20 m (0: not given)", "a fin's centre of pressure stands off the axis");
            c.range(Literals.GRID_FINS__DEFLECTION_RATE, f.getDeflectionRate(), 0, 500, "0 to 500 deg/s (0: not given)", "fin actuators are hydraulic or electric");
            c.range(Literals.GRID_FINS__TIME_CONSTANT, f.getTimeConstant(), 0, 2, "0 to 2 s", "an actuator answers within a second");
            c.range(Literals.GRID_FINS__NORMAL_FORCE_SLOPE, f.getNormalForceSlope(), 0, 20, "0 to 20 per rad (0: not given)",
                "a lattice fin's slope is a few per radian");
        } else if (o instanceof Rcs r) {
            double length = length(stageOf(r));
            c.range(Literals.RCS__STATION, r.getStation(), 0, length, "0 to the stage length " + VehicleConstraints.fmt(length) + " m",
                "the thrusters are on the stage");
            c.range(Literals.RCS__RADIUS, r.getRadius(), 0, 20, "0 to 20 m", "thrusters sit on the stage's skin");
            c.range(Literals.RCS__MINIMUM_IMPULSE_BIT, r.getMinimumImpulseBit(), 0, 1, "0 to 1 s", "valves open for milliseconds");
        }
    }

    private static void stage(ConstraintChecks c, Stage s) {
        c.range(Literals.STAGE__LENGTH, s.getLength(), 0, 150, "0 (not given) to 150 m", "the tallest stage flown is 71 m (Super Heavy)");
        if (s.getRigidBody() != null && !(s.getLength() > 0)) {
            c.problem(Literals.STAGE__LENGTH, VehicleConstraints.fmt(s.getLength()), "> 0 m with rigid-body data",
                "the rigid-body stations are measured along it");
        }
        if (s.getLength() > 0 && s.getLength() < s.getReferenceDiameter()) {
            c.problem(Literals.STAGE__LENGTH, VehicleConstraints.fmt(s.getLength()), ">= the diameter " + VehicleConstraints.fmt(s.getReferenceDiameter()) + " m",
                "six-degree-of-freedom flight models the stage as a slender body");
        }
    }

    private static void rigidBody(ConstraintChecks c, RigidBody b, Stage s) {
        double length = length(s);
        String onStage = "0 to the stage length " + VehicleConstraints.fmt(length) + " m";
        c.range(Literals.RIGID_BODY__DRY_CENTRE_OF_MASS, b.getDryCentreOfMass(), 0, length, onStage, "the centre of mass is inside the stage");
        c.positive(Literals.RIGID_BODY__DRY_ROLL_INERTIA, b.getDryRollInertia(), "kg m2", "a body has inertia");
        c.positive(Literals.RIGID_BODY__DRY_PITCH_INERTIA, b.getDryPitchInertia(), "kg m2", "a body has inertia");
        if (b.getDryRollInertia() > 2 * b.getDryPitchInertia()) {
            c.problem(Literals.RIGID_BODY__DRY_ROLL_INERTIA, VehicleConstraints.fmt(b.getDryRollInertia()),
                "at most twice the pitch inertia (" + VehicleConstraints.fmt(2 * b.getDryPitchInertia()) + " kg m2)",
                "an axisymmetric body's principal moments satisfy I_roll <= 2 I_pitch");
        }
        c.range(Literals.RIGID_BODY__CENTRE_OF_PRESSURE, b.getCentreOfPressure(), 0, length, onStage, "the centre of pressure is on the stage");
        c.range(Literals.RIGID_BODY__DESCENT_CENTRE_OF_PRESSURE, b.getDescentCentreOfPressure(), 0, length, onStage,
            "the centre of pressure is on the stage");
        c.range(Literals.RIGID_BODY__NORMAL_FORCE_SLOPE, b.getNormalForceSlope(), 0, 10, "0 to 10 per rad", "2 for a slender body");
        c.range(Literals.RIGID_BODY__PITCH_DAMPING, b.getPitchDamping(), -1000, 0, "-1000 to 0 per rad", "damping opposes the rate");
        if (b.getTanks().isEmpty()) {
            c.problem(Literals.RIGID_BODY__TANKS, "none", "at least one tank (a grain for a solid motor)",
                "the propellant has to be somewhere for the centre of mass and the inertia");
        } else {
            double shares = b.getTanks().stream().mapToDouble(Tank::getPropellantShare).sum();
            if (Math.abs(shares - 1) > 1e-6) {
                c.problem(Literals.RIGID_BODY__TANKS, VehicleConstraints.fmt(shares), "shares adding up to 1",
                    "the tanks hold all the stage's propellant");
            }
        }
    }

    private static void tank(ConstraintChecks c, Tank t, Stage s) {
        double length = length(s);
        c.range(Literals.TANK__PROPELLANT_SHARE, t.getPropellantShare(), 1e-6, 1, "more than 0 to 1", "a tank holds some of the propellant");
        c.range(Literals.TANK__BOTTOM, t.getBottom(), 0, length, "0 to the stage length " + VehicleConstraints.fmt(length) + " m", "the tank is in the stage");
        c.range(Literals.TANK__TOP, t.getTop(), t.getBottom() + 1e-3, length,
            "above its bottom (" + VehicleConstraints.fmt(t.getBottom()) + " m) to the stage length " + VehicleConstraints.fmt(length) + " m",
            "the tank is in the stage");
        double diameter = diameter(s);
        c.range(Literals.TANK__DIAMETER, t.getDiameter(), 1e-3, diameter,
            "more than 0 to the stage diameter " + VehicleConstraints.fmt(diameter) + " m", "the tank is inside the stage");
    }

    private static void mount(ConstraintChecks c, EngineMount m, Stage s) {
        double length = length(s);
        double reach = diameter(s);
        c.range(Literals.ENGINE_MOUNT__STATION, m.getStation(), 0, length, "0 to the stage length " + VehicleConstraints.fmt(length) + " m",
            "the engines are on the stage");
        double r = Math.hypot(m.getY(), m.getZ());
        if (!(r <= reach / 2)) {
            c.problem(Literals.ENGINE_MOUNT__Y, VehicleConstraints.fmt(r) + " m off the axis",
                "within the stage's radius " + VehicleConstraints.fmt(reach / 2) + " m", "the engines are under the stage");
        }
        c.range(Literals.ENGINE_MOUNT__CANT, m.getCant(), 0, 30, "0 to 30 deg", "canted engines lean outward a few degrees");
    }

    private static Stage stageOf(EObject o) {
        for (EObject e = o.eContainer(); e != null; e = e.eContainer()) {
            if (e instanceof Stage s) {
                return s;
            }
        }
        return null;
    }

    /** The stage's diameter where valid; 20 m (the largest allowed) where not, so one mistake is reported once. */
    private static double diameter(Stage s) {
        return s != null && s.getReferenceDiameter() >= 0.1 && s.getReferenceDiameter() <= 20 ? s.getReferenceDiameter() : 20;
    }

    /** The stage's length where given; 150 m (the largest allowed) where not, so stations are checked only for range. */
    private static double length(Stage s) {
        return s != null && s.getLength() > 0 && s.getLength() <= 150 ? s.getLength() : 150;
    }

}
