package org.launchbench.vehicle.model.internal;

/** Number formatting for JSON output: no spurious digits, no NaN (which JSON cannot carry). */
final class Json {

    private Json() {
    }

    /** @param value a finite number; @param decimals digits after the point; @return it rounded */
    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
