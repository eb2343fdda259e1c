package org.launchbench.recovery.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.ecore.EObject;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignWork;
import org.launchbench.core.InputFiles;
import org.launchbench.core.InvalidInputException;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.recovery.stage.DispersionCampaign;
import org.launchbench.recovery.stage.RunCodec;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.Fidelities;
import org.launchbench.vehicle.model.catalog.FolderReferences;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A landing dispersion as a cluster campaign: the mission file and the vehicle and site files beside it that it was
 * resolved with travel by content, with the seed, the sigmas (to the last bit), the scenario and the fidelity; a member
 * sets the campaign up as {@code dispersion} does ({@link DispersionCampaign}) and flies the runs it is given.
 */
@Component(service = CampaignWork.class)
public final class DispersionWork implements CampaignWork {

    /** The kind's name. */
    public static final String KIND = "dispersion";

    @Reference
    private VehicleCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DynamicsFactory> fidelities;

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The campaign a {@code dispersion} command flies, as a cluster's members receive it.
     *
     * @param file     the mission file
     * @param m        the mission, loaded from it
     * @param scenario the {@code --scenario} value (empty: the command's default, none)
     * @param c        the campaign set up from them
     * @param product  the product's version
     * @return the definition
     */
    static CampaignDefinition definition(Path file, MissionAscent m, Optional<String> scenario, DispersionCampaign c, String product) {
        SortedMap<String, byte[]> files = missionFiles(file, m, List.of());
        SortedMap<String, String> parameters = new TreeMap<>();
        parameters.put("seed", Long.toString(c.seed()));
        parameters.put("scenario", scenario.orElse(""));
        parameters.put("fidelity", c.fidelity().name());
        // Double.toString gives the shortest text that reads back to the same double
        c.sigmas().asMap().forEach((k, v) -> parameters.put("sigma." + k, Double.toString(v)));
        return new CampaignDefinition(KIND, file.getFileName().toString(), files, parameters, product);
    }

    /**
     * A mission's files as a campaign carries them: the mission, and the vehicle, site and landing zones it uses that were
     * read from files beside it (the catalog's are on every member).
     *
     * @param file  the mission file
     * @param m     the mission, loaded from it
     * @param zones other landing zones the campaign flies to (a sweep's), besides the mission's own
     * @return the files by name
     */
    static SortedMap<String, byte[]> missionFiles(Path file, MissionAscent m, List<String> zones) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(file.getFileName().toString(), InputFiles.read(file, "a .mission file", InputFiles.MODEL_LIMIT_BYTES));
        if (m.refs() instanceof FolderReferences folder) {
            List<EObject> used = new java.util.ArrayList<>(List.of(m.vehicle(), m.site()));
            List<String> ids = new java.util.ArrayList<>(zones);
            if (m.mission().getRecovery() != null) {
                ids.add(m.mission().getRecovery().getLandingZoneId());
            }
            ids.forEach(id -> m.refs().landingZone(id).ifPresent(used::add));
            for (EObject e : used) {
                folder.source(e).ifPresent(p -> files.put(p.getFileName().toString(),
                    InputFiles.read(p, "a model file", InputFiles.MODEL_LIMIT_BYTES)));
            }
        }
        return files;
    }

    @Override
    public Prepared prepare(CampaignDefinition d, Path folder, IProgressMonitor monitor) {
        Path file = folder.resolve(d.mainFile());
        MissionAscent m = MissionAscent.load(file, catalog);
        String scenario = d.parameter("scenario", "");
        List<String> scenarios = m.scenarios(scenario.isEmpty() ? Optional.empty() : Optional.of(scenario), false, file.toString());
        DynamicsFactory fidelity = Fidelities.choose(fidelities, Optional.of(d.parameter("fidelity", DynamicsFactory.POINT_MASS.name())),
            m.mission(), file.toString());
        Map<String, Double> sigmas = new LinkedHashMap<>();
        Dispersion.Sigmas.DEFAULT.asMap().keySet().forEach(k -> sigmas.put(k, number(d, "sigma." + k)));
        long seed;
        try {
            seed = Long.parseLong(d.parameter("seed", ""));
        } catch (NumberFormatException e) {
            throw InvalidInputException.because("a campaign without a seed").element("seed").value(d.parameter("seed", "none")).build();
        }
        DispersionCampaign campaign = DispersionCampaign.prepare(m, scenarios, fidelity, Dispersion.Sigmas.of(sigmas), seed, file.toString(),
            monitor);
        byte[] fingerprint = campaign.fingerprint();
        return new Prepared() {
            @Override
            public byte[] fingerprint() {
                return fingerprint.clone();
            }

            @Override
            public byte[] run(int index) {
                return RunCodec.encode(campaign.run(index).result());
            }
        };
    }

    private static double number(CampaignDefinition d, String key) {
        try {
            return Double.parseDouble(d.parameter(key, ""));
        } catch (NumberFormatException e) {
            throw InvalidInputException.because("a campaign parameter that is not a number").element(key).value(d.parameter(key, "none")).build();
        }
    }
}
