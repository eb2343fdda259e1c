package org.launchbench.ui.workbench;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.launchbench.campaign.ClusterAccess;
import org.launchbench.core.AtomicTextFile;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.OrekitData;
import org.launchbench.core.RunFailedException;

/**
 * The workbench's preferences, kept in the workspace ({@code .metadata/launchbench.properties}, written atomically):
 * the update sites add-ons were installed from, the units the views show, the orekit-data folder the engines read (a
 * folder with the full data: EOP, more leap seconds; empty for the data LaunchBench ships), and the cluster the recovery
 * view flies campaigns on (members, name and the path of the shared secret's file, never the secret: it is read from
 * its file when a campaign starts, as {@code dispersion --secret-file} reads it). The orekit-data folder is applied at
 * start-up and when changed, as the {@value OrekitData#FOLDER_PROPERTY} system property that the engines'
 * {@link OrekitData#configured()} reads.
 */
public final class WorkbenchPreferences {

    /** The key of the orekit-data folder. */
    public static final String OREKIT_DATA = "orekit.data.folder";

    /** The key of the update sites used, one a line. */
    public static final String UPDATE_SITES = "update.sites";

    /** The key of the units the views show ({@link Units}: metric or imperial). */
    public static final String UNITS = "units";

    /** The key of the cluster's members to contact, HOST:PORT,... as {@code dispersion --cluster} takes them (empty: none). */
    public static final String CLUSTER_MEMBERS = "cluster.members";

    /** The key of the cluster's name (empty: {@value ClusterAccess#DEFAULT_NAME}). */
    public static final String CLUSTER_NAME = "cluster.name";

    /** The key of the file holding the cluster's shared secret. */
    public static final String CLUSTER_SECRET_FILE = "cluster.secret.file";

    /** The most update sites remembered. */
    public static final int MAX_SITES = 10;

    private final Path file;
    private final Properties values = new Properties();

    /** @param workspace the workspace folder; reads its preferences (none yet: defaults) */
    public WorkbenchPreferences(Path workspace) {
        this.file = workspace.resolve(".metadata").resolve("launchbench.properties");
        if (Files.isRegularFile(file)) {
            try {
                values.load(new StringReader(Files.readString(file)));
            } catch (IOException | IllegalArgumentException e) {
                throw InvalidInputException.because("cannot be read as preferences: " + e.getMessage()).source(file.toString())
                    .fix("delete it to start from the defaults").build(e);
            }
        }
    }

    /** @return the orekit-data folder chosen (empty: the shipped data) */
    public Optional<Path> orekitData() {
        String v = values.getProperty(OREKIT_DATA, "");
        return v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
    }

    /**
     * Chooses the orekit-data folder (checked first), saves and applies it.
     *
     * @param folder the folder (empty: the shipped data)
     * @throws InvalidInputException when the folder is not a readable orekit-data directory; nothing changes then
     */
    public void setOrekitData(Optional<Path> folder) {
        putOrekitData(folder);
        save();
        apply();
    }

    /**
     * Sets what the Preferences dialog edits, checked first, then saved once and applied.
     *
     * @param folder  the orekit-data folder (empty: the shipped data)
     * @param sites   the update sites, as {@link #setUpdateSites} takes them
     * @param units   the units the views show
     * @param cluster the cluster campaigns fly on, as {@link #setCluster} takes it
     * @throws InvalidInputException when the folder is not a readable orekit-data directory or the cluster is not one
     *                               campaigns can reach; nothing changes then
     */
    public void set(Optional<Path> folder, List<String> sites, Units units, Cluster cluster) {
        checkCluster(cluster);
        putOrekitData(folder);
        putUpdateSites(sites);
        putUnits(units);
        putCluster(cluster);
        save();
        apply();
    }

    /**
     * The cluster campaigns fly on, as entered.
     *
     * @param members    HOST:PORT,... (blank: no cluster)
     * @param name       the cluster's name (blank: {@value ClusterAccess#DEFAULT_NAME})
     * @param secretFile the shared secret's file (blank only without members)
     */
    public record Cluster(String members, String name, String secretFile) {

        /** No cluster. */
        public static final Cluster NONE = new Cluster("", "", "");

        public Cluster {
            members = members.strip();
            name = name.strip();
            secretFile = secretFile.strip();
        }

        /** @return whether a cluster is named */
        public boolean configured() {
            return !members.isEmpty();
        }
    }

    /** @return the cluster as entered ({@link Cluster#NONE} when none is) */
    public Cluster cluster() {
        return new Cluster(values.getProperty(CLUSTER_MEMBERS, ""), values.getProperty(CLUSTER_NAME, ""),
            values.getProperty(CLUSTER_SECRET_FILE, ""));
    }

    /**
     * Chooses the cluster campaigns fly on, checked first (the members' addresses, the name and the secret's file, read as
     * a campaign reads it), and saves it.
     *
     * @param cluster the cluster ({@link Cluster#NONE}: campaigns fly on this machine only)
     * @throws InvalidInputException for a member address, name or secret file campaigns could not use; nothing changes then
     */
    public void setCluster(Cluster cluster) {
        checkCluster(cluster);
        putCluster(cluster);
        save();
    }

    /**
     * The cluster to fly a campaign on, its secret read from its file now.
     *
     * @return the cluster, or empty when none is configured
     * @throws InvalidInputException when the preferences name a cluster campaigns cannot use: a member address or name
     *                               mistyped in the file (naming the preference), a secret file gone (naming the file)
     *                               or too short
     */
    public Optional<ClusterAccess> clusterAccess() {
        Cluster c = cluster();
        return c.configured() ? Optional.of(checkCluster(c)) : Optional.empty();
    }

    /** @return the cluster, parsed and its secret read: the checks and messages of {@code dispersion --cluster} */
    private ClusterAccess checkCluster(Cluster c) {
        if (!c.configured()) {
            return null;
        }
        try {
            List<ClusterAccess.Address> members = ClusterAccess.addresses(c.members(), "Cluster members (" + CLUSTER_MEMBERS + ")");
            String name = ClusterAccess.name(c.name().isEmpty() ? ClusterAccess.DEFAULT_NAME : c.name(), "Cluster name (" + CLUSTER_NAME + ")");
            if (c.secretFile().isEmpty()) {
                throw InvalidInputException.because("a cluster needs its shared secret").element("Secret file (" + CLUSTER_SECRET_FILE + ")")
                    .value("none").allowed("the file the cluster's workers were started with (launchbench worker --secret-file F)").build();
            }
            return new ClusterAccess(members, name, ClusterAccess.secret(Path.of(c.secretFile()), "Secret file (" + CLUSTER_SECRET_FILE + ")"));
        } catch (java.nio.file.InvalidPathException e) {
            throw InvalidInputException.because("not a file path: " + e.getReason()).element("Secret file (" + CLUSTER_SECRET_FILE + ")")
                .value(c.secretFile()).build();
        }
    }

    private void putCluster(Cluster c) {
        values.setProperty(CLUSTER_MEMBERS, c.members());
        values.setProperty(CLUSTER_NAME, c.name());
        values.setProperty(CLUSTER_SECRET_FILE, c.secretFile());
    }

    /** Checks the folder (throwing before anything changes) and takes it. */
    private void putOrekitData(Optional<Path> folder) {
        folder.ifPresent(f -> OrekitData.fromFolder(f, "preference " + OREKIT_DATA + " (" + file + ")"));
        values.setProperty(OREKIT_DATA, folder.map(Path::toString).orElse(""));
    }

    /**
     * @return the units the views show
     * @throws InvalidInputException when the file names a system there is none of
     */
    public Units units() {
        try {
            return Units.parse(values.getProperty(UNITS));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.because(e.getMessage()).source(file.toString()).element(UNITS)
                .value(values.getProperty(UNITS)).allowed("metric, imperial")
                .fix("choose the units again in File > Preferences, or delete the line").build();
        }
    }

    /** @param units the units the views show from now on: saved and applied (the views redraw) */
    public void setUnits(Units units) {
        putUnits(units);
        save();
        apply();
    }

    private void putUnits(Units units) {
        values.setProperty(UNITS, units.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Applies the preferences: the system property the engines read (cleared when the shipped data is chosen) and the
     * units the views show.
     */
    public void apply() {
        Optional<Path> f = orekitData();
        if (f.isPresent()) {
            System.setProperty(OrekitData.FOLDER_PROPERTY, f.get().toString());
        } else {
            System.clearProperty(OrekitData.FOLDER_PROPERTY);
        }
        Units.setCurrent(units());
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new RunFailedException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        StringWriter text = new StringWriter();
        try {
            values.store(text, "LaunchBench workbench preferences");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        AtomicTextFile.write(file, w -> w.write(text.toString()));
    }

    /** @return the update sites used before, most recent first (Help → Install Add-ons offers them) */
    public List<String> updateSites() {
        String v = values.getProperty(UPDATE_SITES, "");
        return v.isBlank() ? List.of() : v.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
    }

    /**
     * Sets the update sites offered, in order, and saves them.
     *
     * @param sites folders, zips or URIs of update sites (blank entries are dropped; at most {@value #MAX_SITES} kept)
     */
    public void setUpdateSites(List<String> sites) {
        putUpdateSites(sites);
        save();
    }

    private void putUpdateSites(List<String> sites) {
        List<String> kept = sites.stream().map(String::strip).filter(l -> !l.isEmpty()).distinct().limit(MAX_SITES).toList();
        values.setProperty(UPDATE_SITES, String.join("\n", kept));
    }

    /** @param site an update site just used: first in {@link #updateSites()} from now on */
    public void rememberUpdateSite(String site) {
        List<String> sites = new ArrayList<>();
        sites.add(site);
        sites.addAll(updateSites());
        setUpdateSites(sites);
    }

    /** @return the preferences file */
    public Path file() {
        return file;
    }
}
