package org.launchbench.flight;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.flight.models.ConstantAerodynamics;
import org.launchbench.flight.models.Gravitation;
import org.launchbench.flight.wind.AirDisturbances;
import org.launchbench.flight.wind.DrydenTurbulence;
import org.launchbench.flight.wind.OneMinusCosineGust;
import org.launchbench.flight.wind.TurbulenceModel;

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
 * @param turbulence   Dryden turbulence's intensities against height, or null for none
 * @param turbulenceSeed its white noise's seed
 * @param gusts        discrete gusts in time since the start
 */
public record SixDofCase(String description, double massKg, InertiaTensor inertia, ConstantAerodynamics aerodynamics,
                         InitialConditions initial, FlightEnvironment environment, double durationS, double outputStepS,
                         double maxStepS, TurbulenceModel turbulence, long turbulenceSeed, List<OneMinusCosineGust> gusts)
    implements FlightCase {

    /** Copies the gusts. */
    public SixDofCase {
        gusts = List.copyOf(gusts);
    }

    /**
     * A case in the mean wind alone.
     *
     * @param description what the case is
     * @param massKg mass, kg
     * @param inertia inertia about the centre of mass, body axes
     * @param aerodynamics constant-coefficient aerodynamics
     * @param initial initial conditions
     * @param environment Earth, air and mean wind
     * @param durationS how long to fly, s
     * @param outputStepS sample interval, s
     * @param maxStepS the integrator's largest step, s
     */
    public SixDofCase(String description, double massKg, InertiaTensor inertia, ConstantAerodynamics aerodynamics,
                      InitialConditions initial, FlightEnvironment environment, double durationS, double outputStepS, double maxStepS) {
        this(description, massKg, inertia, aerodynamics, initial, environment, durationS, outputStepS, maxStepS, null, 0, List.of());
    }

    /**
     * @param samples the output samples
     * @param end     why the flight ended
     * @param notes   how it was flown (the models that third parties added)
     */
    public record Flight(List<SixDofSample> samples, SixDofPropagator.End end, List<String> notes) {

        /** Copies the notes. */
        public Flight {
            notes = List.copyOf(notes);
        }

        /**
         * @param samples the output samples
         * @param end     why the flight ended
         */
        public Flight(List<SixDofSample> samples, SixDofPropagator.End end) {
            this(samples, end, List.of());
        }
    }

    /** @return the equations of motion of this case: gravitation and the aerodynamics, on a rigid body */
    public RigidBodyDynamics dynamics() {
        return dynamics(List.of());
    }

    private RigidBodyDynamics dynamics(List<ForceModel> extra) {
        List<ForceModel> models = new ArrayList<>(List.of(new Gravitation(), aerodynamics));
        models.addAll(extra);
        return new RigidBodyDynamics(environment, MassModel.rigid(massKg, inertia), models);
    }

    /**
     * @param monitor cancellation
     * @return the flight, sampled every output step; with turbulence or gusts, the air's gust is stepped at the
     *         integrator's step and held over it, and the samples' air data include it
     */
    @Override
    public Flight fly(IProgressMonitor monitor, List<ForceModelProvider> providers) {
        List<ForceModelProvider.Contribution> added = ForceModelProvider.contributions(providers, new ForceModelProvider.BodyDescription(
            description, new MassProperties(massKg, Vector3D.ZERO, inertia, MassProperties.CONSTANT)));
        List<String> notes = added.stream().map(c -> "force model added by the service '" + c.provider() + "'").toList();
        Flight flight = flyWith(dynamics(added.stream().map(ForceModelProvider.Contribution::model).toList()), monitor);
        return new Flight(flight.samples(), flight.end(), notes);
    }

    private Flight flyWith(RigidBodyDynamics dynamics, IProgressMonitor monitor) {
        SixDofPropagator propagator = new SixDofPropagator(dynamics, maxStepS);
        RigidBodyState start = initial.toState(environment.earth(), massKg);
        AirDisturbances air = new AirDisturbances(turbulence == null ? null : new DrydenTurbulence(turbulenceSeed, turbulence), gusts);
        if (!air.any()) {
            SixDofPropagator.Result r = propagator.propagate(start, durationS, outputStepS, monitor);
            List<SixDofSample> samples = new ArrayList<>(r.samples().size());
            for (RigidBodyState s : r.samples()) {
                samples.add(SixDofSample.of(dynamics.conditions(s, EffectorPositions.NONE)));
            }
            return new Flight(List.copyOf(samples), r.end());
        }
        List<SixDofSample> samples = new ArrayList<>();
        RigidBodyState s = start;
        Vector3D gust = air.next(dynamics.conditions(s, EffectorPositions.NONE), 0);
        samples.add(SixDofSample.of(dynamics.conditions(s, EffectorPositions.NONE, gust)));
        long outputs = Math.round(Math.ceil(durationS / outputStepS - 1e-9));
        for (long k = 1; k <= outputs; k++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            double target = Math.min(k * outputStepS, durationS);
            int n = (int) Math.ceil((target - (s.timeS() - start.timeS())) / maxStepS - 1e-9);
            for (int i = 0; i < n; i++) {
                double dt = i == n - 1 ? target - (s.timeS() - start.timeS()) : (target - (s.timeS() - start.timeS())) / (n - i);
                gust = air.next(dynamics.conditions(s, EffectorPositions.NONE), dt);
                SixDofPropagator.Step step = propagator.advance(s, dt, EffectorPositions.NONE, gust);
                s = step.state();
                if (step.ended()) {
                    samples.add(SixDofSample.of(dynamics.conditions(s, EffectorPositions.NONE, gust)));
                    return new Flight(List.copyOf(samples), step.ground() ? SixDofPropagator.End.GROUND : SixDofPropagator.End.EVENT);
                }
            }
            samples.add(SixDofSample.of(dynamics.conditions(s, EffectorPositions.NONE, gust)));
        }
        return new Flight(List.copyOf(samples), SixDofPropagator.End.DURATION);
    }
}
