package org.launchbench.ui.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.fc.api.Endpoint;
import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.LinkProvider;
import org.launchbench.fc.api.LinkProviders;
import org.launchbench.fc.api.LinkStatistics;
import org.launchbench.fc.api.Packet;
import org.launchbench.fc.hil.CycleObserver;
import org.launchbench.fc.hil.HilMission;
import org.launchbench.fc.hil.LandingPlant;
import org.launchbench.fc.hil.LoopStatistics;
import org.launchbench.fc.hil.RealTimeLoop;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.ui.workbench.plot.LinePlot;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The HIL view: a mission's landing burn flown in real time with a flight computer in the loop, as
 * {@code launchbench hil} flies it (the CCSDS link, the shipped landing dictionary, all the mission's scenarios).
 * While the loop runs, its telemetry (the sensor packets sent, the engine commands in force) streams into the plots
 * five times a second, with the link's counts; the command log notes the computer's first answer, ignition, cut-off
 * and silence; the loop's statistics and the touchdown come at the end. Stop ends the loop where it is.
 */
public final class HilPart {

    /** Element ID of this part in the application model. */
    public static final String ID = "org.launchbench.ui.part.hil";
    /** System properties that set the view's endpoint and rate at start ({@code LAUNCHBENCH_VMARGS}). */
    public static final String FC_PROPERTY = "launchbench.fc";
    /** See {@link #FC_PROPERTY}. */
    public static final String RATE_PROPERTY = "launchbench.rate";
    private static final int KEEP = 200_000;

    private Text file;
    private Text endpoint;
    private Spinner rate;
    private Button fly;
    private Button stop;
    private Label status;
    private Label live;
    private org.eclipse.swt.widgets.List log;
    private final List<LinePlot> plots = new ArrayList<>();
    private Job job;
    private volatile RealTimeLoop loop;
    private volatile FlightComputerLink link;
    private final Telemetry telemetry = new Telemetry();

    /** The loop's values for the plots: written by the loop's thread, read by the UI's timer. */
    private static final class Telemetry implements CycleObserver {
        final double[] t = new double[KEEP];
        final double[] height = new double[KEEP];
        final double[] vz = new double[KEEP];
        final double[] throttle = new double[KEEP];
        final double[] east = new double[KEEP];
        final double[] north = new double[KEEP];
        volatile int n;
        final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        private boolean answered;
        private boolean ignited;
        private boolean cut;

        void reset() {
            n = 0;
            events.clear();
            answered = false;
            ignited = false;
            cut = false;
        }

        @Override
        public void cycle(double time, Map<String, Map<String, Double>> sensors, Map<String, Packet> commands) {
            int k = n;
            Map<String, Double> gnss = sensors.get("gnss");
            if (k >= KEEP || gnss == null) {
                return;
            }
            Packet engine = commands.get(LandingPlant.ENGINE_COMMAND);
            t[k] = time;
            height[k] = gnss.get("z");
            vz[k] = gnss.get("vz");
            east[k] = gnss.get("x");
            north[k] = gnss.get("y");
            throttle[k] = engine == null ? Double.NaN : engine.value("throttle") * 100;
            if (engine != null && !answered) {
                answered = true;
                events.add(String.format(Locale.ROOT, "%7.2f s  first command from the flight computer", time));
            }
            if (engine != null && engine.value("ignite") != 0 && !ignited) {
                ignited = true;
                events.add(String.format(Locale.ROOT, "%7.2f s  ignite commanded, %.0f m up, %.1f m/s down", time, height[k], -vz[k]));
            }
            if (engine != null && engine.value("cutoff") != 0 && !cut) {
                cut = true;
                events.add(String.format(Locale.ROOT, "%7.2f s  cut-off commanded, %.2f m up, %.2f m/s down", time, height[k], -vz[k]));
            }
            n = k + 1;
        }
    }

    /** @param parent the part's composite */
    @PostConstruct
    public void create(Composite parent) {
        Composite bar = HeaderBar.create(parent, 9);
        new Label(bar, SWT.NONE).setText("Mission:");
        file = new Text(bar, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(file);
        new Label(bar, SWT.NONE).setText("Flight computer:");
        endpoint = new Text(bar, SWT.BORDER | SWT.SINGLE);
        endpoint.setText(System.getProperty(FC_PROPERTY, "udp://127.0.0.1:47000"));
        GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(endpoint);
        new Label(bar, SWT.NONE).setText("Rate, Hz:");
        rate = new Spinner(bar, SWT.BORDER);
        rate.setValues(Integer.getInteger(RATE_PROPERTY, 100), 10, 1000, 0, 10, 100);
        fly = new Button(bar, SWT.PUSH);
        fly.setText("Fly");
        fly.addListener(SWT.Selection, e -> start());
        stop = new Button(bar, SWT.PUSH);
        stop.setText("Stop");
        stop.setEnabled(false);
        stop.addListener(SWT.Selection, e -> {
            RealTimeLoop l = loop;
            if (l != null) {
                l.stop();
            }
        });
        status = new Label(bar, SWT.NONE);
        status.setText("Start a flight computer (launchbench fc-sim --listen ENDPOINT), then Fly");
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(status);
        live = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(800, SWT.DEFAULT).applyTo(live);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        Composite grid = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(4, 4).applyTo(grid);
        String[][] specs = {{"Height (GNSS)", "time from ignition point, s", "height, m"},
            {"Vertical speed (GNSS)", "time from ignition point, s", "speed, m/s"},
            {"Throttle commanded", "time from ignition point, s", "throttle, %"}, {"Ground track", "east, m", "north, m"}};
        for (String[] s : specs) {
            LinePlot p = new LinePlot(grid, s[0], s[1], s[2]);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(p);
            plots.add(p);
        }
        plots.get(3).setEqualAspect(true);
        label();
        Units.addListener(unitsChanged);
        log = new org.eclipse.swt.widgets.List(sash, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        sash.setWeights(3, 1);
        String open = System.getProperty(TrajectoryPart.OPEN_PROPERTY);
        if (open != null && !open.endsWith(".json")) {
            file.setText(open);
            if (System.getProperty(FC_PROPERTY) != null) {
                start();
            }
        }
    }

    /** Prepares the landing and flies it in the loop, as a Job; the UI refreshes five times a second while it runs. */
    void start() {
        Path mission = Path.of(file.getText().strip());
        String fc = endpoint.getText().strip();
        double hz = rate.getSelection();
        Display display = file.getDisplay();
        telemetry.reset();
        log.removeAll();
        fly.setEnabled(false);
        stop.setEnabled(true);
        status.setText("Flying " + mission.getFileName() + " to its landing burn…");
        job = new Job("Landing burn in the loop with " + fc) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor progress = SubMonitor.convert(monitor, 100);
                try {
                    if (!Files.isRegularFile(mission)) {
                        finish(display, mission + ": no such mission file");
                        return Status.OK_STATUS;
                    }
                    Endpoint e = Endpoint.parse(fc, "flight computer");
                    LinkProvider provider = LinkProviders.choose(providers(), LinkProviders.DEFAULT_PROTOCOL, "protocol");
                    HilMission hm = HilMission.prepare(mission, TrajectoryPart.catalog(), Optional.empty(), progress.split(50));
                    display.asyncExec(() -> {
                        if (!status.isDisposed()) {
                            status.setText("In the loop with " + fc + " at " + (int) hz + " Hz");
                            refresh();
                        }
                    });
                    RealTimeLoop l = new RealTimeLoop(hz, 120);
                    loop = l;
                    LoopStatistics s;
                    try (FlightComputerLink opened = provider.connect(e, LandingPlant.dictionary(Optional.empty()), Duration.ofMillis(500))) {
                        link = opened;
                        s = l.run(hm.plant(), opened, telemetry);
                    } finally {
                        link = null;
                        loop = null;
                    }
                    if (!hm.plant().finished()) {
                        hm.plant().abandon("the loop was stopped before touchdown");
                    }
                    RecoveryResult r = hm.plant().result();
                    if (!Double.isNaN(s.silentAt())) {
                        telemetry.events.add(String.format(Locale.ROOT, "%7.2f s  the flight computer fell silent", s.silentAt()));
                    }
                    String line = String.format(Locale.ROOT, "%s: %s %.2f m from the centre at %.2f m/s; %d cycles at %.0f Hz, %d answered,"
                        + " %d deadline misses, round trip p50 %.0f µs, p99 %.0f µs", hm.missionId(), r.outcome().json(), r.missDistance(),
                        r.touchdownVerticalSpeed(), s.cycles(), s.rateHz(), s.answered(), s.deadlineMisses(), s.latencyP50Us(), s.latencyP99Us())
                        + (r.reason() == null ? "" : "; " + r.reason());
                    telemetry.events.add("touchdown: " + r.outcome().json() + (r.reason() == null ? "" : " (" + r.reason() + ")"));
                    finish(display, line);
                    System.out.println("hil view: " + line);
                    System.out.flush();
                    return Status.OK_STATUS;
                } catch (LaunchBenchException ex) {
                    finish(display, ex.getMessage());
                    return Status.OK_STATUS;
                }
            }
        };
        job.setUser(true);
        job.schedule();
        display.timerExec(200, this::tick);
    }

    /** Runs when the units change: the axes renamed, what the loop recorded drawn again in the new units. */
    private final Runnable unitsChanged = () -> {
        if (!log.isDisposed()) {
            label();
            refresh();
        }
    };

    /** Names the plots' axes in the current units (the log's lines keep the SI units they name). */
    private void label() {
        Units u = Units.current();
        String time = "time from ignition point, s";
        plots.get(0).setLabels(time, u.label("height", Units.Quantity.DISTANCE));
        plots.get(1).setLabels(time, u.label("speed", Units.Quantity.SPEED));
        plots.get(3).setLabels(u.label("east", Units.Quantity.DISTANCE), u.label("north", Units.Quantity.DISTANCE));
    }

    private void tick() {
        if (log.isDisposed() || job == null) {
            return;
        }
        refresh();
        if (fly.isEnabled()) {
            return;
        }
        log.getDisplay().timerExec(200, this::tick);
    }

    /** Copies what the loop has recorded into the plots, the link's counts and the log. */
    private void refresh() {
        int n = telemetry.n;
        double[] t = Arrays.copyOf(telemetry.t, n);
        Units u = Units.current();
        plots.get(0).setSeries(List.of(new LinePlot.Series("height", t, convert(u, Units.Quantity.DISTANCE, telemetry.height, n), LinePlot.PALETTE[0])));
        plots.get(1).setSeries(List.of(new LinePlot.Series("vertical speed", t, convert(u, Units.Quantity.SPEED, telemetry.vz, n),
            LinePlot.PALETTE[0])));
        plots.get(2).setSeries(List.of(new LinePlot.Series("throttle", t, Arrays.copyOf(telemetry.throttle, n), LinePlot.PALETTE[1])));
        plots.get(3).setSeries(List.of(new LinePlot.Series("track", convert(u, Units.Quantity.DISTANCE, telemetry.east, n),
            convert(u, Units.Quantity.DISTANCE, telemetry.north, n), LinePlot.PALETTE[0]),
            new LinePlot.Series("", new double[] {0}, new double[] {0}, new org.eclipse.swt.graphics.RGB(0, 0, 0), true)));
        FlightComputerLink l = link;
        if (l != null) {
            LinkStatistics s = l.statistics();
            live.setText(String.format(Locale.ROOT, "Live: %d cycles, %.1f s; link %s: %d packets sent, %d received, %d corrupt, %d lost,"
                + " %d duplicate, %d out of order", n, n == 0 ? 0 : t[n - 1], l.health(), s.packetsSent(), s.packetsReceived(),
                s.packetsCorrupt(), s.packetsLost(), s.packetsDuplicate(), s.packetsOutOfOrder()));
        }
        while (log.getItemCount() < telemetry.events.size()) {
            log.add(telemetry.events.get(log.getItemCount()));
        }
    }

    private void finish(Display display, String message) {
        display.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            refresh();
            status.setText(message.length() > 100 ? message.substring(0, 100) + "…" : message);
            status.setToolTipText(message);
            live.setText(message);
            fly.setEnabled(true);
            stop.setEnabled(false);
        });
    }

    private static List<LinkProvider> providers() {
        BundleContext context = FrameworkUtil.getBundle(HilPart.class).getBundleContext();
        List<LinkProvider> out = new ArrayList<>();
        try {
            for (ServiceReference<LinkProvider> ref : context.getServiceReferences(LinkProvider.class, null)) {
                out.add(context.getService(ref));
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** @return the plots, the mission and endpoint fields, the Fly button and the live line, for tests */
    List<LinePlot> plots() {
        return plots;
    }

    Text missionField() {
        return file;
    }

    Text endpointField() {
        return endpoint;
    }

    Button flyButton() {
        return fly;
    }

    Label liveLine() {
        return live;
    }

    /** The first n values, in the units' size for the quantity. */
    private static double[] convert(Units u, Units.Quantity q, double[] si, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = u.of(q, si[i]);
        }
        return out;
    }

    @PreDestroy
    void dispose() {
        Units.removeListener(unitsChanged);
        RealTimeLoop l = loop;
        if (l != null) {
            l.stop();
        }
    }
}
