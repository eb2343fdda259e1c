package org.launchbench.vehicle.model.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.vehicle.model.ModelRoot;
import org.launchbench.vehicle.model.catalog.FolderReferences;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.launchbench.vehicle.model.validation.ModelValidation;
import org.launchbench.vehicle.model.validation.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code launchbench validate FILE [--json]}: every constraint violation of a model file; exit 2 when invalid. */
@Component(service = CliCommand.class)
public final class ValidateCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of());

    @Reference
    private VehicleCatalog catalog;

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "Check a .vehicle, .mission or .sites file against the model's constraints";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench validate FILE [--json]

            Reads FILE (.vehicle, .mission or .sites) and checks every constraint: masses, thrust, specific
            impulse, throttle range, liftoff thrust-to-weight, landing reserve, positions, orbit, manifest
            against the dispenser, recovery plan against the stage's hardware. A mission's vehicle, site and
            landing zone are looked up in the catalog, then in .vehicle and .sites files beside the mission.
            Prints one line per violation on standard output; exit 0 when clean, 2 when invalid.
              --json   {"file": ..., "valid": true|false, "problems": [{"severity": "error"|"warning",
                        "element": ..., "feature": ..., "value": ..., "allowed": ..., "message": ...}]}
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "FILE");
        Path file = Path.of(args.positionals().get(0));
        ModelRoot root = ModelFiles.load(file);
        List<Problem> problems = ModelValidation.validate(root, FolderReferences.beside(catalog.references(), file));
        boolean valid = problems.stream().noneMatch(Problem::error);
        if (args.flag("--json")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Problem p : problems) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("severity", p.error() ? "error" : "warning");
                m.put("element", p.element());
                m.put("feature", p.feature());
                m.put("value", p.value());
                m.put("allowed", p.allowed());
                m.put("message", p.message());
                list.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("valid", valid);
            doc.put("problems", list);
            invocation.printJson(doc);
        } else {
            for (Problem p : problems) {
                invocation.out().println(file + ": " + p);
            }
            if (problems.isEmpty()) {
                invocation.out().println(file + ": valid");
            }
        }
        if (!valid) {
            long errors = problems.stream().filter(Problem::error).count();
            invocation.err().println("launchbench validate: " + file + " is invalid: " + errors + " error" + (errors == 1 ? "" : "s"));
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.OK;
    }
}
