package org.launchbench.trajectory.flight;

/**
 * Something that happened during a flight, with the state at that instant.
 *
 * @param name            liftoff, max-q, meco, ...
 * @param time            since liftoff, s
 * @param altitude        geodetic height, m
 * @param speed           speed relative to the rotating Earth, m/s (what webcasts show)
 * @param inertialSpeed   inertial speed, m/s
 * @param mach            Mach number
 * @param dynamicPressure Pa
 * @param downrange       great-circle distance from the launch site, m
 * @param mass            kg
 */
public record FlightEvent(String name, double time, double altitude, double speed, double inertialSpeed, double mach,
                          double dynamicPressure, double downrange, double mass) {

    /** @param first the first column's title ("EVENT", "STAGE EVENT"); @return the header of {@link #tableRow()}'s table */
    public static String tableHeader(String first) {
        return String.format(java.util.Locale.ROOT, "%-22s %9s %11s %10s %12s %7s %10s %11s", first, "TIME s", "ALTITUDE m", "SPEED m/s",
            "DOWNRANGE m", "MACH", "Q Pa", "MASS kg");
    }

    /** @return the event as a row of the command line's event table */
    public String tableRow() {
        return String.format(java.util.Locale.ROOT, "%-22s %9.1f %11.0f %10.1f %12.0f %7.2f %10.0f %11.0f", name, time, altitude, speed,
            downrange, mach, dynamicPressure, mass);
    }

    /**
     * @return the event as the command line's JSON spells it: {"name", "time_s", "altitude_m", "speed_m_s",
     *         "downrange_m", "mach", "dynamic_pressure_Pa", "mass_kg"}, rounded to what the figures mean
     */
    public java.util.Map<String, Object> json() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("time_s", org.launchbench.cli.JsonNumbers.round(time, 3));
        m.put("altitude_m", org.launchbench.cli.JsonNumbers.round(altitude, 1));
        m.put("speed_m_s", org.launchbench.cli.JsonNumbers.round(speed, 2));
        m.put("downrange_m", org.launchbench.cli.JsonNumbers.round(downrange, 1));
        m.put("mach", org.launchbench.cli.JsonNumbers.round(mach, 3));
        m.put("dynamic_pressure_Pa", org.launchbench.cli.JsonNumbers.round(dynamicPressure, 1));
        m.put("mass_kg", org.launchbench.cli.JsonNumbers.round(mass, 1));
        return m;
    }
}
