package org.launchbench.flight.models;

import java.util.Arrays;

/**
 * A quantity tabulated against Mach number, interpolated linearly and held constant beyond the ends (the vehicle
 * model's Mach tables: drag coefficient, centre-of-pressure station, normal-force slope). Immutable.
 */
public final class MachCurve {

    private final double[] mach;
    private final double[] value;

    /**
     * @param mach  Mach numbers, strictly increasing, at least one
     * @param value the quantity at each
     */
    public MachCurve(double[] mach, double[] value) {
        if (mach.length == 0 || mach.length != value.length) {
            throw new IllegalArgumentException("a Mach curve has one value per Mach number, at least one");
        }
        for (int i = 1; i < mach.length; i++) {
            if (!(mach[i] > mach[i - 1])) {
                throw new IllegalArgumentException("a Mach curve's Mach numbers increase strictly");
            }
        }
        this.mach = mach.clone();
        this.value = value.clone();
    }

    /** @param v the value at every Mach number; @return a constant curve */
    public static MachCurve constant(double v) {
        return new MachCurve(new double[] {0}, new double[] {v});
    }

    /** @param m a Mach number; @return the quantity there */
    public double at(double m) {
        if (m <= mach[0]) {
            return value[0];
        }
        int n = mach.length;
        if (m >= mach[n - 1]) {
            return value[n - 1];
        }
        int i = Arrays.binarySearch(mach, m);
        if (i >= 0) {
            return value[i];
        }
        int hi = -i - 1;
        double f = (m - mach[hi - 1]) / (mach[hi] - mach[hi - 1]);
        return value[hi - 1] + f * (value[hi] - value[hi - 1]);
    }
}
