package org.launchbench.recovery.descent;

import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.atmosphere.AtmosphereState;
import org.launchbench.trajectory.dynamics.Aerodynamics;

/**
 * The drag the landing guidance predicts: the stage's drag curve in the standard atmosphere above the zone, in still
 * air. Immutable.
 *
 * @param drag         the stage's drag (its descent table and reference area)
 * @param atmosphere   the air
 * @param zoneAltitude the zone's height above the ellipsoid, m
 */
public record DescentDrag(Aerodynamics drag, Atmosphere atmosphere, double zoneAltitude) implements LandingGuidance.DragModel {

    /**
     * @param stage        the stage (its recovery's descent drag table and reference diameter)
     * @param atmosphere   the air
     * @param zoneAltitude the zone's height above the ellipsoid, m
     * @return the guidance's drag of that stage falling engines first
     */
    public static DescentDrag of(org.launchbench.vehicle.model.Stage stage, Atmosphere atmosphere, double zoneAltitude) {
        return new DescentDrag(Aerodynamics.of(stage.getRecovery().getDescentDrag(), stage.getReferenceDiameter()), atmosphere, zoneAltitude);
    }

    /** @param h height above the zone, m; @return the air there, held within the atmosphere's range */
    public AtmosphereState air(double h) {
        return atmosphere.at(Math.max(atmosphere.minAltitude(), Math.min(atmosphere.maxAltitude(), zoneAltitude + h)));
    }

    @Override
    public double[] acceleration(double h, double[] v, double mass) {
        AtmosphereState air = air(Math.max(0, h));
        double speed = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        double mach = air.speedOfSound() > 0 ? speed / air.speedOfSound() : 0;
        double k = -0.5 * air.density() * speed * drag.dragCoefficient(mach) * drag.referenceArea() / mass;
        return new double[] {k * v[0], k * v[1], k * v[2]};
    }
}
