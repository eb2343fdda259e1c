package org.launchbench.recovery.loop;

/**
 * The landing engines' thrust as the flight software measures it, over the thrust its model gives: the
 * accelerometers' specific force along the body axis, less the model's axial aerodynamic force, against the model's
 * thrust at the engines' achieved throttle, low-passed. A stage whose engines give less than their model brakes
 * less than its guidance predicts, and its predictions (the stop, the rest point) are then wrong by tens of metres;
 * flight software closes this with the accelerometers, as launch vehicles' guidance does with its
 * thrust-acceleration estimate (Jaggers, "An explicit solution to the exoatmospheric powered flight guidance and
 * trajectory optimization problem for Space Shuttle", JSC-12716, 1977, estimates the thrust acceleration from the
 * sensed velocity change). Not thread-safe: one per flight.
 */
final class ThrustEstimator {

    /** The low-pass filter's time constant, s: many IMU samples, and quick beside a 20 s burn. */
    static final double TIME_CONSTANT_S = 1.0;
    /** The model's thrust acceleration below which nothing is estimated (engines starting or off), m/s². */
    static final double LEAST_THRUST_MS2 = 2.0;
    /** The estimate is held within this factor of the model's either way (a failed engine is a failure, not an error). */
    static final double MOST_OFF = 0.3;

    private double factor = 1;

    /** @return the thrust over the model's, as measured so far (1 before any thrust) */
    double factor() {
        return factor;
    }

    /**
     * @param specificForceAxialMS2 the accelerometers' specific force along the body axis, bias-corrected, m/s²
     * @param modelAeroAxialMS2     the model's aerodynamic acceleration along the body axis at the estimate, m/s²
     * @param modelThrustN          the model's net thrust at the engines' achieved throttle, N
     * @param massKg                the mass, kg
     * @param dtS                   the sample's period, s
     */
    void update(double specificForceAxialMS2, double modelAeroAxialMS2, double modelThrustN, double massKg, double dtS) {
        double model = modelThrustN / massKg;
        if (!(model > LEAST_THRUST_MS2)) {
            return;
        }
        double seen = (specificForceAxialMS2 - modelAeroAxialMS2) / model;
        double held = Math.max(1 - MOST_OFF, Math.min(1 + MOST_OFF, seen));
        factor += (held - factor) * Math.min(1, dtS / TIME_CONSTANT_S);
    }
}
