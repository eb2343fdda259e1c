package org.launchbench.ui.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.launchbench.recovery.stage.MissionRecovery;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.trajectory.ascent.AscentResult;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.flight.FlightEvent;
import org.launchbench.trajectory.flight.FlightSample;
import org.launchbench.ui.workbench.plot.LinePlot;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The trajectory view: a mission flown by the trajectory engine (as {@code launchbench simulate} flies it, without the
 * recovery), its time history plotted for the upper stage and the separated booster together, and its event
 * timeline. The run is a Job with progress and cancel, so the window stays live; a mission given at start-up
 * ({@code launchbench open MISSION}) runs at once.
 */
public final class TrajectoryPart {

    /** Element ID of this part in the application model. */
    public static final String ID = "org.launchbench.ui.part.trajectory";
    /** The system property the start script sets for {@code launchbench open MISSION}. */
    public static final String OPEN_PROPERTY = "launchbench.open";

    private Text file;
    private Button run;
    private Label status;
    private final List<LinePlot> plots = new ArrayList<>();
    private Table events;
    private Job job;
    private AscentResult result;
    private LinePlot track;

    /** The world map in this bundle. */
    static final String WORLD_MAP = "maps/natural-earth-1-720x360.png";

    /** @param parent the part's composite */
    @PostConstruct
    public void create(Composite parent) {
        Composite bar = HeaderBar.create(parent, 5);
        file = HeaderBar.fileField(bar, "Mission:", "*.mission", this::start);
        run = new Button(bar, SWT.PUSH);
        run.setText("Run");
        run.addListener(SWT.Selection, e -> start());
        status = new Label(bar, SWT.NONE);
        status.setText("Open a mission file, e.g. examples/missions/zhuque3-y1-downrange.mission");
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(status);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        Composite grid = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).equalWidth(true).spacing(4, 4).applyTo(grid);
        for (String title : new String[] {"Altitude", "Speed (Earth-relative)", "Mach number", "Dynamic pressure", "Sensed acceleration",
            "Mass", "Throttle", "Altitude against downrange"}) {
            LinePlot p = new LinePlot(grid, title, "", "");
            GridDataFactory.fillDefaults().grab(true, true).applyTo(p);
            plots.add(p);
        }
        Composite lower = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(4, 4).applyTo(lower);
        events = new Table(lower, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(events);
        track = new LinePlot(lower, "Ground track", "longitude, deg", "latitude, deg");
        // the world map comes with the first run (decoded in the run's Job): decoding it as the window comes up, even on
        // a thread of its own, delays the start-up (docs/benchmarks.md)
        GridDataFactory.fillDefaults().grab(false, true).hint(460, SWT.DEFAULT).applyTo(track);
        events.setHeaderVisible(true);
        events.setLinesVisible(true);
        for (int c = 0; c < 8; c++) {
            TableColumn col = new TableColumn(events, c == 0 ? SWT.LEFT : SWT.RIGHT);
            col.setWidth(c == 0 ? 200 : 110);
        }
        label();
        sash.setWeights(5, 3);
        Units.addListener(unitsChanged);
        String open = System.getProperty(OPEN_PROPERTY);
        if (open != null && !open.isBlank() && !open.endsWith(".json")) {
            file.setText(open);
            start();
        }
    }

    /** Flies a mission file (File → Open…). */
    public void open(Path mission) {
        file.setText(mission.toString());
        start();
    }

    /** Flies the mission in the text field as a Job; the plots fill when it ends. */
    void start() {
        if (job != null) {
            job.cancel();
        }
        Path mission = Path.of(file.getText().strip());
        VehicleCatalog catalog = catalog();
        Display display = file.getDisplay();
        status.setText("Flying " + mission.getFileName() + "…");
        run.setEnabled(false);
        job = new Job("Simulating " + mission.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    if (!Files.isRegularFile(mission)) {
                        show(display, null, mission + ": no such mission file");
                        return Status.OK_STATUS;
                    }
                    MissionAscent m = MissionAscent.load(mission, catalog);
                    AscentResult r = MissionRecovery.sizedAscent(m, mission.toString(), monitor).ascent();
                    worldMapLoaded();
                    if (monitor.isCanceled()) {
                        show(display, null, "cancelled");
                        return Status.CANCEL_STATUS;
                    }
                    show(display, r, String.format(Locale.ROOT, "%s on %s: %d events, cut-off at %.1f s", m.mission().getId(),
                        m.vehicle().getName(), r.events().size(), r.cutoffTime()));
                    System.out.printf(Locale.ROOT, "trajectory view: %s: %d samples (upper stage), %d (booster), %d events, cut-off at %.3f s%n",
                        m.mission().getId(), r.history().size(), r.booster() == null ? 0 : r.booster().history().size(), r.events().size(),
                        r.cutoffTime());
                    System.out.flush();
                    return Status.OK_STATUS;
                } catch (LaunchBenchException e) {
                    // a user's mistake: its message, no stack trace
                    show(display, null, e.getMessage());
                    return Status.OK_STATUS;
                }
            }
        };
        job.setUser(true);
        job.schedule();
    }

    private void show(Display display, AscentResult r, String message) {
        display.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            status.setText(message);
            run.setEnabled(true);
            if (r != null) {
                result = r;
                if (!track.hasWorldMap()) {
                    track.setWorldMap(worldMap);
                }
                fill(r);
            }
        });
    }

    /** Runs when the units change: the axes and columns renamed, the last run shown again in the new units. */
    private final Runnable unitsChanged = () -> {
        if (!events.isDisposed()) {
            label();
            if (result != null) {
                fill(result);
            }
        }
    };

    /** Names the axes and the event table's columns in the current units. */
    private void label() {
        Units u = Units.current();
        String time = "time, s";
        String[][] axes = {{time, u.label("altitude", Units.Quantity.ALTITUDE)}, {time, u.label("speed", Units.Quantity.SPEED)},
            {time, "Mach"}, {time, u.label("q", Units.Quantity.PRESSURE)}, {time, "acceleration, g"}, {time, u.label("mass", Units.Quantity.MASS)},
            {time, "throttle, %"}, {u.label("downrange", Units.Quantity.RANGE), u.label("altitude", Units.Quantity.ALTITUDE)}};
        for (int k = 0; k < axes.length; k++) {
            plots.get(k).setLabels(axes[k][0], axes[k][1]);
        }
        String[] columns = {"event", time, u.label("altitude", Units.Quantity.ALTITUDE), u.label("speed", Units.Quantity.SPEED), "Mach",
            u.label("q", Units.Quantity.PRESSURE), u.label("downrange", Units.Quantity.RANGE), u.label("mass", Units.Quantity.MASS)};
        for (int c = 0; c < columns.length; c++) {
            events.getColumn(c).setText(columns[c]);
        }
    }

    private void fill(AscentResult r) {
        Units u = Units.current();
        List<FlightSample> up = r.history();
        List<FlightSample> booster = r.booster() == null ? List.of() : r.booster().history();
        List<ToDoubleFunction<FlightSample>> ys = List.of(s -> u.of(Units.Quantity.ALTITUDE, s.altitude()),
            s -> u.of(Units.Quantity.SPEED, s.speed()), FlightSample::mach, s -> u.of(Units.Quantity.PRESSURE, s.dynamicPressure()),
            s -> s.acceleration() / 9.80665, s -> u.of(Units.Quantity.MASS, s.mass()), s -> s.throttle() * 100);
        for (int k = 0; k < ys.size(); k++) {
            plots.get(k).setSeries(both(up, booster, FlightSample::time, ys.get(k)));
        }
        plots.get(7).setSeries(both(up, booster, s -> u.of(Units.Quantity.RANGE, s.downrange()), s -> u.of(Units.Quantity.ALTITUDE, s.altitude())));
        List<LinePlot.Series> ground = new ArrayList<>();
        ground.add(groundTrack("vehicle", up, LinePlot.PALETTE[0]));
        if (!booster.isEmpty()) {
            ground.add(groundTrack("first stage (ballistic)", booster, LinePlot.PALETTE[1]));
        }
        track.setSeries(ground);
        events.removeAll();
        // feet and pounds run to six or seven digits: fewer decimals than kilometres and tonnes
        int fine = u == Units.METRIC ? 2 : 0;
        for (FlightEvent e : r.events()) {
            TableItem item = new TableItem(events, SWT.NONE);
            item.setText(new String[] {e.name(), f(e.time(), 1), f(u.of(Units.Quantity.ALTITUDE, e.altitude()), fine),
                f(u.of(Units.Quantity.SPEED, e.speed()), 1), f(e.mach(), 2), f(u.of(Units.Quantity.PRESSURE, e.dynamicPressure()), 2),
                f(u.of(Units.Quantity.RANGE, e.downrange()), 2), f(u.of(Units.Quantity.MASS, e.mass()), u == Units.METRIC ? 3 : 0)});
        }
    }

    private static List<LinePlot.Series> both(List<FlightSample> up, List<FlightSample> booster, ToDoubleFunction<FlightSample> x,
                                              ToDoubleFunction<FlightSample> y) {
        List<LinePlot.Series> out = new ArrayList<>();
        out.add(series("vehicle", up, x, y, LinePlot.PALETTE[0]));
        if (!booster.isEmpty()) {
            out.add(series("first stage (ballistic)", booster, x, y, LinePlot.PALETTE[1]));
        }
        return out;
    }

    private static LinePlot.Series series(String name, List<FlightSample> samples, ToDoubleFunction<FlightSample> x,
                                          ToDoubleFunction<FlightSample> y, org.eclipse.swt.graphics.RGB colour) {
        return new LinePlot.Series(name, samples.stream().mapToDouble(x).toArray(), samples.stream().mapToDouble(y).toArray(), colour);
    }

    /** A track in longitude and latitude, broken where it crosses the antimeridian (so no line spans the map). */
    static LinePlot.Series groundTrack(String name, List<FlightSample> samples, org.eclipse.swt.graphics.RGB colour) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            FlightSample s = samples.get(i);
            if (i > 0 && Math.abs(s.longitude() - samples.get(i - 1).longitude()) > 180) {
                points.add(new double[] {Double.NaN, Double.NaN});
            }
            points.add(new double[] {s.longitude(), s.latitude()});
        }
        return new LinePlot.Series(name, points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
            colour);
    }

    /**
     * The world map the ground track is drawn on: Natural Earth I shaded relief, 720 x 360 pixels, equirectangular
     * (public domain; maps/README.md), decoded at the first call (a run's Job). Null when the bundle lacks it (the
     * track is then drawn on the bare axes).
     */
    static org.eclipse.swt.graphics.ImageData worldMapLoaded() {
        if (worldMap == null) {
            worldMap = worldMap();
        }
        return worldMap;
    }

    /** The world map once decoded (null before, or when the bundle lacks it), shared by the trajectory views. */
    private static volatile org.eclipse.swt.graphics.ImageData worldMap;

    private static org.eclipse.swt.graphics.ImageData worldMap() {
        java.net.URL entry = FrameworkUtil.getBundle(TrajectoryPart.class).getEntry(WORLD_MAP);
        if (entry == null) {
            return null;
        }
        try (java.io.InputStream in = entry.openStream()) {
            return new org.eclipse.swt.graphics.ImageData(in);
        } catch (java.io.IOException | org.eclipse.swt.SWTException e) {
            return null;
        }
    }

    private static String f(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "";
    }

    static VehicleCatalog catalog() {
        BundleContext context = FrameworkUtil.getBundle(TrajectoryPart.class).getBundleContext();
        ServiceReference<VehicleCatalog> ref = context.getServiceReference(VehicleCatalog.class);
        if (ref == null) {
            throw new IllegalStateException("no vehicle catalog service: the installation lacks org.launchbench.vehicle.model");
        }
        return context.getService(ref);
    }

    @PreDestroy
    void dispose() {
        Units.removeListener(unitsChanged);
        if (job != null) {
            job.cancel();
        }
    }

    /** @return the plots, for tests */
    List<LinePlot> plots() {
        return plots;
    }

    /** @return the ground-track plot (for tests) */
    LinePlot groundTrack() {
        return track;
    }

    /** @return the event table (for tests) */
    Table events() {
        return events;
    }

    /** @return the last result shown (null before a run) */
    AscentResult result() {
        return result;
    }
}
