package org.launchbench.vehicle.model.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EClass;
import org.launchbench.vehicle.model.VehiclePackage;

/** The kinds of LaunchBench model file, told apart by their extension. */
public enum ModelFileKind {

    /** A launch vehicle: root {@code LaunchVehicle}. */
    VEHICLE("vehicle", VehiclePackage.Literals.LAUNCH_VEHICLE),
    /** A mission: root {@code Mission}. */
    MISSION("mission", VehiclePackage.Literals.MISSION),
    /** Launch sites and landing zones: root {@code SiteCatalog}. */
    SITES("sites", VehiclePackage.Literals.SITE_CATALOG);

    private final String extension;
    private final EClass rootClass;

    ModelFileKind(String extension, EClass rootClass) {
        this.extension = extension;
        this.rootClass = rootClass;
    }

    /** @return the file extension, without the dot */
    public String extension() {
        return extension;
    }

    /** @return the class of the file's root element */
    public EClass rootClass() {
        return rootClass;
    }

    /** @param file a file name or path; @return its kind, if its extension is one of ours */
    public static Optional<ModelFileKind> of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> name.endsWith("." + k.extension)).findFirst();
    }

    /** @return ".vehicle, .mission, .sites", for messages */
    public static String allowedExtensions() {
        return Arrays.stream(values()).map(k -> "." + k.extension).collect(Collectors.joining(", "));
    }
}
