package org.launchbench.ui.workbench;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.OrekitData;
import org.osgi.framework.FrameworkUtil;

import jakarta.annotation.PostConstruct;

/**
 * The part the workbench opens with until the vehicle, trajectory, recovery, constellation and HIL views land:
 * which LaunchBench this is and how to reach the engines from the command line.
 */
public final class WelcomePart {

    /** Element ID of this part in the application model. */
    public static final String ID = "org.launchbench.ui.part.welcome";

    private Label title;

    /** @param parent the part's composite */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(24, 24).spacing(8, 12).applyTo(parent);
        title = new Label(parent, SWT.NONE);
        title.setText("LaunchBench " + FrameworkUtil.getBundle(WelcomePart.class).getVersion());
        title.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());
        Label body = new Label(parent, SWT.WRAP);
        body.setText("""
            The workbench for launch-vehicle GNC and mission engineers: vehicles, trajectories, recoveries,
            constellation deployment and flight-computer hardware-in-the-loop.

            The engines are reached from the command line today: run 'launchbench help' for the commands.
            Views for each engine appear here as they land.
            """ + "\nOrekit data: " + orekitData());
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(body);
    }

    private static String orekitData() {
        try {
            return OrekitData.configured().origin();
        } catch (InvalidInputException e) {
            return e.userMessage();
        }
    }

    /** @return the title label, for tests */
    Label title() {
        return title;
    }
}
