package org.launchbench.trajectory.internal;

import java.util.Locale;

import org.launchbench.cli.Arguments;
import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.ascent.AscentProfile;

/** The {@code --insertion auto|direct|parking|coast|node} option of {@code simulate} and {@code payload}. */
final class InsertionOption {

    static final String NAME = "--insertion";
    static final String USAGE = """
          --insertion auto|direct|parking|coast|node
                      how the last stage reaches the orbit: one burn (direct), a burn into a transfer orbit, a
                      coast and a second burn at apogee (parking), a coast to the apogee the lower stages
                      gave and one burn there (coast, for kick stages), or a parking orbit, a coast to its node
                      and a burn there that turns the plane (node); auto (default) chooses from the last
                      stage's thrust-to-weight, restarts, the target altitude and the site's latitude
                      (docs/trajectory.md)
        """;

    private InsertionOption() {
    }

    static AscentProfile.Insertion parse(Arguments args, String command) {
        String text = args.value(NAME).orElse("auto").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "auto" -> AscentProfile.Insertion.AUTO;
            case "direct" -> AscentProfile.Insertion.DIRECT;
            case "parking" -> AscentProfile.Insertion.PARKING_ORBIT;
            case "coast" -> AscentProfile.Insertion.COAST_TO_APOGEE;
            case "node" -> AscentProfile.Insertion.NODE;
            default -> throw InvalidInputException.because("is not an insertion").source("launchbench " + command).element(NAME)
                .value(text).allowed("auto, direct, parking, coast, node").build();
        };
    }
}
