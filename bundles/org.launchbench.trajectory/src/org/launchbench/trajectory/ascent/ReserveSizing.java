package org.launchbench.trajectory.ascent;

import static org.launchbench.vehicle.model.figures.VehicleFigures.usable;

import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.vehicle.model.figures.VehicleFigures;
import org.launchbench.vehicle.model.RecoveryMode;
import org.launchbench.vehicle.model.Stage;

/**
 * The first stage's cut-off sized by its recovery: the stage burns until exactly what its recovery plan needs is left
 * (boostback, entry and landing propellant for this landing zone from this separation state, with the plan's margin
 * unused), so the cut-off time and state move with the payload, the orbit, the recovery mode and the zone.
 * <p>
 * The need depends on the separation state, which depends on the reserve kept: a fixed point R = N(R), solved by
 * Newton steps on N(R) − R from the stage's own figure, N's slope taken from the last two flights. A heavier stage
 * needs more for the same burns, but more reserve also cuts off earlier and slower: N grows with R more slowly than R
 * (by 0.3 to 0.5 kg per kg for Falcon 9), so N(R) − R falls with R and has one root.
 * <p>
 * The lofting (the last stage's flight-path angle at ignition, {@link AscentSimulator#bestLofting}) is chosen with the
 * reserve each lofting needs: the one that leaves the most mass at insertion once its own recovery is paid for. A
 * return to the launch site lofts, because a steeper, slower cut-off needs less boostback.
 * <p>
 * An expendable flight burns to depletion; a mission that sets its own reserve keeps it (a customer's figure is
 * flown as given); without a recovery engine installed the stage keeps its vehicle file's figure.
 */
public final class ReserveSizing {

    /**
     * The reserve has converged when what the recovery needs and what the stage kept differ by less than this, kg: the
     * need itself is known to about ±50 kg (the entry burn's sizing to 1 m/s, the landing guidance's own propellant),
     * and 100 kg is 0.05 s of the first stage's burn.
     */
    static final double TOLERANCE_KG = 100;
    /**
     * How much the need grows per kilogram kept, before two flights have measured it: a heavier stage needs about its
     * mass ratio's share more for the same burns (Falcon 9: 0.3 to 0.5 measured).
     */
    static final double SLOPE_GUESS = 0.4;
    /** The largest slope a step trusts. */
    static final double MAX_SLOPE = 0.8;
    /**
     * The lofting search compares loftings by their mass at insertion with the reserve each needs to this, kg: 500 kg of
     * first-stage propellant moves the mass at insertion by about 50 kg (Falcon 9), far less than the search's 1 deg
     * resolution does; the lofting chosen is then sized to {@link #TOLERANCE_KG}.
     */
    static final double SEARCH_TOLERANCE_KG = 500;
    /**
     * The loftings tried first, degrees: the ascent's own grid and steeper ones, since a return to the launch site cuts
     * off steeply (Falcon 9 CRS-16: 44 deg at cut-off against 25 deg for a drone ship; shahar603/Telemetry-Data).
     */
    static final double[] LOFTINGS = {10, 17, 24, 31, 38, 45, 52, 59};
    /** What a flight that ran dry adds at least, kg (from no reserve, a quarter more is nothing). */
    static final double DRY_STEP_KG = 1_000;
    /** A reserve this close to the stage's usable propellant that is still short is refused. */
    static final double NEAR_MOST = 0.95;
    /** A bracket of the root this narrow ends the sizing at its enough-side end, kg. */
    static final double BRACKET_KG = 300;
    /** Steps allowed before the sizing gives up. */
    static final int MAX_ITERATIONS = 12;
    /**
     * Ascents allowed besides, at reserves an ascent could not spare (a start lowered by halves, a step past the most the
     * ascent can keep brought back by halves).
     */
    static final int MAX_LOWERED = 20;

    private ReserveSizing() {
    }

    /** Where a flight's first-stage reserve came from. */
    public enum Basis {
        /** No recovery: the stage burns to depletion. */
        EXPENDED,
        /** The mission's {@code recovery/propellantReserve}. */
        MISSION,
        /** The vehicle file's {@code landingPropellantReserve} (no recovery engine to size it). */
        VEHICLE,
        /** Sized by the recovery engine for this mission. */
        RECOVERY
    }

    /**
     * An ascent with its first stage's reserve.
     *
     * @param ascent     the ascent flown with the reserve
     * @param reserveKg  the propellant the first stage kept at cut-off for its recovery, kg
     * @param basis      where the reserve came from
     * @param iterations ascents flown to size it (0 when not sized)
     * @param need       the recovery's need at the flown separation state (null when not sized)
     * @param loftingDeg the last stage's flight-path angle at ignition the ascent was flown to, degrees
     */
    public record Sized(AscentResult ascent, double reserveKg, Basis basis, int iterations, BoosterRecovery.ReserveNeed need,
                        double loftingDeg) {
    }

    /**
     * @param m        the mission, resolved
     * @param profile  how to fly the ascent
     * @param recovery the recovery engine (null: none installed)
     * @param source   the mission file, for error messages
     * @param monitor  progress and cancellation
     * @return the ascent with the reserve sized
     * @throws InvalidInputException when the recovery needs more propellant than the first stage can keep
     * @throws RunFailedException    when the ascent cannot reach the orbit with the reserve
     */
    public static Sized fly(MissionAscent m, AscentProfile profile, BoosterRecovery recovery, String source, IProgressMonitor monitor) {
        boolean recovered = m.mission().getRecovery() != null && m.mission().getRecovery().getMode() != RecoveryMode.EXPENDABLE;
        if (!recovered) {
            return kept(m, profile, Basis.EXPENDED, monitor);
        }
        if (m.mission().getRecovery().isSetPropellantReserve() || recovery == null) {
            return kept(m, profile, recovery == null && !m.mission().getRecovery().isSetPropellantReserve() ? Basis.VEHICLE : Basis.MISSION,
                monitor);
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Sizing the first stage's recovery reserve", 100);
        AscentSimulator simulator = m.simulator(profile);
        Stage first = VehicleFigures.coreStage(m.vehicle());
        double most = usable(first);
        if (simulator.insertionFor(m.vehicle(), m.carried(), m.target()) == AscentProfile.Insertion.COAST_TO_APOGEE) {
            // a kick stage's lofting is solved for its apogee, not chosen
            Step step = converge(m, simulator, recovery, m.reserve(), TOLERANCE_KG, most, source, progress);
            return new Sized(step.ascent, step.reserve, Basis.RECOVERY, step.flown, step.need, simulator.profile().upperStageFlightPathAngleDeg());
        }
        // the lofting chosen with the reserve each lofting needs: an RTLS flight lofts, to need less boostback
        double[] warm = {m.reserve()};
        int[] flown = {0};
        RuntimeException[] last = {null};
        double deg = AscentSimulator.bestLofting(d -> {
            try {
                // a trial of the search: its last stage's steering as solved at ignition (the closed loop's cut-off in a
                // nominal flight); the chosen lofting is flown closed-loop below
                Step s = converge(m, simulator.withFlightPathAngle(d).cuttingSolidsOff().withGuidanceCycle(Double.POSITIVE_INFINITY),
                    recovery, warm[0], SEARCH_TOLERANCE_KG, most, source, progress);
                warm[0] = s.reserve;
                flown[0] += s.flown;
                return s.ascent.cutoffState()[6];
            } catch (RunFailedException | InvalidInputException e) {
                last[0] = e;
                return AscentSimulator.unreached(e);
            }
        }, LOFTINGS);
        if (Double.isNaN(deg)) {
            throw last[0];
        }
        // the chosen lofting flown as it will be (a solid last stage to depletion), from the reserve found for it
        Step step = converge(m, simulator.withFlightPathAngle(deg), recovery, warm[0], TOLERANCE_KG, most, source, progress);
        step = new Step(step.ascent, step.reserve, step.need, flown[0] + step.flown);
        return new Sized(step.ascent, step.reserve, Basis.RECOVERY, step.flown, step.need, deg);
    }

    /** The ascent with the reserve it was given ({@link MissionAscent#reserve}: 0 when expended), at its best lofting. */
    private static Sized kept(MissionAscent m, AscentProfile profile, Basis basis, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 2);
        AscentSimulator simulator = m.simulator(profile);
        double deg = simulator.bestFlightPathAngle(m.vehicle(), m.pad(), m.azimuth(), m.carried(), m.reserve(), m.target(),
            progress.split(1));
        AscentSimulator lofted = Double.isNaN(deg) ? simulator : simulator.withFlightPathAngle(deg);
        AscentResult ascent = lofted.fly(m.vehicle(), m.pad(), m.azimuth(), m.carried(), m.reserve(), m.target(), progress.split(1));
        return new Sized(ascent, m.reserve(), basis, 0, null, lofted.profile().upperStageFlightPathAngleDeg());
    }

    /** The refusal of a recovery that needs more than the first stage can keep while the ascent reaches its orbit. */
    private static InvalidInputException tooMuch(MissionAscent m, String source, double atLeastKg, String detail) {
        return tooMuch(m, source, atLeastKg, detail, null);
    }

    /** @param cause the ascent that failed with the reserve asked for (its shortfall guides the lofting search), or null */
    private static InvalidInputException tooMuch(MissionAscent m, String source, double atLeastKg, String detail, Throwable cause) {
        return InvalidInputException.because(String.format(Locale.ROOT, "the recovery to this landing zone needs more propellant"
            + " than the first stage can keep while the ascent goes on (at least %.0f kg, %s)", atLeastKg, detail)).source(source)
            .element("recovery/landingZoneId").value(m.mission().getRecovery().getLandingZoneId()).allowed("a zone the stage can"
                + " reach: nearer the ground track, a drone ship downrange, a lighter payload, or mode EXPENDABLE").build(cause);
    }

    /** The last ascent of a converged sizing and its need. */
    private record Step(AscentResult ascent, double reserve, BoosterRecovery.ReserveNeed need, int flown) {
    }

    /**
     * Newton steps on g(R) = N(R) − R (N's slope from the last two flights, kept where it is physical) until g changes
     * sign, then Illinois regula falsi inside the bracket. Where N grows almost as fast as R (a fixed drone ship: more
     * reserve, earlier cut-off, less boostback, more entry burn), g is flat and its root is only known to a few hundred
     * kilograms: the bracket's enough-side end is taken once it is {@value #BRACKET_KG} kg wide.
     * <p>
     * Near a payload's capability the ascent reaches the orbit only below some reserve: a start above it is halved (only
     * the recovery's need then decides), and a step past it is brought back halfway to the last short flight; the
     * recovery is refused only when that bracket is narrower than the tolerance.
     */
    private static Step converge(MissionAscent m, AscentSimulator lofted, BoosterRecovery recovery, double start, double tolerance,
                                 double most, String source, SubMonitor progress) {
        double r = start;
        double lastR = Double.NaN;
        double lastG = Double.NaN;
        Step shortEnd = null;
        double shortG = Double.NaN;
        Step enoughEnd = null;
        double enoughG = Double.NaN;
        int side = 0;
        int flown = 0;
        int lowered = 0;
        double unreachable = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= MAX_ITERATIONS + lowered; k++) {
            progress.checkCanceled();
            AscentResult ascent;
            try {
                progress.setWorkRemaining(100);
                ascent = lofted.fly(m.vehicle(), m.pad(), m.azimuth(), m.carried(), r, m.target(), progress.split(1));
            } catch (RunFailedException e) {
                if (flown > 0) {
                    // a step past the most this ascent can spare: between the last short flight and this one, unless they
                    // are closer than the tolerance (the recovery then asks for more than the ascent can spare: the
                    // recovery's refusal, not the ascent's)
                    unreachable = Math.min(unreachable, r);
                    if (shortEnd == null || unreachable - shortEnd.reserve < tolerance || lowered >= MAX_LOWERED) {
                        throw tooMuch(m, source, r, String.format(Locale.ROOT, "with %.0f kg kept, %s", r, e.getMessage()), e);
                    }
                    r = (shortEnd.reserve + unreachable) / 2;
                    lowered++;
                    continue;
                }
                if (r > 0 && lowered < MAX_LOWERED) {
                    // the start (the vehicle's figure, the last lofting's reserve) is more than this ascent can spare: the
                    // sizing starts lower, and only what the recovery then asks for decides (a heavy payload near the
                    // capability cannot keep the vehicle's 30 t and still reach its orbit)
                    unreachable = Math.min(unreachable, r);
                    r = r < 2 * DRY_STEP_KG ? 0 : r / 2;
                    lowered++;
                    continue;
                }
                throw new RunFailedException(String.format(Locale.ROOT, "with %.0f kg of its first stage's propellant kept for the"
                    + " recovery, %s", r, e.getMessage()), e);
            }
            flown++;
            BoosterRecovery.ReserveNeed need = recovery.need(m.mission(), m.refs(), m.vehicle(), ascent, source);
            if (need.trouble() != null) {
                throw new RunFailedException(String.format(Locale.ROOT, "the first stage's recovery from this cut-off does not land"
                    + " whatever it keeps (with %.0f kg: %s)", r, need.trouble()));
            }
            // a flight that ran dry needs more than it had, by an unknown amount: a quarter more (a tonne at least) is tried
            double n = need.ranDry() ? Math.max(need.reserveKg(), Math.max(1.25 * r, r + DRY_STEP_KG)) : need.reserveKg();
            double g = n - r;
            Step here = new Step(ascent, r, need, k);
            if (Math.abs(g) < tolerance && !need.ranDry()) {
                return here;
            }
            if (g > 0) {
                if (side == -1) {
                    enoughG /= 2;
                }
                shortEnd = here;
                shortG = g;
                side = -1;
            } else {
                if (side == 1) {
                    shortG /= 2;
                }
                enoughEnd = here;
                enoughG = g;
                side = 1;
            }
            double next;
            if (shortEnd != null && enoughEnd != null) {
                if (Math.abs(enoughEnd.reserve - shortEnd.reserve) < BRACKET_KG) {
                    return new Step(enoughEnd.ascent, enoughEnd.reserve, enoughEnd.need, k);
                }
                next = (shortEnd.reserve * enoughG - enoughEnd.reserve * shortG) / (enoughG - shortG);
            } else {
                double slope = SLOPE_GUESS;
                if (!Double.isNaN(lastG) && !need.ranDry() && r != lastR) {
                    slope = Math.max(0, Math.min(MAX_SLOPE, 1 + (g - lastG) / (r - lastR)));
                }
                next = need.ranDry() ? n : r + g / (1 - slope);
            }
            // a step stays where a reserve can be: never below half what the stage keeps now (nor below nothing), and up
            // to the stage's usable propellant only once a flight close to it was short
            next = Math.max(next, Math.max(0, Math.min(r, n) / 2));
            if (!(next < most) && r < NEAR_MOST * most) {
                next = (r + most) / 2;
            }
            if (!(next < most)) {
                throw tooMuch(m, source, Math.min(n, next), String.format(Locale.ROOT, "of its %.0f kg", most));
            }
            if (next >= unreachable) {
                next = (r + unreachable) / 2;
            }
            lastR = need.ranDry() ? Double.NaN : r;
            lastG = need.ranDry() ? Double.NaN : g;
            r = next;
        }
        throw new RunFailedException(String.format(Locale.ROOT, "the first stage's recovery reserve did not converge in %d ascents"
            + " (last: %.0f kg kept)", MAX_ITERATIONS + lowered, r));
    }
}
