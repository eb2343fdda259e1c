package org.launchbench.trajectory.guidance;

import java.io.Serial;

import org.launchbench.core.RunFailedException;

/**
 * The last stage ran out of propellant before the target orbit, by a known velocity: what the lofting searches use to
 * tell an ascent that nearly made it from one that did not (they move towards the lofting that is least short when
 * none of their first tries reaches the orbit, as near a payload's capability).
 */
public final class ShortOfOrbitException extends RunFailedException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final double shortfallMs;

    /**
     * @param message     what failed
     * @param shortfallMs the velocity the stage lacked, m/s
     */
    public ShortOfOrbitException(String message, double shortfallMs) {
        super(message);
        this.shortfallMs = shortfallMs;
    }

    /** @return the velocity the stage lacked, m/s */
    public double shortfallMs() {
        return shortfallMs;
    }

    /**
     * @param failure a failed run (an ascent's, or one wrapping it)
     * @return the shortfall of the ascent that ran out of propellant in its causes, m/s; NaN when it failed otherwise
     */
    public static double shortfallOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ShortOfOrbitException s) {
                return s.shortfallMs;
            }
        }
        return Double.NaN;
    }
}
