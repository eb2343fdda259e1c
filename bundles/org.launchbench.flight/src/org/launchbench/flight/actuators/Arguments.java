package org.launchbench.flight.actuators;

/**
 * The argument checks this package's constructors and commands share, so that every rejection names the parameter
 * and the range it must lie in. NaN fails every check.
 */
final class Arguments {

    private Arguments() {
    }

    /** @return value, if it is finite */
    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
        return value;
    }

    /** @return value, if it is finite and at least 0 */
    static double nonNegative(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be in [0, +inf), was " + value);
        }
        return value;
    }

    /** @return value, if it is finite and greater than 0 */
    static double positive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be in (0, +inf), was " + value);
        }
        return value;
    }

    /** @return value, if it is not NaN (infinities pass, for commands that are then clamped) */
    static double notNaN(String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be a number, was NaN");
        }
        return value;
    }

    /** @return a time step, if it is finite and at least 0 */
    static double step(double dtS) {
        return nonNegative("dtS", dtS);
    }
}
