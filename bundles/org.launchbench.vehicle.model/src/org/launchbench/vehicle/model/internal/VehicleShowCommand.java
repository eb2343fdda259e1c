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
import org.launchbench.cli.JsonNumbers;
import org.launchbench.core.InvalidInputException;
import org.launchbench.vehicle.model.Citation;
import org.launchbench.vehicle.model.EngineCluster;
import org.launchbench.vehicle.model.LaunchVehicle;
import org.launchbench.vehicle.model.Stage;
import org.launchbench.vehicle.model.catalog.CatalogVehicle;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.launchbench.vehicle.model.figures.StageFigures;
import org.launchbench.vehicle.model.figures.VehicleFigures;
import org.launchbench.vehicle.model.io.ModelFiles;
import org.launchbench.vehicle.model.validation.ModelReferences;
import org.launchbench.vehicle.model.validation.ModelValidation;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code launchbench vehicle show ID|FILE [--payload KG] [--json]}: a vehicle's derived figures, stage by stage. */
@Component(service = CliCommand.class)
public final class VehicleShowCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of("--payload"));

    @Reference
    private VehicleCatalog catalog;

    @Override
    public String name() {
        return "vehicle show";
    }

    @Override
    public String summary() {
        return "Show a vehicle's derived figures per stage: masses, thrust, burn time, ideal delta-v";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench vehicle show ID|FILE.vehicle [--payload KG] [--json]

            ID is a catalog vehicle id (see 'launchbench vehicles'); a path ending in .vehicle reads that file.
            Figures are derived from the model (rocket equation, no gravity or drag losses); the fairing rides
            on the first stage; every stage burns its usable propellant.
              --payload KG   payload mass to assume (default 0)
              --json         {"id", "name", "manufacturer", "propellant_family", "payload_kg", "liftoff_mass_kg",
                              "liftoff_thrust_N", "liftoff_thrust_to_weight", "delta_v_vacuum_m_s",
                              "stages": [{"id", "name", "propulsion", "engines", "dry_mass_kg",
                                          "propellant_mass_kg", "wet_mass_kg", "ignition_mass_kg",
                                          "burnout_mass_kg", "thrust_sea_level_N", "thrust_vacuum_N",
                                          "burn_time_s", "delta_v_vacuum_m_s", "delta_v_sea_level_m_s"}],
                              "sources": [{"figures", "reference"}]}
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        args.expectPositionals(1, "ID|FILE");
        String wanted = args.positionals().get(0);
        double payload = args.value("--payload").map(v -> parsePayload(invocation, v)).orElse(0.0);
        LaunchVehicle vehicle;
        String bundle;
        if (wanted.endsWith(".vehicle")) {
            vehicle = ModelFiles.load(Path.of(wanted), LaunchVehicle.class);
            ModelValidation.requireValid(vehicle, ModelReferences.NONE, wanted);
            bundle = null;
        } else {
            CatalogVehicle v = catalog.vehicle(wanted).orElseThrow(() -> InvalidInputException.because("no such vehicle")
                .source("launchbench vehicle show").value(wanted)
                .allowed(String.join(", ", catalog.vehicles().stream().map(CatalogVehicle::id).toList()))
                .fix("run 'launchbench vehicles' for the catalog, or give a .vehicle file").build());
            vehicle = v.model();
            bundle = v.bundle();
        }
        VehicleFigures f = VehicleFigures.of(vehicle, payload);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", f.id());
        doc.put("name", f.name());
        doc.put("manufacturer", vehicle.getManufacturer());
        if (bundle != null) {
            doc.put("bundle", bundle);
        }
        doc.put("propellant_family", vehicle.getPropellantFamily().getLiteral());
        doc.put("payload_kg", payload);
        doc.put("liftoff_mass_kg", JsonNumbers.round(f.liftoffMass(), 1));
        doc.put("liftoff_thrust_N", JsonNumbers.round(f.liftoffThrust(), 0));
        doc.put("liftoff_thrust_to_weight", JsonNumbers.round(f.liftoffThrustToWeight(), 3));
        doc.put("delta_v_vacuum_m_s", JsonNumbers.round(f.deltaVVacuum(), 1));
        List<Map<String, Object>> stages = new ArrayList<>();
        for (int i = 0; i < f.stages().size(); i++) {
            StageFigures s = f.stages().get(i);
            Stage model = vehicle.getStages().get(i);
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("id", s.id());
            st.put("name", s.name());
            st.put("propulsion", model.getPropulsion().getLiteral());
            st.put("engines", engines(model));
            st.put("dry_mass_kg", JsonNumbers.round(s.dryMass(), 1));
            st.put("propellant_mass_kg", JsonNumbers.round(s.propellantMass(), 1));
            st.put("wet_mass_kg", JsonNumbers.round(s.wetMass(), 1));
            st.put("ignition_mass_kg", JsonNumbers.round(s.ignitionMass(), 1));
            st.put("burnout_mass_kg", JsonNumbers.round(s.burnoutMass(), 1));
            st.put("thrust_sea_level_N", JsonNumbers.round(s.thrustSeaLevel(), 0));
            st.put("thrust_vacuum_N", JsonNumbers.round(s.thrustVacuum(), 0));
            st.put("burn_time_s", JsonNumbers.round(s.burnTime(), 1));
            st.put("delta_v_vacuum_m_s", JsonNumbers.round(s.deltaVVacuum(), 1));
            st.put("delta_v_sea_level_m_s", s.deltaVSeaLevel() == null ? null : JsonNumbers.round(s.deltaVSeaLevel(), 1));
            stages.add(st);
        }
        doc.put("stages", stages);
        List<Map<String, String>> sources = new ArrayList<>();
        for (Citation c : vehicle.getSources()) {
            Map<String, String> source = new LinkedHashMap<>();
            source.put("figures", String.valueOf(c.getFigures()));
            source.put("reference", String.valueOf(c.getReference()));
            sources.add(source);
        }
        doc.put("sources", sources);
        if (args.flag("--json")) {
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        var out = invocation.out();
        out.printf("%s (%s), %s, %s%n", f.name(), f.id(), vehicle.getManufacturer(), vehicle.getPropellantFamily().getLiteral());
        out.printf("Liftoff: %.1f t with %.0f kg payload, thrust %.0f kN at sea level, T/W %.2f; ideal delta-v %.0f m/s%n",
            f.liftoffMass() / 1e3, payload, f.liftoffThrust() / 1e3, f.liftoffThrustToWeight(), f.deltaVVacuum());
        out.printf("%-14s %-16s %9s %11s %11s %10s %10s %8s %9s %9s%n", "STAGE", "ENGINES", "DRY t", "PROP t", "IGNIT. t",
            "F SL kN", "F VAC kN", "BURN s", "DV VAC", "DV SL");
        for (int i = 0; i < f.stages().size(); i++) {
            StageFigures s = f.stages().get(i);
            out.printf("%-14s %-16s %9.2f %11.2f %11.2f %10.0f %10.0f %8.1f %9.0f %9s%n", s.id(), engines(vehicle.getStages().get(i)),
                s.dryMass() / 1e3, s.propellantMass() / 1e3, s.ignitionMass() / 1e3, s.thrustSeaLevel() / 1e3,
                s.thrustVacuum() / 1e3, s.burnTime(), s.deltaVVacuum(),
                s.deltaVSeaLevel() == null ? "-" : String.format("%.0f", s.deltaVSeaLevel()));
        }
        for (Citation c : vehicle.getSources()) {
            out.println("Source (" + c.getFigures() + "): " + c.getReference());
        }
        return ExitCode.OK;
    }

    private static String engines(Stage s) {
        List<String> parts = new ArrayList<>();
        for (EngineCluster c : s.getEngines()) {
            parts.add(c.getCount() + " x " + (c.getEngine() == null ? "?" : c.getEngine().getName()));
        }
        return String.join(" + ", parts);
    }

    /** Ten thousand tonnes: beyond any launcher's liftoff mass, so the figures stay meaningful numbers. */
    private static final double MAX_PAYLOAD_KG = 1e7;

    private static double parsePayload(CommandInvocation invocation, String v) {
        try {
            double kg = Double.parseDouble(v);
            if (kg >= 0 && kg <= MAX_PAYLOAD_KG) {
                return kg;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.because("is not a payload mass").source("launchbench " + invocation.command())
            .element("--payload").value(v).allowed("0 to " + (long) MAX_PAYLOAD_KG + " kg").build();
    }
}
