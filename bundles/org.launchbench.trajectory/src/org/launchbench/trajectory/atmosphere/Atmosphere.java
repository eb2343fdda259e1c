package org.launchbench.trajectory.atmosphere;

/** An atmosphere model: the state of the air as a function of geometric altitude. Implementations are immutable. */
public interface Atmosphere {

    /**
     * @param altitude geometric altitude above mean sea level, m, within {@link #minAltitude()} and
     *                 {@link #maxAltitude()}
     * @return the atmosphere there
     * @throws IllegalArgumentException outside the model's range
     */
    AtmosphereState at(double altitude);

    /** @return the lowest altitude the model covers, m */
    double minAltitude();

    /** @return the highest altitude the model covers, m */
    double maxAltitude();
}
