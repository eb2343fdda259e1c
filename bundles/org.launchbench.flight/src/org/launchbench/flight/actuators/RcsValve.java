package org.launchbench.flight.actuators;

/**
 * A reaction-control thruster's on/off valve. A firing command opens the valve after the opening delay; once open
 * it stays open at least the minimum on-time, which sets the thruster's minimum impulse bit (thrust x minimum
 * on-time: the smallest impulse it can deliver, the figure RCS thrusters are specified by; Wertz and Larson,
 * Space Mission Analysis and Design, on attitude-control thrusters), and closes the closing delay after the
 * command drops, whichever is later. Basilisk's flight-software thruster modules (thrFiringSchmitt,
 * thrFiringRemainder) apply the same minimum on-time rule.
 * <p>
 * The command is a level held over each interval, read at the interval's start. Once a firing has started it
 * runs: a command dropped before the valve opens still gets its minimum on-time, so a 1 ms command yields a full
 * minimum impulse bit. Commanding again while the valve is still open (within the closing delay) extends the same
 * firing. The valve's thrust is 0 or full; its opening and closing strokes are taken as instantaneous at the ends
 * of the delays.
 * <p>
 * Since the valve may open or close inside an interval, {@link #impulseFraction()} gives the fraction of the last
 * interval it was open, so that the plant applies the right impulse (fraction x thrust x dt) whatever its step.
 */
public final class RcsValve {

    private final double minOnTimeS;
    private final double openingDelayS;
    private final double closingDelayS;
    private boolean commanded;
    private boolean open;
    /** time left before a started firing opens the valve, s; NaN when none is pending */
    private double untilOpenS = Double.NaN;
    /** time the valve has been open in the current firing, s */
    private double openForS;
    /** time since the command dropped, s; NaN while it is on */
    private double sinceOffS;
    private double lastOpenS;
    private double lastDtS;
    private int firings;
    private double totalOnTimeS;

    /**
     * @param minOnTimeS    the least time the valve stays open once opened, s, finite and at least 0
     * @param openingDelayS time from the firing command to the valve opening, s, finite and at least 0
     * @param closingDelayS time from the command dropping to the valve closing, s, finite and at least 0
     */
    public RcsValve(double minOnTimeS, double openingDelayS, double closingDelayS) {
        this.minOnTimeS = Arguments.nonNegative("minOnTimeS", minOnTimeS);
        this.openingDelayS = Arguments.nonNegative("openingDelayS", openingDelayS);
        this.closingDelayS = Arguments.nonNegative("closingDelayS", closingDelayS);
    }

    /**
     * @param minOnTimeS the least time the valve stays open once opened, s, finite and at least 0
     * @return a valve with no opening or closing delay
     */
    public static RcsValve withoutDelays(double minOnTimeS) {
        return new RcsValve(minOnTimeS, 0, 0);
    }

    /** @param fire whether the thruster is commanded to fire, held from the next interval on */
    public void command(boolean fire) {
        commanded = fire;
    }

    /**
     * Runs the valve through an interval with the command held, opening and closing it at the exact moments its
     * delays and minimum on-time give.
     *
     * @param dtS the interval, s, finite and at least 0
     */
    public void advance(double dtS) {
        Arguments.step(dtS);
        if (commanded) {
            sinceOffS = Double.NaN;
            if (!open && Double.isNaN(untilOpenS)) {
                untilOpenS = openingDelayS;
            }
        } else if (Double.isNaN(sinceOffS)) {
            sinceOffS = 0;
        }
        double t = 0;
        double openS = 0;
        while (t < dtS || (open && closeInS() <= 0) || (!open && untilOpenS <= 0)) {
            double left = dtS - t;
            double run = left;
            if (open) {
                double close = Math.max(0, closeInS());
                run = Math.min(left, close);
                openS += run;
                openForS += run;
                if (close <= left) {
                    open = false;
                }
            } else if (!Double.isNaN(untilOpenS)) {
                run = Math.min(left, untilOpenS);
                untilOpenS -= run;
                if (untilOpenS <= 0) {
                    untilOpenS = Double.NaN;
                    open = true;
                    openForS = 0;
                    firings++;
                }
            }
            sinceOffS += run;
            t = run == left ? dtS : t + run;
        }
        lastOpenS = openS;
        lastDtS = dtS;
        totalOnTimeS += openS;
    }

    /** @return time from now until the open valve closes, s; infinite while commanded */
    private double closeInS() {
        return commanded ? Double.POSITIVE_INFINITY : Math.max(closingDelayS - sinceOffS, minOnTimeS - openForS);
    }

    /** @return whether the valve is open at the end of the last interval */
    public boolean isOpen() {
        return open;
    }

    /** @return the thrust at the end of the last interval as a fraction of full: 0 or 1 */
    public double thrustFraction() {
        return open ? 1 : 0;
    }

    /**
     * @return the fraction of the last interval the valve was open, 0 to 1 (for a zero interval, whether it is
     *         open); the impulse over the interval is this x thrust x dt
     */
    public double impulseFraction() {
        return lastDtS > 0 ? lastOpenS / lastDtS : thrustFraction();
    }

    /** @return the time the valve was open during the last interval, s */
    public double lastOpenTimeS() {
        return lastOpenS;
    }

    /** @return how many times the valve has opened */
    public int firings() {
        return firings;
    }

    /** @return the total time the valve has been open, s */
    public double totalOnTimeS() {
        return totalOnTimeS;
    }

    /** @return the least time the valve stays open once opened, s */
    public double minOnTimeS() {
        return minOnTimeS;
    }

    /**
     * @param thrustN the thruster's thrust, N
     * @return its minimum impulse bit, thrust x minimum on-time, N s
     */
    public double minimumImpulseBitNS(double thrustN) {
        return Arguments.nonNegative("thrustN", thrustN) * minOnTimeS;
    }
}
