package org.launchbench.ui.workbench.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A line plot drawn with SWT alone (SWTChart is not on Maven Central, the project's only registry): one or more
 * series against a shared x axis, nice ticks ({@link Ticks}), a grid, a legend; exported to PNG. Long series are
 * drawn at the screen's resolution: each pixel column keeps its least and greatest value, so peaks survive.
 */
public final class LinePlot extends Canvas {

    /**
     * One series.
     *
     * @param name   the legend's text
     * @param x      abscissae
     * @param y      ordinates, as many
     * @param colour its line's colour
     * @param points drawn as dots instead of a line (a scatter)
     */
    public record Series(String name, double[] x, double[] y, RGB colour, boolean points) {
        /** A line series. */
        public Series(String name, double[] x, double[] y, RGB colour) {
            this(name, x, y, colour, false);
        }
    }

    /** @return a histogram of the values as a line series (its outline), {@code bins} bars */
    public static Series histogram(String name, double[] values, int bins, RGB colour) {
        double[][] xy = Polylines.histogram(values, bins);
        return new Series(name, xy[0], xy[1], colour);
    }

    /** The series colours, in order: distinguishable in colour and in grey. */
    public static final RGB[] PALETTE = {new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44), new RGB(148, 103, 189)};

    private final String title;
    private String xLabel;
    private String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean equalAspect;
    /** The world map under the series (null: none), and its image on this display (made when first drawn). */
    private ImageData map;
    private Image mapImage;

    /** @param parent its parent; @param title above the plot; @param xLabel the x axis' name and unit; @param yLabel the y axis' */
    public LinePlot(Composite parent, String title, String xLabel, String yLabel) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        addPaintListener(e -> draw(e.gc, getClientArea()));
        addDisposeListener(e -> {
            if (mapImage != null) {
                mapImage.dispose();
            }
        });
        menu();
    }

    /** The plot's context menu: PNG, SVG and CSV export. */
    private void menu() {
        org.eclipse.swt.widgets.Menu menu = new org.eclipse.swt.widgets.Menu(this);
        item(menu, "Save as PNG…", "*.png", f -> savePng(f, Math.max(640, getSize().x), Math.max(400, getSize().y)));
        item(menu, "Save as SVG…", "*.svg", f -> org.launchbench.core.AtomicTextFile.write(f, w -> w.write(svg())));
        item(menu, "Save data as CSV…", "*.csv", f -> org.launchbench.core.AtomicTextFile.write(f, w -> w.write(
            PlotExport.csv(xLabel, yLabel, lines()))));
        setMenu(menu);
    }

    /** @return the plot as an SVG document at its size (640 x 400 at least), with its world map when it has one */
    public String svg() {
        byte[] png = null;
        if (map != null) {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {map};
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            loader.save(out, SWT.IMAGE_PNG);
            png = out.toByteArray();
        }
        return PlotExport.svg(title, xLabel, yLabel, lines(), Math.max(640, getSize().x), Math.max(400, getSize().y), equalAspect, png);
    }

    /** An export action. */
    private interface Export {
        void to(Path file) throws java.io.IOException;
    }

    private void item(org.eclipse.swt.widgets.Menu menu, String text, String filter, Export export) {
        org.eclipse.swt.widgets.MenuItem item = new org.eclipse.swt.widgets.MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, e -> {
            org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getShell(), SWT.SAVE);
            d.setFilterExtensions(new String[] {filter});
            d.setOverwrite(true);
            d.setFileName(title.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT) + filter.substring(1));
            String chosen = d.open();
            if (chosen != null) {
                try {
                    export.to(Path.of(chosen));
                } catch (java.io.IOException | RuntimeException ex) {
                    org.eclipse.jface.dialogs.MessageDialog.openError(getShell(), "Export", chosen + ": " + ex.getMessage());
                }
            }
        });
    }

    /** @return the series as the exporters take them */
    public List<PlotExport.Line> lines() {
        return series.stream().map(s -> new PlotExport.Line(s.name(), s.x(), s.y(),
            s.colour().red << 16 | s.colour().green << 8 | s.colour().blue, s.points())).toList();
    }

    /** Renames the axes (the views' units changed) and redraws. */
    public void setLabels(String x, String y) {
        xLabel = x;
        yLabel = y;
        redraw();
    }

    /** @return the axes' names, x then y */
    public List<String> labels() {
        return List.of(xLabel, yLabel);
    }

    /** Replaces the series and redraws (a series named "" draws without a legend entry of its own). */
    public void setSeries(List<Series> all) {
        series.clear();
        series.addAll(all);
        redraw();
    }

    /** Same scale on both axes (a map of touchdown points): the axes widen so that a metre is as long either way. */
    public void setEqualAspect(boolean equal) {
        equalAspect = equal;
        redraw();
    }

    /**
     * Draws the series on a world map: an equirectangular image of the whole Earth (longitude -180° to 180° across,
     * latitude 90° to -90° down). The axes then span the world exactly, a degree as long either way, x the
     * longitude and y the latitude.
     *
     * @param world the image (null: none, the axes fit the data again)
     */
    public void setWorldMap(ImageData world) {
        map = world;
        if (mapImage != null) {
            mapImage.dispose();
            mapImage = null;
        }
        redraw();
    }

    /** @return whether the series are drawn on a world map */
    public boolean hasWorldMap() {
        return map != null;
    }

    /** @return the series shown */
    public List<Series> series() {
        return List.copyOf(series);
    }

    /** @return the plot's title */
    public String title() {
        return title;
    }

    /** The legend, one line under the x axis' name, when there is more than one series. */
    private void legend(GC gc, int left, int right, int y) {
        if (series.size() < 2) {
            return;
        }
        int width = 0;
        for (Series s : series) {
            if (!s.name().isEmpty()) {
                width += 24 + gc.textExtent(s.name()).x + 12;
            }
        }
        int x = left + Math.max(0, (right - left - width) / 2);
        int fh = gc.getFontMetrics().getHeight();
        for (Series s : series) {
            if (s.name().isEmpty()) {
                // a series that shares another's entry (the 2 and 3 σ ellipses after the 1 σ)
                continue;
            }
            Color c = new Color(getDisplay(), s.colour());
            try {
                gc.setForeground(c);
                gc.setBackground(c);
                gc.setLineWidth(2);
                if (s.points()) {
                    gc.fillOval(x + 7, y + fh / 2 - 2, 5, 5);
                } else {
                    gc.drawLine(x, y + fh / 2, x + 18, y + fh / 2);
                }
                gc.setLineWidth(1);
            } finally {
                c.dispose();
            }
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.drawText(s.name(), x + 24, y, true);
            x += 24 + gc.textExtent(s.name()).x + 12;
        }
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        return new Point(wHint == SWT.DEFAULT ? 360 : wHint, hHint == SWT.DEFAULT ? 240 : hHint);
    }

    /**
     * Writes the plot as a PNG, atomically.
     *
     * @param file where
     * @param width pixels; @param height pixels
     */
    public void savePng(Path file, int width, int height) throws java.io.IOException {
        Image image = new Image(getDisplay(), width, height);
        try {
            GC gc = new GC(image);
            try {
                gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
                gc.fillRectangle(0, 0, width, height);
                gc.setFont(getFont());
                draw(gc, new Rectangle(0, 0, width, height));
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".plot", ".png");
            try {
                loader.save(tmp.toString(), SWT.IMAGE_PNG);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } finally {
            image.dispose();
        }
    }

    private void draw(GC gc, Rectangle area) {
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        int fh = gc.getFontMetrics().getHeight();
        Color black = getDisplay().getSystemColor(SWT.COLOR_BLACK);
        Color grid = new Color(getDisplay(), 225, 225, 225);
        try {
            gc.setForeground(black);
            Point t = gc.textExtent(title);
            gc.drawText(title, area.x + (area.width - t.x) / 2, area.y + 2, true);
            double xlo = Double.POSITIVE_INFINITY;
            double xhi = Double.NEGATIVE_INFINITY;
            double ylo = Double.POSITIVE_INFINITY;
            double yhi = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                        xlo = Math.min(xlo, s.x()[i]);
                        xhi = Math.max(xhi, s.x()[i]);
                        ylo = Math.min(ylo, s.y()[i]);
                        yhi = Math.max(yhi, s.y()[i]);
                    }
                }
            }
            if (xlo > xhi && map == null) {
                String none = "no data: run a mission";
                Point n = gc.textExtent(none);
                gc.drawText(none, area.x + (area.width - n.x) / 2, area.y + area.height / 2, true);
                return;
            }
            // equal aspect: a square data box around the points; the plot area is made square below
            double[] box = equalAspect ? PlotExport.square(xlo, xhi, ylo, yhi) : new double[] {xlo, xhi, ylo, yhi};
            Ticks xt = map != null ? new Ticks(-180, 180, 60) : Ticks.of(box[0], box[1], 6);
            Ticks yt = map != null ? new Ticks(-90, 90, 30) : Ticks.of(box[2], box[3], 5);
            int labelWidth = 0;
            for (double v : yt.values()) {
                labelWidth = Math.max(labelWidth, gc.textExtent(yt.label(v)).x);
            }
            int left = area.x + fh + labelWidth + 10;
            int right = area.x + area.width - 6 - gc.textExtent(xt.label(xt.max())).x / 2;
            int top = area.y + fh + 8;
            int bottom = area.y + area.height - (series.size() > 1 ? 3 : 2) * fh - 10;
            if (right - left < 20 || bottom - top < 20) {
                return;
            }
            if (equalAspect || map != null) {
                // metres (or degrees) per pixel the same both ways
                int[] square = PlotExport.sameScale(xt, yt, left, right, top, bottom);
                left = square[0];
                right = square[1];
                top = square[2];
            }
            if (map != null) {
                if (mapImage == null) {
                    mapImage = new Image(getDisplay(), map);
                }
                gc.drawImage(mapImage, 0, 0, map.width, map.height, left, top, right - left, bottom - top);
            }
            // grid and tick labels
            for (double v : xt.values()) {
                int px = left + (int) Math.round((v - xt.min()) / (xt.max() - xt.min()) * (right - left));
                gc.setForeground(grid);
                gc.drawLine(px, top, px, bottom);
                gc.setForeground(black);
                String l = xt.label(v);
                gc.drawText(l, px - gc.textExtent(l).x / 2, bottom + 3, true);
            }
            for (double v : yt.values()) {
                int py = bottom - (int) Math.round((v - yt.min()) / (yt.max() - yt.min()) * (bottom - top));
                gc.setForeground(grid);
                gc.drawLine(left, py, right, py);
                gc.setForeground(black);
                String l = yt.label(v);
                gc.drawText(l, left - 4 - gc.textExtent(l).x, py - fh / 2, true);
            }
            gc.drawRectangle(left, top, right - left, bottom - top);
            Point xl = gc.textExtent(xLabel);
            gc.drawText(xLabel, left + (right - left - xl.x) / 2, bottom + fh + 4, true);
            org.eclipse.swt.graphics.Transform rot = new org.eclipse.swt.graphics.Transform(getDisplay());
            try {
                Point yl = gc.textExtent(yLabel);
                rot.translate(area.x + 2, top + (bottom - top + yl.x) / 2);
                rot.rotate(-90);
                gc.setTransform(rot);
                gc.drawText(yLabel, 0, 0, true);
                gc.setTransform(null);
            } finally {
                rot.dispose();
            }
            // the series, clipped to the plot area, min and max per pixel column
            // (the frame included: a series along an axis' end, a throttle at 100 %, stays visible)
            gc.setClipping(left - 1, top - 1, right - left + 3, bottom - top + 3);
            for (Series s : series) {
                Color c = new Color(getDisplay(), s.colour());
                try {
                    gc.setForeground(c);
                    if (s.points()) {
                        gc.setBackground(c);
                        for (int i = 0; i < s.x().length; i++) {
                            if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                                int px = left + (int) Math.round((s.x()[i] - xt.min()) / (xt.max() - xt.min()) * (right - left));
                                int py = bottom - (int) Math.round((s.y()[i] - yt.min()) / (yt.max() - yt.min()) * (bottom - top));
                                gc.fillOval(px - 2, py - 2, 5, 5);
                            }
                        }
                    } else {
                        gc.setLineWidth(2);
                        for (int[] piece : Polylines.screen(s.x(), s.y(), xt, yt, left, right, top, bottom)) {
                            gc.drawPolyline(piece);
                        }
                        gc.setLineWidth(1);
                    }
                } finally {
                    c.dispose();
                }
            }
            gc.setClipping((Rectangle) null);
            legend(gc, left, right, bottom + 2 * fh + 6);
        } finally {
            grid.dispose();
        }
    }
}
