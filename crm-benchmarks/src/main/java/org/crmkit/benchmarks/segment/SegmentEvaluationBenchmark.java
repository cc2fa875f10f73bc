package org.crmkit.benchmarks.segment;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.segmentation.SegmentEvaluator;
import org.crmkit.spi.customer.CustomerId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluates a segment of 5 predicates (2 on attributes, 2 on interaction aggregates, 1 on a score) over 1,000,000
 * customer snapshots in memory, on a fork-join pool of 2 threads. Target: under 100 ms per evaluation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
public class SegmentEvaluationBenchmark {
    static final String SEGMENT = "city = \"Berlin\" and age >= 30 and count(order_placed within 90d) >= 1"
            + " and last(web) within 30d and score(\"engagement\") > 50";

    private List<CustomerSnapshot> base;
    private ForkJoinPool pool;
    private SegmentEvaluator evaluator;

    @Setup(Level.Trial)
    public void load() {
        base = SegmentBase.snapshots(1_000_000, 7);
        SegmentCatalog catalog = SegmentBase.catalog();
        catalog.define("active_berliners", SEGMENT);
        pool = new ForkJoinPool(2);
        evaluator = SegmentEvaluator.of(catalog, SegmentBase.CLOCK, SegmentBase.ZONE).on(pool);
    }

    @TearDown(Level.Trial)
    public void stop() {
        pool.shutdown();
    }

    @Benchmark
    public Set<CustomerId> fivePredicatesOverOneMillion() {
        return evaluator.members("active_berliners", base);
    }
}
