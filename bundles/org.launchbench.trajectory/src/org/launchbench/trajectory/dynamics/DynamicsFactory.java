package org.launchbench.trajectory.dynamics;

import java.util.List;

import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.vehicle.model.Stage;

/**
 * A flight fidelity: builds each phase's equations of motion from what the phase is (the stage, its lit engines,
 * its drag, its steering, the winds). The point mass is built in ({@link #POINT_MASS}); the flight bundle registers
 * the rigid body (6-DOF) as a service of this type, and a third party may register its own. Immutable, shared by
 * parallel runs.
 */
public interface DynamicsFactory {

    /** The point mass (3-DOF): {@link PointMassDynamics}, the thrust along the steering's direction at once. */
    DynamicsFactory POINT_MASS = new DynamicsFactory() {
        @Override
        public String name() {
            return "3dof";
        }

        @Override
        public List<String> notes() {
            return List.of("fidelity 3dof: point mass, the thrust along the guidance's direction at once");
        }

        @Override
        public PhaseDynamics create(Phase p) {
            PointMassDynamics d = new PointMassDynamics(p.earth(), p.atmosphere(), p.propulsion(), p.aerodynamics(), p.steering(),
                p.winds());
            return p.control() == null ? d : d.withControl(p.control());
        }
    };

    /** @return the name users choose it by ({@code --fidelity NAME}, a mission's {@code fidelity}) */
    String name();

    /** @return what a flight at this fidelity is, and what it leaves out, for the output's notes */
    List<String> notes();

    /** @param phase what the phase is; @return its equations of motion */
    PhaseDynamics create(Phase phase);

    /**
     * One phase of one stage's flight.
     *
     * @param earth        the Earth
     * @param atmosphere   the air
     * @param stage        the stage flying (its geometry and rigid-body figures for a rigid body)
     * @param propulsion   its lit engines ({@link Propulsion#NONE} for a coast)
     * @param aerodynamics its drag
     * @param steering     where the guidance wants the thrust, and how much
     * @param winds        the winds aloft
     * @param control      an aerodynamic steering force (grid fins), or null
     */
    record Phase(EarthModel earth, Atmosphere atmosphere, Stage stage, Propulsion propulsion, Aerodynamics aerodynamics,
                 Steering steering, Winds winds, PointMassDynamics.AeroControl control) {
    }
}
