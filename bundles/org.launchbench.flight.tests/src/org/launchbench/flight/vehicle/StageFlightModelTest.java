package org.launchbench.flight.vehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.MassProperties;
import org.launchbench.flight.models.EngineThrust;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.io.ModelFiles;

/** The shipped Falcon 9's first stage as a 6-DOF body. */
class StageFlightModelTest {

    private static LaunchVehicle falcon9() {
        // the test runs in its fragment's folder; the catalog's vehicle files are the repository's
        return ModelFiles.load(Path.of("../org.launchbench.vehicles.spacex/model/falcon9.vehicle"), LaunchVehicle.class);
    }

    @Test
    void nineEnginesSitOnTheOctawebRuleAndPushAlongTheAxis() {
        List<Vector3D> layout = StageFlightModel.layout(9, 1.85);
        assertEquals(9, layout.size());
        assertEquals(Vector3D.ZERO, layout.get(0));
        for (Vector3D p : layout.subList(1, 9)) {
            assertEquals(0.66 * 1.85, p.getNorm(), 1e-12);
        }
        Vector3D sum = layout.stream().reduce(Vector3D.ZERO, Vector3D::add);
        assertEquals(0, sum.getNorm(), 1e-12, "a symmetric cluster pushes through the axis");
    }

    @Test
    void theFirstStagesMassPropertiesAreThoseOfItsFileAndPlausible() {
        LaunchVehicle v = falcon9();
        Stage s = v.getStages().get(0);
        StageFlightModel m = StageFlightModel.of(s, v.getPropellantFamily(), true);
        assertEquals(9, m.engines().size());
        for (EngineThrust.Engine e : m.engines()) {
            assertEquals(s.getEngines().get(0).getEngine().getThrustVacuum(), e.thrustVacuumN());
        }
        assertEquals(4, m.finCount());
        double full = s.getDryMass() + s.getPropellantMass();
        MassProperties loaded = m.massModel().at(full);
        MassProperties landing = m.massModel().at(s.getDryMass() + 2_000);
        double length = m.lengthM();
        // the loaded stage's centre of mass is in its tanks; the nearly empty one's low, near its engines
        assertTrue(loaded.centreOfMassM().getX() > 0.25 * length && loaded.centreOfMassM().getX() < 0.6 * length, loaded.toString());
        assertTrue(landing.centreOfMassM().getX() < loaded.centreOfMassM().getX());
        // independent figure: a Falcon-9-like landing model (SCpp, MIT, used in published 6-DOF SCvx work) takes
        // 5e6 kg m² in pitch and 7e4 kg m² in roll for a 22-24 t stage; the estimate is to agree within a factor of 1.5
        double pitch = landing.inertiaKgM2().yy();
        double roll = landing.inertiaKgM2().xx();
        assertTrue(pitch > 5e6 / 1.5 && pitch < 5e6 * 1.5, "pitch inertia " + pitch);
        assertTrue(roll > 7e4 / 1.5 && roll < 7e4 * 1.5, "roll inertia " + roll);
    }
}
