package org.launchbench.install.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.install.AddOn;
import org.launchbench.install.Installer;

/** The output the add-on commands ({@code install}, {@code installed}, {@code uninstall}) share. */
final class AddOnCommands {

    private AddOnCommands() {
    }

    static List<Map<String, Object>> json(List<AddOn> addOns) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (AddOn a : addOns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("feature_id", a.featureId());
            m.put("name", a.name());
            m.put("version", a.version());
            m.put("provider", a.provider());
            m.put("description", a.description());
            m.put("installed", a.installed());
            m.put("installed_version", a.installedVersion());
            list.add(m);
        }
        return list;
    }

    static void print(PrintStream out, List<AddOn> addOns, String none) {
        if (addOns.isEmpty()) {
            out.println(none);
            return;
        }
        out.printf("%-46s %-22s %-10s %s%n", "FEATURE", "VERSION", "INSTALLED", "NAME (PROVIDER)");
        for (AddOn a : addOns) {
            // another version installed: that version, which installing this one replaces
            String state = a.installed() ? "yes" : a.replacesInstalled() ? a.installedVersion() : "no";
            out.printf("%-46s %-22s %-10s %s%s%n", a.featureId(), a.version(), state, a.name(),
                a.provider().isEmpty() ? "" : " (" + a.provider() + ")");
        }
    }

    static int report(CommandInvocation invocation, boolean json, Map<String, Object> doc, Installer.Change change) {
        doc.put("bundles_added", change.bundlesAdded());
        doc.put("bundles_removed", change.bundlesRemoved());
        doc.put("applied_now", change.appliedNow());
        doc.put("add_ons", json(change.addOns()));
        if (json) {
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        PrintStream out = invocation.out();
        out.printf("%d bundle%s added, %d removed; %s%n", change.bundlesAdded().size(), change.bundlesAdded().size() == 1 ? "" : "s",
            change.bundlesRemoved().size(), change.appliedNow() ? "in use now" : "in use from the next start of LaunchBench");
        change.bundlesAdded().forEach(b -> out.println("  + " + b));
        change.bundlesRemoved().forEach(b -> out.println("  - " + b));
        out.println("Add-ons installed:");
        print(out, change.addOns(), "  (none)");
        return ExitCode.OK;
    }
}
