package org.launchbench.ui.workbench;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import jakarta.annotation.PostConstruct;

/**
 * Selects the view {@code launchbench open MISSION VIEW} names (system property {@value #VIEW_PROPERTY}: trajectory,
 * recovery, constellation, hil, vehicle) before the window is rendered, so that it is the one created and flown first.
 */
public final class OpenViewAddon {

    /** The system property the start script sets. */
    public static final String VIEW_PROPERTY = "launchbench.view";

    /** @param app the application model; @param models its service */
    @PostConstruct
    @SuppressWarnings("unchecked")
    public void select(MApplication app, EModelService models) {
        String view = System.getProperty(VIEW_PROPERTY);
        if (view == null || view.isBlank()) {
            return;
        }
        List<MPart> parts = models.findElements(app, "org.launchbench.ui.part." + view, MPart.class);
        if (parts.isEmpty()) {
            System.err.println("launchbench: no view named '" + view + "' (trajectory, recovery, constellation, hil, vehicle); opening the default one");
            return;
        }
        MPart part = parts.get(0);
        MElementContainer<MUIElement> parent = (MElementContainer<MUIElement>) (MElementContainer<?>) part.getParent();
        if (parent != null) {
            parent.setSelectedElement(part);
        }
    }
}
