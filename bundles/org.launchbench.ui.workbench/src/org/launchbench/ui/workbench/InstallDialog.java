package org.launchbench.ui.workbench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.install.AddOn;
import org.launchbench.install.Installer;

/**
 * Help → Install Add-ons…: what an update site offers (a folder, a zip or a URI; the sites used before are
 * offered), checked features installed with p2, and the add-ons installed, with Uninstall. The work runs as a Job
 * ("Installing add-ons") with its progress in the dialog's bar and a Cancel button beside it (p2 then changes nothing, or
 * rolls back); the dialog stays responsive and says what happened; an installed vehicle appears in the catalog at once ({@link Installer#forRunningProduct(boolean)} applies changes to the running workbench).
 */
public final class InstallDialog extends Dialog {

    private final Installer installer;
    private final WorkbenchPreferences preferences;
    private final Runnable changed;

    private Combo site;
    private Table offered;
    private Table installed;
    private Label description;
    private Label status;
    private Button show;
    private Button install;
    private Button uninstall;
    private List<AddOn> offers = List.of();
    private List<URI> shownSites = List.of();
    private volatile Job running;
    private ProgressBar progress;
    private Button cancel;
    /** The running work's progress, read by the bar's timer (null when idle). */
    private volatile Tracker tracker;

    /**
     * @param shell       the parent shell
     * @param installer   the installation to change
     * @param preferences where the update sites used are remembered
     * @param changed     run in the UI thread after an install or uninstall (the vehicle view refreshes its catalog)
     */
    public InstallDialog(Shell shell, Installer installer, WorkbenchPreferences preferences, Runnable changed) {
        super(shell);
        this.installer = installer;
        this.preferences = preferences;
        this.changed = changed;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell s) {
        super.configureShell(s);
        s.setText("Install Add-ons");
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        }
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).hint(760, 520).applyTo(c);

        new Label(c, SWT.NONE).setText("Update site:");
        site = new Combo(c, SWT.DROP_DOWN | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(site);
        preferences.updateSites().forEach(site::add);
        if (site.getItemCount() > 0) {
            site.select(0);
        }
        Button folder = new Button(c, SWT.PUSH);
        folder.setText("Folder…");
        folder.addListener(SWT.Selection, e -> {
            String chosen = new DirectoryDialog(getShell()).open();
            if (chosen != null) {
                site.setText(chosen);
                showSite();
            }
        });
        Button zip = new Button(c, SWT.PUSH);
        zip.setText("Zip…");
        zip.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.zip", "*"});
            String chosen = d.open();
            if (chosen != null) {
                site.setText(chosen);
                showSite();
            }
        });
        Label hint = new Label(c, SWT.WRAP);
        hint.setText("A folder or zip holding a p2 update site (content.jar), or a file:, http: or https: URI; several separated"
            + " by commas (an add-on's site and one with what it requires).");
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(hint);
        show = new Button(c, SWT.PUSH);
        show.setText("Show");
        show.addListener(SWT.Selection, e -> showSite());
        site.addListener(SWT.DefaultSelection, e -> showSite());

        offered = table(c, SWT.CHECK, "Available", "Name", "Version", "Provider", "Installed");
        offered.addListener(SWT.Selection, e -> {
            int i = offered.getSelectionIndex();
            description.setText(i < 0 ? "" : offers.get(i).featureId() + ": " + offers.get(i).description());
            update();
        });
        description = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(description);
        install = new Button(c, SWT.PUSH);
        install.setText("Install");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.BEGINNING).applyTo(install);
        install.addListener(SWT.Selection, e -> installChecked());

        installed = table(c, SWT.NONE, "Installed add-ons", "Name", "Version", "Provider", "Feature");
        installed.addListener(SWT.Selection, e -> update());
        status = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(status);
        uninstall = new Button(c, SWT.PUSH);
        uninstall.setText("Uninstall");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.BEGINNING).applyTo(uninstall);
        uninstall.addListener(SWT.Selection, e -> uninstallSelected());

        progress = new ProgressBar(c, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setMaximum(1000);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(progress);
        cancel = new Button(c, SWT.PUSH);
        cancel.setText("Cancel");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(cancel);
        cancel.addListener(SWT.Selection, e -> cancelRunning());

        fillInstalled(installer.addOns());
        status.setText("Pick an update site and Show what it offers.");
        update();
        return area;
    }

    private static Table table(Composite parent, int style, String title, String... columns) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(title);
        GridDataFactory.fillDefaults().span(4, 1).applyTo(l);
        Table t = new Table(parent, style | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setHeaderVisible(true);
        int[] widths = {300, 160, 180, 100};
        for (int i = 0; i < columns.length; i++) {
            TableColumn col = new TableColumn(t, SWT.NONE);
            col.setText(columns[i]);
            col.setWidth(widths[i]);
        }
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true).applyTo(t);
        return t;
    }

    private void update() {
        boolean idle = running == null;
        show.setEnabled(idle);
        boolean anyChecked = false;
        for (TableItem item : offered.getItems()) {
            anyChecked |= item.getChecked();
        }
        install.setEnabled(idle && anyChecked);
        uninstall.setEnabled(idle && installed.getSelectionIndex() >= 0);
        cancel.setEnabled(!idle);
    }

    private void fillInstalled(List<AddOn> addOns) {
        installed.removeAll();
        for (AddOn a : addOns) {
            TableItem item = new TableItem(installed, SWT.NONE);
            item.setText(new String[] {a.name(), a.version(), a.provider(), a.featureId()});
            item.setData(a);
        }
    }

    private void fillOffered(List<AddOn> addOns) {
        offers = addOns;
        offered.removeAll();
        for (AddOn a : addOns) {
            TableItem item = new TableItem(offered, SWT.NONE);
            item.setText(new String[] {a.name(), a.version(), a.provider(), a.installed() ? "yes"
                : a.replacesInstalled() ? a.installedVersion() + " (this updates it)" : ""});
        }
    }

    /** Reads the site given and lists what it offers. */
    private void showSite() {
        String text = site.getText().strip();
        List<URI> sites;
        try {
            sites = Installer.sites(text, "Update site");
        } catch (LaunchBenchException e) {
            status.setText(e.getMessage());
            return;
        }
        run("Reading " + text, monitor -> installer.available(sites, monitor), addOns -> {
            shownSites = sites;
            fillOffered(addOns);
            preferences.rememberUpdateSite(text);
            status.setText(addOns.isEmpty() ? "The site offers nothing to install." : addOns.size() + " feature"
                + (addOns.size() == 1 ? "" : "s") + " on the site: check those to install.");
        });
    }

    private void installChecked() {
        List<String> ids = new ArrayList<>();
        TableItem[] items = offered.getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].getChecked()) {
                ids.add(offers.get(i).id());
            }
        }
        List<URI> sites = shownSites;
        run("Installing " + String.join(", ", ids), monitor -> {
            // the site read again in the Job too, so the table's Installed column is p2's word, off the UI thread
            SubMonitor progress = SubMonitor.convert(monitor, 10);
            Installer.Change done = installer.install(sites, ids, progress.split(8));
            return new Installed(done, installer.available(sites, progress.split(2)));
        }, result -> {
            Installer.Change change = result.change();
            fillInstalled(change.addOns());
            fillOffered(result.offers());
            status.setText("Installed " + change.bundlesAdded().size() + " bundle" + (change.bundlesAdded().size() == 1 ? "" : "s")
                + (change.appliedNow() ? "; in use now." : "; in use after a restart.") + " " + String.join(", ", change.bundlesAdded()));
            changed.run();
        });
    }

    private void uninstallSelected() {
        AddOn a = (AddOn) installed.getItem(installed.getSelectionIndex()).getData();
        run("Uninstalling " + a.name(), monitor -> installer.uninstall(List.of(a.id()), monitor), change -> {
            fillInstalled(change.addOns());
            status.setText("Uninstalled " + a.name() + ": " + change.bundlesRemoved().size() + " bundle"
                + (change.bundlesRemoved().size() == 1 ? "" : "s") + " removed" + (change.appliedNow() ? "." : " after a restart."));
            changed.run();
        });
    }

    /** An install's change and what the sites offer afterwards. */
    private record Installed(Installer.Change change, List<AddOn> offers) {
    }

    /**
     * Runs p2 work in a Job, its progress in the dialog's bar (and the Progress view); the result (or the error's
     * message) comes back in the UI thread.
     */
    private <T> void run(String what, Function<IProgressMonitor, T> work, Consumer<T> done) {
        status.setText(what + "…");
        var display = getShell().getDisplay();
        Job job = Job.create("Add-ons: " + what, monitor -> {
            Tracker t = new Tracker(monitor);
            tracker = t;
            T result;
            try {
                result = work.apply(t);
            } catch (LaunchBenchException e) {
                display.asyncExec(() -> finish(() -> status.setText(e.getMessage())));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                display.asyncExec(() -> finish(() -> status.setText(what + ": cancelled; nothing changed")));
                return Status.CANCEL_STATUS;
            } catch (RuntimeException e) {
                display.asyncExec(() -> finish(() -> status.setText("Failed: " + e)));
                return Status.error("add-on work failed", e);
            }
            display.asyncExec(() -> finish(() -> done.accept(result)));
            return t.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        });
        job.setUser(true);
        // a Job cancelled before it ran never calls back: its end does (after the work's own call-back, if any)
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                display.asyncExec(() -> {
                    if (running == job) {
                        finish(() -> status.setText(what + ": cancelled before it started; nothing changed"));
                    }
                });
            }
        });
        running = job;
        update();
        job.schedule();
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                if (progress.isDisposed() || running != job) {
                    return;
                }
                Tracker t = tracker;
                progress.setSelection(t == null ? 0 : t.permille());
                display.timerExec(100, this);
            }
        });
    }

    /** Cancel: the running p2 work stops at its next check (p2 changes nothing, or rolls back what it did). */
    private void cancelRunning() {
        Job job = running;
        Tracker t = tracker;
        if (job == null) {
            return;
        }
        if (t != null) {
            t.setCanceled(true);
        }
        job.cancel();
        status.setText(status.getText().replaceAll("…$", "") + ": cancelling…");
        cancel.setEnabled(false);
    }

    private void finish(Runnable ui) {
        running = null;
        tracker = null;
        if (status.isDisposed()) {
            return;
        }
        progress.setSelection(0);
        try {
            ui.run();
        } catch (LaunchBenchException e) {
            status.setText(e.getMessage());
        }
        update();
    }

    /**
     * The work's monitor as the Job gives it, with the share done and a cancel flag of its own (the dialog's button),
     * both read from the UI thread.
     */
    private static final class Tracker extends ProgressMonitorWrapper {
        private volatile double total;
        private volatile double done;
        private volatile boolean cancelled;

        Tracker(IProgressMonitor monitor) {
            super(monitor);
        }

        @Override
        public void beginTask(String name, int totalWork) {
            if (total == 0 && totalWork > 0) {
                total = totalWork;
            }
            super.beginTask(name, totalWork);
        }

        @Override
        public void internalWorked(double work) {
            done += work;
            super.internalWorked(work);
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public boolean isCanceled() {
            return cancelled || super.isCanceled();
        }

        @Override
        public void setCanceled(boolean value) {
            cancelled = value;
            super.setCanceled(value);
        }

        /** @return the share done, in thousandths */
        int permille() {
            return total <= 0 ? 0 : (int) Math.min(1000, 1000 * done / total);
        }
    }

    /** @return whether p2 work is under way (tests wait for it to end) */
    public boolean busy() {
        return running != null;
    }

    /** @return the status line: what was done last, or why it failed */
    public String statusText() {
        return status.getText();
    }

    /** @return the rows of the available table: name, version, provider, installed */
    public List<String> offeredRows() {
        List<String> rows = new ArrayList<>();
        for (TableItem item : offered.getItems()) {
            rows.add(item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2) + " | " + item.getText(3));
        }
        return rows;
    }

    /** @return the feature ids in the installed add-ons table */
    public List<String> installedFeatures() {
        List<String> rows = new ArrayList<>();
        for (TableItem item : installed.getItems()) {
            rows.add(item.getText(3));
        }
        return rows;
    }

    /** @return the Cancel button beside the progress bar */
    Button cancelButton() {
        return cancel;
    }

    /** @return the update-site field */
    Combo siteField() {
        return site;
    }

    /** @return the available table */
    Table offeredTable() {
        return offered;
    }

    /** @return the installed table */
    Table installedTable() {
        return installed;
    }

    /** @return the Show, Install and Uninstall buttons, in that order */
    List<Button> actions() {
        return List.of(show, install, uninstall);
    }
}
