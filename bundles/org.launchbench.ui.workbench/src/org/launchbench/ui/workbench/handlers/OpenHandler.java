package org.launchbench.ui.workbench.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.launchbench.ui.workbench.ConstellationPart;
import org.launchbench.ui.workbench.TrajectoryPart;
import org.launchbench.ui.workbench.VehiclePart;

import jakarta.inject.Named;

/**
 * File → Open…: a mission goes to the trajectory view (flown at once), a constellation spec (.json) to the
 * constellation view (planned), a vehicle file to the vehicle view.
 */
public final class OpenHandler {

    /** @param shell the active shell; @param parts the part service */
    @Execute
    public void execute(@Named("activeShell") Shell shell, EPartService parts) {
        FileDialog d = new FileDialog(shell, SWT.OPEN);
        d.setFilterExtensions(new String[] {"*.mission;*.vehicle;*.json", "*.mission", "*.vehicle", "*.json", "*"});
        d.setFilterNames(new String[] {"LaunchBench files", "Missions", "Vehicles", "Constellation specs", "All files"});
        String chosen = d.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        String id = chosen.endsWith(".json") ? ConstellationPart.ID : chosen.endsWith(".vehicle") ? VehiclePart.ID : TrajectoryPart.ID;
        MPart part = parts.showPart(id, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof TrajectoryPart t) {
            t.open(file);
        } else if (part != null && part.getObject() instanceof ConstellationPart c) {
            c.open(file);
        } else if (part != null && part.getObject() instanceof VehiclePart v) {
            v.open(file);
        }
    }
}
