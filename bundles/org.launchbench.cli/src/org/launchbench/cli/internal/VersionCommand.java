package org.launchbench.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.OrekitData;
import org.orekit.data.DataContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * {@code launchbench version [--json]}: the LaunchBench version and the bundles that make it up: every
 * {@code org.launchbench.*} bundle and every other bundle that contributes a command.
 */
final class VersionCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of());
    private static final String STATE_ACTIVE = "active";

    private final BundleContext context;

    VersionCommand(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "Print the LaunchBench version, its bundles, the Java runtime and the Orekit data in use";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench version [--json]

            Prints the LaunchBench version, every LaunchBench bundle and every third-party bundle that
            contributes a command, with versions and states, the Java runtime, Orekit and the Orekit data in use.
              --json   {"version": "...", "bundles": [{"symbolic_name": ..., "version": ..., "state": ...}],
                        "java_version": ..., "orekit_version": ..., "orekit_data": ...}
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(0);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", FrameworkUtil.getBundle(VersionCommand.class).getVersion().toString());
        doc.put("bundles", bundles());
        doc.put("java_version", Runtime.version().toString());
        doc.put("orekit_version", FrameworkUtil.getBundle(DataContext.class).getVersion().toString());
        doc.put("orekit_data", OrekitData.configured().origin());
        if (args.flag("--json")) {
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        var out = invocation.out();
        out.println("LaunchBench " + doc.get("version"));
        out.println("Java " + doc.get("java_version") + ", Orekit " + doc.get("orekit_version")
            + ", Orekit data: " + doc.get("orekit_data"));
        out.println("Bundles:");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> bundles = (List<Map<String, String>>) doc.get("bundles");
        int width = bundles.stream().mapToInt(b -> b.get("symbolic_name").length()).max().orElse(0);
        for (Map<String, String> b : bundles) {
            out.printf("  %-" + width + "s  %s  %s%n", b.get("symbolic_name"), b.get("version"), b.get("state"));
        }
        return ExitCode.OK;
    }

    private List<Map<String, String>> bundles() {
        List<Bundle> listed = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn != null && (bsn.startsWith("org.launchbench.") || contributesCommand(b))) {
                listed.add(b);
            }
        }
        listed.sort(Comparator.comparing(Bundle::getSymbolicName));
        List<Map<String, String>> result = new ArrayList<>();
        for (Bundle b : listed) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("symbolic_name", b.getSymbolicName());
            entry.put("version", b.getVersion().toString());
            entry.put("state", state(b));
            result.add(entry);
        }
        return result;
    }

    private static boolean contributesCommand(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs != null) {
            for (ServiceReference<?> ref : refs) {
                for (String type : (String[]) ref.getProperty("objectClass")) {
                    if (type.equals(CliCommand.class.getName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> STATE_ACTIVE;
            case Bundle.STARTING -> "starting";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}
