package org.launchbench.recovery.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.launchbench.campaign.CampaignDefinition;
import org.launchbench.campaign.CampaignWork;
import org.launchbench.core.InvalidInputException;
import org.launchbench.recovery.stage.ClusterDispersion;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.recovery.stage.DispersionCampaign;
import org.launchbench.recovery.stage.RunCodec;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.Fidelities;
import org.launchbench.vehicle.model.catalog.VehicleCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A member's side of a landing dispersion flown on a cluster ({@link ClusterDispersion} is the asker's): it sets the
 * campaign up from the files and parameters it received as {@code dispersion} does ({@link DispersionCampaign}) and flies
 * the runs it is given.
 */
@Component(service = CampaignWork.class)
public final class DispersionWork implements CampaignWork {

    @Reference
    private VehicleCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DynamicsFactory> fidelities;

    @Override
    public String kind() {
        return ClusterDispersion.KIND;
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
