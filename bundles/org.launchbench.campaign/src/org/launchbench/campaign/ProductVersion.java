package org.launchbench.campaign;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The version of the LaunchBench a process runs, as the members of a cluster compare it: this bundle's version with
 * its build qualifier (every bundle of one build shares it). System property {@value #PROPERTY} replaces it, so that a
 * test can make a member that claims another product.
 */
public final class ProductVersion {

    /** The system property that replaces the version. */
    public static final String PROPERTY = "launchbench.product.version";

    private ProductVersion() {
    }

    /** @return this process's product version */
    public static String current() {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            return set;
        }
        Bundle b = FrameworkUtil.getBundle(ProductVersion.class);
        return b == null ? "development" : b.getVersion().toString();
    }
}
