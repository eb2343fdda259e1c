package org.launchbench.fc.hil;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.launchbench.fc.api.FlightComputerLink;
import org.launchbench.fc.api.Packet;

/**
 * The hardware-in-the-loop cycle at a fixed rate: each period, the plant steps under the computer's latest commands,
 * then its sensor packets go out stamped with the cycle's simulation time. The computer answers a cycle by stamping
 * its command with that time, which gives the round trip from the cycle's send to the answer's arrival.
 * <p>
 * Cycles are scheduled on absolute times (start + k × period), so a late cycle does not shift the rest. Each waits
 * by parking in 50 µs slices until 150 µs before its time, then spins. A cycle that starts more than a period late is a deadline
 * miss. A silent computer (no valid packet within the link's timeout) is noted with its time; the plant flies on
 * with the last commands, as actuators hold their last position. Nothing on the link stops the loop: a send the
 * link refuses (a value the dictionary cannot carry) is counted and the cycle goes on. The loop's subscription is
 * cancelled when it ends, however it ends.
 */
public final class RealTimeLoop {

    private static final long SPIN_NANOS = 150_000;
    /** Longest single park while waiting, ns: short parks wake on time more often than one long one. */
    private static final long PARK_SLICE_NANOS = 50_000;

    private final double rateHz;
    private final double maxSeconds;
    private volatile boolean stopped;

    /**
     * @param rateHz     cycles a second (100 to 1000 for the loops)
     * @param maxSeconds the longest flight, simulation seconds (at most a day's worth of cycles is held)
     */
    public RealTimeLoop(double rateHz, double maxSeconds) {
        if (!(rateHz > 0 && rateHz <= 10_000)) {
            throw new IllegalArgumentException("rate " + rateHz + " Hz is outside 0 to 10000");
        }
        if (!(maxSeconds > 0 && maxSeconds * rateHz <= 86_400_000)) {
            throw new IllegalArgumentException("a loop of " + maxSeconds + " s at " + rateHz + " Hz: give 0 to " + 86_400_000 / rateHz + " s");
        }
        this.rateHz = rateHz;
        this.maxSeconds = maxSeconds;
    }

    /** Ends a running loop after its current cycle (from any thread; the plant is left where it is). */
    public void stop() {
        stopped = true;
    }

    /**
     * Flies the plant with the computer at the other end of the link until the plant is finished or the time is up.
     *
     * @param observer takes each cycle (a {@link SessionRecorder}; null: none)
     */
    public LoopStatistics run(Plant plant, FlightComputerLink link, CycleObserver observer) {
        long period = Math.round(1e9 / rateHz);
        double dt = 1 / rateHz;
        int maxCycles = (int) Math.ceil(maxSeconds * rateHz);
        AtomicLongArray sentAt = new AtomicLongArray(maxCycles + 1);
        AtomicLongArray latency = new AtomicLongArray(maxCycles + 1);
        for (int i = 0; i <= maxCycles; i++) {
            latency.set(i, -1);
        }
        Map<String, Packet> commands = new ConcurrentHashMap<>();
        long start = System.nanoTime() + period;
        FlightComputerLink.Subscription subscription = link.subscribe(p -> {
            long now = System.nanoTime();
            commands.put(p.definition().name(), p);
            int cycle = (int) Math.round(p.time() * rateHz);
            if (cycle >= 0 && cycle <= maxCycles && sentAt.get(cycle) != 0) {
                latency.compareAndSet(cycle, -1, now - sentAt.get(cycle));
            }
        });
        long[] wake = new long[maxCycles + 1];
        long[] work = new long[maxCycles + 1];
        long misses = 0;
        long refused = 0;
        double silentAt = Double.NaN;
        int k = 0;
        try {
        for (; k <= maxCycles && !plant.finished() && !stopped; k++) {
            long due = start + k * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                if (wait > SPIN_NANOS) {
                    LockSupport.parkNanos(Math.min(PARK_SLICE_NANOS, wait - SPIN_NANOS));
                } else {
                    Thread.onSpinWait();
                }
            }
            long started = System.nanoTime();
            wake[k] = started - due;
            if (wake[k] > period) {
                misses++;
            }
            double t = k * dt;
            Map<String, Packet> now = Collections.unmodifiableMap(Map.copyOf(commands));
            if (k > 0) {
                plant.step(t - dt, dt, now);
            }
            Map<String, Map<String, Double>> sensors = plant.sensors(t);
            sentAt.set(k, System.nanoTime());
            for (Map.Entry<String, Map<String, Double>> e : sensors.entrySet()) {
                try {
                    link.send(e.getKey(), e.getValue(), t);
                } catch (IllegalArgumentException notCarried) {
                    refused++;
                }
            }
            if (Double.isNaN(silentAt) && k > rateHz && link.health() == FlightComputerLink.Health.SILENT) {
                silentAt = t;
            }
            if (observer != null) {
                observer.cycle(t, sensors, now);
            }
            work[k] = System.nanoTime() - started;
        }
        } finally {
            subscription.cancel();
        }
        long[] all = new long[k];
        for (int i = 0; i < k; i++) {
            all[i] = latency.get(i);
        }
        long[] answered = Arrays.stream(all).filter(x -> x >= 0).sorted().toArray();
        double p50 = percentile(answered, 0.50);
        double p99 = percentile(answered, 0.99);
        double max = percentile(answered, 1);
        long[] w = Arrays.copyOf(wake, k);
        long[] d = Arrays.copyOf(work, k);
        Arrays.sort(w);
        Arrays.sort(d);
        LoopStatistics.CycleTiming timing = new LoopStatistics.CycleTiming(percentile(w, 0.50), percentile(w, 0.99), percentile(w, 1),
            percentile(d, 0.50), percentile(d, 0.99), percentile(d, 1));
        return new LoopStatistics(rateHz, k, misses, p50, p99, max, answered.length, silentAt, refused, link.statistics(), timing);
    }

    /** @return the percentile of sorted nanoseconds, µs (NaN when empty) */
    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(q * (sorted.length - 1))] / 1e3;
    }
}
