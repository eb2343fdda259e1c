package org.launchbench.trajectory.ascent;

import static org.launchbench.vehicle.model.figures.VehicleFigures.usable;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.dynamics.Aerodynamics;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.dynamics.PointMassDynamics;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.trajectory.dynamics.Steering;
import org.launchbench.trajectory.dynamics.Winds;
import org.launchbench.trajectory.flight.Flight;
import org.launchbench.trajectory.flight.PitchProgram;
import org.launchbench.trajectory.guidance.InsertionGuidance;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.figures.VehicleFigures;

/**
 * Flies a vehicle from the pad to orbit insertion: strap-ons with their core, each lower stage on an open-loop
 * pitch program and gravity turn to burnout and separation, then the last stage on {@link InsertionGuidance}.
 * The pitch-over angle is solved (bisection) so that the last stage ignites at the profile's flight-path
 * angle, which is what makes the upper-stage burn efficient and the guidance well-posed.
 * <p>
 * Simplifications, stated: stages separate and the next ignites at once (no coast); the fairing is dropped when
 * the last stage ignites; the first stage keeps its recovery reserve (it is not burned on ascent).
 */
public final class AscentSimulator {

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final AscentProfile profile;

    /**
     * @param earth      the Earth
     * @param atmosphere the atmosphere
     * @param profile    the ascent's open-loop parameters
     */
    public AscentSimulator(EarthModel earth, Atmosphere atmosphere, AscentProfile profile) {
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.profile = profile;
    }

    /**
     * @param vehicle         the vehicle (valid)
     * @param site            the launch point
     * @param groundAzimuth   launch azimuth relative to the ground, rad
     * @param payloadMass     payload (and adapter), kg
     * @param firstStageReserve propellant the first stage keeps for its recovery, kg
     * @param target          the insertion target
     * @param monitor         progress and cancellation
     * @return the flown ascent
     * @throws RunFailedException when the vehicle cannot lift off or cannot reach the target
     */
    public AscentResult fly(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double payloadMass,
                            double firstStageReserve, InsertionTarget target, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Ascent of " + vehicle.getName(), 20);
        // the pitch-over angle that puts the last stage's ignition at the profile's flight-path angle: more kick,
        // flatter trajectory, so bisection on the kick; a trial that falls back to the ground counts as too flat
        double lo = Math.toRadians(0.2);
        double hi = Math.toRadians(30);
        if (gammaError(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, lo) < 0) {
            throw new RunFailedException(vehicle.getName() + " cannot climb steeply enough for its last stage even with the"
                + " smallest pitch-over (the upper stage would ignite below " + profile.upperStageFlightPathAngleDeg() + " deg)");
        }
        while (hi - lo > Math.toRadians(0.001)) {
            progress.setWorkRemaining(20);
            progress.split(1);
            double mid = (lo + hi) / 2;
            if (gammaError(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double k1 = (lo + hi) / 2;
        progress.setWorkRemaining(5);
        Lower lower;
        try {
            lower = lowerStages(vehicle, site, groundAzimuth, payloadMass, firstStageReserve, k1);
        } catch (FellBack e) {
            throw new RunFailedException(vehicle.getName() + " falls back to the ground before its last stage ignites", e);
        }
        Flight flight = lower.flight();
        List<Stage> stages = vehicle.getStages();
        Stage upper = stages.get(stages.size() - 1);
        Propulsion prop = Propulsion.of(upper);
        if (vehicle.getFairing() != null) {
            flight.drop(vehicle.getFairing().getMass());
        }
        double[] y = flight.state();
        double burnout = y[6] - usable(upper);
        InsertionGuidance guidance = new InsertionGuidance(earth, atmosphere, prop, Aerodynamics.NONE);
        InsertionGuidance.Solution solution = guidance.solve(flight.time(), y, burnout, target, prop.throttleMax());
        progress.split(4);
        PointMassDynamics upperDynamics = new PointMassDynamics(earth, atmosphere, prop, Aerodynamics.NONE, solution.steering(),
            Winds.CALM);
        flight.mark(upper.getId() + "-ignition", upperDynamics);
        flight.fly(upperDynamics, -1, solution.cutoffTime() - flight.time(), "orbit-insertion");
        return new AscentResult(flight.events(), flight.samples(), solution.cutoffTime(), solution.cutoff(), k1);
    }

    private double gammaError(LaunchVehicle vehicle, EarthModel.Geodetic site, double azimuth, double payload, double reserve,
                              double kick) {
        try {
            return lowerStages(vehicle, site, azimuth, payload, reserve, kick).gammaError();
        } catch (FellBack e) {
            return -Math.PI;
        }
    }

    /** A trial trajectory came back to the ground after liftoff: the pitch-over was too strong. */
    private static final class FellBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** The lower stages flown with one kick angle, and how far the last stage's ignition misses the flight-path angle. */
    private record Lower(Flight flight, double gammaError) {
    }

    private Lower lowerStages(LaunchVehicle vehicle, EarthModel.Geodetic site, double azimuth, double payload,
                              double reserve, double kick) {
        List<Stage> stages = vehicle.getStages();
        Flight flight = new Flight(earth, site, VehicleFigures.of(vehicle, payload).liftoffMass(), profile.sampleInterval());
        Steering steering = new PitchProgram(earth, profile.riseTime(), profile.kickDuration(), kick, azimuth, t -> 1);
        int i = 0;
        if (stages.get(0).isStrapOn() && stages.size() > 2) {
            Stage boosters = stages.get(0);
            Stage core = stages.get(1);
            Propulsion both = Propulsion.of(boosters).plus(Propulsion.of(core));
            double t = Math.min(usable(boosters) / Propulsion.of(boosters).massFlow(1), usable(core) / Propulsion.of(core).massFlow(1));
            PointMassDynamics d = new PointMassDynamics(earth, atmosphere, both, Aerodynamics.of(boosters), steering, Winds.CALM);
            requireLiftoff(flight.fly(d, -1, t, "boosters-burnout"), flight, vehicle);
            flight.drop(boosters.getDryMass() + boosters.getPropellantMass() - Propulsion.of(boosters).massFlow(1) * t);
            flight.mark("boosters-separation", d);
            // the core continues with what it has left
            double coreLeft = usable(core) - Propulsion.of(core).massFlow(1) * t;
            PointMassDynamics c = new PointMassDynamics(earth, atmosphere, Propulsion.of(core), Aerodynamics.of(core), steering, Winds.CALM);
            if (coreLeft > 1) {
                flight.fly(c, flight.state()[6] - coreLeft, 1e5, core.getId() + "-burnout");
            } else {
                // boosters and core burn out together (identical motors): the core separates now
                flight.mark(core.getId() + "-burnout", c);
            }
            flight.drop(core.getDryMass() + core.getResidualPropellantMass());
            flight.mark(core.getId() + "-separation", c);
            i = 2;
        }
        for (; i < stages.size() - 1; i++) {
            Stage s = stages.get(i);
            double keep = i == 0 ? reserve : 0;
            PointMassDynamics d = new PointMassDynamics(earth, atmosphere, Propulsion.of(s), Aerodynamics.of(s), steering, Winds.CALM);
            Flight.End end = flight.fly(d, flight.state()[6] - (usable(s) - keep), 1e5, i == 0 ? "meco" : s.getId() + "-burnout");
            requireLiftoff(end, flight, vehicle);
            flight.drop(s.getDryMass() + s.getResidualPropellantMass() + keep);
            flight.mark(i == 0 ? "stage-separation" : s.getId() + "-separation", d);
        }
        double[] y = flight.state();
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]).subtract(Vector3D.crossProduct(earth.rotation(), r));
        double gamma = Math.asin(Vector3D.dotProduct(r, v) / (r.getNorm() * v.getNorm()));
        return new Lower(flight, gamma - Math.toRadians(profile.upperStageFlightPathAngleDeg()));
    }

    private static void requireLiftoff(Flight.End end, Flight flight, LaunchVehicle vehicle) {
        if (end != Flight.End.GROUND) {
            return;
        }
        if (flight.time() < 2) {
            throw new RunFailedException(vehicle.getName() + " cannot lift off with this payload (liftoff thrust-to-weight below 1)");
        }
        throw new FellBack();
    }
}
