package org.crmkit.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.CrmException;

/**
 * Tracking under races: four threads run random steps at once against one engine (writes, consent changes,
 * suppressions, sends, catalog redefinitions, clock advances and re-evaluations interleave as the scheduler
 * pleases). Once they are done and one last re-evaluation ran, tracked members equal batch members and the published
 * events replay to them.
 */
class ConcurrentTrackingProperties {
    private static final int THREADS = 4;

    @Property(tries = 15, seed = "20261203")
    void racingSteps_leaveTrackedMembershipEqualToBatch(
            @ForAll("plans") List<List<TrackingEqualsBatchProperties.Step>> plans) throws Exception {
        TrackingEqualsBatchProperties.World w = new TrackingEqualsBatchProperties.World();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (List<TrackingEqualsBatchProperties.Step> plan : plans) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (TrackingEqualsBatchProperties.Step step : plan) {
                        try {
                            step.run(w);
                        } catch (CrmException refused) {
                            // a consent dated before one another thread recorded meanwhile: refused, not half-written
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        w.crm.analytics().reevaluate(TrackingEqualsBatchProperties.T);
        w.check(new TrackingEqualsBatchProperties.Step("after the race", x -> { }));
    }

    @Provide
    Arbitrary<List<List<TrackingEqualsBatchProperties.Step>>> plans() {
        return TrackingEqualsBatchProperties.step().list().ofMinSize(5).ofMaxSize(25).list().ofSize(THREADS);
    }
}
