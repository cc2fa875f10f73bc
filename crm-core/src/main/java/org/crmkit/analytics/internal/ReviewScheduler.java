package org.crmkit.analytics.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The built-in scheduler of segment reviews: one daemon thread running a task at a fixed delay until closed. A
 * failing run (a host function that throws, say) does not stop the next ones. Thread-safe.
 */
public final class ReviewScheduler implements AutoCloseable {
    private final ScheduledExecutorService executor;

    /** Starts running {@code task} every {@code interval}, the first time after one interval. */
    public ReviewScheduler(Runnable task, Duration interval) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crmkit-segment-review");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException failed) {
                // the customers it could not decide stay due: the next run tries them again
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the thread, waiting for a run in progress. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
