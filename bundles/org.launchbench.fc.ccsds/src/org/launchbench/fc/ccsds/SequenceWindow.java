package org.launchbench.fc.ccsds;

import java.util.Arrays;

/**
 * Which of one peer's packets are taken, per APID: the sliding anti-replay window of IPsec (RFC 4303, §3.4.3) over
 * the 14-bit sequence count, with the packet's CUC time as a second check.
 * <ul>
 * <li>A count ahead of the highest taken (by less than half the count range) is taken, unless its time is earlier
 * than that packet's: a replay whose count has come round again (every 16,384 packets) is stale.</li>
 * <li>The counts skipped are missing. They are credited as lost only as far as the time gap allows: a gap of
 * k counts over a time of j of the APID's shortest steps credits at most j − 1. A forged count cannot make a
 * session lose more packets than its peer had time to send. The shortest step is learnt as packets come, so a gap
 * credited less than its counts is kept (the last {@value #REDUCED} per APID) and credited again when a shorter
 * step shows.</li>
 * <li>A count within {@value #WIDTH} behind the highest taken that has not arrived is late. It is dropped (a
 * real-time loop has moved past it) and no longer missing (unless it is older than the first packet taken, which
 * left no gap). One that has arrived is a duplicate.</li>
 * <li>A count further behind is stale.</li>
 * <li>After {@value #RESYNC} duplicates or stale packets in a row, the APID's count is taken to have restarted (the
 * peer restarted) and is followed again: a resync.</li>
 * </ul>
 * Not thread-safe: one receiving thread.
 */
final class SequenceWindow {

    /** Counts behind the highest taken that are remembered (the bits of a long). */
    static final int WIDTH = 64;
    /** Refused counts in a row after which an APID's count is followed again. */
    static final int RESYNC = 3;
    /** Gaps credited short that are kept per APID, to credit again. */
    static final int REDUCED = 16;

    /** What becomes of a packet. */
    enum Verdict {
        /** In order (or after a gap, or a resync): delivered. */
        TAKE,
        /** Its count has arrived already: dropped. */
        DUPLICATE,
        /** Behind the highest count taken but not seen yet: dropped, and no longer counted missing. */
        LATE,
        /** Behind the window, or ahead with its time going backwards (a replay): dropped. */
        STALE
    }

    private final int[] last = new int[2048];
    private final long[] seen = new long[2048];
    private final double[] lastTime = new double[2048];
    private final double[] step = new double[2048];
    private final int[] refused = new int[2048];
    /** Counts advanced since the APID's first packet (or resync), up to the window's width. */
    private final int[] advanced = new int[2048];
    /** Per APID, null until needed: {gap, time gap, credited} of the gaps credited short, oldest first. */
    private final double[][] reduced = new double[2048][];
    private final int[] reducedCount = new int[2048];

    SequenceWindow() {
        Arrays.fill(last, -1);
        Arrays.fill(step, Double.NaN);
    }

    /**
     * Judges a packet and counts it.
     *
     * @param apid     its APID
     * @param count    its sequence count
     * @param time     its time, s
     * @param counters where missing, late, duplicate, stale and resynced packets are counted
     * @return what becomes of it
     */
    Verdict judge(int apid, int count, double time, LinkCounters counters) {
        int previous = last[apid];
        if (previous < 0) {
            restart(apid, count, time);
            return Verdict.TAKE;
        }
        int ahead = Math.floorMod(count - previous, SpacePacket.COUNT_MODULUS);
        Verdict v;
        if (ahead == 0) {
            v = Verdict.DUPLICATE;
        } else if (ahead <= SpacePacket.COUNT_MODULUS / 2) {
            if (time < lastTime[apid]) {
                v = Verdict.STALE;
            } else {
                take(apid, count, time, ahead, counters);
                return Verdict.TAKE;
            }
        } else {
            int behind = SpacePacket.COUNT_MODULUS - ahead;
            if (behind >= WIDTH) {
                v = Verdict.STALE;
            } else if ((seen[apid] & (1L << behind)) != 0) {
                v = Verdict.DUPLICATE;
            } else {
                seen[apid] |= 1L << behind;
                if (behind <= advanced[apid]) {
                    counters.late();
                } else {
                    counters.outOfOrder.incrementAndGet();
                }
                return Verdict.LATE;
            }
        }
        if (++refused[apid] >= RESYNC) {
            counters.resyncs.incrementAndGet();
            restart(apid, count, time);
            return Verdict.TAKE;
        }
        (v == Verdict.DUPLICATE ? counters.duplicate : counters.stale).incrementAndGet();
        return v;
    }

    private void take(int apid, int count, double time, int ahead, LinkCounters counters) {
        double dt = time - lastTime[apid];
        if (ahead > 1) {
            long gap = ahead - 1;
            long credit = credit(gap, dt, step[apid]);
            counters.missing.addAndGet(credit);
            if (credit < gap) {
                remember(apid, gap, dt, credit);
            }
        } else if (dt > 0 && !(step[apid] <= dt)) {
            step[apid] = dt;
            creditAgain(apid, counters);
        }
        seen[apid] = ahead >= WIDTH ? 1 : seen[apid] << ahead | 1;
        advanced[apid] = Math.min(WIDTH, advanced[apid] + ahead);
        last[apid] = count;
        lastTime[apid] = time;
        refused[apid] = 0;
    }

    /** @return the lost packets a gap of counts over a time gap can hold, at the shortest step known (NaN: any) */
    private static long credit(long gap, double dt, double shortest) {
        return shortest > 0 ? Math.min(gap, Math.max(0, Math.round(dt / shortest) - 1)) : gap;
    }

    private void remember(int apid, long gap, double dt, long credit) {
        if (reduced[apid] == null) {
            reduced[apid] = new double[3 * REDUCED];
        }
        double[] r = reduced[apid];
        if (reducedCount[apid] == REDUCED) {
            System.arraycopy(r, 3, r, 0, 3 * (REDUCED - 1));
            reducedCount[apid]--;
        }
        int at = 3 * reducedCount[apid]++;
        r[at] = gap;
        r[at + 1] = dt;
        r[at + 2] = credit;
    }

    /** A shorter step: the gaps credited short may hold more. */
    private void creditAgain(int apid, LinkCounters counters) {
        double[] r = reduced[apid];
        for (int i = 0; i < reducedCount[apid]; i++) {
            long credit = credit((long) r[3 * i], r[3 * i + 1], step[apid]);
            if (credit > r[3 * i + 2]) {
                counters.missing.addAndGet(credit - (long) r[3 * i + 2]);
                r[3 * i + 2] = credit;
            }
        }
    }

    private void restart(int apid, int count, double time) {
        last[apid] = count;
        seen[apid] = 1;
        lastTime[apid] = time;
        step[apid] = Double.NaN;
        refused[apid] = 0;
        advanced[apid] = 0;
        reducedCount[apid] = 0;
    }
}
