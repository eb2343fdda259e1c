package org.launchbench.trajectory.ascent;

import java.util.Locale;

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
import org.launchbench.trajectory.guidance.ClosedLoopBurn;
import org.launchbench.trajectory.guidance.InsertionGuidance;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.trajectory.orbit.OrbitGeometry;
import org.launchbench.vehicle.model.Stage;

/**
 * The last stage's part of an ascent: its burns, solved at ignition and flown closed-loop ({@link ClosedLoopBurn}; a
 * solid stage burned to depletion as solved), and the coasts between them, which end half a burn before the apogee or
 * the node so that the burn straddles it. {@link AscentSimulator} assembles the ascent from it.
 */
final class LastStage {

    private final EarthModel earth;
    private final Atmosphere atmosphere;
    private final Propulsion rated;
    private final ClosedLoopBurn.Engines engines;
    private final double guidanceCycle;
    private final InsertionGuidance guidance;
    private final PointMassDynamics coast;

    /**
     * @param earth         the Earth
     * @param atmosphere    the atmosphere
     * @param stage         the last stage (its rating is what its guidance knows)
     * @param engines       its engines as they burn
     * @param guidanceCycle seconds between guidance cycles (+∞: the steering as solved at ignition)
     */
    LastStage(EarthModel earth, Atmosphere atmosphere, Stage stage, ClosedLoopBurn.Engines engines, double guidanceCycle) {
        this.earth = earth;
        this.atmosphere = atmosphere;
        this.rated = Propulsion.of(stage);
        this.engines = engines;
        this.guidanceCycle = guidanceCycle;
        this.guidance = new InsertionGuidance(earth, atmosphere, rated, Aerodynamics.NONE);
        this.coast = new PointMassDynamics(earth, atmosphere, Propulsion.NONE, Aerodynamics.NONE, Steering.COAST, Winds.CALM);
    }

    /**
     * @param stage        the last stage
     * @param thrustFactor its real thrust over its rating
     * @param ispFactor    its real specific impulse over its rating
     * @param failures     the failures that happen to it
     * @return its engines as they burn
     */
    static ClosedLoopBurn.Engines engines(Stage stage, double thrustFactor, double ispFactor, AscentFailures failures) {
        Propulsion real = Propulsion.of(stage).deviated(thrustFactor, ispFactor);
        if (failures.isEmpty()) {
            return ClosedLoopBurn.Engines.constant(real);
        }
        int count = stage.getEngines().stream().mapToInt(c -> c.getCount()).sum();
        return new ClosedLoopBurn.Engines() {
            @Override
            public Propulsion at(double t) {
                return failures.at(real, count, t);
            }

            @Override
            public double nextChange(double t) {
                return failures.times().stream().filter(x -> x > t).findFirst().orElse(Double.POSITIVE_INFINITY);
            }

            @Override
            public String changeEvent(double t) {
                return failures.event(t);
            }
        };
    }

    /**
     * Solves one burn from the flight's current state and flies it.
     *
     * @param flight      the flight, at ignition
     * @param ignition    the ignition's event
     * @param burnoutMass mass with the usable propellant gone (a jettison pending at ignition still on board), kg
     * @param target      where the burn ends
     * @param cutoff      the cut-off's event
     * @param toDepletion a solid stage burned out (its excess wasted by steering), as solved at ignition
     * @return the burn as flown
     * @throws RunFailedException naming the burn and its target when it cannot reach it
     */
    AscentResult.Burn burn(Flight flight, String ignition, double burnoutMass, InsertionTarget target, String cutoff,
                           boolean toDepletion) {
        double t0 = flight.time();
        try {
            InsertionGuidance.Solution solution = toDepletion
                ? guidance.solveToDepletion(t0, flight.state(), burnoutMass, target, flight.pendingJettison())
                : guidance.solve(t0, flight.state(), burnoutMass, target, rated.throttleMax(), flight.pendingJettison());
            PointMassDynamics d = new PointMassDynamics(earth, atmosphere, engines.at(t0), Aerodynamics.NONE, solution.steering(),
                Winds.CALM);
            flight.mark(ignition, d);
            if (toDepletion) {
                flight.fly(d, -1, solution.cutoffTime() - flight.time(), cutoff);
                return new AscentResult.Burn(t0, solution.cutoffTime(), solution.steering(), 1);
            }
            ClosedLoopBurn.Result flown = new ClosedLoopBurn(earth, atmosphere, rated, guidanceCycle)
                .fly(flight, engines, solution, burnoutMass, target, cutoff);
            return new AscentResult.Burn(t0, flown.cutoffTime(), flown.steering(), flown.cycles());
        } catch (RunFailedException e) {
            double re = earth.equatorialRadius();
            throw new RunFailedException(String.format(Locale.ROOT, "%s (burn from %.0f s into %.0f x %.0f km, cut-off at %.0f km): %s",
                ignition, t0, (target.perigeeRadius() - re) / 1000, (target.apogeeRadius() - re) / 1000,
                (target.insertionRadius() - re) / 1000, e.getMessage()), e);
        }
    }

    /** Coasts until half the burn that will raise the orbit to the target at apogee is left before apogee. */
    void coastToApogee(Flight flight, InsertionTarget target) {
        double[] y = flight.state();
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]);
        double mu = earth.mu();
        double[] apo = OrbitGeometry.apoapsis(mu, r, v);
        if (!Double.isFinite(apo[0])) {
            throw new RunFailedException("the stack is on an escape trajectory before its last burn; the target is too low");
        }
        double a = 1 / (2 / r.getNorm() - v.getNormSq() / mu);
        double speedAtApogee = Math.sqrt(mu * (2 / apo[0] - 1 / a));
        double lead = halfBurn(y[6], Math.abs(target.speedAt(mu, target.apogeeRadius()) - speedAtApogee));
        flight.mark("coast-start", coast);
        if (apo[1] > lead) {
            flight.fly(coast, -1, apo[1], "coast-end", s -> {
                double[] q = s.getPrimaryState();
                return lead - OrbitGeometry.apoapsis(mu, new Vector3D(q[0], q[1], q[2]), new Vector3D(q[3], q[4], q[5]))[1];
            });
        } else {
            flight.mark("coast-end", coast);
        }
    }

    /**
     * Coasts in the parking orbit until half the burn at its next node (equator crossing) is left before the node, so
     * that the burn that turns the plane straddles it. The burn's Δv is the law of cosines on the speeds and the plane
     * turned ({@link PlaneChange}); the time to the node is the angle to it over the orbit's angular rate (the parking
     * orbit is circular).
     */
    void coastToNode(Flight flight, InsertionTarget target) {
        double[] y = flight.state();
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]);
        double speed = v.getNorm();
        double angle = Math.max(0, Vector3D.angle(Vector3D.crossProduct(r, v), Vector3D.PLUS_K) - target.inclination());
        double after = target.speedAt(earth.mu(), r.getNorm());
        double lead = halfBurn(y[6], Math.sqrt(speed * speed + after * after - 2 * speed * after * Math.cos(angle)));
        flight.mark("coast-start", coast);
        if (timeToNode(y) <= lead) {
            // too near this node for the burn to straddle it: the next one, half an orbit on
            flight.fly(coast, -1, timeToNode(y) + 1, null);
        }
        double[] from = flight.state();
        flight.fly(coast, -1, timeToNode(from), "coast-end", s -> lead - timeToNode(s.getPrimaryState()));
    }

    /** @return half the time the stage's engines take to give a Δv (m/s) from a mass (kg), by the rocket equation, s */
    private double halfBurn(double mass, double deltaV) {
        double exhaust = rated.vacuumThrust() / rated.massFlow();
        return mass * (1 - Math.exp(-deltaV / exhaust)) / rated.massFlow(rated.throttleMax()) / 2;
    }

    /** @return the time to the next node of the orbit through a state, s (circular orbit) */
    private static double timeToNode(double[] y) {
        Vector3D r = new Vector3D(y[0], y[1], y[2]);
        Vector3D v = new Vector3D(y[3], y[4], y[5]);
        Vector3D h = Vector3D.crossProduct(r, v);
        Vector3D node = Vector3D.crossProduct(Vector3D.PLUS_K, h);
        if (node.getNorm() < 1e-9 * h.getNorm()) {
            return 0;
        }
        node = node.normalize();
        // the argument of latitude, measured from the ascending node in the direction of motion
        double u = Math.atan2(Vector3D.dotProduct(Vector3D.crossProduct(h.normalize(), node), r), Vector3D.dotProduct(node, r));
        double toNode = u < 0 ? -u : Math.PI - u;
        return toNode / (v.getNorm() / r.getNorm());
    }
}
