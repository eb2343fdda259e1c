package org.launchbench.flight;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.flight.models.ConstantAerodynamics;
import org.launchbench.flight.models.Gravitation;

/**
 * One rigid body flown from given initial conditions, as a {@code launchbench sixdof} case file describes it:
 * the verification harness for NASA's 6-DOF check-cases (NASA/TM-2015-218675) and for a user's own cases.
 *
 * @param description  what the case is, for output
 * @param massKg       mass, kg
 * @param inertia      inertia about the centre of mass, body axes, kg m²
 * @param aerodynamics the constant-coefficient aerodynamics (all zero for none)
 * @param initial      the initial conditions
 * @param environment  the Earth, air and winds
 * @param durationS    how long to fly, s
 * @param outputStepS  the interval between samples, s
 * @param maxStepS     the integrator's largest step, s
 */
public record SixDofCase(String description, double massKg, InertiaTensor inertia, ConstantAerodynamics aerodynamics,
                         InitialConditions initial, FlightEnvironment environment, double durationS, double outputStepS,
                         double maxStepS) {

    /**
     * @param samples the output samples
     * @param end     why the flight ended
     */
    public record Flight(List<SixDofSample> samples, SixDofPropagator.End end) {
    }

    /** @return the equations of motion of this case: gravitation and the aerodynamics, on a rigid body */
    public RigidBodyDynamics dynamics() {
        return new RigidBodyDynamics(environment, MassModel.rigid(massKg, inertia), List.of(new Gravitation(), aerodynamics));
    }

    /**
     * @param monitor cancellation
     * @return the flight, sampled every output step
     */
    public Flight fly(IProgressMonitor monitor) {
        RigidBodyDynamics dynamics = dynamics();
        SixDofPropagator.Result r = new SixDofPropagator(dynamics, maxStepS)
            .propagate(initial.toState(environment.earth(), massKg), durationS, outputStepS, monitor);
        List<SixDofSample> samples = new ArrayList<>(r.samples().size());
        for (RigidBodyState s : r.samples()) {
            samples.add(SixDofSample.of(dynamics.conditions(s, EffectorPositions.NONE)));
        }
        return new Flight(List.copyOf(samples), r.end());
    }
}
