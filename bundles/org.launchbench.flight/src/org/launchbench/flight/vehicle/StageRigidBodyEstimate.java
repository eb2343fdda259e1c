package org.launchbench.flight.vehicle;

import java.util.Locale;

import org.launchbench.core.PhysicalConstants;
import org.launchbench.vehicle.model.Citation;
import org.launchbench.vehicle.model.GridFins;
import org.launchbench.vehicle.model.LandingLegs;
import org.launchbench.vehicle.model.PropellantFamily;
import org.launchbench.vehicle.model.RecoveryHardware;
import org.launchbench.vehicle.model.RigidBody;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.Tank;
import org.launchbench.vehicle.model.VehicleFactory;

/**
 * Rigid-body figures of a stage estimated from what every vehicle file has (masses, diameter, engines, propellant
 * family, recovery hardware), for stages whose builders publish no inertia data (all of them) and as the shipped
 * catalog's starting values. The method, stated in docs/flight-dynamics.md ("Estimated rigid-body figures"):
 * <ul>
 * <li><b>Layout along the axis</b>, from the engines' exit plane: an engine section 0.8 D tall (0.35 D for a solid
 * motor's aft skirt), the fuel tank, 0.15 D of domes and intertank, the oxidiser tank (Falcon 9's order), then an
 * interstage of 1.5 D on a first stage under another stage (Falcon 9: 6.5 m, 1.76 D), a nose of 1.0 D on a
 * strap-on, or a 0.3 D forward skirt. Tanks hold their propellant at 97 % fill with an inner diameter of 0.98 D; a
 * solid grain fills 85 % of its case's volume (Sutton and Biblarz, 9th ed., ch. 12, volumetric loading 0.75-0.95).
 * Where the stage's length is published the layout keeps it, the tanks shortened in proportion if they would not
 * fit (densified propellants).</li>
 * <li><b>Dry mass</b>: engines at thrust-to-weight 100 (Sutton Table 10-3 spans 50 to 180) at half the engine
 * section's height, no more than 40 % of the dry mass; a solid motor's nozzle at 10 % of it; landing legs at the
 * engine section's top; grid fins at 150 kg per m² of fin at the top; the rest a thin-walled cylinder over the
 * whole length (I_roll = m R², I_pitch = m (R²/2 + L²/12)). Parts add by the parallel-axis theorem.</li>
 * <li><b>Aerodynamics</b>: the centre of pressure of the body alone at half its length both ways (a cylinder's
 * crossflow load is uniform along it; the fins, a separate model, move the vehicle's), C_Nα = 2 (Munk), no pitch
 * damping estimated (0).</li>
 * </ul>
 * The figures are estimates to a few per cent of length and some tens of per cent of inertia: enough to fly
 * attitude dynamics of the right size, not to design a control law's margins.
 */
public final class StageRigidBodyEstimate {

    /** Engine thrust-to-weight ratio of the estimate. */
    static final double ENGINE_THRUST_TO_WEIGHT = 100;
    /** Grid-fin mass per area of fin, kg/m² (titanium lattice fins of about 1.9 m² weigh some 300 kg). */
    static final double FIN_AREAL_MASS = 150;

    private StageRigidBodyEstimate() {
    }

    /**
     * @param length    the stage's length, m (published, or the estimate's own)
     * @param rigidBody the estimated figures, a new EMF object not attached to the stage
     */
    public record Estimate(double length, RigidBody rigidBody) {
    }

    /**
     * @param stage      the stage (its length is used where given, else estimated)
     * @param family     the vehicle's propellant family
     * @param underStage whether another stage sits on it (an interstage on top)
     * @return the estimate
     */
    public static Estimate of(Stage stage, PropellantFamily family, boolean underStage) {
        double d = stage.getReferenceDiameter();
        double innerRadius = 0.49 * d;
        double area = Math.PI * innerRadius * innerRadius;
        PropellantLoad load = PropellantLoad.of(family, stage.getPropulsion());
        double propellant = stage.getPropellantMass();
        double engineSection = (load.grain() ? 0.35 : 0.8) * d;
        double top = stage.isStrapOn() ? 1.0 * d : underStage ? 1.5 * d : 0.3 * d;
        double[] heights;
        double[] shares;
        double gap;
        if (load.grain()) {
            heights = new double[] {propellant / load.fuelDensity() / 0.85 / area};
            shares = new double[] {1};
            gap = 0;
        } else {
            double ox = load.oxidiserShare() * propellant;
            double fuel = propellant - ox;
            heights = new double[] {fuel / load.fuelDensity() / 0.97 / area, ox / load.oxidiserDensity() / 0.97 / area};
            shares = new double[] {1 - load.oxidiserShare(), load.oxidiserShare()};
            gap = 0.15 * d;
        }
        double tanks = heights[0] + (heights.length > 1 ? gap + heights[1] : 0);
        double length = stage.getLength() > 0 ? stage.getLength() : engineSection + tanks + top;
        double room = length - engineSection - top;
        if (tanks > room) {
            double scale = (room - (heights.length > 1 ? gap : 0)) / (tanks - (heights.length > 1 ? gap : 0));
            for (int i = 0; i < heights.length; i++) {
                heights[i] *= scale;
            }
        }
        RigidBody body = VehicleFactory.eINSTANCE.createRigidBody();
        double bottom = engineSection;
        for (int i = 0; i < heights.length; i++) {
            Tank t = VehicleFactory.eINSTANCE.createTank();
            t.setPropellantShare(shares[i]);
            t.setBottom(round(bottom));
            t.setTop(round(bottom + heights[i]));
            t.setDiameter(round(2 * innerRadius));
            body.getTanks().add(t);
            bottom += heights[i] + gap;
        }
        dryMass(stage, load, length, engineSection, body);
        body.setCentreOfPressure(round(length / 2));
        body.setDescentCentreOfPressure(round(length / 2));
        body.setNormalForceSlope(2);
        body.setPitchDamping(0);
        Citation c = VehicleFactory.eINSTANCE.createCitation();
        c.setFigures("rigid body: tanks, dry centre of mass and inertia, centres of pressure"
            + (stage.getLength() > 0 ? "" : String.format(Locale.ROOT, "; stage length %.1f m", length)));
        c.setReference("estimated by LaunchBench's StageRigidBodyEstimate from the stage's masses, diameter, engines and propellant "
            + "family (docs/flight-dynamics.md, 'Estimated rigid-body figures')");
        body.getSources().add(c);
        return new Estimate(round(length), body);
    }

    /** Places the dry mass: engines (or nozzle), legs, fins, and the rest as a thin-walled cylinder over the length. */
    private static void dryMass(Stage stage, PropellantLoad load, double length, double engineSection, RigidBody body) {
        double dry = stage.getDryMass();
        double r = stage.getReferenceDiameter() / 2;
        // parts: {mass, station, own roll inertia, own pitch inertia}
        double engines;
        double engineRadius;
        if (load.grain()) {
            engines = 0.1 * dry;
            engineRadius = 0.3 * r;
        } else {
            double thrust = stage.getEngines().stream().mapToDouble(c -> c.getCount() * c.getEngine().getThrustVacuum()).sum();
            engines = Math.min(0.4 * dry, thrust / (PhysicalConstants.STANDARD_GRAVITY * ENGINE_THRUST_TO_WEIGHT));
            engineRadius = stage.getEngines().stream().mapToInt(c -> c.getCount()).sum() > 1 ? 0.66 * r : 0.3 * r;
        }
        double[][] parts = new double[4][];
        parts[0] = new double[] {engines, 0.5 * engineSection, engines * engineRadius * engineRadius, 0.5 * engines * engineRadius * engineRadius};
        RecoveryHardware rec = stage.getRecovery();
        LandingLegs legs = rec == null ? null : rec.getLandingLegs();
        double legMass = legs == null ? 0 : Math.min(legs.getMass(), 0.15 * dry);
        parts[1] = new double[] {legMass, engineSection, legMass * r * r, 0.5 * legMass * r * r};
        GridFins fins = rec == null ? null : rec.getGridFins();
        double finMass = fins == null ? 0 : Math.min(0.1 * dry, fins.getCount() * fins.getArea() * FIN_AREAL_MASS);
        double finRadius = fins == null ? 0 : r + Math.sqrt(fins.getArea()) / 2;
        parts[2] = new double[] {finMass, length - 0.5 * 2 * r, finMass * finRadius * finRadius, 0.5 * finMass * finRadius * finRadius};
        double shell = dry - engines - legMass - finMass;
        parts[3] = new double[] {shell, length / 2, shell * r * r, shell * (r * r / 2 + length * length / 12)};
        double moment = 0;
        for (double[] p : parts) {
            moment += p[0] * p[1];
        }
        double cm = moment / dry;
        double roll = 0;
        double pitch = 0;
        for (double[] p : parts) {
            roll += p[2];
            pitch += p[3] + p[0] * (p[1] - cm) * (p[1] - cm);
        }
        body.setDryCentreOfMass(round(cm));
        body.setDryRollInertia(Math.round(roll));
        body.setDryPitchInertia(Math.round(pitch));
    }

    private static double round(double metres) {
        return Math.round(metres * 1000) / 1000.0;
    }
}
