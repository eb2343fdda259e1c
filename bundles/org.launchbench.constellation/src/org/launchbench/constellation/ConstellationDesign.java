package org.launchbench.constellation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.trajectory.orbit.OrbitGeometry;

/**
 * A constellation's geometry: Walker delta or star patterns T/P/F (Walker, J. Br. Interplanet. Soc. 37, 1984:
 * P planes spread over 360° (delta) or 180° (star) of node, T/P satellites a plane, neighbouring planes' satellites
 * offset by F·360°/T in argument of latitude), sun-synchronous planes set by the local time of their nodes, or
 * explicit planes, or explicit slots. All orbits circular.
 */
public final class ConstellationDesign {

    /** How the planes are laid out. */
    public enum Pattern {
        /** Nodes over 360°. */
        WALKER_DELTA,
        /** Nodes over 180°. */
        WALKER_STAR,
        /** Sun-synchronous planes at given mean local times of the ascending node. */
        SUN_SYNCHRONOUS,
        /** Planes listed one by one. */
        EXPLICIT,
        /** Slots listed one by one, grouped into planes by altitude, inclination and node. */
        SLOTS
    }

    /**
     * One slot of an explicit slot list.
     *
     * @param altitude           m
     * @param inclination        rad
     * @param raan               rad
     * @param argumentOfLatitude rad
     */
    public record SlotSpec(double altitude, double inclination, double raan, double argumentOfLatitude) {
    }

    private final String name;
    private final Pattern pattern;
    private final Instant epoch;
    private final List<Plane> planes;
    private final int phasing;
    private final int total;
    /** The slots of a slot list (null when the pattern places them). */
    private final List<Slot> listed;

    private ConstellationDesign(String name, Pattern pattern, Instant epoch, List<Plane> planes, int phasing, List<Slot> listed) {
        this.name = name;
        this.pattern = pattern;
        this.epoch = epoch;
        this.planes = List.copyOf(planes);
        this.phasing = phasing;
        this.total = planes.stream().mapToInt(Plane::satellites).sum();
        this.listed = listed == null ? null : List.copyOf(listed);
    }

    /**
     * A Walker pattern. The caller has checked T/P/F (see {@link #walkerProblem}).
     *
     * @param name        for reports
     * @param star        true for a star pattern (nodes over 180°), false for delta (360°)
     * @param epoch       the instant the nodes are given at
     * @param t           satellites
     * @param p           planes
     * @param f           phasing, 0 to P-1
     * @param altitude    m
     * @param inclination rad
     * @param raan0       node of plane 0, rad
     */
    public static ConstellationDesign walker(String name, boolean star, Instant epoch, int t, int p, int f, double altitude,
                                             double inclination, double raan0) {
        List<Plane> planes = new ArrayList<>();
        double spread = star ? Math.PI : 2 * Math.PI;
        for (int k = 0; k < p; k++) {
            planes.add(new Plane(k, inclination, altitude, SiderealTime.wrap(raan0 + k * spread / p), t / p, Double.NaN));
        }
        return new ConstellationDesign(name, star ? Pattern.WALKER_STAR : Pattern.WALKER_DELTA, epoch, planes, f, null);
    }

    /**
     * Sun-synchronous planes, one per local time, {@code perPlane} satellites each, inclination from the altitude.
     *
     * @param localTimes mean local solar times of the ascending nodes, h
     */
    public static ConstellationDesign sunSynchronous(String name, Instant epoch, EarthModel earth, double altitude,
                                                     List<Double> localTimes, int perPlane, int f) {
        double inclination = OrbitGeometry.sunSynchronousInclination(earth, earth.equatorialRadius() + altitude, 0);
        List<Plane> planes = new ArrayList<>();
        for (int k = 0; k < localTimes.size(); k++) {
            double ltan = localTimes.get(k);
            planes.add(new Plane(k, inclination, altitude, SiderealTime.nodeForLocalTime(epoch, ltan), perPlane, ltan));
        }
        return new ConstellationDesign(name, Pattern.SUN_SYNCHRONOUS, epoch, planes, f, null);
    }

    /** Planes given one by one (their slots evenly spaced in argument of latitude, no phasing between planes). */
    public static ConstellationDesign explicit(String name, Instant epoch, List<Plane> planes) {
        return new ConstellationDesign(name, Pattern.EXPLICIT, epoch, planes, 0, null);
    }

    /**
     * Slots listed one by one: those with the same altitude, inclination and node (to 1 m, 1e-9 rad) share a plane;
     * planes are numbered by increasing node, slots within a plane by increasing argument of latitude.
     */
    public static ConstellationDesign fromSlots(String name, Instant epoch, List<SlotSpec> slots) {
        List<SlotSpec> sorted = new ArrayList<>(slots);
        sorted.sort(java.util.Comparator.comparingDouble((SlotSpec x) -> SiderealTime.wrap(x.raan())).thenComparingDouble(SlotSpec::altitude)
            .thenComparingDouble(SlotSpec::inclination).thenComparingDouble(x -> SiderealTime.wrap(x.argumentOfLatitude())));
        List<Plane> planes = new ArrayList<>();
        List<Slot> listed = new ArrayList<>();
        SlotSpec head = null;
        int inPlane = 0;
        for (SlotSpec x : sorted) {
            boolean same = head != null && Math.abs(x.altitude() - head.altitude()) < 1 && Math.abs(x.inclination() - head.inclination()) < 1e-9
                && Math.abs(SiderealTime.wrap(x.raan()) - SiderealTime.wrap(head.raan())) < 1e-9;
            if (!same) {
                if (head != null) {
                    planes.add(new Plane(planes.size(), head.inclination(), head.altitude(), SiderealTime.wrap(head.raan()), inPlane, Double.NaN));
                }
                head = x;
                inPlane = 0;
            }
            listed.add(new Slot(planes.size(), inPlane++, SiderealTime.wrap(x.raan()), SiderealTime.wrap(x.argumentOfLatitude())));
        }
        planes.add(new Plane(planes.size(), head.inclination(), head.altitude(), SiderealTime.wrap(head.raan()), inPlane, Double.NaN));
        return new ConstellationDesign(name, Pattern.SLOTS, epoch, planes, 0, listed);
    }

    /**
     * @return why T/P/F is not a Walker pattern (null when it is): T and P positive, P divides T, 0 ≤ F < P
     */
    public static String walkerProblem(int t, int p, int f) {
        if (t < 1 || p < 1) {
            return String.format("T = %d and P = %d must both be at least 1", t, p);
        }
        if (t % p != 0) {
            return String.format("P = %d planes do not divide T = %d satellites (T/P = %.2f); choose T a multiple of P", p, t,
                (double) t / p);
        }
        if (f < 0 || f >= p) {
            return String.format("F = %d is outside 0 to P - 1 = %d", f, p - 1);
        }
        return null;
    }

    /** @return every slot at the epoch: plane by plane, satellite by satellite */
    public List<Slot> slots() {
        if (listed != null) {
            return listed;
        }
        List<Slot> slots = new ArrayList<>(total);
        for (Plane plane : planes) {
            int s = plane.satellites();
            for (int k = 0; k < s; k++) {
                double u = 2 * Math.PI * k / s + 2 * Math.PI * phasing * plane.index() / Math.max(1, total);
                slots.add(new Slot(plane.index(), k, plane.raan(), SiderealTime.wrap(u)));
            }
        }
        return slots;
    }

    /** @return for reports */
    public String name() {
        return name;
    }

    /** @return the layout */
    public Pattern pattern() {
        return pattern;
    }

    /** @return the instant the planes' nodes are given at */
    public Instant epoch() {
        return epoch;
    }

    /** @return the planes, by index */
    public List<Plane> planes() {
        return planes;
    }

    /** @return F (0 for sun-synchronous and explicit designs unless given) */
    public int phasing() {
        return phasing;
    }

    /** @return T */
    public int satellites() {
        return total;
    }
}
