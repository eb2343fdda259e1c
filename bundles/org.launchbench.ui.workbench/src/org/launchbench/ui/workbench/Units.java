package org.launchbench.ui.workbench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The units the views show (File → Preferences…): the engines compute in SI, and a view converts each value as it
 * draws or lists it, with the unit in the axis or column name. Plot exports (PNG, SVG, CSV) carry what the view shows.
 * Times stay in seconds, Mach and throttle have none, accelerations stay in g.
 */
public enum Units {

    /** Kilometres for altitude and range, metres for miss distances, m/s, kPa, tonnes, kilograms of propellant. */
    METRIC("Metric (km, m, m/s, kPa, t, kg)"),
    /**
     * Feet for altitude and miss distances, nautical miles for range, ft/s, pounds per square foot, pounds (the US
     * ranges' and NASA's flight-data conventions).
     */
    IMPERIAL("Imperial (ft, nmi, ft/s, psf, lb)");

    /** What a value is, which decides its unit. */
    public enum Quantity {
        /** Height above the Earth or the pad. */
        ALTITUDE,
        /** Range along the ground (downrange). */
        RANGE,
        /** Short distances: miss distances, touchdown points. */
        DISTANCE,
        /** Speed. */
        SPEED,
        /** Dynamic pressure. */
        PRESSURE,
        /** A vehicle's mass. */
        MASS,
        /** Propellant left after a landing. */
        PROPELLANT
    }

    private static final double FOOT = 0.3048;
    private static final double NAUTICAL_MILE = 1852;
    private static final double POUND = 0.45359237;
    /** Pounds-force per square foot, in Pa: 4.4482216152605 N / 0.09290304 m². */
    private static final double PSF = 4.4482216152605 / (FOOT * FOOT);

    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile Units current = METRIC;

    private final String description;

    Units(String description) {
        this.description = description;
    }

    /** @return how the preferences dialog names the system */
    public String description() {
        return description;
    }

    /** @return the units the views show now */
    public static Units current() {
        return current;
    }

    /**
     * Makes the views show these units from now on; each registered view redraws (on the caller's thread, the UI's).
     *
     * @param units the units
     */
    public static void setCurrent(Units units) {
        if (units != current) {
            current = units;
            LISTENERS.forEach(Runnable::run);
        }
    }

    /** @param listener run when the units change (a view redrawing itself); remove it when the view goes */
    public static void addListener(Runnable listener) {
        LISTENERS.add(listener);
    }

    /** @param listener a listener added before */
    public static void removeListener(Runnable listener) {
        LISTENERS.remove(listener);
    }

    /**
     * @param q  what the value is
     * @param si the value in SI (m, m/s, Pa, kg)
     * @return the value in this system's unit for it
     */
    public double of(Quantity q, double si) {
        return si / size(q);
    }

    /** @return the size of this system's unit for a quantity, in SI */
    private double size(Quantity q) {
        boolean metric = this == METRIC;
        return switch (q) {
            case ALTITUDE -> metric ? 1e3 : FOOT;
            case RANGE -> metric ? 1e3 : NAUTICAL_MILE;
            case DISTANCE, SPEED -> metric ? 1 : FOOT;
            case PRESSURE -> metric ? 1e3 : PSF;
            case MASS -> metric ? 1e3 : POUND;
            case PROPELLANT -> metric ? 1 : POUND;
        };
    }

    /** @return this system's unit for a quantity, as axis and column names show it */
    public String unit(Quantity q) {
        boolean metric = this == METRIC;
        return switch (q) {
            case ALTITUDE -> metric ? "km" : "ft";
            case RANGE -> metric ? "km" : "nmi";
            case DISTANCE -> metric ? "m" : "ft";
            case SPEED -> metric ? "m/s" : "ft/s";
            case PRESSURE -> metric ? "kPa" : "psf";
            case MASS -> metric ? "t" : "lb";
            case PROPELLANT -> metric ? "kg" : "lb";
        };
    }

    /** @return "name, unit", as the views name axes and columns */
    public String label(String name, Quantity q) {
        return name + ", " + unit(q);
    }

    /**
     * @param text a preference's value
     * @return the units it names (case ignored); METRIC when blank
     * @throws IllegalArgumentException when it names none
     */
    public static Units parse(String text) {
        if (text == null || text.isBlank()) {
            return METRIC;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a unit system (metric or imperial)", e);
        }
    }
}
