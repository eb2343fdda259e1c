package org.launchbench.ui.workbench.plot;

import java.util.ArrayList;
import java.util.List;

/** Series mapped to the screen (no SWT here, so it is tested without a display). */
final class Polylines {

    private Polylines() {
    }

    /**
     * A series' polyline in pixels, one or two points a pixel column (its least and greatest value there), so that a
     * long series is drawn at the screen's resolution without losing its peaks. Points that are not finite are skipped.
     *
     * @return x0, y0, x1, y1, ...
     */
    static int[] screen(double[] x, double[] y, Ticks xt, Ticks yt, int left, int right, int top, int bottom) {
        List<Integer> pts = new ArrayList<>();
        int column = Integer.MIN_VALUE;
        int lo = 0;
        int hi = 0;
        // which of the column's extremes came first: drawn in that order, a monotonic stretch stays a clean line
        boolean loFirst = true;
        for (int i = 0; i < x.length; i++) {
            if (!(Double.isFinite(x[i]) && Double.isFinite(y[i]))) {
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
        return pts.stream().mapToInt(Integer::intValue).toArray();
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
