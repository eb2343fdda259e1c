package org.launchbench.ui.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.campaign.ClusterCampaigns;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.flight.FlightSample;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.ui.workbench.plot.LinePlot;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The recovery view: a Monte Carlo landing campaign as {@code launchbench dispersion} flies it (default sigmas, the seed
 * given) and its nominal recovery, on this machine or, ticked "On the cluster", on the workers of the cluster the
 * preferences name ({@link RecoveryCampaign}): the nominal descent profile with the burns, the touchdown scatter around
 * the pad with the 1, 2 and 3 σ ellipses and the R50 and R90 circles, and histograms of the miss distance, the
 * propellant left and the touchdown speed, the runs shown as they land. One Job for all, with progress and cancel
 * (cancelling stops the cluster's work too). A failure scenario of the mission (Scenario; none by default) is injected
 * into the recovery and every run.
 */
public final class RecoveryPart {

    /** Element ID of this part in the application model. */
    public static final String ID = "org.launchbench.ui.part.recovery";
    /** The system property that sets the scenario at start ({@code LAUNCHBENCH_VMARGS}). */
    public static final String SCENARIO_PROPERTY = "launchbench.scenario";
    /** The system property that ticks On the cluster at start ({@code LAUNCHBENCH_VMARGS}: {@code -Dlaunchbench.on.cluster=true}). */
    public static final String CLUSTER_PROPERTY = "launchbench.on.cluster";

    private static final RGB COAST = new RGB(127, 127, 127);
    private static final RGB BURN = new RGB(214, 39, 40);
    private static final RGB LANDED = new RGB(44, 160, 44);
    private static final RGB CRASHED = new RGB(214, 39, 40);
    private static final RGB ELLIPSE = new RGB(31, 119, 180);
    private static final RGB CIRCLE = new RGB(148, 103, 189);

    private Text file;
    private Spinner runs;
    private Spinner seed;
    private org.eclipse.swt.widgets.Combo scenario;
    private Button onCluster;
    private Button run;
    private Label status;
    private Label summary;
    private final List<LinePlot> plots = new ArrayList<>();
    private Job job;
    private final List<Dispersion.Run> streamed = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param parent the part's composite */
    @PostConstruct
    public void create(Composite parent) {
        Composite bar = HeaderBar.create(parent, 11);
        file = HeaderBar.fileField(bar, "Mission:", "*.mission", null);
        new Label(bar, SWT.NONE).setText("Runs:");
        runs = new Spinner(bar, SWT.BORDER);
        runs.setValues(Integer.getInteger("launchbench.runs", 100), 1, 100_000, 0, 10, 100);
        new Label(bar, SWT.NONE).setText("Seed:");
        seed = new Spinner(bar, SWT.BORDER);
        seed.setValues(1, 0, Integer.MAX_VALUE, 0, 1, 10);
        new Label(bar, SWT.NONE).setText("Scenario:");
        scenario = new org.eclipse.swt.widgets.Combo(bar, SWT.DROP_DOWN);
        scenario.setItems("none");
        scenario.setText(System.getProperty(SCENARIO_PROPERTY, "none"));
        scenario.setToolTipText("A failure scenario of the mission, injected into the recovery and every run ('none': nominal)");
        onCluster = new Button(bar, SWT.CHECK);
        onCluster.setText("On the cluster");
        onCluster.setSelection(Boolean.getBoolean(CLUSTER_PROPERTY));
        onCluster.setToolTipText("Fly the campaign's runs on the workers of the cluster named in File > Preferences (launchbench"
            + " worker): the same runs as on this machine");
        run = new Button(bar, SWT.PUSH);
        run.setText("Run");
        run.addListener(SWT.Selection, e -> start());
        // on a line of its own: in the bar, beside nine controls, it was cut to a few words at 1200 pixels
        status = new Label(parent, SWT.NONE);
        status.setText("Open a mission with a recovery, e.g. examples/missions/falcon9-leo-asds.mission");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(800, SWT.DEFAULT).applyTo(summary);

        Composite grid = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(true).spacing(4, 4).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        for (String title : new String[] {"Descent profile (nominal)", "Speed (nominal)", "Touchdown scatter", "Miss distance",
            "Propellant left (landed runs)", "Touchdown vertical speed"}) {
            LinePlot p = new LinePlot(grid, title, "", "");
            GridDataFactory.fillDefaults().grab(true, true).applyTo(p);
            plots.add(p);
        }
        plots.get(2).setEqualAspect(true);
        label();
        Units.addListener(unitsChanged);
        String open = System.getProperty(TrajectoryPart.OPEN_PROPERTY);
        if (open != null && !open.isBlank() && !open.endsWith(".json")) {
            file.setText(open);
            start();
        }
    }

    /** Flies the recovery and the campaign as a Job, here or on the cluster of the preferences. */
    void start() {
        if (job != null) {
            job.cancel();
        }
        Path mission = Path.of(file.getText().strip());
        int n = runs.getSelection();
        String chosen = scenario.getText().strip();
        long s = seed.getSelection();
        boolean there = onCluster.getSelection();
        Display display = file.getDisplay();
        status.setText("Flying " + mission.getFileName() + (there ? " on the cluster…" : "…"));
        status.setToolTipText(null);
        run.setEnabled(false);
        job = new Job("Recovery and " + n + "-run dispersion of " + mission.getFileName() + (there ? " on the cluster" : "")) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    if (!Files.isRegularFile(mission)) {
                        show(display, null, mission + ": no such mission file");
                        return Status.OK_STATUS;
                    }
                    Optional<ClusterAccess> cluster = there ? Optional.of(PreferencesAddon.workspacePreferences().clusterAccess()
                        .orElseThrow(() -> InvalidInputException.because("no cluster is configured").element("On the cluster")
                            .fix("name the cluster's members and secret file in File > Preferences, or untick On the cluster").build()))
                        : Optional.empty();
                    streamed.clear();
                    RecoveryCampaign.Flown f = engines().fly(new RecoveryCampaign.Request(mission, n, s, chosen, cluster),
                        new RecoveryCampaign.Listener() {
                            @Override
                            public void scenarios(List<String> names) {
                                display.asyncExec(() -> offer(names));
                            }

                            @Override
                            public void nominal(RecoveryResult nominal) {
                                // the runs stream into the plots as they land (refreshed twice a second), the statistics at the end
                                display.asyncExec(() -> stream(display, nominal));
                            }

                            @Override
                            public void run(Dispersion.Run r) {
                                streamed.add(r);
                            }
                        }, monitor);
                    Dispersion.Summary sum = f.summary();
                    RecoveryResult nominal = f.nominal();
                    String line = String.format(Locale.ROOT, "%s: nominal %s %.2f m from the centre; %d runs (seed %d): %d landed, R50 %.3f m,"
                        + " R90 %.3f m", f.missionId(), nominal.outcome().json(), nominal.missDistance(), n, s, sum.landed(), sum.r50(),
                        sum.r90()) + (f.scenarios().isEmpty() ? "" : "; scenario " + String.join(", ", f.scenarios())
                        + (nominal.reason() == null ? "" : ": " + nominal.reason()))
                        + (there ? "; on " + f.where() + ": " + f.flown().members() + " members, " + f.flown().reassignedRuns() + " runs reassigned"
                            : "");
                    show(display, f, line);
                    System.out.println("recovery view: " + line);
                    System.out.flush();
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    show(display, null, "cancelled");
                    return Status.CANCEL_STATUS;
                } catch (LaunchBenchException e) {
                    show(display, null, e.getMessage());
                    System.out.println("recovery view: " + e.getMessage());
                    System.out.flush();
                    return Status.OK_STATUS;
                } catch (RuntimeException e) {
                    // a fault of ours: said in the view (not left at "Flying…") and logged with its trace by the Job
                    show(display, null, "internal error, see the error log: " + e);
                    return Status.error("the recovery view's campaign failed", e);
                }
            }
        };
        job.setUser(true);
        job.schedule();
    }

    /** Offers the mission's scenarios in the choice, keeping what is typed. */
    private void offer(List<String> names) {
        if (!scenario.isDisposed()) {
            String text = scenario.getText();
            List<String> items = new ArrayList<>(List.of("none"));
            items.addAll(names);
            scenario.setItems(items.toArray(String[]::new));
            scenario.setText(text);
        }
    }

    /** @return the engines the view flies with: the catalog, the fidelities and the cluster back end installed */
    private static RecoveryCampaign engines() {
        BundleContext context = FrameworkUtil.getBundle(RecoveryPart.class).getBundleContext();
        List<ClusterCampaigns> backends = services(context, ClusterCampaigns.class);
        return new RecoveryCampaign(TrajectoryPart.catalog(), services(context, DynamicsFactory.class),
            backends.isEmpty() ? null : backends.get(0));
    }

    private static <S> List<S> services(BundleContext context, Class<S> type) {
        try {
            return context.getServiceReferences(type, null).stream().map(context::getService).filter(java.util.Objects::nonNull).toList();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter is given
        }
    }

    private void show(Display display, RecoveryCampaign.Flown flown, String message) {
        display.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            status.setText(message.length() > 120 ? message.substring(0, 120) + "…" : message);
            status.setToolTipText(message);
            run.setEnabled(true);
            if (flown != null) {
                fill(flown.nominal(), flown.runs(), flown.summary());
            }
        });
    }

    /** The last run shown, to show again when the units change (null before one). */
    private Shown shown;

    private record Shown(RecoveryResult nominal, List<Dispersion.Run> all, Dispersion.Summary sum) {
    }

    /** Runs when the units change: the axes renamed, the last run shown again in the new units. */
    private final Runnable unitsChanged = () -> {
        if (!summary.isDisposed()) {
            label();
            if (shown != null) {
                fill(shown.nominal(), shown.all(), shown.sum());
            }
        }
    };

    /** Names the axes in the current units. */
    private void label() {
        Units u = Units.current();
        String since = "time from separation, s";
        String[][] axes = {{since, u.label("altitude", Units.Quantity.ALTITUDE)}, {since, u.label("speed", Units.Quantity.SPEED)},
            {u.label("east", Units.Quantity.DISTANCE), u.label("north", Units.Quantity.DISTANCE)}, {u.label("miss", Units.Quantity.DISTANCE), "runs"},
            {u.label("propellant", Units.Quantity.PROPELLANT), "runs"}, {u.label("speed", Units.Quantity.SPEED), "runs"}};
        for (int k = 0; k < axes.length; k++) {
            plots.get(k).setLabels(axes[k][0], axes[k][1]);
        }
    }

    private void fill(RecoveryResult nominal, List<Dispersion.Run> all, Dispersion.Summary sum) {
        shown = new Shown(nominal, all, sum);
        Units u = Units.current();
        java.util.function.DoubleUnaryOperator d = v -> u.of(Units.Quantity.DISTANCE, v);
        java.util.function.DoubleUnaryOperator sp = v -> u.of(Units.Quantity.SPEED, v);
        List<FlightSample> h = nominal.history();
        double t0 = h.isEmpty() ? 0 : h.get(0).time();
        plots.get(0).setSeries(split(h, t0, x -> u.of(Units.Quantity.ALTITUDE, x.altitude())));
        plots.get(1).setSeries(split(h, t0, x -> sp.applyAsDouble(x.speed())));
        List<LinePlot.Series> scatter = new ArrayList<>();
        scatter.add(points("landed", all, true, LANDED, d));
        scatter.add(points("crashed", all, false, CRASHED, d));
        for (int k = 1; k <= 3; k++) {
            // one legend entry for the three
            scatter.add(ellipse(k == 1 ? "1, 2, 3 σ" : "", sum, k, d));
        }
        scatter.add(circle("R50, R90", d.applyAsDouble(sum.r50())));
        scatter.add(circle("", d.applyAsDouble(sum.r90())));
        // the pad's centre, a black dot (no legend entry)
        scatter.add(new LinePlot.Series("", new double[] {0}, new double[] {0}, new RGB(0, 0, 0), true));
        plots.get(2).setSeries(scatter);
        plots.get(3).setSeries(List.of(LinePlot.histogram("all runs", all.stream().mapToDouble(r -> d.applyAsDouble(r.result().missDistance()))
            .toArray(), 20, ELLIPSE)));
        plots.get(4).setSeries(List.of(LinePlot.histogram("landed", all.stream().filter(r -> landed(r))
            .mapToDouble(r -> u.of(Units.Quantity.PROPELLANT, r.result().propellantRemaining())).toArray(), 20, LANDED)));
        plots.get(5).setSeries(List.of(LinePlot.histogram("all runs", all.stream()
            .mapToDouble(r -> sp.applyAsDouble(r.result().touchdownVerticalSpeed())).toArray(), 20, ELLIPSE)));
        String m = u.unit(Units.Quantity.DISTANCE);
        String v = u.unit(Units.Quantity.SPEED);
        summary.setText(String.format(Locale.ROOT, "Nominal: %s, %.2f %s from the centre, %.2f %s down, %.0f %s left.   Campaign: %d of %d"
            + " landed (P = %.3f ± %.3f); miss R50 %.2f %s, R90 %.2f %s, max %.1f %s; 1-σ ellipse %.2f × %.2f %s at %.0f°",
            nominal.outcome().json(), d.applyAsDouble(nominal.missDistance()), m, sp.applyAsDouble(nominal.touchdownVerticalSpeed()), v,
            u.of(Units.Quantity.PROPELLANT, nominal.propellantRemaining()), u.unit(Units.Quantity.PROPELLANT), sum.landed(), sum.runs(),
            sum.successProbability(), sum.successStandardError(), d.applyAsDouble(sum.r50()), m, d.applyAsDouble(sum.r90()), m,
            d.applyAsDouble(sum.missMax()), m, d.applyAsDouble(sum.ellipseMajor()), d.applyAsDouble(sum.ellipseMinor()), m,
            sum.ellipseAzimuth()));
        summary.getParent().layout(true, true);
    }

    /** While the campaign runs: the nominal profile, and the runs so far in the scatter and histograms. */
    private void stream(Display display, RecoveryResult nominal) {
        if (status.isDisposed() || run.isEnabled()) {
            return;
        }
        List<Dispersion.Run> so = List.copyOf(streamed);
        if (!so.isEmpty()) {
            Units u = Units.current();
            java.util.function.DoubleUnaryOperator d = v -> u.of(Units.Quantity.DISTANCE, v);
            List<FlightSample> h = nominal.history();
            double t0 = h.isEmpty() ? 0 : h.get(0).time();
            plots.get(0).setSeries(split(h, t0, x -> u.of(Units.Quantity.ALTITUDE, x.altitude())));
            plots.get(1).setSeries(split(h, t0, x -> u.of(Units.Quantity.SPEED, x.speed())));
            plots.get(2).setSeries(List.of(points("landed", so, true, LANDED, d), points("crashed", so, false, CRASHED, d),
                new LinePlot.Series("", new double[] {0}, new double[] {0}, new RGB(0, 0, 0), true)));
            plots.get(3).setSeries(List.of(LinePlot.histogram("runs so far", so.stream().mapToDouble(r -> d.applyAsDouble(r.result()
                .missDistance())).toArray(), 20, ELLIPSE)));
            status.setText(String.format(Locale.ROOT, "Campaign: %d of %d runs flown so far…", so.size(), runs.getSelection()));
        }
        display.timerExec(500, () -> stream(display, nominal));
    }

    private static boolean landed(Dispersion.Run r) {
        return r.result().outcome() == RecoveryResult.Outcome.LANDED;
    }

    /** The profile in two series, coasting and burning (a throttle above zero), each broken where the other flies. */
    private static List<LinePlot.Series> split(List<FlightSample> h, double t0, java.util.function.ToDoubleFunction<FlightSample> y) {
        double[] x = h.stream().mapToDouble(s -> s.time() - t0).toArray();
        double[] coast = new double[h.size()];
        double[] burn = new double[h.size()];
        for (int i = 0; i < h.size(); i++) {
            boolean burning = h.get(i).throttle() > 0 || i > 0 && h.get(i - 1).throttle() > 0;
            double v = y.applyAsDouble(h.get(i));
            coast[i] = burning && h.get(i).throttle() > 0 ? Double.NaN : v;
            burn[i] = burning ? v : Double.NaN;
        }
        return List.of(new LinePlot.Series("coasting", x, coast, COAST), new LinePlot.Series("burning", x, burn, BURN));
    }

    private static LinePlot.Series points(String name, List<Dispersion.Run> all, boolean landed, RGB colour,
                                          java.util.function.DoubleUnaryOperator unit) {
        List<Dispersion.Run> some = all.stream().filter(r -> landed(r) == landed).toList();
        return new LinePlot.Series(name, some.stream().mapToDouble(r -> unit.applyAsDouble(r.result().east())).toArray(),
            some.stream().mapToDouble(r -> unit.applyAsDouble(r.result().north())).toArray(), colour, true);
    }

    /** The k-σ ellipse of the touchdown points: semi-axes k times the 1-σ ones, the major at its azimuth from north. */
    private static LinePlot.Series ellipse(String name, Dispersion.Summary s, int k, java.util.function.DoubleUnaryOperator unit) {
        int n = 73;
        double[] x = new double[n];
        double[] y = new double[n];
        double az = Math.toRadians(s.ellipseAzimuth());
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / (n - 1);
            double along = k * s.ellipseMajor() * Math.cos(a);
            double across = k * s.ellipseMinor() * Math.sin(a);
            // major axis along (sin az, cos az) in (east, north), minor across it
            x[i] = unit.applyAsDouble(s.meanEast() + along * Math.sin(az) + across * Math.cos(az));
            y[i] = unit.applyAsDouble(s.meanNorth() + along * Math.cos(az) - across * Math.sin(az));
        }
        return new LinePlot.Series(name, x, y, ELLIPSE);
    }

    private static LinePlot.Series circle(String name, double r) {
        int n = 73;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r * Math.cos(2 * Math.PI * i / (n - 1));
            y[i] = r * Math.sin(2 * Math.PI * i / (n - 1));
        }
        return new LinePlot.Series(name, x, y, CIRCLE);
    }

    /** @return the plots, for tests */
    List<LinePlot> plots() {
        return plots;
    }

    /** @return the mission field, the runs spinner and the Run button, for tests */
    Text missionField() {
        return file;
    }

    Spinner runsSpinner() {
        return runs;
    }

    Button runButton() {
        return run;
    }

    /** @return the On the cluster box, for tests */
    Button clusterBox() {
        return onCluster;
    }

    /** @return the status line's whole text, for tests */
    String statusText() {
        return status.getToolTipText() == null ? status.getText() : status.getToolTipText();
    }

    /** @return the campaign's job (null before Run), for tests: cancelling it is what the Progress view's cancel does */
    Job job() {
        return job;
    }

    @PreDestroy
    void dispose() {
        Units.removeListener(unitsChanged);
        if (job != null) {
            job.cancel();
        }
    }
}
