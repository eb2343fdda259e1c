package org.launchbench.campaign;

import java.io.Serial;

import org.launchbench.core.RunFailedException;

/** A cluster campaign that lost every member before its runs were done: the runs finished so far were delivered. */
public final class CampaignInterruptedException extends RunFailedException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int finished;

    /**
     * @param message  what happened
     * @param finished runs finished and delivered before it
     */
    public CampaignInterruptedException(String message, int finished) {
        super(message, null);
        this.finished = finished;
    }

    /** @return runs finished and delivered */
    public int finished() {
        return finished;
    }
}
