package org.launchbench.ui.workbench.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.OrekitData;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help → About LaunchBench: the version, the Java it runs on and where its Orekit data comes from. */
public final class AboutHandler {

    /** @param shell the active shell */
    @Execute
    public void execute(@Named("activeShell") Shell shell) {
        String orekit;
        try {
            orekit = OrekitData.configured().origin();
        } catch (InvalidInputException e) {
            orekit = e.userMessage();
        }
        MessageDialog.openInformation(shell, "About LaunchBench", "LaunchBench " + FrameworkUtil.getBundle(AboutHandler.class).getVersion()
            + "\n\nAn open-source workbench for launch-vehicle GNC and mission engineers: vehicles, trajectories, recoveries,"
            + " constellation deployment and flight computers in the loop.\n\nJava " + System.getProperty("java.version") + " ("
            + System.getProperty("java.vendor") + ")\nOrekit data: " + orekit);
    }
}
