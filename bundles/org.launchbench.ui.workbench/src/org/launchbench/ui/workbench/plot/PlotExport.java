package org.launchbench.ui.workbench.plot;

import java.util.List;
import java.util.Locale;

/**
 * A plot's data as CSV and its drawing as SVG, without SWT (so it is tested without a display). A series is its name,
 * its points and its colour (0xRRGGBB).
 */
public final class PlotExport {

    /**
     * One series to export.
     *
     * @param name   legend text ("" for none)
     * @param x      abscissae
     * @param y      ordinates
     * @param rgb    0xRRGGBB
     * @param points a scatter (dots) rather than a line
     */
    public record Line(String name, double[] x, double[] y, int rgb, boolean points) {
    }

    private PlotExport() {
    }

    /**
     * @return CSV: a header {@code series,X_LABEL,Y_LABEL}, then one row a point (series names quoted when they hold a
     *         comma or a quote); values not finite are left empty
     */
    public static String csv(String xLabel, String yLabel, List<Line> lines) {
        StringBuilder b = new StringBuilder();
        b.append("series,").append(quote(xLabel)).append(',').append(quote(yLabel)).append('\n');
        for (Line l : lines) {
            for (int i = 0; i < l.x().length; i++) {
                b.append(quote(l.name())).append(',').append(number(l.x()[i])).append(',').append(number(l.y()[i])).append('\n');
            }
        }
        return b.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /**
     * @return an SVG document of the plot: frame, nice ticks and grid, axis names, the series (lines at the drawing's
     *         resolution, or dots), legend
     */
    public static String svg(String title, String xLabel, String yLabel, List<Line> lines, int width, int height) {
        return svg(title, xLabel, yLabel, lines, width, height, false, null);
    }

    /**
     * @param equalAspect a unit as long either way (a map of touchdown points), as the plot draws it
     * @param worldPng    an equirectangular world map as PNG, drawn under the series with the axes spanning the world,
     *                    a degree as long either way (null: none)
     * @return an SVG document of the plot, as {@link #svg(String, String, String, List, int, int)}, the map embedded
     */
    public static String svg(String title, String xLabel, String yLabel, List<Line> lines, int width, int height, boolean equalAspect,
                             byte[] worldPng) {
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (int i = 0; i < l.x().length; i++) {
                if (Double.isFinite(l.x()[i]) && Double.isFinite(l.y()[i])) {
                    xlo = Math.min(xlo, l.x()[i]);
                    xhi = Math.max(xhi, l.x()[i]);
                    ylo = Math.min(ylo, l.y()[i]);
                    yhi = Math.max(yhi, l.y()[i]);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" text-anchor=\"middle\">%s</text>%n", width / 2, xml(title)));
        if (xlo > xhi && worldPng == null) {
            return b.append("</svg>\n").toString();
        }
        double[] box = equalAspect && worldPng == null ? square(xlo, xhi, ylo, yhi) : new double[] {xlo, xhi, ylo, yhi};
        Ticks xt = worldPng != null ? new Ticks(-180, 180, 60) : Ticks.of(box[0], box[1], 6);
        Ticks yt = worldPng != null ? new Ticks(-90, 90, 30) : Ticks.of(box[2], box[3], 5);
        int left = 70;
        int right = width - 20;
        int top = 28;
        int bottom = height - 60;
        if (equalAspect || worldPng != null) {
            int[] area = sameScale(xt, yt, left, right, top, bottom);
            left = area[0];
            right = area[1];
            top = area[2];
        }
        if (worldPng != null) {
            b.append(String.format(Locale.ROOT, "<image x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" preserveAspectRatio=\"none\" href=\"data:image/png;base64,",
                left, top, right - left, bottom - top)).append(java.util.Base64.getEncoder().encodeToString(worldPng)).append("\"/>\n");
        }
        for (double v : xt.values()) {
            double px = left + (v - xt.min()) / (xt.max() - xt.min()) * (right - left);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e1e1e1\"/>%n", px, top, px, bottom));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, bottom + 16, xt.label(v)));
        }
        for (double v : yt.values()) {
            double py = bottom - (v - yt.min()) / (yt.max() - yt.min()) * (bottom - top);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e1e1e1\"/>%n", left, py, right, py));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left - 6, py + 4, yt.label(v)));
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n", left, top,
            right - left, bottom - top));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (left + right) / 2, bottom + 34,
            xml(xLabel)));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
            (top + bottom) / 2, xml(yLabel)));
        int legendX = left;
        for (Line l : lines) {
            String colour = String.format("#%06x", l.rgb() & 0xFFFFFF);
            if (l.points()) {
                for (int i = 0; i < l.x().length; i++) {
                    if (Double.isFinite(l.x()[i]) && Double.isFinite(l.y()[i])) {
                        double px = left + (l.x()[i] - xt.min()) / (xt.max() - xt.min()) * (right - left);
                        double py = bottom - (l.y()[i] - yt.min()) / (yt.max() - yt.min()) * (bottom - top);
                        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n", px, py, colour));
                    }
                }
            } else {
                for (int[] piece : Polylines.screen(l.x(), l.y(), xt, yt, left, right, top, bottom)) {
                    b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
                    for (int i = 0; i < piece.length; i += 2) {
                        b.append(i == 0 ? "" : " ").append(piece[i]).append(',').append(piece[i + 1]);
                    }
                    b.append("\"/>\n");
                }
            }
            if (!l.name().isEmpty() && lines.size() > 1) {
                b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n", legendX,
                    height - 10, legendX + 18, height - 10, colour));
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", legendX + 22, height - 6, xml(l.name())));
                legendX += 40 + 7 * l.name().length();
            }
        }
        return b.append("</svg>\n").toString();
    }

    /** @return a square data box {xlo, xhi, ylo, yhi} around the points' box, centred on it (equal-aspect plots) */
    static double[] square(double xlo, double xhi, double ylo, double yhi) {
        double half = Math.max(xhi - xlo, yhi - ylo) / 2;
        double cx = (xlo + xhi) / 2;
        double cy = (ylo + yhi) / 2;
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }

    /**
     * @return the plot area {left, right, top, bottom} shrunk on its longer side so that a unit (or a degree) is as
     *         many pixels either way: the bottom edge kept, the width centred
     */
    static int[] sameScale(Ticks xt, Ticks yt, int left, int right, int top, int bottom) {
        double sx = (xt.max() - xt.min()) / (right - left);
        double sy = (yt.max() - yt.min()) / (bottom - top);
        if (sx > sy) {
            return new int[] {left, right, bottom - (int) Math.round((yt.max() - yt.min()) / sx), bottom};
        }
        int w = (int) Math.round((xt.max() - xt.min()) / sy);
        int l = (left + right) / 2 - w / 2;
        return new int[] {l, l + w, top, bottom};
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
