package org.launchbench.cli;

/** Numbers for JSON output: rounded to what they mean, never NaN or infinite (which JSON cannot carry). */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /**
     * @param value    a finite number
     * @param decimals digits to keep after the decimal point
     * @return the value rounded half up to that many decimals
     * @throws IllegalArgumentException for NaN or an infinity: a bug upstream, not something to print
     */
    public static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /**
     * @param value    a number that may not exist (NaN: no landing burn, say)
     * @param decimals digits to keep after the decimal point
     * @return the value rounded as {@link #round}, or null (JSON null) when it is not finite
     */
    public static Double roundOrNull(double value, int decimals) {
        return Double.isFinite(value) ? round(value, decimals) : null;
    }
}
