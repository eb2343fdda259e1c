package org.launchbench.flight.vehicle;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.ForceModel;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.models.EngineThrust;
import org.launchbench.flight.models.Gravitation;
import org.launchbench.flight.models.GridFins;
import org.launchbench.flight.models.MachCurve;
import org.launchbench.flight.models.RcsThrusters;
import org.launchbench.flight.models.ScaledAxialForce;
import org.launchbench.flight.models.ScaledThrust;
import org.launchbench.flight.models.SlenderBodyAerodynamics;
import org.launchbench.flight.models.StageMassModel;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.launchbench.vehicle.model.Engine;
import org.launchbench.vehicle.model.EngineCluster;
import org.launchbench.vehicle.model.EngineMount;
import org.launchbench.vehicle.model.MachTable;
import org.launchbench.vehicle.model.PropellantFamily;
import org.launchbench.vehicle.model.Rcs;
import org.launchbench.vehicle.model.RecoveryHardware;
import org.launchbench.vehicle.model.RigidBody;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.Tank;

/**
 * A vehicle model's stage as a 6-DOF body: its mass model, its force models (gravitation, each engine at its mount,
 * slender-body aerodynamics, grid fins, RCS) and the effectors' count and limits, from the stage's format-2 data
 * where given and from {@link StageRigidBodyEstimate} where not (then {@link #notes()} says so).
 * <p>
 * Conventions: structural stations from the engines' exit plane toward the nose; body x along the axis toward the
 * nose. Engines without mounts are laid out by one rule: one engine on the axis; nine as Falcon 9's octaweb, one in
 * the centre and eight on a circle of 0.66 of the radius; any other number on a circle of 0.6 of the radius, with
 * one more in the centre when the count is odd. Grid fins stand at 45° + k 90° (four) or evenly spaced; RCS thrusters
 * evenly round the top, pushing tangentially in alternate directions (roll pairs that also steer pitch and yaw
 * through their station's arm).
 *
 * @param stage       the stage
 * @param lengthM     its length, m
 * @param rigidBody   its rigid-body figures (the model's or the estimate's)
 * @param massModel   its mass properties against its mass
 * @param engines     every engine, in effector order
 * @param models      gravitation, thrust, aerodynamics, fins and RCS, for {@link org.launchbench.flight.RigidBodyDynamics}
 * @param finCount    grid fins, in effector order
 * @param rcsCount    RCS thrusters, in effector order
 * @param notes       what was estimated rather than given
 */
public record StageFlightModel(Stage stage, double lengthM, RigidBody rigidBody, StageMassModel massModel,
                               List<EngineThrust.Engine> engines, List<ForceModel> models, int finCount, int rcsCount,
                               List<String> notes) {

    /**
     * @param stage      a stage of a vehicle model
     * @param family     the vehicle's propellant family
     * @param underStage whether another stage sits on it
     * @return its 6-DOF model
     */
    public static StageFlightModel of(Stage stage, PropellantFamily family, boolean underStage) {
        List<String> notes = new ArrayList<>();
        double length = stage.getLength();
        RigidBody body = stage.getRigidBody();
        if (body == null || !(length > 0)) {
            StageRigidBodyEstimate.Estimate e = StageRigidBodyEstimate.of(stage, family, underStage);
            notes.add("stage " + stage.getId() + ": rigid-body figures estimated from its dimensions (the vehicle file gives none)");
            length = e.length();
            body = body == null ? e.rigidBody() : body;
        }
        double d = stage.getReferenceDiameter();
        StageMassModel mass = massModel(stage, body, PropellantLoad.of(family, stage.getPropulsion()).grain());
        List<EngineThrust.Engine> engines = engines(stage, family, notes);
        List<ForceModel> models = new ArrayList<>();
        models.add(new Gravitation());
        models.add(new EngineThrust(engines));
        models.add(aerodynamics(stage, body, length));
        RecoveryHardware rec = stage.getRecovery();
        int fins = 0;
        if (rec != null && rec.getGridFins() != null) {
            GridFins g = gridFins(rec.getGridFins(), length, d, notes, stage.getId());
            models.add(g);
            fins = g.fins().size();
        }
        int rcs = 0;
        if (rec != null && rec.getRcs() != null && rec.getRcs().getThrusters() > 0) {
            RcsThrusters r = rcs(rec.getRcs(), length, d, notes, stage.getId());
            models.add(r);
            rcs = r.thrusters().size();
        }
        return new StageFlightModel(stage, length, body, mass, List.copyOf(engines), List.copyOf(models), fins, rcs, List.copyOf(notes));
    }

    /**
     * @param factor    the engines' thrust over the model's, read at each evaluation (see {@link ScaledThrust})
     * @param ispFactor their specific impulse over the model's
     * @param axialDrag the body's axial aerodynamic force over the model's ({@link ScaledAxialForce})
     * @return this stage with its engines and its drag so scaled: a flight's dispersions and failures, which its flight
     *         software does not know
     */
    public StageFlightModel dispersed(java.util.function.DoubleSupplier factor, double ispFactor, double axialDrag) {
        List<ForceModel> scaled = models.stream().map(m -> m instanceof EngineThrust e ? (ForceModel) new ScaledThrust(e, factor, ispFactor)
            : m instanceof SlenderBodyAerodynamics a && axialDrag != 1 ? new ScaledAxialForce(a, axialDrag) : m).toList();
        return new StageFlightModel(stage, lengthM, rigidBody, massModel, engines, scaled, finCount, rcsCount, notes);
    }

    /** @return the stage's slender-body aerodynamics among its {@link #models()} */
    public SlenderBodyAerodynamics aerodynamics() {
        return models.stream().filter(SlenderBodyAerodynamics.class::isInstance).map(SlenderBodyAerodynamics.class::cast).findFirst()
            .orElseThrow();
    }

    private static StageMassModel massModel(Stage stage, RigidBody body, boolean grain) {
        List<StageMassModel.Tank> tanks = new ArrayList<>();
        for (Tank t : body.getTanks()) {
            tanks.add(new StageMassModel.Tank(t.getPropellantShare(), t.getBottom(), t.getTop(), t.getDiameter() / 2, grain));
        }
        InertiaTensor dry = new InertiaTensor(body.getDryRollInertia(), body.getDryPitchInertia(), body.getDryPitchInertia(), 0, 0, 0);
        return new StageMassModel(stage.getDryMass(), new Vector3D(body.getDryCentreOfMass(), 0, 0), dry, stage.getPropellantMass(), tanks);
    }

    private static List<EngineThrust.Engine> engines(Stage stage, PropellantFamily family, List<String> notes) {
        List<EngineThrust.Engine> out = new ArrayList<>();
        double r = stage.getReferenceDiameter() / 2;
        boolean grain = PropellantLoad.of(family, stage.getPropulsion()).grain();
        for (EngineCluster cluster : stage.getEngines()) {
            Engine e = cluster.getEngine();
            double exit = e.getNozzleExitArea() > 0 ? e.getNozzleExitArea()
                : Math.max(0, e.getThrustVacuum() - e.getThrustSeaLevel()) / UsStandardAtmosphere1976.SEA_LEVEL_PRESSURE;
            List<Vector3D> mounts = new ArrayList<>();
            List<Double> cants = new ArrayList<>();
            if (cluster.getMounts().size() == cluster.getCount()) {
                for (EngineMount m : cluster.getMounts()) {
                    mounts.add(new Vector3D(m.getStation(), m.getY(), m.getZ()));
                    cants.add(Math.toRadians(m.getCant()));
                }
            } else {
                notes.add("stage " + stage.getId() + ": " + cluster.getCount() + " engines laid out by the cluster rule (no mounts given)");
                double station = (grain ? 0.2 : 0.4) * stage.getReferenceDiameter();
                for (Vector3D p : layout(cluster.getCount(), r)) {
                    mounts.add(new Vector3D(station, p.getY(), p.getZ()));
                    cants.add(0.0);
                }
            }
            for (int i = 0; i < mounts.size(); i++) {
                Vector3D m = mounts.get(i);
                double radial = Math.hypot(m.getY(), m.getZ());
                double cant = cants.get(i);
                // a canted nozzle points its exhaust outward, so its thrust on the stage leans inward
                Vector3D dir = radial == 0 || cant == 0 ? Vector3D.PLUS_I
                    : new Vector3D(Math.cos(cant), -Math.sin(cant) * m.getY() / radial, -Math.sin(cant) * m.getZ() / radial);
                out.add(new EngineThrust.Engine(m, dir, e.getThrustVacuum(), e.getIspVacuum(), exit));
            }
        }
        return out;
    }

    /** The cluster rule of the class comment: lateral positions (y, z) of n engines on a stage of radius r. */
    static List<Vector3D> layout(int n, double r) {
        List<Vector3D> out = new ArrayList<>();
        if (n == 1) {
            out.add(Vector3D.ZERO);
            return out;
        }
        boolean centre = n == 9 || n % 2 == 1;
        int ring = centre ? n - 1 : n;
        double radius = (n == 9 ? 0.66 : 0.6) * r;
        if (centre) {
            out.add(Vector3D.ZERO);
        }
        for (int k = 0; k < ring; k++) {
            double a = 2 * Math.PI * k / ring;
            out.add(new Vector3D(0, radius * Math.cos(a), radius * Math.sin(a)));
        }
        return out;
    }

    private static SlenderBodyAerodynamics aerodynamics(Stage stage, RigidBody body, double length) {
        double d = stage.getReferenceDiameter();
        MachCurve forward = curve(stage.getDrag(), 0.3);
        RecoveryHardware rec = stage.getRecovery();
        MachCurve aft = rec != null && rec.getDescentDrag() != null ? curve(rec.getDescentDrag(), 0.8) : forward;
        return new SlenderBodyAerodynamics(Math.PI * d * d / 4, length, length * d, forward, aft,
            MachCurve.constant(body.getNormalForceSlope()), 1.2, MachCurve.constant(body.getCentreOfPressure()),
            MachCurve.constant(body.getDescentCentreOfPressure()), body.getPitchDamping());
    }

    private static MachCurve curve(MachTable table, double fallback) {
        if (table == null || table.getPoints().isEmpty()) {
            return MachCurve.constant(fallback);
        }
        double[] m = table.getPoints().stream().mapToDouble(p -> p.getMach()).toArray();
        double[] c = table.getPoints().stream().mapToDouble(p -> p.getCoefficient()).toArray();
        return new MachCurve(m, c);
    }

    private static GridFins gridFins(org.launchbench.vehicle.model.GridFins f, double length, double d, List<String> notes, String id) {
        double station = f.getStation() > 0 ? f.getStation() : length - 0.5 * d;
        double radius = f.getRadius() > 0 ? f.getRadius() : d / 2 + Math.sqrt(f.getArea()) / 2;
        double slope = f.getNormalForceSlope() > 0 ? f.getNormalForceSlope() : 2.0;
        if (f.getStation() <= 0 || f.getRadius() <= 0 || f.getNormalForceSlope() <= 0) {
            notes.add("stage " + id + ": grid-fin station, radius or slope estimated (top of the stage, half a fin out, 2 per rad)");
        }
        List<GridFins.Fin> fins = new ArrayList<>();
        int n = f.getCount();
        for (int k = 0; k < n; k++) {
            double a = n == 4 ? Math.toRadians(45 + 90 * k) : 2 * Math.PI * k / n;
            fins.add(new GridFins.Fin(new Vector3D(station, radius * Math.cos(a), radius * Math.sin(a)), a, f.getArea()));
        }
        return new GridFins(fins, MachCurve.constant(slope), Math.toRadians(Math.max(f.getDeflectionLimit(), 1)));
    }

    private static RcsThrusters rcs(Rcs r, double length, double d, List<String> notes, String id) {
        double station = r.getStation() > 0 ? r.getStation() : length - 0.3 * d;
        double radius = r.getRadius() > 0 ? r.getRadius() : d / 2;
        if (r.getStation() <= 0 || r.getRadius() <= 0) {
            notes.add("stage " + id + ": RCS station and radius estimated (near the top, on the skin)");
        }
        List<RcsThrusters.Thruster> out = new ArrayList<>();
        int n = r.getThrusters();
        int places = (n + 1) / 2;
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * (k / 2) / places;
            double sign = k % 2 == 0 ? 1 : -1;
            Vector3D position = new Vector3D(station, radius * Math.cos(a), radius * Math.sin(a));
            Vector3D tangent = new Vector3D(0, -Math.sin(a) * sign, Math.cos(a) * sign);
            out.add(new RcsThrusters.Thruster(position, tangent, r.getThrust(), r.getIsp()));
        }
        return new RcsThrusters(out);
    }
}
