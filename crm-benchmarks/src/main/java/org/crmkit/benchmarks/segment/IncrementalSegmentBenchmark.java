package org.crmkit.benchmarks.segment;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.crmkit.segmentation.CompiledSegments;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.IncrementalSegments;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.interaction.Interaction;
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
 * Re-evaluates one customer after one change, with 50 segments defined (a mix of attribute, aggregate, window,
 * score and reference segments), over a base of 100,000 loaded customers whose state moves on: the benchmark keeps
 * each customer's current snapshot, as a host would, and each invocation changes a gold or silver customer in turn,
 * alternately moving it between Berlin and Munich (which the 20 profile segments read: a membership changes every
 * time) and importing a web order it placed 400 days ago (which the 30 order segments read: no window reaches it,
 * so nothing changes). Building the snapshot after the change is part of the measured path. The share of events
 * that changed a membership is printed after each iteration (half). Target: median under 5 µs (read p0.50 of the
 * sample-time distribution).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class IncrementalSegmentBenchmark {
    private static final int BASE = 100_000;
    private static final TypedValue BERLIN = TypedValue.of("Berlin");
    private static final TypedValue MUNICH = TypedValue.of("Munich");

    private IncrementalSegments segments;
    private CompiledSegments compiled;
    private CustomerSnapshot[] current;
    private final SplittableRandom random = new SplittableRandom(3);
    private final AtomicLong changes = new AtomicLong();
    private long events;
    private long changed;
    private long next;

    @Setup(Level.Trial)
    public void load() {
        SegmentCatalog catalog = SegmentBase.catalog();
        String[] cities = {"Berlin", "Hamburg", "Munich", "Cologne", "Bonn"};
        for (int i = 0; i < 10; i++) {
            catalog.define("buyers_" + i, "count(order_placed within " + (10 + 10 * i) + "d) >= " + (1 + i % 3));
            catalog.define("spenders_" + i, "sum(order_placed within " + (30 + 30 * i) + "d) > " + (50 + 20 * i)
                    + " EUR and age >= " + (20 + i));
            catalog.define("visitors_" + i, "last(web) within " + (1 + i) + "d or count(page_view on web) > " + i);
            catalog.define("locals_" + i, "city = \"" + cities[i % 5] + "\" and tier in (gold, silver)");
            catalog.define("engaged_" + i, "score(\"engagement\") > " + (10 * i) + " and not segment(\"locals_" + i
                    + "\")");
        }
        segments = IncrementalSegments.of(catalog, SegmentBase.TENANT, SegmentBase.CLOCK, SegmentBase.ZONE,
                change -> changes.incrementAndGet());
        List<CustomerSnapshot> base = SegmentBase.snapshots(BASE, 11);
        segments.load(base);
        compiled = CompiledSegments.of(catalog, SegmentBase.ZONE);
        current = base.toArray(CustomerSnapshot[]::new);
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (events == 0 || changed == 0) {
            return;
        }
        System.out.printf("%n[%,d events, %.1f %% changed a membership]%n", events, 100.0 * changed / events);
        events = 0;
        changed = 0;
    }

    @Benchmark
    public void oneChangeFiftySegments() {
        change(true);
    }

    /**
     * The anchor: the same changes, each followed by deciding all 50 segments for the changed snapshot
     * ({@link CompiledSegments#matching}) instead of re-evaluating the affected ones against kept memberships.
     */
    @Benchmark
    public int anchorDecideAllFifty() {
        return compiled.matching(change(false), SegmentBase.NOW).size();
    }

    private CustomerSnapshot change(boolean incremental) {
        long k = next++;
        int n = (int) ((k >>> 1) % BASE);
        n -= n % 3 == 2 ? 1 : 0;
        CustomerSnapshot before = current[n];
        long seen = changes.get();
        if ((k & 1) == 0) {
            TypedValue city = BERLIN.equals(before.customer().attributes().get("city")) ? MUNICH : BERLIN;
            current[n] = before.withCustomer(before.customer().toBuilder().attribute("city", city).build());
            if (incremental) {
                segments.profileChanged(current[n]);
            }
        } else {
            Interaction order = SegmentBase.webOrder(n, k, random, SegmentBase.NOW.minus(Duration.ofDays(400)));
            current[n] = before.withInteraction(order);
            if (incremental) {
                segments.interactionRecorded(current[n], order);
            }
        }
        events++;
        if (changes.get() != seen) {
            changed++;
        }
        return current[n];
    }
}
