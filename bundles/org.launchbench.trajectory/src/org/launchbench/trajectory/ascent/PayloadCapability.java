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
        double feasible = firstFeasible(simulator, vehicle, site, groundAzimuth, firstStageReserve, target, progress);
        if (Double.isNaN(feasible)) {
            double deg = ascent.bestFlightPathAngle(vehicle, site, groundAzimuth, 0, firstStageReserve, target, progress.split(10));
            if (!Double.isNaN(deg)) {
                simulator = ascent.withFlightPathAngle(deg);
                feasible = firstFeasible(simulator, vehicle, site, groundAzimuth, firstStageReserve, target, progress);
            }
            if (Double.isNaN(feasible)) {
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
            if (reaches(simulator, vehicle, site, groundAzimuth, payload, firstStageReserve, target, progress)) {
                payload = Math.max(payload, bisect(simulator, payload, vehicle, site, groundAzimuth, firstStageReserve, target,
                    progress));
            }
        }
        return Math.floor(payload / RESOLUTION_KG) * RESOLUTION_KG;
    }

    /**
     * The lightest payload of 0, 100, 200, 400 ... kg that reaches the orbit. Not always 0: a stack whose lower
     * stages throw a light payload above a low target cannot coast to it (a kick-stage ascent).
     *
     * @return kg, NaN when none up to 1000 t does
     */
    private static double firstFeasible(AscentSimulator simulator, LaunchVehicle vehicle, EarthModel.Geodetic site,
                                        double groundAzimuth, double firstStageReserve, InsertionTarget target, SubMonitor progress) {
        for (double p = 0; p <= 1e6; p = p == 0 ? 100 : 2 * p) {
            if (reaches(simulator, vehicle, site, groundAzimuth, p, firstStageReserve, target, progress)) {
                return p;
            }
        }
        return Double.NaN;
    }

    /** Bisection above a payload that reaches the orbit. */
    private double bisect(AscentSimulator simulator, double feasible, LaunchVehicle vehicle, EarthModel.Geodetic site,
                          double groundAzimuth, double firstStageReserve, InsertionTarget target, SubMonitor progress) {
        double lo = feasible;
        double hi = Math.max(1_000, 2 * feasible);
        while (reaches(simulator, vehicle, site, groundAzimuth, hi, firstStageReserve, target, progress)) {
            lo = hi;
            hi *= 2;
            if (hi > 1e6) {
                throw new RunFailedException("payload search diverged above 1000 t: check the vehicle's masses");
            }
        }
        while (hi - lo > RESOLUTION_KG) {
            double mid = (lo + hi) / 2;
            if (reaches(simulator, vehicle, site, groundAzimuth, mid, firstStageReserve, target, progress)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean reaches(AscentSimulator simulator, LaunchVehicle vehicle, EarthModel.Geodetic site, double azimuth,
                                   double payload, double reserve, InsertionTarget target, SubMonitor progress) {
        progress.setWorkRemaining(20);
        try {
            simulator.fly(vehicle, site, azimuth, payload, reserve, target, progress.split(1));
            return true;
        } catch (RunFailedException e) {
            return false;
        }
    }
}
