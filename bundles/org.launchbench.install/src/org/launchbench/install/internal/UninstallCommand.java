package org.launchbench.install.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.install.Installer;
import org.osgi.service.component.annotations.Component;

/** {@code launchbench uninstall ID... [--json]}. */
@Component(service = CliCommand.class)
public final class UninstallCommand implements CliCommand {
    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of());

    @Override
    public String name() {
        return "uninstall";
    }

    @Override
    public String summary() {
        return "uninstall add-ons installed with 'launchbench install'";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench uninstall ID... [--json]

            Removes the add-ons (features, by id, with or without .feature.group) and what only they needed.
            LaunchBench's own features cannot be uninstalled.
              --json   {"uninstalled": [ids], "bundles_added", "bundles_removed": ["id_version"],
                        "applied_now", "add_ons": [the add-ons left]}
            Exit 2 for an id that is not an installed add-on.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        if (args.positionals().isEmpty()) {
            args.expectPositionals(1, "ID");
        }
        Installer.Change change = Installer.forRunningProduct(false).uninstall(args.positionals(), invocation.monitor());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("uninstalled", args.positionals());
        return AddOnCommands.report(invocation, args.flag("--json"), doc, change);
    }
}
