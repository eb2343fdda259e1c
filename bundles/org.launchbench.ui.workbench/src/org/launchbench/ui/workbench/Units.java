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

    private static final double FOOT = 0.3048;
    private static final double NAUTICAL_MILE = 1852;
    private static final double POUND = 0.45359237;
    /** Pounds-force per square foot, in Pa: 4.4482216152605 N / 0.09290304 m². */
    private static final double PSF = 4.4482216152605 / (FOOT * FOOT);

    /** What a value is, which decides its unit: each with its metric and imperial unit and their sizes in SI. */
    public enum Quantity {
        /** Height above the Earth or the pad. */
        ALTITUDE(1e3, "km", FOOT, "ft"),
        /** Range along the ground (downrange). */
        RANGE(1e3, "km", NAUTICAL_MILE, "nmi"),
        /** Short distances: miss distances, touchdown points. */
        DISTANCE(1, "m", FOOT, "ft"),
        /** Speed. */
        SPEED(1, "m/s", FOOT, "ft/s"),
        /** Dynamic pressure. */
        PRESSURE(1e3, "kPa", PSF, "psf"),
        /** A vehicle's mass. */
        MASS(1e3, "t", POUND, "lb"),
        /** Propellant left after a landing. */
        PROPELLANT(1, "kg", POUND, "lb");

        private final double metricSize;
        private final String metricUnit;
        private final double imperialSize;
        private final String imperialUnit;

        Quantity(double metricSize, String metricUnit, double imperialSize, String imperialUnit) {
            this.metricSize = metricSize;
            this.metricUnit = metricUnit;
            this.imperialSize = imperialSize;
            this.imperialUnit = imperialUnit;
        }
    }

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
        return si / (this == METRIC ? q.metricSize : q.imperialSize);
    }

    /** @return this system's unit for a quantity, as axis and column names show it */
    public String unit(Quantity q) {
        return this == METRIC ? q.metricUnit : q.imperialUnit;
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
