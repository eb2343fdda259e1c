package org.launchbench.test.support;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.publisher.IPublisherAction;
import org.eclipse.equinox.p2.publisher.IPublisherInfo;
import org.eclipse.equinox.p2.publisher.Publisher;
import org.eclipse.equinox.p2.publisher.PublisherInfo;
import org.eclipse.equinox.p2.publisher.eclipse.BundlesAction;
import org.eclipse.equinox.p2.publisher.eclipse.FeaturesAction;

/**
 * Update sites published by tests with p2's own publisher, as a Tycho build publishes a real one: the bundle jars of a
 * plugins folder and the features of a features folder, indexed and with their artifacts (the installer's and the
 * workbench's tests each had a copy of this).
 */
public final class UpdateSites {

    private UpdateSites() {
    }

    /**
     * @param agent    the p2 agent the repositories are created with
     * @param plugins  a folder of bundle jars
     * @param features a folder of feature folders (each with its feature.xml)
     * @param out      where the site goes
     * @param name     the site's name
     * @return the site's location
     * @throws IllegalStateException when p2 cannot create or fill the repositories (the status says why)
     */
    public static URI publish(IProvisioningAgent agent, Path plugins, Path features, Path out, String name) {
        URI uri = out.toUri();
        PublisherInfo info = new PublisherInfo();
        try {
            info.setMetadataRepository(Publisher.createMetadataRepository(agent, uri, name, false, true));
            info.setArtifactRepository(Publisher.createArtifactRepository(agent, uri, name, false));
        } catch (ProvisionException e) {
            throw new IllegalStateException("p2 could not create the site " + uri, e);
        }
        info.setArtifactOptions(IPublisherInfo.A_INDEX | IPublisherInfo.A_PUBLISH);
        IStatus published = new Publisher(info).publish(new IPublisherAction[] {new BundlesAction(new File[] {plugins.toFile()}),
            new FeaturesAction(new File[] {features.toFile()})}, new NullProgressMonitor());
        if (!published.isOK()) {
            throw new IllegalStateException("p2 could not publish the site " + uri + ": " + published);
        }
        return uri;
    }
}
