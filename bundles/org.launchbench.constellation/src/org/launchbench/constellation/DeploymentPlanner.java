package org.launchbench.constellation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.launchbench.core.InvalidInputException;
import org.launchbench.core.PhysicalConstants;
import org.launchbench.trajectory.dynamics.EarthModel;

/**
 * Plans a constellation's deployment: which launch opportunities to use, which planes each launch fills, when each
 * satellite is on station.
 * <p>
 * Greedy, in three passes (docs/constellation.md): (1) the launchers' opportunities (first date + k × cadence) are
 * ordered by the objective (largest first for the fewest launches, cheapest per satellite for cost, earliest for
 * time); (2) each opportunity in turn goes to the plane from which it places the most satellites (the fullest of
 * those, so that planes complete one after another) and, when drifting, on to the next planes in the direction J2
 * turns the parking orbit, as far as the drift limit and its capacity allow; (3) the launches used are flown in date
 * order, each at the instant that day when the site passes under its insertion plane, and every satellite's
 * separation, drift, raise and phasing are timed. O(N log N + P² log P + L P R + T) for N opportunities, P planes, L
 * launches flown, R planes within a drift's reach (1 when direct) and T satellites. Not optimal: a greedy heuristic.
 */
public final class DeploymentPlanner {

    private static final double DAY = 86_400;

    private final NodalPrecession j2;

    /** @param earth the Earth (μ, Re, J2, flattening) */
    public DeploymentPlanner(EarthModel earth) {
        this.j2 = new NodalPrecession(earth);
    }

    /** @return the J2 model the planner uses */
    public NodalPrecession precession() {
        return j2;
    }

    /** A launch opportunity and the groups assigned to it. */
    private record Assigned(Launcher launcher, Instant date, List<DeploymentPlan.Group> groups, int target) {
    }

    private record Opportunity(Launcher launcher, Instant date) {
        double costPerSatellite() {
            return launcher.cost() / launcher.satellites();
        }
    }

    /**
     * @param design    the constellation
     * @param launchers the vehicles, sites and cadences available
     * @param satellite the satellites
     * @param strategy  direct or drift
     * @param objective what to prefer
     * @param deadline  the constellation must be complete by then (null: no deadline)
     * @param source    the spec file, for error messages
     * @return the plan
     * @throws InvalidInputException when the launches allowed cannot carry the constellation, a site cannot reach a
     *                               plane, a satellite cannot give the Δv, or the plan misses the deadline
     */
    public DeploymentPlan plan(ConstellationDesign design, List<Launcher> launchers, Satellite satellite, Strategy strategy,
                               Objective objective, Instant deadline, String source) {
        List<Plane> planes = design.planes();
        int planeCount = planes.size();
        boolean drift = strategy.kind() == Strategy.Kind.DRIFT;
        if (drift) {
            for (Plane p : planes) {
                if (p.altitude() != planes.get(0).altitude() || p.inclination() != planes.get(0).inclination()) {
                    throw InvalidInputException.because("needs every plane at one altitude and inclination (J2 drift moves a node,"
                        + " not an inclination)").source(source).element("strategy").value("drift")
                        .fix("use \"direct\" for this design").build();
                }
            }
            if (strategy.parkingAltitude() == planes.get(0).altitude() && strategy.inclinationOffset() == 0) {
                throw InvalidInputException.because("equals the operational altitude and there is no inclination offset: nothing"
                    + " would drift").source(source).element("strategy.parking_altitude_km").value(strategy.parkingAltitude() / 1000)
                    .fix("park lower (or higher), or give inclination_offset_deg").build();
            }
        }
        // opportunities, in the objective's order
        List<Opportunity> opportunities = new ArrayList<>();
        long capacity = 0;
        for (Launcher l : launchers) {
            for (int k = 0; k < l.maxLaunches(); k++) {
                opportunities.add(new Opportunity(l, l.firstLaunch().plusSeconds(Math.round(k * l.cadenceDays() * DAY))));
            }
            capacity += (long) l.satellites() * l.maxLaunches();
        }
        if (capacity < design.satellites()) {
            throw InvalidInputException.because(String.format("too few launches: the %d launches allowed carry %d satellites at"
                + " most, the constellation has %d", opportunities.size(), capacity, design.satellites())).source(source)
                .element("launchers").fix("allow more launches (max_launches), add a launcher or use a larger dispenser").build();
        }
        for (Plane p : planes) {
            if (launchers.stream().noneMatch(l -> l.satellitesFor(p.index()) > 0)) {
                throw InvalidInputException.because(String.format("no launcher can carry a satellite into plane %d (%.0f km, %.2f deg)",
                    p.index(), p.altitude() / 1000, Math.toDegrees(p.inclination()))).source(source).element("launchers")
                    .fix("add a launcher that reaches it, or change the plane").build();
            }
        }
        Comparator<Opportunity> byDate = Comparator.comparing(Opportunity::date);
        Comparator<Opportunity> order = switch (objective) {
            case TIME -> byDate.thenComparing(o -> -o.launcher().satellites());
            case LAUNCHES -> Comparator.<Opportunity>comparingInt(o -> -o.launcher().satellites()).thenComparing(byDate);
            case COST -> Comparator.comparingDouble(Opportunity::costPerSatellite).thenComparing(byDate);
        };
        opportunities.sort(order);

        // assignment
        int[] empty = planes.stream().mapToInt(Plane::satellites).toArray();
        int left = design.satellites();
        double operational = j2.radius(planes.get(0).altitude());
        double relativeRate = drift ? relativeRate(planes.get(0), strategy) : 0;
        List<Assigned> used = new ArrayList<>();
        // for each plane, the planes its parked satellites reach within the drift limit, nearest first
        List<List<DeploymentPlan.Group>> reach = new ArrayList<>();
        for (Plane origin : planes) {
            List<DeploymentPlan.Group> r = new ArrayList<>();
            r.add(new DeploymentPlan.Group(origin.index(), 0, 0));
            if (drift) {
                double sign = Math.signum(relativeRate);
                List<Plane> ahead = new ArrayList<>(planes);
                ahead.remove(origin);
                ahead.sort(Comparator.comparingDouble(q -> separation(origin, q, sign)));
                for (Plane q : ahead) {
                    double days = separation(origin, q, sign) / Math.abs(relativeRate) / DAY;
                    if (days > strategy.maxDriftDays()) {
                        break;
                    }
                    r.add(new DeploymentPlan.Group(q.index(), 0, days));
                }
            }
            reach.add(r);
        }
        for (Opportunity o : opportunities) {
            if (left == 0) {
                break;
            }
            // launched into the plane from which it places the most satellites, then the fullest one (planes are
            // completed one after another, as operators fill them, rather than all together at the end), then the first
            int p0 = -1;
            int best = -1;
            for (int p = 0; p < planeCount; p++) {
                int capacityThere = o.launcher().satellitesFor(p);
                if (empty[p] == 0 || capacityThere == 0) {
                    continue;
                }
                int placed = 0;
                for (DeploymentPlan.Group g : reach.get(p)) {
                    placed += empty[g.plane()];
                    if (placed >= capacityThere) {
                        placed = capacityThere;
                        break;
                    }
                }
                if (placed > best || placed == best && empty[p] < empty[p0]) {
                    best = placed;
                    p0 = p;
                }
            }
            if (p0 < 0) {
                // this launcher serves none of the planes still to fill
                continue;
            }
            int room = o.launcher().satellitesFor(p0);
            List<DeploymentPlan.Group> groups = new ArrayList<>();
            for (DeploymentPlan.Group g : reach.get(p0)) {
                int m = Math.min(room, empty[g.plane()]);
                if (m > 0) {
                    groups.add(new DeploymentPlan.Group(g.plane(), m, g.driftDays()));
                    empty[g.plane()] -= m;
                    room -= m;
                    left -= m;
                }
                if (room == 0) {
                    break;
                }
            }
            used.add(new Assigned(o.launcher(), o.date(), groups, p0));
        }
        if (left > 0) {
            throw InvalidInputException.because(String.format("too few launches: %d satellites are left without a launch after all"
                + " %d opportunities (a launch fills %s)", left, opportunities.size(), drift ? "the planes its drift limit reaches"
                : "one plane only, so part of its capacity is lost when a plane needs fewer")).source(source).element("launchers")
                .fix("allow more launches (max_launches), a longer drift (max_drift_days) or a dispenser that divides the planes' "
                    + "satellites").build();
        }
        used.sort(Comparator.comparing(Assigned::date));

        // flights and timelines
        double inclinationOffset = drift ? strategy.inclinationOffset() : 0;
        Raise raise = drift ? raise(j2.radius(strategy.parkingAltitude()), operational, planes.get(0).inclination(), inclinationOffset,
            satellite) : new Raise(0, 0, 0);
        List<DeploymentPlan.Launch> launches = new ArrayList<>();
        List<DeploymentPlan.SatellitePlan> sats = new ArrayList<>();
        int[] nextSlot = new int[planeCount];
        int[] launchesPerPlane = new int[planeCount];
        Instant[] complete = new Instant[planeCount];
        double maxDv = 0;
        double maxPropellant = 0;
        double maxDrift = 0;
        double cost = 0;
        for (Assigned a : used) {
            Plane target = planes.get(a.target());
            double opRate = j2.nodalRate(j2.radius(target.altitude()), target.inclination());
            // inserted short of the plane by what the raise itself drifts, so that the satellites raised at once arrive in it
            double offset = -raise.drift();
            Window w = window(a.launcher(), a.date(), target, target.inclination() + inclinationOffset, opRate, offset, design.epoch(),
                source);
            int carried = a.groups().stream().mapToInt(DeploymentPlan.Group::satellites).sum();
            int index = launches.size();
            launches.add(new DeploymentPlan.Launch(index, a.launcher(), w.time(), w.ascending(), carried, a.target(), a.groups(),
                w.raan(), drift ? strategy.parkingAltitude() : target.altitude(), target.inclination() + inclinationOffset));
            cost += a.launcher().cost();
            Instant separation = w.time().plusMillis(Math.round(a.launcher().separationMinutes() * 60_000));
            for (DeploymentPlan.Group g : a.groups()) {
                Plane plane = planes.get(g.plane());
                launchesPerPlane[g.plane()]++;
                for (int j = 0; j < g.satellites(); j++) {
                    // released together, the group spreads both ways from its middle to its slots
                    double shift = Math.abs(j - (g.satellites() - 1) / 2.0) * 2 * Math.PI / plane.satellites();
                    double phasingDays = shift == 0 ? 0 : shift / phasingRate(plane, strategy) / DAY;
                    double dv = raise.deltaV() + (shift == 0 ? 0 : 2 * j2.hohmannDeltaV(j2.radius(plane.altitude()),
                        j2.radius(plane.altitude() + strategy.phasingOffset())));
                    double propellant = satellite.mass() * (1 - Math.exp(-dv / (satellite.isp() * PhysicalConstants.STANDARD_GRAVITY)));
                    if (dv > satellite.maxDeltaV()) {
                        throw InvalidInputException.because(String.format("cannot give the %.1f m/s its way to plane %d needs (raise %.1f"
                            + " m/s, phasing the rest)", dv, g.plane(), raise.deltaV())).source(source).element("satellite.max_delta_v_m_s")
                            .value(satellite.maxDeltaV()).fix("lower the parking orbit's offset or the phasing offset, or give the "
                                + "satellite more Δv").build();
                    }
                    double days = g.driftDays() + raise.days() + phasingDays;
                    Instant on = separation.plusMillis(Math.round(days * DAY * 1000));
                    sats.add(new DeploymentPlan.SatellitePlan(g.plane(), nextSlot[g.plane()]++, index, separation, g.driftDays(),
                        raise.days(), phasingDays, on, dv, propellant));
                    if (complete[g.plane()] == null || on.isAfter(complete[g.plane()])) {
                        complete[g.plane()] = on;
                    }
                    maxDv = Math.max(maxDv, dv);
                    maxPropellant = Math.max(maxPropellant, propellant);
                    maxDrift = Math.max(maxDrift, g.driftDays());
                }
            }
        }
        sats.sort(Comparator.comparingInt(DeploymentPlan.SatellitePlan::plane).thenComparingInt(DeploymentPlan.SatellitePlan::slot));
        List<DeploymentPlan.PlaneCompletion> completions = new ArrayList<>();
        Instant end = null;
        for (Plane p : planes) {
            completions.add(new DeploymentPlan.PlaneCompletion(p, launchesPerPlane[p.index()], complete[p.index()]));
            if (end == null || complete[p.index()].isAfter(end)) {
                end = complete[p.index()];
            }
        }
        double daysToComplete = Duration.between(design.epoch(), end).toMillis() / 1000.0 / DAY;
        if (deadline != null && end.isAfter(deadline)) {
            throw InvalidInputException.because(String.format("cannot be met: the plan completes on %s, %.0f days after it",
                end.toString().substring(0, 10), Duration.between(deadline, end).toMillis() / 1000.0 / DAY)).source(source)
                .element("deadline").value(deadline.toString().substring(0, 10))
                .fix("allow more launches, a shorter cadence or a later deadline").build();
        }
        return new DeploymentPlan(design, strategy, objective, List.copyOf(launches), List.copyOf(sats), List.copyOf(completions),
            new DeploymentPlan.Totals(design.satellites(), launches.size(), launches.get(0).time(), end, daysToComplete, maxDv,
                maxPropellant, maxDrift, cost));
    }

    /**
     * @return the rate at which a parking orbit's node moves relative to the operational plane's, rad/s (negative: it
     *         regresses faster, as a lower orbit does for a prograde plane)
     */
    public double relativeRate(Plane plane, Strategy strategy) {
        return j2.nodalRate(j2.radius(strategy.parkingAltitude()), plane.inclination() + strategy.inclinationOffset())
            - j2.nodalRate(j2.radius(plane.altitude()), plane.inclination());
    }

    /** @return the node angle from plane a to plane b in the direction sign (+1 increasing RAAN), rad in [0, 2π) */
    static double separation(Plane a, Plane b, double sign) {
        return SiderealTime.wrap(sign * (b.raan() - a.raan()));
    }

    private double phasingRate(Plane plane, Strategy strategy) {
        double r = j2.radius(plane.altitude());
        return Math.abs(j2.latitudeArgumentRate(r + strategy.phasingOffset(), plane.inclination())
            - j2.latitudeArgumentRate(r, plane.inclination()));
    }

    /**
     * The raise from the parking orbit to the operational one.
     *
     * @param deltaV m/s
     * @param days   its duration
     * @param drift  the node angle the satellite gains on the operational plane during it, rad
     */
    record Raise(double deltaV, double days, double drift) {
    }

    /**
     * Impulsive: a Hohmann transfer with the plane change in its second burn, Δv₂ = √(p² + v² − 2 p v cos Δi)
     * (p the transfer orbit's speed there; a single burn 2 v sin(Δi/2) when only the inclination changes), the node
     * rate of the transfer orbit's mean radius for half its period. Low thrust: Edelbaum's circle-to-circle Δv
     * √(v₁² + v₂² − 2 v₁ v₂ cos(π Δi / 2)) (Edelbaum, ARS Journal 31(8), 1961), at constant thrust (the time from the
     * propellant it takes), the node's drift integrated with the speed and the inclination linear in time.
     *
     * @param offset the parking orbit's inclination less the plane's, rad
     */
    Raise raise(double from, double to, double inclination, double offset, Satellite s) {
        double opRate = j2.nodalRate(to, inclination);
        double v1 = j2.circularSpeed(from);
        double v2 = j2.circularSpeed(to);
        if (Double.isNaN(s.thrust())) {
            double dv = j2.hohmannDeltaV(from, to, offset);
            if (from == to) {
                return new Raise(dv, 0, 0);
            }
            double t = j2.hohmannTime(from, to);
            return new Raise(dv, t / DAY, (j2.nodalRate((from + to) / 2, inclination + offset) - opRate) * t);
        }
        double dv = Math.sqrt(v1 * v1 + v2 * v2 - 2 * v1 * v2 * Math.cos(Math.PI / 2 * offset));
        double c = s.isp() * PhysicalConstants.STANDARD_GRAVITY;
        double propellant = s.mass() * (1 - Math.exp(-dv / c));
        double t = propellant * c / s.thrust();
        int steps = 64;
        double drift = 0;
        for (int k = 0; k < steps; k++) {
            double f = (k + 0.5) / steps;
            double v = v1 + (v2 - v1) * f;
            drift += (j2.nodalRate(j2.earth().mu() / (v * v), inclination + offset * (1 - f)) - opRate) * t / steps;
        }
        return new Raise(dv, t / DAY, drift);
    }

    /**
     * A launch window.
     *
     * @param time      liftoff
     * @param ascending northbound pass
     * @param raan      the insertion orbit's node then, rad
     */
    record Window(Instant time, boolean ascending, double raan) {
    }

    /**
     * The first instant on or after the day's start when the site is in the insertion plane (the plane's node at
     * that moment plus an offset): at argument of latitude u with sin φ' = sin i sin u (φ' geocentric), the site is
     * tan⁻¹(cos i sin u, cos u) east of the node; the node moves at the plane's J2 rate and the site at the Earth's
     * sidereal rate, so the instant follows in closed form. Of the northbound (ascending) and southbound passes the
     * site's azimuth ranges allow, the earlier.
     */
    Window window(Launcher l, Instant day, Plane plane, double inclination, double nodeRate, double offset, Instant epoch, String source) {
        EarthModel earth = j2.earth();
        double lat = Math.atan((1 - earth.eccentricitySquared()) * Math.tan(l.position().latitude()));
        double sinU = Math.abs(Math.sin(inclination)) < 1e-12 ? (Math.abs(lat) < 1e-9 ? 0 : Double.POSITIVE_INFINITY)
            : Math.sin(lat) / Math.sin(inclination);
        if (!l.northboundFor(plane.index()) && !l.southboundFor(plane.index())) {
            throw InvalidInputException.because("allows neither pass over the plane").source(source).element("launchers.site").value(l.site())
                .fix("check the site's azimuth ranges").build();
        }
        if (!(Math.abs(sinU) <= 1)) {
            throw InvalidInputException.because(String.format("cannot launch into plane %d: %s at %.2f deg latitude never passes"
                + " under an orbit inclined %.2f deg", plane.index(), l.site(), Math.toDegrees(l.position().latitude()),
                Math.toDegrees(inclination))).source(source).element("launchers.site").value(l.site())
                .fix("choose a site at a latitude below the inclination (or its supplement)").build();
        }
        Window best = null;
        for (boolean ascending : new boolean[] {true, false}) {
            if (ascending ? !l.northboundFor(plane.index()) : !l.southboundFor(plane.index())) {
                continue;
            }
            double u = ascending ? Math.asin(sinU) : Math.PI - Math.asin(sinU);
            double east = Math.atan2(Math.cos(inclination) * Math.sin(u), Math.cos(u));
            double node0 = plane.raan() + nodeRate * Duration.between(epoch, day).toMillis() / 1000.0 + offset;
            double siteRa = SiderealTime.greenwichMean(day) + l.position().longitude();
            double gap = SiderealTime.wrap(node0 + east - siteRa);
            double dt = gap / (SiderealTime.EARTH_RATE - nodeRate);
            Instant t = day.plusMillis(Math.round(dt * 1000));
            if (best == null || t.isBefore(best.time())) {
                best = new Window(t, ascending, SiderealTime.wrap(node0 + nodeRate * dt));
            }
        }
        return best;
    }
}
