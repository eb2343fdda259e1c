package org.launchbench.ui.workbench;

import java.net.URI;
import java.nio.file.Path;

import org.launchbench.core.LaunchBenchException;

import jakarta.annotation.PostConstruct;

/** Applies the workspace's preferences ({@link WorkbenchPreferences}) when the workbench starts. */
public final class PreferencesAddon {

    /** Reads and applies the preferences; a broken preferences file is reported and the defaults are used. */
    @PostConstruct
    public void apply() {
        try {
            workspacePreferences().apply();
        } catch (LaunchBenchException e) {
            System.err.println("launchbench: " + e.getMessage());
        }
    }

    /** @return the preferences of the running workbench's workspace */
    public static WorkbenchPreferences workspacePreferences() {
        String area = System.getProperty("osgi.instance.area");
        Path workspace = area == null ? Path.of(System.getProperty("user.home"), ".launchbench", "workspace") : Path.of(URI.create(
            area.replace(" ", "%20")));
        return new WorkbenchPreferences(workspace);
    }
}
