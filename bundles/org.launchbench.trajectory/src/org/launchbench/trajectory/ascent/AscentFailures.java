package org.launchbench.trajectory.ascent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.launchbench.core.InvalidInputException;
import org.launchbench.trajectory.dynamics.Propulsion;
import org.launchbench.vehicle.model.BurnKind;
import org.launchbench.vehicle.model.Failure;
import org.launchbench.vehicle.model.FailureKind;
import org.launchbench.vehicle.model.Mission;
import org.launchbench.vehicle.model.Scenario;

/**
 * The failures a mission's scenarios inject into its ascent ({@code burn="ASCENT"}, {@code time} in seconds after
 * liftoff), applied to the first stage's engines from their time on, as the recovery engine applies its burns':
 * <ul>
 * <li>{@code ENGINE_OUT}: one of the stage's n engines stops (thrust, flow and nozzle area (n − 1)/n);</li>
 * <li>{@code THRUST_SHORTFALL}: every engine loses {@code magnitude} of its thrust and flow (the same specific
 * impulse, a lower chamber pressure);</li>
 * <li>{@code THRUST_LOSS}: the stage's thrust is gone.</li>
 * </ul>
 * A failure at or after the first stage's cut-off happens to the last stage's engines in the same way (a single-engine
 * stage's ENGINE_OUT is a THRUST_LOSS). The failures are not known to the flight: the pitch-over is the nominal plan's,
 * and the first stage burns to the reserve its recovery keeps (a weaker stage burns longer); the last stage's guidance
 * is solved from the state it ignites in and corrected in flight on the thrust it senses.
 */
public record AscentFailures(List<Failure> failures) {

    /** No failure. */
    public static final AscentFailures NONE = new AscentFailures(List.of());

    /**
     * @param mission   the mission
     * @param scenarios names of its scenarios injected
     * @return their ascent failures, in time order
     */
    public static AscentFailures of(Mission mission, List<String> scenarios) {
        List<Failure> out = new ArrayList<>();
        for (Scenario s : mission.getScenarios()) {
            if (scenarios.contains(s.getName())) {
                s.getFailures().stream().filter(f -> f.getBurn() == BurnKind.ASCENT).forEach(out::add);
            }
        }
        out.sort((a, b) -> Double.compare(a.getTime(), b.getTime()));
        return new AscentFailures(List.copyOf(out));
    }

    /** @return whether there is none */
    public boolean isEmpty() {
        return failures.isEmpty();
    }

    /**
     * Refuses what the ascent cannot inject: a failure of a vehicle with strap-on boosters, one of another kind than
     * thrust failures, or one outside the first stage's burn and the last stage's burns (a middle stage's, one in a
     * coast, or a solid last stage's, whose burn to depletion is solved once at ignition).
     *
     * @param vehicleHasStrapOns whether the first stage is a set of strap-on boosters
     * @param cutoffS            the first stage's cut-off in the nominal flight, s after liftoff
     * @param lastStageBurns     the last stage's burns in the nominal flight (none for a solid one)
     * @param source             the mission file, for the message
     * @throws InvalidInputException naming the failure
     */
    public void check(boolean vehicleHasStrapOns, double cutoffS, List<AscentResult.Burn> lastStageBurns, String source) {
        for (Failure f : failures) {
            String where = "scenarios/failures[" + f.getKind().getLiteral() + " at " + f.getTime() + " s]";
            if (vehicleHasStrapOns) {
                throw InvalidInputException.because("an ascent failure of a vehicle with strap-on boosters is not modelled").source(source)
                    .element(where).allowed("failures of the recovery's burns").build();
            }
            if (f.getKind() != FailureKind.ENGINE_OUT && f.getKind() != FailureKind.THRUST_SHORTFALL
                && f.getKind() != FailureKind.THRUST_LOSS) {
                throw InvalidInputException.because("is not a failure of an ascent's engines").source(source).element(where)
                    .value(f.getKind().getLiteral()).allowed("ENGINE_OUT, THRUST_SHORTFALL, THRUST_LOSS").build();
            }
            boolean first = f.getTime() >= 0 && f.getTime() < cutoffS;
            boolean last = lastStageBurns.stream().anyMatch(b -> f.getTime() > b.ignition() && f.getTime() < b.cutoff());
            if (!first && !last) {
                String lastBurn = lastStageBurns.isEmpty() ? " (the last stage, solid, burns to depletion on a steering solved"
                    + " once at its ignition: a failure during it is not modelled)"
                    : ", or during the last stage's burns: " + String.join(", ", lastStageBurns.stream().map(b -> String.format(
                        Locale.ROOT, "%.1f to %.1f s", b.ignition(), b.cutoff())).toList());
                throw InvalidInputException.because("is not during the first or the last stage's burn, where ascent failures are"
                    + " injected").source(source).element(where + "/time").value(f.getTime())
                    .allowed(String.format(Locale.ROOT, "0 to %.1f s (the first stage's cut-off)", cutoffS) + lastBurn).build();
            }
        }
    }

    /**
     * @param t a time, s after liftoff
     * @return the failures at or after it (those of the stages still to burn)
     */
    AscentFailures from(double t) {
        return new AscentFailures(failures.stream().filter(f -> f.getTime() >= t).toList());
    }

    /** @return the times at which the failing stages' thrust changes, s after liftoff, in order */
    List<Double> times() {
        return failures.stream().map(Failure::getTime).distinct().toList();
    }

    /**
     * @param nominal the stage's engines, all lit
     * @param engines how many engines the stage has
     * @param t       time since liftoff, s
     * @return its engines with every failure up to {@code t} applied
     */
    Propulsion at(Propulsion nominal, int engines, double t) {
        double thrust = 1;
        double area = 1;
        int lit = engines;
        for (Failure f : failures) {
            if (f.getTime() > t) {
                break;
            }
            switch (f.getKind()) {
                case ENGINE_OUT -> {
                    if (lit > 0) {
                        thrust *= (lit - 1.0) / lit;
                        area *= (lit - 1.0) / lit;
                        lit--;
                    }
                }
                case THRUST_SHORTFALL -> thrust *= 1 - f.getMagnitude();
                case THRUST_LOSS -> thrust = 0;
                default -> {
                }
            }
        }
        return new Propulsion(nominal.vacuumThrust() * thrust, nominal.exitArea() * area, nominal.massFlow() * thrust,
            nominal.throttleMin(), nominal.throttleMax());
    }

    /** @param t a failure time; @return the timeline event of the failures then (e.g. "engine-out") */
    String event(double t) {
        return String.join("+", failures.stream().filter(f -> f.getTime() == t)
            .map(f -> f.getKind().getLiteral().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
    }
}
