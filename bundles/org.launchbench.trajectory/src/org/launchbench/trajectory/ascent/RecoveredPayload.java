package org.launchbench.trajectory.ascent;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.core.InvalidInputException;
import org.launchbench.core.RunFailedException;
import org.launchbench.vehicle.model.RecoveryMode;

/**
 * The largest payload a vehicle puts into an orbit while its first stage keeps what its recovery needs: the payload and
 * the reserve solved together, as {@code simulate} would fly a mission carrying that payload ({@link ReserveSizing}).
 * <p>
 * The capability falls as the reserve grows ({@link PayloadCapability} at a fixed reserve: about 0.1 kg of payload per kg
 * kept, Falcon 9), and the reserve the recovery needs moves with the payload (a heavier payload separates the stage
 * slower: less to cancel); so a fixed point P = C(R(P)), found by alternating the two: the capability at the last
 * reserve, then the reserve sized at that payload. Each pass shrinks the change by the product of the two slopes (a few
 * hundredths), so two or three passes settle it: they end when the payload moves less than {@value #SETTLED_KG} kg.
 * <p>
 * The reserve is sized a little below the capability found ({@link #BACKOFF} of it, then twice the last change, never
 * more than the first), where the sizing's ascents reach the orbit even when the recovery turns out to need more than
 * the last reserve; the need is then that of a slightly lighter payload, so the answer errs light. A pass is accepted
 * only when its sizing was flown within that back-off of the answer (a sizing that had to halve its payload to fly
 * at all does not settle it).
 */
public final class RecoveredPayload {

    /** The passes end when the payload moved less than this since the last, kg. */
    static final double SETTLED_KG = 50;
    /** The least back-off, kg. */
    static final double MIN_BACKOFF_KG = 100;
    /** Passes allowed before the solve gives up. */
    static final int MAX_PASSES = 5;
    /** The reserve is sized this far below the capability found (a fraction of it; 100 kg at least). */
    static final double BACKOFF = 0.02;

    private RecoveredPayload() {
    }

    /**
     * The capability with its reserve.
     *
     * @param payloadKg the largest payload (with its adapter), kg, to {@link PayloadCapability#RESOLUTION_KG}
     * @param reserveKg the first-stage propellant kept for the recovery, kg
     * @param basis     where the reserve came from
     * @param passes    capability solves flown (1 when nothing was sized)
     * @param need      the recovery's need at the last sizing (null when not sized)
     */
    public record Capability(double payloadKg, double reserveKg, ReserveSizing.Basis basis, int passes,
                             BoosterRecovery.ReserveNeed need) {
    }

    /**
     * @param m        the mission (vehicle, site, target, recovery plan; its payload is what is solved for)
     * @param profile  how to fly the ascents
     * @param recovery the recovery engine (null: none installed; the vehicle's reserve figure is kept)
     * @param source   what to name in error messages
     * @param monitor  progress and cancellation
     * @return the capability
     * @throws RunFailedException    when no payload reaches the orbit
     * @throws InvalidInputException when the recovery needs more than the first stage can keep even with no payload
     */
    public static Capability solve(MissionAscent m, AscentProfile profile, BoosterRecovery recovery, String source,
                                   IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Payload with the first stage recovered", 10 * MAX_PASSES + 10);
        PayloadCapability capability = new PayloadCapability(m.simulator(profile));
        boolean recovered = m.mission().getRecovery() != null && m.mission().getRecovery().getMode() != RecoveryMode.EXPENDABLE;
        double reserve = recovered ? m.reserve() : 0;
        double payload = capability.solve(m.vehicle(), m.pad(), m.azimuth(), reserve, m.target(), progress.split(5));
        if (!recovered || recovery == null) {
            return new Capability(payload, reserve, recovered ? ReserveSizing.Basis.VEHICLE : ReserveSizing.Basis.EXPENDED, 1, null);
        }
        double lastPayload = payload;
        for (int pass = 2; pass <= MAX_PASSES + 1; pass++) {
            double most = Math.max(MIN_BACKOFF_KG, BACKOFF * payload);
            double backoff = pass == 2 ? most : Math.min(most, Math.max(MIN_BACKOFF_KG, 2 * Math.abs(payload - lastPayload)));
            SizedAt at = sizeBelow(m, profile, recovery, payload - backoff, reserve, source, progress.split(5));
            ReserveSizing.Sized sized = at.sized();
            reserve = sized.reserveKg();
            lastPayload = payload;
            // up from the payload the sizing flew, at the sizing's lofting: the reserve belongs to it (a return to the pad lofts)
            payload = capability.solveAt(m.vehicle(), m.pad(), m.azimuth(), reserve, m.target(), sized.loftingDeg(),
                at.payloadKg(), progress.split(5));
            // settled, and sized near the answer (not at a payload the sizing had to halve down to)
            if (Math.abs(payload - lastPayload) < SETTLED_KG && payload - at.payloadKg() <= most + SETTLED_KG) {
                return new Capability(payload, reserve, ReserveSizing.Basis.RECOVERY, pass, sized.need());
            }
        }
        throw new RunFailedException(String.format(java.util.Locale.ROOT, "the payload and the first stage's reserve did not settle in"
            + " %d passes (last: %.0f kg with %.0f kg kept)", MAX_PASSES, payload, reserve));
    }

    /**
     * The payload a flown mission's recovery costs: the largest payload at the flight's lofting with its first stage
     * expended, less the largest with the reserve it kept. At one lofting, so it is the reserve's own cost (a return to
     * the pad also lofts its ascent away from the expendable optimum: {@code payload --all-modes} compares each mode at
     * its own best).
     *
     * @param m       the mission
     * @param profile how its ascent was flown
     * @param sized   its ascent and reserve
     * @param monitor progress and cancellation
     * @return kg (0 when expended)
     */
    public static double cost(MissionAscent m, AscentProfile profile, ReserveSizing.Sized sized, IProgressMonitor monitor) {
        if (sized.basis() == ReserveSizing.Basis.EXPENDED || sized.reserveKg() == 0) {
            return 0;
        }
        SubMonitor progress = SubMonitor.convert(monitor, "The payload the recovery costs", 2);
        PayloadCapability capability = new PayloadCapability(m.simulator(profile));
        // up from the mission's own payload, then up from that with the reserve burned on the way up as well
        double kept = capability.solveAt(m.vehicle(), m.pad(), m.azimuth(), sized.reserveKg(), m.target(), sized.loftingDeg(),
            m.carried(), progress.split(1));
        double expended = capability.solveAt(m.vehicle(), m.pad(), m.azimuth(), 0, m.target(), sized.loftingDeg(), kept,
            progress.split(1));
        return expended - kept;
    }

    /** A sizing and the payload it was flown with. */
    private record SizedAt(ReserveSizing.Sized sized, double payloadKg) {
    }

    /**
     * The reserve sized at a payload, or at a lighter one where that payload cannot both reach the orbit and keep what
     * the recovery needs (halving towards nothing).
     */
    private static SizedAt sizeBelow(MissionAscent m, AscentProfile profile, BoosterRecovery recovery, double payload,
                                                 double start, String source, SubMonitor progress) {
        double p = Math.max(0, payload);
        while (true) {
            try {
                return new SizedAt(ReserveSizing.fly(m.carrying(p, start), profile, recovery, source, progress.split(1)), p);
            } catch (RunFailedException | InvalidInputException e) {
                if (p == 0) {
                    throw e;
                }
                p = p < 200 ? 0 : p / 2;
                progress.setWorkRemaining(10);
            }
        }
    }
}
