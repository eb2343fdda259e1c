package org.launchbench.vehicle.model.catalog;

import org.launchbench.vehicle.model.LaunchVehicle;

/**
 * A vehicle in the catalog.
 *
 * @param id     the vehicle's id
 * @param name   its name
 * @param bundle the symbolic name of the bundle that contributed it
 * @param source where its file is: {@code bundle/path}
 * @param model  the vehicle; shared: copy it ({@code EcoreUtil.copy}) before changing it
 */
public record CatalogVehicle(String id, String name, String bundle, String source, LaunchVehicle model) {
}
