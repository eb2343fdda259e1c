package org.launchbench.recovery.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.launchbench.core.LaunchBenchException;
import org.launchbench.recovery.stage.Dispersion;
import org.launchbench.recovery.stage.DispersionCampaign;
import org.launchbench.recovery.stage.MissionRecovery;
import org.launchbench.recovery.stage.Perturbation;
import org.launchbench.recovery.stage.StageRecovery;
import org.launchbench.trajectory.ascent.MissionAscent;
import org.launchbench.trajectory.ascent.RecoveryResult;
import org.launchbench.trajectory.dynamics.DynamicsFactory;
import org.launchbench.trajectory.dynamics.Fidelities;
import org.launchbench.vehicle.model.ManifestEntry;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.RecoveryPlan;
import org.launchbench.vehicle.model.TargetOrbit;
import org.launchbench.vehicle.model.validation.ModelReferences;

/**
 * A trade study set up: the mission read once, the grid, the fidelity. Point i is the mission with the point's figures
 * set, validated as a mission file is, flown as {@code simulate} flies it (the first stage's reserve sized by its
 * recovery for that point) and then dispersed over the spec's runs; every point depends only on the spec and i, so a
 * sweep's rows are the same on one machine or a cluster.
 */
final class Sweep {

    private final SweepSpec spec;
    private final Mission mission;
    private final ModelReferences refs;
    private final String source;
    private final DynamicsFactory fidelity;

    /**
     * @param spec       the grid
     * @param m          the mission, loaded (its mission object is copied for each point)
     * @param fidelities the fidelities installed
     * @param source     the mission file, for messages
     */
    Sweep(SweepSpec spec, MissionAscent m, Collection<DynamicsFactory> fidelities, String source) {
        this.spec = spec;
        this.mission = m.mission();
        this.refs = m.refs();
        this.source = source;
        this.fidelity = Fidelities.choose(fidelities, Optional.ofNullable(spec.fidelity()), mission, source);
    }

    DynamicsFactory fidelity() {
        return fidelity;
    }

    /** @return point i flown; a point that cannot be flown is a row saying why, not a failed sweep */
    SweepRow fly(int index) {
        SweepSpec.Point p = spec.point(index);
        String at = source + " (sweep point " + index + ")";
        try {
            MissionAscent m = MissionAscent.resolve(apply(p), refs, at);
            DispersionCampaign c = DispersionCampaign.prepare(m, List.of(), fidelity, Dispersion.Sigmas.DEFAULT, spec.seed(), at,
                new NullProgressMonitor());
            RecoveryResult nominal = MissionRecovery.fly(fidelity, c.c(), c.plan(), Perturbation.NONE, c.failures(), StageRecovery.Options.DEFAULT,
                MissionRecovery.SIMULATE_SEED);
            int landed = 0;
            for (int r = 0; r < spec.runs(); r++) {
                if (c.run(r).result().outcome() == RecoveryResult.Outcome.LANDED) {
                    landed++;
                }
            }
            return new SweepRow(index, m.payload(), c.sized().reserveKg(), nominal.outcome().json(), nominal.missDistance(),
                nominal.propellantRemaining(), spec.runs(), landed, null);
        } catch (LaunchBenchException e) {
            return new SweepRow(index, Double.NaN, Double.NaN, "not flown", Double.NaN, Double.NaN, 0, 0, e.userMessage());
        }
    }

    /** @return a copy of the mission with the point's figures set */
    private Mission apply(SweepSpec.Point p) {
        Mission m = EcoreUtil.copy(mission);
        if (p.payloadKg() != null) {
            double total = m.getManifest().stream().mapToDouble(e -> e.getCount() * e.getSatellite().getMass()).sum();
            if (!(total > 0)) {
                throw org.launchbench.core.InvalidInputException.because("the mission's manifest is empty: there is no payload to scale")
                    .source(source).element("payload_kg").value(p.payloadKg()).fix("give the mission a manifest").build();
            }
            // every satellite scaled by one factor: the manifest keeps its make-up and sums to the point's payload
            for (ManifestEntry e : m.getManifest()) {
                e.getSatellite().setMass(e.getSatellite().getMass() * p.payloadKg() / total);
            }
        }
        RecoveryPlan plan = m.getRecovery();
        if (plan == null && (p.zone() != null || p.ignitionM() != null || p.margin() != null)) {
            throw org.launchbench.core.InvalidInputException.because("the mission has no recovery plan to change").source(source)
                .element("recovery").value("none").fix("sweep a mission whose first stage is recovered").build();
        }
        if (p.zone() != null) {
            plan.setLandingZoneId(p.zone());
        }
        if (p.ignitionM() != null) {
            plan.setLandingIgnitionAltitude(p.ignitionM());
        }
        if (p.margin() != null) {
            plan.setPropellantMargin(p.margin());
        }
        if (p.orbit() != null) {
            TargetOrbit t = m.getTargetOrbit();
            t.setSunSynchronous(false);
            t.unsetLocalTimeAscendingNode();
            t.setPerigeeAltitude(p.orbit().perigeeKm() * 1e3);
            t.setApogeeAltitude(p.orbit().apogeeKm() * 1e3);
            t.setInclination(p.orbit().inclinationDeg());
        }
        return m;
    }
}
