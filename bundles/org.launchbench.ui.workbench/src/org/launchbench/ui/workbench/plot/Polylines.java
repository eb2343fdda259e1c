package org.launchbench.ui.workbench.plot;

import java.util.ArrayList;
import java.util.List;

/** Series mapped to the screen (no SWT here, so it is tested without a display). */
final class Polylines {

    private Polylines() {
    }

    /**
     * A series' polyline in pixels, one or two points a pixel column (its least and greatest value there), so that a
     * long series is drawn at the screen's resolution without losing its peaks. A point that is not finite breaks the
     * line.
     *
     * @return the line's pieces, each x0, y0, x1, y1, ...
     */
    static List<int[]> screen(double[] x, double[] y, Ticks xt, Ticks yt, int left, int right, int top, int bottom) {
        List<int[]> pieces = new ArrayList<>();
        List<Integer> pts = new ArrayList<>();
        int column = Integer.MIN_VALUE;
        int lo = 0;
        int hi = 0;
        // which of the column's extremes came first: drawn in that order, a monotonic stretch stays a clean line
        boolean loFirst = true;
        for (int i = 0; i < x.length; i++) {
            if (!(Double.isFinite(x[i]) && Double.isFinite(y[i]))) {
                flush(pts, column, lo, hi, loFirst);
                column = Integer.MIN_VALUE;
                if (!pts.isEmpty()) {
                    pieces.add(pts.stream().mapToInt(Integer::intValue).toArray());
                    pts.clear();
                }
                continue;
            }
            int px = left + (int) Math.round((x[i] - xt.min()) / (xt.max() - xt.min()) * (right - left));
            int py = bottom - (int) Math.round((y[i] - yt.min()) / (yt.max() - yt.min()) * (bottom - top));
            if (px != column) {
                flush(pts, column, lo, hi, loFirst);
                column = px;
                lo = py;
                hi = py;
                loFirst = true;
            } else if (py < lo) {
                lo = py;
                loFirst = false;
            } else if (py > hi) {
                hi = py;
                loFirst = true;
            }
        }
        flush(pts, column, lo, hi, loFirst);
        if (!pts.isEmpty()) {
            pieces.add(pts.stream().mapToInt(Integer::intValue).toArray());
        }
        return pieces;
    }

    /**
     * A histogram as a step line: bars from the least to the greatest value.
     *
     * @param values the sample (values that are not finite are left out)
     * @param bins   bars
     * @return {x, y}: the outline's corners, x in the values' unit, y the count
     */
    static double[][] histogram(double[] values, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[][] {{}, {}};
        }
        if (hi - lo <= 1e-9 * Math.max(1, Math.abs(hi))) {
            // one value (to rounding): a bar around it, 1 % of it wide (1 for zero)
            double half = lo == 0 ? 0.5 : Math.abs(lo) * 0.005;
            lo -= half;
            hi += half;
        }
        int[] count = new int[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                count[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
            }
        }
        double w = (hi - lo) / bins;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = lo;
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = lo + b * w;
            y[2 * b + 1] = count[b];
            x[2 * b + 2] = lo + (b + 1) * w;
            y[2 * b + 2] = count[b];
        }
        x[2 * bins + 1] = hi;
        return new double[][] {x, y};
    }

    private static void flush(List<Integer> pts, int column, int lo, int hi, boolean loFirst) {
        if (column == Integer.MIN_VALUE) {
            return;
        }
        pts.add(column);
        pts.add(loFirst ? lo : hi);
        if (hi != lo) {
            pts.add(column);
            pts.add(loFirst ? hi : lo);
        }
    }
}
