package org.launchbench.ui.workbench.plot;

/**
 * Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), after Heckbert, "Nice numbers for graph labels",
 * Graphics Gems I (1990), pp. 61-63: the axis is widened to whole ticks around the data.
 *
 * @param min  the axis' lower end (a tick), in the data's unit
 * @param max  its upper end (a tick)
 * @param step between ticks
 */
public record Ticks(double min, double max, double step) {

    /**
     * @param lo     the data's least value
     * @param hi     its greatest
     * @param target about how many ticks (at least 2)
     * @return the ticks covering [lo, hi]
     */
    public static Ticks of(double lo, double hi, int target) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi))) {
            return new Ticks(0, 1, 0.2);
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            // a flat series: one unit around it
            double half = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
            lo -= half;
            hi += half;
        }
        double range = nice(hi - lo, false);
        double step = nice(range / (Math.max(2, target) - 1), true);
        return new Ticks(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    /** Heckbert's nicenum: the nice number near x, rounded or not below it. */
    static double nice(double x, boolean round) {
        double exp = Math.floor(Math.log10(x));
        double f = x / Math.pow(10, exp);
        double nf;
        if (round) {
            nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        } else {
            nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        }
        return nf * Math.pow(10, exp);
    }

    /** @return the tick values, from min to max */
    public double[] values() {
        int n = (int) Math.round((max - min) / step) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = min + i * step;
            if (Math.abs(v[i]) < step * 1e-9) {
                v[i] = 0;
            }
        }
        return v;
    }

    /** @return a tick's label, with as many decimals as the step needs */
    public String label(double value) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }
}
