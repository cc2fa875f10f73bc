package org.crmkit.spi.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Runs tasks on as many threads at once, released together by a latch, and collects what each returned or threw.
 */
final class Race {
    private Race() {
    }

    /** What one task did: its value, or the exception it threw. */
    record Outcome<T>(@Nullable T value, @Nullable Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    static <T> List<Outcome<T>> run(int threads, IntFunction<Callable<T>> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(work.call(), null);
                    } catch (Exception e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a racing task did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
