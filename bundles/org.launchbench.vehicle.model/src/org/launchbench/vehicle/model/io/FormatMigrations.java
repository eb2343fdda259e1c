package org.launchbench.vehicle.model.io;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.w3c.dom.Document;

/**
 * An ordered chain of {@link FormatMigration} steps that brings a file from any older format to a target
 * format. Built-in chain: {@link #builtIn()}.
 */
public final class FormatMigrations {

    /** Attribute of the root element that carries the format version. */
    public static final String VERSION_ATTRIBUTE = "formatVersion";

    private final Map<Integer, FormatMigration> steps;
    private final int target;

    /**
     * @param target the format version the chain ends at
     * @param steps  one step from each version below {@code target} that files may have
     */
    public FormatMigrations(int target, List<FormatMigration> steps) {
        this.target = target;
        this.steps = steps.stream().collect(Collectors.toMap(FormatMigration::fromVersion, Function.identity()));
    }

    /**
     * The chain for the current format:
     * <ul>
     * <li>format 0 is a file without {@code formatVersion}: hand-written files and files from before format
     * versions; its structure is that of format 1, so its step only stamps the version;</li>
     * <li>format 2 added what six-degree-of-freedom flight needs (a stage's length and rigid-body data, engine
     * mounts and actuator rates, fin and RCS geometry), all optional: a format-1 file has none of it and is
     * already a valid format-2 file, so this step too only stamps the version. The version still rises, so that
     * an older LaunchBench refuses a format-2 file by its version instead of by its first unknown element.</li>
     * </ul>
     *
     * @return the built-in chain to {@link ModelFiles#CURRENT_FORMAT}
     */
    public static FormatMigrations builtIn() {
        return new FormatMigrations(ModelFiles.CURRENT_FORMAT, List.of(stampOnly(0), stampOnly(1)));
    }

    private static FormatMigration stampOnly(int from) {
        return new FormatMigration() {
            @Override
            public int fromVersion() {
                return from;
            }

            @Override
            public void migrate(Document document) {
                // the structure is unchanged; migrate(Document, int) stamps the new version after every step
            }

            @Override
            public boolean changesStructure() {
                return false;
            }
        };
    }

    /**
     * @param version a file's format version, at most {@link #target()}
     * @return whether bringing it to the target rewrites its structure (else only its version number changes)
     */
    public boolean changesStructure(int version) {
        for (int v = version; v < target; v++) {
            FormatMigration step = steps.get(v);
            if (step == null || step.changesStructure()) {
                return true;
            }
        }
        return false;
    }

    /** @return the format version the chain ends at */
    public int target() {
        return target;
    }

    /**
     * Migrates a document in place from {@code version} to {@link #target()} and stamps the new version.
     *
     * @param document the file's XML
     * @param version  its format version, below or at {@link #target()}
     * @throws IllegalStateException when a step of the chain is missing (a LaunchBench bug, not user input)
     */
    public void migrate(Document document, int version) {
        for (int v = version; v < target; v++) {
            FormatMigration step = steps.get(v);
            if (step == null) {
                throw new IllegalStateException("no migration from format " + v + " to " + (v + 1));
            }
            step.migrate(document);
            document.getDocumentElement().setAttribute(VERSION_ATTRIBUTE, Integer.toString(v + 1));
        }
    }
}
