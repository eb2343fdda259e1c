package org.launchbench.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.launchbench.cli.CliCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@link CliCommand} services registered right now. Commands come and go with their bundles, so every
 * call to {@link #get()} takes a fresh snapshot; when two services claim one name, the one with the higher
 * service ranking (then the older registration) wins, as OSGi orders references.
 */
public final class CommandRegistry implements Supplier<List<ContributedCommand>>, AutoCloseable {

    private final ServiceTracker<CliCommand, CliCommand> tracker;

    /** @param context the bundle context to track services with; the registry is open until {@link #close()} */
    public CommandRegistry(BundleContext context) {
        this.tracker = new ServiceTracker<>(context, CliCommand.class, null);
        this.tracker.open();
    }

    @Override
    public List<ContributedCommand> get() {
        ServiceReference<CliCommand>[] refs = tracker.getServiceReferences();
        List<ContributedCommand> commands = new ArrayList<>();
        if (refs == null) {
            return commands;
        }
        List<ServiceReference<CliCommand>> ordered = new ArrayList<>(List.of(refs));
        ordered.sort(Comparator.reverseOrder()); // highest ranking first
        for (ServiceReference<CliCommand> ref : ordered) {
            CliCommand command = tracker.getService(ref);
            if (command != null && commands.stream().noneMatch(c -> c.command().name().equals(command.name()))) {
                commands.add(new ContributedCommand(command, ref.getBundle().getSymbolicName()));
            }
        }
        return commands;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
