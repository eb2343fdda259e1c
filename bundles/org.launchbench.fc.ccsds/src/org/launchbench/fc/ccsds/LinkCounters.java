package org.launchbench.fc.ccsds;

import java.util.concurrent.atomic.AtomicLong;

import org.launchbench.fc.api.LinkStatistics;

/**
 * One session's counters, updated from its link's sending and receiving threads. Lost packets are the counts found
 * missing, less those that came late and those that came corrupt (a corrupt packet leaves its count missing too):
 * each fault is counted once.
 */
public final class LinkCounters {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong corrupt = new AtomicLong();
    final AtomicLong missing = new AtomicLong();
    final AtomicLong duplicate = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicLong unknownApid = new AtomicLong();
    final AtomicLong discarded = new AtomicLong();
    final AtomicLong sendsFailed = new AtomicLong();
    final AtomicLong resyncs = new AtomicLong();
    final AtomicLong listenerErrors = new AtomicLong();
    final AtomicLong foreign = new AtomicLong();
    final AtomicLong stale = new AtomicLong();

    /** Counts a packet written. */
    public void sent() {
        sent.incrementAndGet();
    }

    /** Counts a packet that came after its successors: it was counted missing, and was not lost. */
    void late() {
        outOfOrder.incrementAndGet();
        missing.decrementAndGet();
    }

    /** Adds these counts to another's (a connection's counts before it became the session's peer). */
    void addTo(LinkCounters other) {
        other.sent.addAndGet(sent.get());
        other.received.addAndGet(received.get());
        other.corrupt.addAndGet(corrupt.get());
        other.missing.addAndGet(missing.get());
        other.duplicate.addAndGet(duplicate.get());
        other.outOfOrder.addAndGet(outOfOrder.get());
        other.unknownApid.addAndGet(unknownApid.get());
        other.discarded.addAndGet(discarded.get());
        other.sendsFailed.addAndGet(sendsFailed.get());
        other.resyncs.addAndGet(resyncs.get());
        other.listenerErrors.addAndGet(listenerErrors.get());
        other.foreign.addAndGet(foreign.get());
        other.stale.addAndGet(stale.get());
    }

    /** @return the counts now */
    public LinkStatistics snapshot() {
        long c = corrupt.get();
        return new LinkStatistics(sent.get(), received.get(), c, Math.max(0, missing.get() - c), duplicate.get(), outOfOrder.get(),
            unknownApid.get(), discarded.get(), sendsFailed.get(), resyncs.get(), listenerErrors.get(), foreign.get(), stale.get());
    }
}
