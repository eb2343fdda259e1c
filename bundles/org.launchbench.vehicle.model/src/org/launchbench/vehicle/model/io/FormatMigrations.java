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
     * The chain for the current format. Format 0 is a file without {@code formatVersion}: hand-written files
     * and files from before format versions; its structure is that of format 1, so its step only stamps the
     * version.
     *
     * @return the built-in chain to {@link ModelFiles#CURRENT_FORMAT}
     */
    public static FormatMigrations builtIn() {
        return new FormatMigrations(ModelFiles.CURRENT_FORMAT, List.of(new FormatMigration() {
            @Override
            public int fromVersion() {
                return 0;
            }

            @Override
            public void migrate(Document document) {
                // format 1 added only the version attribute, which migrate(...) stamps after every step
            }
        }));
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
