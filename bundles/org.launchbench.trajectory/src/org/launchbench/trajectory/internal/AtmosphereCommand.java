package org.launchbench.trajectory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.launchbench.cli.Arguments;
import org.launchbench.cli.CliCommand;
import org.launchbench.cli.CommandInvocation;
import org.launchbench.cli.ExitCode;
import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.atmosphere.Atmosphere;
import org.launchbench.trajectory.atmosphere.AtmosphereState;
import org.launchbench.trajectory.atmosphere.UsStandardAtmosphere1976;
import org.osgi.service.component.annotations.Component;

/** {@code launchbench atmosphere ALTITUDE_M... [--json]}: the U.S. Standard Atmosphere 1976 at given altitudes. */
@Component(service = CliCommand.class)
public final class AtmosphereCommand implements CliCommand {

    private static final Arguments.Spec SPEC = Arguments.spec(Set.of("--json"), Set.of());

    @Override
    public String name() {
        return "atmosphere";
    }

    @Override
    public String summary() {
        return "Temperature, pressure, density and speed of sound of the U.S. Standard Atmosphere 1976";
    }

    @Override
    public String usage() {
        return """
            Usage: launchbench atmosphere ALTITUDE_M... [--json]

            The U.S. Standard Atmosphere 1976 at each geometric altitude (metres above mean sea level,
            -5000 to 1000000). Exact to the standard up to 86 km; above, the standard's temperature with a mean
            density model (docs/trajectory.md).
              --json   [{"altitude_m": ..., "temperature_K": ..., "pressure_Pa": ..., "density_kg_m3": ...,
                         "speed_of_sound_m_s": ...}]
            """;
    }

    @Override
    public int run(CommandInvocation invocation) {
        Arguments args = SPEC.parse(invocation);
        if (args.positionals().isEmpty()) {
            args.expectPositionals(1, "ALTITUDE_M");
        }
        Atmosphere model = UsStandardAtmosphere1976.INSTANCE;
        List<AtmosphereState> states = new ArrayList<>();
        for (String word : args.positionals()) {
            states.add(model.at(altitude(word, model)));
        }
        if (args.flag("--json")) {
            List<Map<String, Object>> doc = new ArrayList<>();
            for (AtmosphereState s : states) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("altitude_m", s.altitude());
                m.put("temperature_K", s.temperature());
                m.put("pressure_Pa", s.pressure());
                m.put("density_kg_m3", s.density());
                m.put("speed_of_sound_m_s", s.speedOfSound());
                doc.add(m);
            }
            invocation.printJson(doc);
            return ExitCode.OK;
        }
        invocation.out().printf("%12s %14s %14s %16s %14s%n", "ALTITUDE m", "TEMPERATURE K", "PRESSURE Pa",
            "DENSITY kg/m3", "SOUND m/s");
        for (AtmosphereState s : states) {
            invocation.out().printf("%12.1f %14.3f %14.5e %16.5e %14.3f%n", s.altitude(), s.temperature(), s.pressure(),
                s.density(), s.speedOfSound());
        }
        return ExitCode.OK;
    }

    private static double altitude(String word, Atmosphere model) {
        double z;
        try {
            z = Double.parseDouble(word);
        } catch (NumberFormatException e) {
            throw InvalidInputException.because("is not an altitude in metres").source("launchbench atmosphere")
                .value(word).allowed("a number of metres, " + (long) model.minAltitude() + " to " + (long) model.maxAltitude())
                .build(e);
        }
        if (!(z >= model.minAltitude() && z <= model.maxAltitude())) {
            throw InvalidInputException.because("is outside the U.S. Standard Atmosphere 1976").source("launchbench atmosphere")
                .value(word + " m").allowed((long) model.minAltitude() + " to " + (long) model.maxAltitude() + " m")
                .fix("give a geometric altitude above mean sea level in metres").build();
        }
        return z;
    }
}
