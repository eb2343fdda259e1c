package org.launchbench.vehicle.model.catalog;

/**
 * A contribution the catalog could not take: a missing or invalid file, or an id contributed twice.
 *
 * @param bundle  the contributing bundle
 * @param source  the file, {@code bundle/path}
 * @param message what is wrong, one line
 */
public record CatalogProblem(String bundle, String source, String message) {
}
