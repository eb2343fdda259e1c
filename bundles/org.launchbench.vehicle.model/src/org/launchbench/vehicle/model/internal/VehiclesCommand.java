package org.launchbench.vehicle.model.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.cli.JsonNumbers;
import org.launchbench.vehicle.model.catalog.CatalogProblem;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.figures.VehicleFigures;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code launchbench vehicles [--json]}: every vehicle in the catalog. */
@Component(service = CliCommand.class)
public final class VehiclesCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of());

    @Reference
    private VehicleCatalog catalog;

    @Override
    public String name() {
        return "vehicles";
    }

    @Override
    public String summary() {
        return "List every vehicle in the catalog with its contributing bundle, liftoff mass and thrust-to-weight";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench vehicles [--json]

            Every vehicle contributed by an installed bundle (extension point org.launchbench.vehicle.model.catalog).
            Liftoff figures are without payload.
              --json   [{"id": ..., "name": ..., "bundle": ..., "stages": N, "liftoff_mass_kg": ...,
                         "liftoff_thrust_to_weight": ...}]
            Contributions that could not be read are reported on standard error.
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CatalogVehicle v : catalog.vehicles()) {
            VehicleFigures f = VehicleFigures.of(v.model(), 0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v.id());
            row.put("name", v.name());
            row.put("bundle", v.bundle());
            row.put("stages", v.model().getStages().size());
            row.put("liftoff_mass_kg", JsonNumbers.round(f.liftoffMass(), 1));
            row.put("liftoff_thrust_to_weight", JsonNumbers.round(f.liftoffThrustToWeight(), 3));
            rows.add(row);
        }
        for (CatalogProblem p : catalog.problems()) {
            invocation.err().println("launchbench vehicles: warning: " + p.source() + ": " + p.message());
        }
        if (args.flag("--json")) {
            invocation.printJson(rows);
            return ExitCode.OK;
        }
        var out = invocation.out();
        out.printf("%-16s %-26s %6s %16s %8s  %s%n", "ID", "NAME", "STAGES", "LIFTOFF MASS kg", "T/W", "BUNDLE");
        for (Map<String, Object> r : rows) {
            out.printf("%-16s %-26s %6d %16.0f %8.2f  %s%n", r.get("id"), r.get("name"), r.get("stages"),
                r.get("liftoff_mass_kg"), r.get("liftoff_thrust_to_weight"), r.get("bundle"));
        }
        if (rows.isEmpty()) {
            out.println("(no vehicles: no installed bundle contributes one)");
        }
        return ExitCode.OK;
    }
}
