package org.launchbench.trajectory.atmosphere;

/**
 * The atmosphere at one geometric altitude.
 *
 * @param altitude     geometric altitude above mean sea level, m
 * @param temperature  kinetic temperature, K
 * @param pressure     static pressure, Pa
 * @param density      mass density, kg/m³
 * @param speedOfSound speed of sound, m/s
 */
public record AtmosphereState(double altitude, double temperature, double pressure, double density, double speedOfSound) {
}
