package org.launchbench.install;

/**
 * Something an update site offers or an installation holds: a p2 feature group (what plugin authors publish:
 * see docs/extending.md).
 *
 * @param id                 the feature group's id, e.g. {@code com.acme.launchbench.vehicles.feature.feature.group}
 * @param version            its version
 * @param name               its human name (the feature's label), or the id when it has none
 * @param provider           who provides it, or an empty string
 * @param description        its description, or an empty string
 * @param installed          whether this version is installed
 * @param partOfLaunchBench  whether it is part of LaunchBench itself (never uninstalled by {@link Installer})
 * @param installedVersion   the version of it the installation holds: this one, another (a site offering a newer
 *                           one), or null when none
 */
public record AddOn(String id, String version, String name, String provider, String description, boolean installed,
                    boolean partOfLaunchBench, String installedVersion) {

    /** An add-on without another installed version (see the record's components). */
    public AddOn(String id, String version, String name, String provider, String description, boolean installed,
                 boolean partOfLaunchBench) {
        this(id, version, name, provider, description, installed, partOfLaunchBench, installed ? version : null);
    }

    /** @return whether another version of it is installed (installing this one replaces that: an update, or going back) */
    public boolean replacesInstalled() {
        return !installed && installedVersion != null;
    }

    /** The suffix p2 gives a feature's installable unit. */
    public static final String FEATURE_GROUP = ".feature.group";

    /** @return the id without p2's {@value #FEATURE_GROUP} suffix: the feature's id as its author wrote it */
    public String featureId() {
        return id.endsWith(FEATURE_GROUP) ? id.substring(0, id.length() - FEATURE_GROUP.length()) : id;
    }

    /**
     * @param wanted an id as a user wrote it: with or without the {@value #FEATURE_GROUP} suffix
     * @return whether it names this add-on
     */
    public boolean isNamed(String wanted) {
        return id.equals(wanted) || featureId().equals(wanted);
    }
}
