package org.launchbench.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.orekit.data.ClasspathCrawler;
import org.orekit.data.DataContext;
import org.orekit.data.DirectoryCrawler;
import org.orekit.data.LazyLoadedDataContext;

/**
 * The Orekit data an engine computes with, as an explicit {@link DataContext} (never Orekit's hidden default
 * context, which would look for data on the network-less machine's {@code orekit.data.path}).
 * <p>
 * LaunchBench ships the one file Orekit needs for UTC ({@value #BUNDLED_UTC_TAI}, the IERS leap-second history),
 * so it works offline out of the box; frames then use zero Earth-orientation corrections (no UT1-UTC, no polar
 * motion), which is below a metre at launch-vehicle scales. Users who have a full orekit-data folder (EOP,
 * gravity fields, space weather) point LaunchBench at it with the system property {@value #FOLDER_PROPERTY} or
 * the environment variable {@value #FOLDER_VARIABLE} (the command line's {@code --orekit-data DIR} sets the
 * property); files in that folder take precedence and the bundled leap seconds remain the fallback.
 */
public final class OrekitData {

    /** System property naming a user's orekit-data folder. */
    public static final String FOLDER_PROPERTY = "launchbench.orekit.data";
    /** Environment variable naming a user's orekit-data folder; the property wins when both are set. */
    public static final String FOLDER_VARIABLE = "LAUNCHBENCH_OREKIT_DATA";
    /** Resource path, inside this bundle, of the shipped leap-second history. */
    public static final String BUNDLED_UTC_TAI = "orekit-data/UTC-TAI.history";

    private static final Map<Path, OrekitData> FOLDERS = new ConcurrentHashMap<>();

    private final DataContext context;
    private final Path folder;

    private OrekitData(DataContext context, Path folder) {
        this.context = context;
        this.folder = folder;
    }

    /** @return the data shipped inside LaunchBench (shared, thread-safe, loaded on first use) */
    public static OrekitData bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * @param folder a user's orekit-data folder (as distributed by the Orekit project)
     * @return a context reading that folder first and the shipped data second (one per folder, shared)
     * @throws InvalidInputException if the folder does not exist or is not a readable directory
     */
    public static OrekitData fromFolder(Path folder) {
        return fromFolder(folder, "orekit-data folder");
    }

    /**
     * @return the user's folder when {@value #FOLDER_PROPERTY} or {@value #FOLDER_VARIABLE} names one, else
     *         {@link #bundled()}
     * @throws InvalidInputException if the named folder is not a readable directory
     */
    public static OrekitData configured() {
        return configured(System.getProperty(FOLDER_PROPERTY), System.getenv(FOLDER_VARIABLE));
    }

    static OrekitData configured(String propertyValue, String variableValue) {
        if (propertyValue != null && !propertyValue.isBlank()) {
            return fromFolder(Path.of(propertyValue), "system property " + FOLDER_PROPERTY);
        }
        if (variableValue != null && !variableValue.isBlank()) {
            return fromFolder(Path.of(variableValue), "environment variable " + FOLDER_VARIABLE);
        }
        return bundled();
    }

    /**
     * @param folder a user's orekit-data folder
     * @param origin where the user named it ("--orekit-data", a preference), for the error message
     * @return a context reading that folder first and the shipped data second (one per folder, shared)
     * @throws InvalidInputException if the folder does not exist or is not a readable directory
     */
    public static OrekitData fromFolder(Path folder, String origin) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
            throw InvalidInputException.because(Files.exists(folder) ? "is not a readable directory"
                                                                       : "does not exist")
                .source(origin).value(folder)
                .allowed("a readable orekit-data directory")
                .fix("name an existing orekit-data folder in " + origin + ", or drop it to use the data shipped with LaunchBench")
                .build();
        }
        Path key = folder.toAbsolutePath().normalize();
        return FOLDERS.computeIfAbsent(key, k -> {
            LazyLoadedDataContext ctx = new LazyLoadedDataContext();
            ctx.getDataProvidersManager().addProvider(new DirectoryCrawler(k.toFile()));
            ctx.getDataProvidersManager().addProvider(bundledCrawler());
            return new OrekitData(ctx, k);
        });
    }

    private static ClasspathCrawler bundledCrawler() {
        return new ClasspathCrawler(OrekitData.class.getClassLoader(), BUNDLED_UTC_TAI);
    }

    /** @return the context to hand to Orekit */
    public DataContext context() {
        return context;
    }

    /** @return the user's folder, or empty for the shipped data */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** @return where the data comes from, for reports: the folder path, or "bundled (UTC-TAI.history)" */
    public String origin() {
        return folder == null ? "bundled (" + new File(BUNDLED_UTC_TAI).getName() + ")" : folder.toString();
    }

    @Override
    public String toString() {
        return "OrekitData[" + origin() + "]";
    }

    /** Initialization-on-demand holder: the shipped context is built once, on first use. */
    private static final class Bundled {
        static final OrekitData INSTANCE;
        static {
            LazyLoadedDataContext ctx = new LazyLoadedDataContext();
            ctx.getDataProvidersManager().addProvider(bundledCrawler());
            INSTANCE = new OrekitData(ctx, null);
        }
    }
}
