package org.launchbench.fc.ccsds;

import java.util.concurrent.atomic.AtomicLong;

import org.launchbench.fc.api.LinkStatistics;

/** A link's counters, updated from its sending and receiving threads. */
public final class LinkCounters {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong corrupt = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong duplicate = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicLong unknownApid = new AtomicLong();
    final AtomicLong discarded = new AtomicLong();
    final AtomicLong sendsFailed = new AtomicLong();
    final AtomicLong resyncs = new AtomicLong();
    final AtomicLong listenerErrors = new AtomicLong();

    /** Counts a packet written. */
    public void sent() {
        sent.incrementAndGet();
    }

    /** @return the counts now */
    public LinkStatistics snapshot() {
        return new LinkStatistics(sent.get(), received.get(), corrupt.get(), lost.get(), duplicate.get(), outOfOrder.get(), unknownApid.get(),
            discarded.get(), sendsFailed.get(), resyncs.get(), listenerErrors.get());
    }
}
