package org.launchbench.optim;

/** The few vector operations the KKT solves' refinements share. */
final class KktVectors {

    private KktVectors() {
    }

    static void add(double f, double[] d, int from, double[] u, int count) {
        for (int i = 0; i < count; i++) {
            u[i] += f * d[from + i];
        }
    }

    static double maxAbs(double[] v, int count) {
        double m = 0;
        for (int i = 0; i < count; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
