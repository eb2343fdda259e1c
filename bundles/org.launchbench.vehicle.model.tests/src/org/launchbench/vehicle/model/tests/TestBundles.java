package org.launchbench.vehicle.model.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Builds and installs real bundles at test time, the way a p2 install adds a third party's vehicle bundle. */
final class TestBundles {

    private TestBundles() {
    }

    /**
     * @param context   where to install
     * @param bsn       the bundle's symbolic name
     * @param pluginXml its plugin.xml
     * @param files     other entries: path to content
     * @return the installed (not yet resolved) bundle
     */
    static Bundle install(BundleContext context, String bsn, String pluginXml, Map<String, String> files)
        throws IOException, BundleException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn + ";singleton:=true");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Require-Bundle", "org.launchbench.vehicle.model");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            put(jar, "plugin.xml", pluginXml);
            for (Map.Entry<String, String> f : files.entrySet()) {
                put(jar, f.getKey(), f.getValue());
            }
        }
        return context.installBundle("test:" + bsn, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static void put(JarOutputStream jar, String name, String content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }

    static String catalogPluginXml(String... elements) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.4\"?>\n<plugin>\n"
            + "  <extension point=\"org.launchbench.vehicle.model.catalog\">\n    " + String.join("\n    ", elements)
            + "\n  </extension>\n</plugin>\n";
    }
}
