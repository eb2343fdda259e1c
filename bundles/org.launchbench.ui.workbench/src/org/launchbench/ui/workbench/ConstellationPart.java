package org.launchbench.ui.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
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
import org.eclipse.swt.widgets.Text;
import org.launchbench.constellation.DeploymentPlan;
import org.launchbench.constellation.DeploymentPlanner;
import org.launchbench.constellation.Slot;
import org.launchbench.constellation.ConstellationSpec;
import org.launchbench.constellation.TrajectoryPayload;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.trajectory.dynamics.EarthModel;
import org.launchbench.ui.workbench.plot.LinePlot;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The constellation view: a deployment spec planned as {@code launchbench constellation plan} plans it. It shows the
 * design's planes and slots (node against argument of latitude), the launch campaign (each launch's date and target
 * plane), completion over time (satellites on station, planes complete) and the Δv each satellite needs. The planning
 * (with the trajectory engine's payload queries where the spec gives no payload) is a Job.
 */
public final class ConstellationPart {

    /** Element ID of this part in the application model. */
    public static final String ID = "org.launchbench.ui.part.constellation";
    private static final EarthModel EARTH = EarthModel.WGS84;

    private Text file;
    private Button run;
    private Label status;
    private Label summary;
    private final List<LinePlot> plots = new ArrayList<>();
    private Job job;

    /** @param parent the part's composite */
    @PostConstruct
    public void create(Composite parent) {
        Composite bar = HeaderBar.create(parent, 5);
        file = HeaderBar.fileField(bar, "Spec:", "*.json", this::start);
        run = new Button(bar, SWT.PUSH);
        run.setText("Plan");
        run.addListener(SWT.Selection, e -> start());
        status = new Label(bar, SWT.NONE);
        status.setText("Open a constellation spec, e.g. examples/constellations/thirty-per-launch-sea.json");
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(status);
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(800, SWT.DEFAULT).applyTo(summary);
        Composite grid = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(4, 4).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        String[][] specs = {{"Planes and slots", "argument of latitude, deg", "node (RAAN), deg"},
            {"Launch campaign", "days from the design's epoch", "target plane"},
            {"Completion", "days from the design's epoch", "share of the constellation, %"},
            {"Δv per satellite (raise and phasing)", "Δv, m/s", "satellites"}};
        for (String[] s : specs) {
            LinePlot p = new LinePlot(grid, s[0], s[1], s[2]);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(p);
            plots.add(p);
        }
        String open = System.getProperty(TrajectoryPart.OPEN_PROPERTY);
        if (open != null && open.endsWith(".json")) {
            file.setText(open);
            start();
        }
    }

    /** Plans a spec file (File → Open…). */
    public void open(Path spec) {
        file.setText(spec.toString());
        start();
    }

    /** Plans the spec in the text field as a Job. */
    void start() {
        if (job != null) {
            job.cancel();
        }
        Path spec = Path.of(file.getText().strip());
        Display display = file.getDisplay();
        status.setText("Planning " + spec.getFileName() + "…");
        run.setEnabled(false);
        job = new Job("Planning " + spec.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    if (!Files.isRegularFile(spec)) {
                        show(display, null, spec + ": no such spec file");
                        return Status.OK_STATUS;
                    }
                    ConstellationSpec s = ConstellationSpec.read(spec, TrajectoryPart.catalog(), new TrajectoryPayload(EARTH, monitor), EARTH);
                    DeploymentPlan plan = new DeploymentPlanner(EARTH).plan(s.design(), s.launchers(), s.satellite(), s.strategy(),
                        s.objective(), s.deadline(), spec.toString());
                    DeploymentPlan.Totals t = plan.totals();
                    String line = String.format(Locale.ROOT, "%s: %d satellites in %d planes, %d launches, complete in %.1f days", s.name(),
                        t.satellites(), plan.planes().size(), t.launches(), t.daysToComplete());
                    show(display, plan, line);
                    System.out.println("constellation view: " + line);
                    System.out.flush();
                    return Status.OK_STATUS;
                } catch (LaunchBenchException e) {
                    show(display, null, e.getMessage());
                    return Status.OK_STATUS;
                }
            }
        };
        job.setUser(true);
        job.schedule();
    }

    private void show(Display display, DeploymentPlan plan, String message) {
        display.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            status.setText(message.length() > 120 ? message.substring(0, 120) + "…" : message);
            status.setToolTipText(message);
            run.setEnabled(true);
            if (plan != null) {
                fill(plan, message);
            }
        });
    }

    private void fill(DeploymentPlan plan, String line) {
        Instant epoch = plan.design().epoch();
        List<Slot> slots = plan.design().slots();
        plots.get(0).setSeries(List.of(new LinePlot.Series("slots", slots.stream().mapToDouble(s -> Math.toDegrees(s.argumentOfLatitude()))
            .toArray(), slots.stream().mapToDouble(s -> Math.toDegrees(s.raan())).toArray(), LinePlot.PALETTE[0], true)));
        plots.get(1).setSeries(List.of(new LinePlot.Series("launches", plan.launches().stream().mapToDouble(l -> days(epoch, l.time()))
            .toArray(), plan.launches().stream().mapToDouble(DeploymentPlan.Launch::targetPlane).toArray(), LinePlot.PALETTE[1], true)));
        double[] onStation = plan.satellites().stream().mapToDouble(s -> days(epoch, s.onStation())).sorted().toArray();
        double[] complete = plan.planes().stream().mapToDouble(p -> days(epoch, p.complete())).sorted().toArray();
        plots.get(2).setSeries(List.of(cumulative("satellites on station", onStation, LinePlot.PALETTE[0]),
            cumulative("planes complete", complete, LinePlot.PALETTE[2])));
        plots.get(3).setSeries(List.of(LinePlot.histogram("satellites", plan.satellites().stream().mapToDouble(DeploymentPlan.SatellitePlan::deltaV)
            .toArray(), 20, LinePlot.PALETTE[3])));
        DeploymentPlan.Totals t = plan.totals();
        summary.setText(String.format(Locale.ROOT, "%s; first launch %s, complete %s; largest Δv %.2f m/s, propellant %.3f kg, drift %.1f days",
            line, t.start(), t.complete(), t.maxDeltaV(), t.maxPropellant(), t.maxDriftDays()));
        summary.getParent().layout(true, true);
    }

    /** A cumulative share (%) against time, as a staircase. */
    private static LinePlot.Series cumulative(String name, double[] sortedDays, RGB colour) {
        int n = sortedDays.length;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = sortedDays[i];
            y[2 * i] = 100.0 * i / n;
            x[2 * i + 1] = sortedDays[i];
            y[2 * i + 1] = 100.0 * (i + 1) / n;
        }
        return new LinePlot.Series(name, x, y, colour);
    }

    private static double days(Instant epoch, Instant t) {
        return Duration.between(epoch, t).toMillis() / 86_400_000.0;
    }

    /** @return the plots, for tests */
    List<LinePlot> plots() {
        return plots;
    }

    @PreDestroy
    void dispose() {
        if (job != null) {
            job.cancel();
        }
    }
}
