package org.launchbench.cli.internal;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The headless {@code launchbench} application ({@code org.launchbench.cli.app}): runs one command and returns
 * its exit code, which the Equinox launcher passes on as the process's exit status.
 */
public final class LaunchBenchApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        BundleContext bundleContext = FrameworkUtil.getBundle(getClass()).getBundleContext();
        try (CommandRegistry registry = new CommandRegistry(bundleContext)) {
            int code = new CommandDispatcher(registry, bundleContext)
                .run(args == null ? List.of() : List.of(args), System.out, System.err, new NullProgressMonitor());
            System.out.flush();
            return Integer.valueOf(code);
        }
    }

    @Override
    public void stop() {
        // a command runs to its end or is interrupted with the JVM; nothing to release here
    }
}
