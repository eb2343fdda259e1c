package org.launchbench.vehicle.model.io;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.launchbench.vehicle.model.ModelRoot;

/** Test access to {@link ModelFiles}' fault-injection hook (same package, same class loader as the host). */
public final class ModelFilesAccess {

    private ModelFilesAccess() {
    }

    /** Saves with the temporary file's stream wrapped, to inject write failures. */
    public static void save(ModelRoot root, Path file, UnaryOperator<OutputStream> wrap) {
        ModelFiles.save(root, file, wrap);
    }
}
