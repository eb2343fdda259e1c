package org.launchbench.trajectory.ascent;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.core.RunFailedException;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.guidance.InsertionTarget;
import org.launchbench.vehicle.model.LaunchVehicle;

/**
 * The largest payload a vehicle puts into an orbit from a site: bisection on the payload mass over full
 * ascents (each flown by {@link AscentSimulator}), between a mass that reaches the orbit and one that does not,
 * with the lofting (the flight-path angle at last-stage ignition) optimised for the payload found
 * ({@link AscentSimulator#bestFlightPathAngle}).
 * Resolution {@value #RESOLUTION_KG} kg, far below the uncertainty of any vehicle's published masses.
 */
public final class PayloadCapability {

    /** Bisection stops when the bracket is this narrow, kg. */
    public static final double RESOLUTION_KG = 10;
    /** Propellant left per kilogram of payload before two ascents have measured it (Falcon 9: 1.1 measured). */
    static final double SLOPE_GUESS = 1;
    /** The smallest slope a step trusts (a flatter one would step far past the root). */
    static final double MIN_SLOPE = 0.2;
    /** Ascents allowed in one search. */
    static final int MAX_STEPS = 60;

    private final AscentSimulator ascent;

    /** @param ascent the simulator to fly each trial with */
    public PayloadCapability(AscentSimulator ascent) {
        // the largest payload leaves nothing to waste: a solid last stage is judged by whether it reaches the energy
        this.ascent = ascent.cuttingSolidsOff();
    }

    /**
     * @param vehicle           the vehicle
     * @param site              launch point
     * @param groundAzimuth     launch azimuth relative to the ground, rad
     * @param firstStageReserve propellant kept for first-stage recovery, kg
     * @param target            the orbit
     * @param monitor           progress and cancellation
     * @return the largest payload, kg (rounded down to the resolution)
     * @throws RunFailedException when the vehicle cannot reach the orbit even without payload
     */
    public double solve(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double firstStageReserve,
                        InsertionTarget target, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Payload of " + vehicle.getName(), 100);
        AscentSimulator simulator = ascent;
        Reached feasible = firstFeasible(simulator, vehicle, site, groundAzimuth, firstStageReserve, target, progress);
        if (feasible == null) {
            double deg = ascent.bestFlightPathAngle(vehicle, site, groundAzimuth, 0, firstStageReserve, target, progress.split(10));
            if (!Double.isNaN(deg)) {
                simulator = ascent.withFlightPathAngle(deg);
                feasible = firstFeasible(simulator, vehicle, site, groundAzimuth, firstStageReserve, target, progress);
            }
            if (feasible == null) {
                throw new RunFailedException(vehicle.getName() + " cannot reach this orbit with any payload");
            }
        }
        // payload at one lofting, then the best lofting for that payload and the payload again: the best angle
        // moves little with the payload, so two rounds settle it
        double payload = bisect(simulator, feasible, vehicle, site, groundAzimuth, firstStageReserve, target, progress);
        for (int round = 0; round < 2; round++) {
            double deg = ascent.bestFlightPathAngle(vehicle, site, groundAzimuth, payload, firstStageReserve, target,
                progress.split(10));
            if (Double.isNaN(deg) || deg == simulator.profile().upperStageFlightPathAngleDeg()) {
                break;
            }
            simulator = ascent.withFlightPathAngle(deg);
            double left = left(simulator, vehicle, site, groundAzimuth, payload, firstStageReserve, target, progress);
            if (!Double.isNaN(left)) {
                payload = Math.max(payload, bisect(simulator, new Reached(payload, left), vehicle, site, groundAzimuth,
                    firstStageReserve, target, progress));
            }
        }
        return Math.floor(payload / RESOLUTION_KG) * RESOLUTION_KG;
    }

    /**
     * The largest payload at one lofting (a lofting chosen with something else than this payload's mass at insertion in
     * mind: the recovery's reserve, {@link RecoveredPayload}).
     *
     * @param loftingDeg the last stage's flight-path angle at ignition, degrees
     * @return as {@link #solve}
     * @throws RunFailedException when no payload reaches the orbit at this lofting
     */
    public double solveAt(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double firstStageReserve,
                          InsertionTarget target, double loftingDeg, IProgressMonitor monitor) {
        return solveAt(vehicle, site, groundAzimuth, firstStageReserve, target, loftingDeg, Double.NaN, monitor);
    }

    /**
     * As {@link #solveAt(LaunchVehicle, EarthModel.Geodetic, double, double, InsertionTarget, double, IProgressMonitor)},
     * searching up from a payload known to reach the orbit there (a flown mission's own).
     *
     * @param feasibleKg a payload that reaches the orbit at this lofting and reserve, kg (NaN: none known)
     */
    public double solveAt(LaunchVehicle vehicle, EarthModel.Geodetic site, double groundAzimuth, double firstStageReserve,
                          InsertionTarget target, double loftingDeg, double feasibleKg, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Payload of " + vehicle.getName(), 100);
        AscentSimulator simulator = ascent.withFlightPathAngle(loftingDeg);
        Reached feasible;
        if (Double.isNaN(feasibleKg)) {
            feasible = firstFeasible(simulator, vehicle, site, groundAzimuth, firstStageReserve, target, progress);
        } else {
            double left = left(simulator, vehicle, site, groundAzimuth, feasibleKg, firstStageReserve, target, progress);
            if (Double.isNaN(left)) {
                throw new RunFailedException(String.format(java.util.Locale.ROOT, "%s does not reach this orbit with the %.0f kg it"
                    + " was known to carry", vehicle.getName(), feasibleKg));
            }
            feasible = new Reached(feasibleKg, left);
        }
        if (feasible == null) {
            throw new RunFailedException(String.format(java.util.Locale.ROOT, "%s cannot reach this orbit with any payload lofted to"
                + " %.1f deg while its first stage keeps %.0f kg", vehicle.getName(), loftingDeg, firstStageReserve));
        }
        double payload = bisect(simulator, feasible, vehicle, site, groundAzimuth, firstStageReserve, target, progress);
        return Math.floor(payload / RESOLUTION_KG) * RESOLUTION_KG;
    }

    /**
     * The lightest payload of 0, 100, 200, 400 ... kg that reaches the orbit. Not always 0: a stack whose lower
     * stages throw a light payload above a low target cannot coast to it (a kick-stage ascent).
     *
     * @return it and the propellant it leaves, null when none up to 1000 t does
     */
    private static Reached firstFeasible(AscentSimulator simulator, LaunchVehicle vehicle, EarthModel.Geodetic site,
                                         double groundAzimuth, double firstStageReserve, InsertionTarget target, SubMonitor progress) {
        for (double p = 0; p <= 1e6; p = p == 0 ? 100 : 2 * p) {
            double left = left(simulator, vehicle, site, groundAzimuth, p, firstStageReserve, target, progress);
            if (!Double.isNaN(left)) {
                return new Reached(p, left);
            }
        }
        return null;
    }

    /** A payload that reaches the orbit and the last stage's propellant it leaves at insertion, kg. */
    private record Reached(double payloadKg, double leftKg) {
    }

    /**
     * The largest payload above one that reaches the orbit. The last stage's propellant left at insertion falls almost
     * linearly with the payload (by about a kilogram per kilogram: a heavier payload also slows the lower stages), so
     * secant steps on it aim at the payload that leaves none, each {@value #RESOLUTION_KG}/2 kg short of it; a payload
     * that fails bounds the search from above, a step that would pass that bound is a bisection, and the search ends when
     * the bracket is {@value #RESOLUTION_KG} kg wide (a few ascents where bisection takes many: docs/trajectory.md).
     */
    private double bisect(AscentSimulator simulator, Reached feasible, LaunchVehicle vehicle, EarthModel.Geodetic site,
                          double groundAzimuth, double firstStageReserve, InsertionTarget target, SubMonitor progress) {
        double lo = feasible.payloadKg();
        double leftLo = feasible.leftKg();
        double hi = Double.POSITIVE_INFINITY;
        double slope = SLOPE_GUESS;
        for (int step = 0; hi - lo > RESOLUTION_KG; step++) {
            if (step == MAX_STEPS) {
                throw new RunFailedException("the payload search did not settle in " + MAX_STEPS + " ascents: check the vehicle's masses");
            }
            double next = Math.max(lo + RESOLUTION_KG, lo + leftLo / slope - RESOLUTION_KG / 2);
            if (next >= hi) {
                next = (lo + hi) / 2;
            }
            if (next > 1e6) {
                throw new RunFailedException("payload search diverged above 1000 t: check the vehicle's masses");
            }
            double left = left(simulator, vehicle, site, groundAzimuth, next, firstStageReserve, target, progress);
            if (Double.isNaN(left)) {
                hi = next;
                continue;
            }
            double measured = (leftLo - left) / (next - lo);
            if (measured > MIN_SLOPE && Double.isFinite(measured)) {
                slope = measured;
            }
            lo = next;
            leftLo = left;
        }
        return lo;
    }

    /** The propellant left at insertion with a payload, kg; NaN when it does not reach the orbit. */
    private static double left(AscentSimulator simulator, LaunchVehicle vehicle, EarthModel.Geodetic site, double azimuth,
                               double payload, double reserve, InsertionTarget target, SubMonitor progress) {
        progress.setWorkRemaining(20);
        try {
            // a trial of the search: the last stage's steering as solved at ignition (the closed loop's cut-off in a nominal
            // flight, to centimetres)
            double left = simulator.withGuidanceCycle(Double.POSITIVE_INFINITY).fly(vehicle, site, azimuth, payload, reserve, target,
                progress.split(1)).propellantLeftKg();
            return Math.max(0, left);
        } catch (RunFailedException e) {
            return Double.NaN;
        }
    }
}
