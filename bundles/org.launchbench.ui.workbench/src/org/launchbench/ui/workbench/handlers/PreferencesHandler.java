package org.launchbench.ui.workbench.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.launchbench.ui.workbench.PreferencesAddon;
import org.launchbench.ui.workbench.PreferencesDialog;

import jakarta.inject.Named;

/** File → Preferences…: the units shown, the orekit-data folder and the update sites ({@link PreferencesDialog}). */
public final class PreferencesHandler {

    /** @param shell the active shell */
    @Execute
    public void execute(@Named("activeShell") Shell shell) {
        new PreferencesDialog(shell, PreferencesAddon.workspacePreferences()).open();
    }
}
