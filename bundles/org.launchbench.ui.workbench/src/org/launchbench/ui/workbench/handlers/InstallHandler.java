package org.launchbench.ui.workbench.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.install.Installer;
import org.launchbench.ui.workbench.InstallDialog;
import org.launchbench.ui.workbench.PreferencesAddon;
import org.launchbench.ui.workbench.VehiclePart;

import jakarta.inject.Named;

/**
 * Help → Install Add-ons…: third parties' vehicles (and links, commands, views) from p2 update sites, into this
 * installation, in use at once; the vehicle view shows the catalog as it is afterwards.
 */
public final class InstallHandler {

    /**
     * @param shell  the active shell
     * @param events where the catalog's change is announced ({@link VehiclePart#CATALOG_CHANGED})
     */
    @Execute
    public void execute(@Named("activeShell") Shell shell, IEventBroker events) {
        Installer installer;
        try {
            installer = Installer.forRunningProduct(true);
        } catch (LaunchBenchException e) {
            MessageDialog.openError(shell, "Install Add-ons", e.getMessage());
            return;
        }
        new InstallDialog(shell, installer, PreferencesAddon.workspacePreferences(),
            () -> events.post(VehiclePart.CATALOG_CHANGED, "installed")).open();
    }
}
