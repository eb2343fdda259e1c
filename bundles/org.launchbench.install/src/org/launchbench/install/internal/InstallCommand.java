package org.launchbench.install.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.launchbench.install.AddOn;
import org.launchbench.install.Installer;
import org.osgi.service.component.annotations.Component;

/**
 * {@code launchbench install --site SITE [ID...]}: lists what an update site offers, or installs add-ons from it;
 * {@code launchbench uninstall ID...} and {@code launchbench installed} are its companions ({@link InstalledCommand}, {@link UninstallCommand}).
 */
@Component(service = CliCommand.class)
public final class InstallCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of("--site"));

    @Override
    public String name() {
        return "install";
    }

    @Override
    public String summary() {
        return "list what an update site offers, or install third-party vehicles and other add-ons from it";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench install --site SITE[,SITE...] [--json] [ID...]

            Without ids, lists the features the update sites offer (the newest version of each). With ids,
            installs those features into this LaunchBench with p2, with whatever they require that it lacks
            (from the same sites); they are there from the next command on (in the workbench, at once). An add-on
            installed at another version is replaced (an update); the listing's INSTALLED column then shows that version.
            Nothing changes when a requirement cannot be met.
              --site SITE   an update site: a folder or .zip holding a p2 repository, or a file:, http: or https: URI;
                            several separated by commas (e.g. the add-on's site and one with what it requires)
              ID            a feature's id, with or without p2's .feature.group suffix
              --json        {"sites": [...], "add_ons": [{"id", "feature_id", "name", "version", "provider",
                             "description", "installed", "installed_version" (the version installed, this or an
                             older one that installing this replaces; null when none)}]}; after an install also
                             "installed": [ids],
                             "bundles_added", "bundles_removed": ["id_version"], "applied_now"
            Exit 2 for a site that is not one or an id it does not offer, 1 when p2 cannot install.
            See also: launchbench installed, launchbench uninstall ID; docs/extending.md.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        String given = args.value("--site").orElseThrow(() -> InvalidInputException.because("the option is required")
            .source("launchbench install").element("--site").allowed("an update site's folder, zip or URI; several separated by commas")
            .fix("see 'launchbench install --help'").build());
        List<URI> sites = Installer.sites(given, "--site");
        Installer installer = Installer.forRunningProduct(false);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sites", sites.stream().map(URI::toString).toList());
        if (args.positionals().isEmpty()) {
            List<AddOn> offered = installer.available(sites, invocation.monitor());
            doc.put("add_ons", AddOnCommands.json(offered));
            if (args.flag("--json")) {
                invocation.printJson(doc);
            } else {
                AddOnCommands.print(invocation.out(), offered, "the site offers nothing to install");
            }
            return ExitCode.OK;
        }
        Installer.Change change = installer.install(sites, args.positionals(), invocation.monitor());
        doc.put("installed", args.positionals());
        return AddOnCommands.report(invocation, args.flag("--json"), doc, change);
    }
}
