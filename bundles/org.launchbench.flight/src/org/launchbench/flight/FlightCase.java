package org.launchbench.flight;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A flight {@code launchbench sixdof} flies from a case file: a rigid body of given mass, inertia and aerodynamics
 * ({@link SixDofCase}), or a vehicle model's stage with its engines, fins and actuators
 * ({@link org.launchbench.flight.vehicle.StageCase}).
 */
public interface FlightCase {

    /** @return what the case is, for output */
    String description();

    /**
     * @param monitor cancellation
     * @return the flight, sampled every output step
     */
    default SixDofCase.Flight fly(IProgressMonitor monitor) {
        return fly(monitor, List.of());
    }

    /**
     * @param monitor   cancellation
     * @param providers third parties' force models, asked for this body and added to its own
     * @return the flight, sampled every output step; its notes say how it was flown (estimated figures,
     *         the controller, the providers whose models flew)
     */
    SixDofCase.Flight fly(IProgressMonitor monitor, List<ForceModelProvider> providers);
}
