package org.launchbench.install.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.install.AddOn;
import org.launchbench.install.Installer;
import org.osgi.service.component.annotations.Component;

/** {@code launchbench installed [--json]}. */
@Component(service = CliCommand.class)
public final class InstalledCommand implements CliCommand {
    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of());

    @Override
    public String name() {
        return "installed";
    }

    @Override
    public String summary() {
        return "list the add-ons installed into this LaunchBench, and LaunchBench's own features";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench installed [--json]

            The features installed into this LaunchBench from update sites ('launchbench install'), then
            LaunchBench's own.
              --json   {"add_ons": [{"id", "feature_id", "name", "version", "provider", "description",
                        "installed"}], "launchbench": [the same, for LaunchBench's own]}
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(0);
        List<AddOn> all = Installer.forRunningProduct(false).installed();
        List<AddOn> addOns = all.stream().filter(a -> !a.partOfLaunchBench()).toList();
        List<AddOn> own = all.stream().filter(AddOn::partOfLaunchBench).toList();
        if (args.flag("--json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("add_ons", AddOnCommands.json(addOns));
            doc.put("launchbench", AddOnCommands.json(own));
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        invocation.out().println("Add-ons:");
        AddOnCommands.print(invocation.out(), addOns, "  (none: install some with 'launchbench install --site SITE ID')");
        invocation.out().println("LaunchBench:");
        AddOnCommands.print(invocation.out(), own, "  (none)");
        return ExitCode.OK;
    }
}

