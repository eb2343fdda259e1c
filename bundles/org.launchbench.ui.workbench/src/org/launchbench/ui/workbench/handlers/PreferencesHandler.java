package org.launchbench.ui.workbench.handlers;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.ui.workbench.PreferencesAddon;
import org.launchbench.ui.workbench.WorkbenchPreferences;

import jakarta.inject.Named;

/** File → Preferences…: the orekit-data folder the engines read (empty: the data LaunchBench ships). */
public final class PreferencesHandler {

    /** @param shell the active shell */
    @Execute
    public void execute(@Named("activeShell") Shell shell) {
        WorkbenchPreferences prefs = PreferencesAddon.workspacePreferences();
        new Dialog(shell) {
            private Text folder;

            @Override
            protected void configureShell(Shell s) {
                super.configureShell(s);
                s.setText("LaunchBench Preferences");
            }

            @Override
            protected Control createDialogArea(Composite parent) {
                Composite area = (Composite) super.createDialogArea(parent);
                Composite c = new Composite(area, SWT.NONE);
                GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
                new Label(c, SWT.NONE).setText("Orekit data folder:");
                folder = new Text(c, SWT.BORDER);
                folder.setText(prefs.orekitData().map(Path::toString).orElse(""));
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
                hint.setText("Empty: the data LaunchBench ships (leap seconds). A full orekit-data folder adds Earth orientation"
                    + " and more. Kept in " + prefs.file());
                GridDataFactory.fillDefaults().span(3, 1).hint(520, SWT.DEFAULT).applyTo(hint);
                return area;
            }

            @Override
            protected void okPressed() {
                String text = folder.getText().strip();
                try {
                    prefs.setOrekitData(text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text)));
                    super.okPressed();
                } catch (LaunchBenchException e) {
                    MessageDialog.openError(getShell(), "Orekit data folder", e.getMessage());
                }
            }
        }.open();
    }
}
