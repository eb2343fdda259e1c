package org.launchbench.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.launchbench.core.RunFailedException;

/**
 * The embedded back end: a campaign's runs on this machine's threads, each run handed on as it ends. What a command
 * uses without {@code --cluster} ({@code dispersion}'s {@code Dispersion.fly}, {@code sweep}), with the same run function
 * a member flies.
 */
public final class LocalCampaigns {

    private LocalCampaigns() {
    }

    /**
     * A finished run.
     *
     * @param <T> the run's result
     */
    @FunctionalInterface
    public interface Sink<T> {
        /** @param index the run; @param result its result (called on the worker's thread: keep it quick and thread-safe) */
        void accept(int index, T result);
    }

    /**
     * Flies runs 0 to {@code runs} - 1 on {@code threads} threads.
     *
     * @param run     run i
     * @param runs    how many
     * @param threads threads (≥ 1)
     * @param sink    takes each run as it ends
     * @param monitor progress (a unit a run, reported on the caller's thread) and cancellation
     * @param <T>     the run's result
     */
    public static <T> void fly(IntFunction<T> run, int runs, int threads, Sink<T> sink, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, runs);
        AtomicInteger done = new AtomicInteger();
        int reported = 0;
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "launchbench-campaign");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < runs && !cancelled.get(); i = next.getAndIncrement()) {
                            sink.accept(i, run.apply(i));
                            done.incrementAndGet();
                        }
                    } catch (RuntimeException | Error e) {
                        // the other threads stop at their next run: a failed campaign fails now, not after the rest
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                while (true) {
                    int d = done.get();
                    progress.worked(d - reported);
                    reported = d;
                    if (monitor.isCanceled() || failed.get()) {
                        cancelled.set(true);
                    }
                    try {
                        f.get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        // look at the monitor again
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new RunFailedException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (cancelled.get() && !failed.get()) {
            throw new OperationCanceledException();
        }
    }
}
