package org.launchbench.recovery.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignWork;
import org.launchbench.core.InputFiles;
import org.launchbench.recovery.stage.ClusterDispersion;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A trade study as a cluster campaign: its "runs" are the grid's points (each flown whole on one member, its dispersion
 * included), the spec file and the mission with the files beside it that it resolved travel by content.
 */
@Component(service = CampaignWork.class)
public final class SweepWork implements CampaignWork {

    /** The kind's name. */
    public static final String KIND = "sweep";

    @Reference
    private VehicleCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DynamicsFactory> fidelities;

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * @param specFile    the spec file
     * @param spec        its grid, read
     * @param missionFile the mission it names
     * @param m           the mission, loaded
     * @param product     the product's version
     * @return the sweep as a campaign: the spec is its main file, the mission's name a parameter; the mission's files
     *         and those of the zones swept travel with it
     */
    static CampaignDefinition definition(Path specFile, SweepSpec spec, Path missionFile, MissionAscent m, String product) {
        SortedMap<String, byte[]> files = ClusterDispersion.missionFiles(missionFile, m, spec.zones());
        String specName = "sweep-spec.json";
        files.put(specName, InputFiles.read(specFile, "a sweep spec (JSON)", SweepSpec.LIMIT_BYTES));
        SortedMap<String, String> parameters = new TreeMap<>();
        parameters.put("mission", missionFile.getFileName().toString());
        // the asker's name for the mission, so that a point's error names the same file wherever it is flown
        parameters.put("source", missionFile.toString());
        return new CampaignDefinition(KIND, specName, files, parameters, product);
    }

    /**
     * @param d the sweep's campaign
     * @param m its mission, resolved here
     * @return the campaign's digest and what this machine resolved its mission to (azimuth, mass carried, reserve, and
     *         the vehicle's stage masses and thrusts, bit for bit): a member with another catalog resolves another
     */
    static byte[] fingerprint(CampaignDefinition d, MissionAscent m) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(b)) {
            out.writeUTF(d.digest());
            out.writeDouble(m.azimuth());
            out.writeDouble(m.carried());
            out.writeDouble(m.reserve());
            for (var stage : m.vehicle().getStages()) {
                out.writeDouble(stage.getDryMass());
                out.writeDouble(stage.getPropellantMass());
            }
            out.writeDouble(org.launchbench.vehicle.model.figures.VehicleFigures.of(m.vehicle(), 0).liftoffThrust());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    @Override
    public Prepared prepare(CampaignDefinition d, Path folder, IProgressMonitor monitor) {
        SweepSpec spec = SweepSpec.read(folder.resolve(d.mainFile()));
        Path mission = folder.resolve(d.parameter("mission", ""));
        MissionAscent m = MissionAscent.load(mission, catalog);
        // the files beside the mission are read when first needed: the swept zones are looked up now, while the folder exists
        spec.zones().forEach(z -> m.refs().landingZone(z));
        Sweep sweep = new Sweep(spec, m, fidelities == null ? List.of() : fidelities, d.parameter("source", mission.toString()));
        byte[] fingerprint = fingerprint(d, m);
        return new Prepared() {
            @Override
            public byte[] fingerprint() {
                return fingerprint.clone();
            }

            @Override
            public byte[] run(int index) {
                return sweep.fly(index).encode();
            }
        };
    }
}
