package org.launchbench.vehicle.model.io;

import org.w3c.dom.Document;

/**
 * One step of file-format migration: rewrites a file of format {@code fromVersion} into format
 * {@code fromVersion + 1}, on its XML before EMF reads it (so renamed or restructured elements of old files are
 * never "unknown features"). Steps are chained until the file reaches {@link ModelFiles#CURRENT_FORMAT}.
 */
public interface FormatMigration {

    /** @return the format version this step reads */
    int fromVersion();

    /**
     * @param document the file's XML, to rewrite in place into format {@code fromVersion() + 1}
     */
    void migrate(Document document);

    /**
     * @return whether this step rewrites the file's structure; a step that only raises the version does not, and a
     *         file whose migration has no structural step is read as written, so errors keep their line numbers
     */
    default boolean changesStructure() {
        return true;
    }
}
