package org.launchbench.ui.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.Dialog;
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
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.launchbench.campaign.ClusterAccess;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.install.Installer;

/**
 * File → Preferences…: the units the views show ({@link Units}), the orekit-data folder the engines read (empty: the
 * data LaunchBench ships), the update sites Help → Install Add-ons offers, one a line, most used first, and the cluster
 * the recovery view flies campaigns on (members, name, secret file). OK checks every entry (a folder must exist, a site
 * must be a folder, an archive or a URI p2 reads, a member HOST:PORT, a secret file one the workers could have been
 * given) and, on a mistake, says which entry and why and keeps the dialog open with nothing saved; otherwise it saves
 * them all at once.
 */
public final class PreferencesDialog extends Dialog {

    private final WorkbenchPreferences preferences;
    private Combo units;
    private Text folder;
    private Text sites;
    private Text members;
    private Text clusterName;
    private Text secretFile;
    private Label problem;

    /**
     * @param shell       the parent shell
     * @param preferences the workspace's preferences, read now and written on OK
     */
    public PreferencesDialog(Shell shell, WorkbenchPreferences preferences) {
        super(shell);
        this.preferences = preferences;
    }

    @Override
    protected void configureShell(Shell s) {
        super.configureShell(s);
        s.setText("LaunchBench Preferences");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        new Label(c, SWT.NONE).setText("Units shown:");
        units = new Combo(c, SWT.READ_ONLY);
        for (Units u : Units.values()) {
            units.add(u.description());
        }
        units.select(currentUnits().ordinal());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(units);

        new Label(c, SWT.NONE).setText("Orekit data folder:");
        folder = new Text(c, SWT.BORDER);
        folder.setText(preferences.orekitData().map(Path::toString).orElse(""));
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(folder);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> {
            String chosen = new DirectoryDialog(getShell()).open();
            if (chosen != null) {
                folder.setText(chosen);
            }
        });
        Label hint = new Label(c, SWT.WRAP);
        hint.setText("Empty: the data LaunchBench ships (leap seconds). A full orekit-data folder adds Earth orientation and more.");
        GridDataFactory.fillDefaults().span(3, 1).hint(520, SWT.DEFAULT).applyTo(hint);

        Label sitesLabel = new Label(c, SWT.NONE);
        sitesLabel.setText("Update sites:");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(sitesLabel);
        sites = new Text(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        sites.setText(String.join("\n", preferences.updateSites()));
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(360, 90).applyTo(sites);
        Label sitesHint = new Label(c, SWT.WRAP);
        sitesHint.setText("One a line, most used first (at most " + WorkbenchPreferences.MAX_SITES + "): a folder or zip holding a p2"
            + " update site, or a file:, http: or https: URI. Help > Install Add-ons offers them.");
        GridDataFactory.fillDefaults().span(3, 1).hint(520, SWT.DEFAULT).applyTo(sitesHint);

        clusterFields(c);

        problem = new Label(c, SWT.WRAP);
        problem.setForeground(c.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().span(3, 1).hint(520, SWT.DEFAULT).applyTo(problem);
        Label kept = new Label(c, SWT.WRAP);
        kept.setText("Kept in " + preferences.file());
        GridDataFactory.fillDefaults().span(3, 1).hint(520, SWT.DEFAULT).applyTo(kept);
        return area;
    }

    /** The cluster the recovery view flies campaigns on: the fields {@code dispersion --cluster} takes as options. */
    private void clusterFields(Composite c) {
        WorkbenchPreferences.Cluster cluster = preferences.cluster();
        new Label(c, SWT.NONE).setText("Cluster members:");
        members = new Text(c, SWT.BORDER);
        members.setText(cluster.members());
        members.setMessage("HOST:PORT,... (empty: campaigns fly on this machine)");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(members);
        new Label(c, SWT.NONE).setText("Cluster name:");
        clusterName = new Text(c, SWT.BORDER);
        clusterName.setText(cluster.name());
        clusterName.setMessage(ClusterAccess.DEFAULT_NAME);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(clusterName);
        new Label(c, SWT.NONE).setText("Secret file:");
        secretFile = new Text(c, SWT.BORDER);
        secretFile.setText(cluster.secretFile());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(secretFile);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> {
            String chosen = new FileDialog(getShell(), SWT.OPEN).open();
            if (chosen != null) {
                secretFile.setText(chosen);
            }
        });
        Label hint = new Label(c, SWT.WRAP);
        hint.setText("The workers' cluster (launchbench worker): members to reach, its name and the file of its shared secret."
            + " The recovery view's \"On the cluster\" flies its campaigns there; the secret is read from its file at each campaign.");
        GridDataFactory.fillDefaults().span(3, 1).hint(520, SWT.DEFAULT).applyTo(hint);
    }

    @Override
    protected void okPressed() {
        // every entry checked before anything is saved: a mistake keeps the dialog open and the file as it was
        List<String> entered = new ArrayList<>();
        String[] lines = sites.getText().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Installer.site(line, "Update sites, line " + (i + 1));
            } catch (InvalidInputException e) {
                show(e.userMessage());
                return;
            }
            entered.add(line);
        }
        long distinct = entered.stream().distinct().count();
        if (distinct > WorkbenchPreferences.MAX_SITES) {
            show("Update sites: " + distinct + " given, at most " + WorkbenchPreferences.MAX_SITES
                + " are kept; remove the ones you no longer use.");
            return;
        }
        String text = folder.getText().strip();
        try {
            preferences.set(text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text)), entered,
                Units.values()[units.getSelectionIndex()], new WorkbenchPreferences.Cluster(members.getText(), clusterName.getText(),
                    secretFile.getText()));
        } catch (LaunchBenchException e) {
            show(e.userMessage());
            return;
        }
        super.okPressed();
    }

    private void show(String message) {
        problem.setText(message);
        problem.getParent().layout(true, true);
        getShell().layout(true, true);
    }

    /** The preferences' units, or metric when the file names none there are (OK then writes a good value). */
    private Units currentUnits() {
        try {
            return preferences.units();
        } catch (InvalidInputException e) {
            return Units.METRIC;
        }
    }

    /** @return the units choice, in {@link Units}' order (for tests) */
    public Combo unitsField() {
        return units;
    }

    /** @return the orekit-data folder field (for tests) */
    public Text folderField() {
        return folder;
    }

    /** @return the update sites field, one a line (for tests) */
    public Text sitesField() {
        return sites;
    }

    /** @return the cluster members field (for tests) */
    public Text membersField() {
        return members;
    }

    /** @return the cluster secret file field (for tests) */
    public Text secretFileField() {
        return secretFile;
    }

    /** @return the problem shown after OK, empty when none (for tests) */
    public String problemText() {
        return problem.getText();
    }

    /** Presses OK (for tests: the same as the button). */
    public void pressOk() {
        okPressed();
    }
}
