package org.crmkit.benchmarks.segment;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.IncrementalSegments;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.segment.SegmentMembershipListener;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Re-evaluates one customer after one interaction with 50 segments defined (a mix of attribute, aggregate, window,
 * score and reference segments, a third of them reading order_placed), over a base of 100,000 loaded customers.
 * The interaction is a web order, which 30 of the 50 segments read (the worst case of this mix; a page view or a
 * call touches fewer). The snapshot including the interaction is prepared beforehand (the host keeps it). Target:
 * median under 5 µs (read p0.50 of the sample-time distribution).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class IncrementalSegmentBenchmark {
    private static final int SNAPSHOTS = 1 << 10;

    private IncrementalSegments segments;
    private CustomerSnapshot[] after;
    private Interaction[] interactions;
    private int next;

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
                SegmentMembershipListener.NONE);
        List<CustomerSnapshot> base = SegmentBase.snapshots(100_000, 11);
        segments.load(base);
        SplittableRandom random = new SplittableRandom(3);
        after = new CustomerSnapshot[SNAPSHOTS];
        interactions = new Interaction[SNAPSHOTS];
        for (int k = 0; k < SNAPSHOTS; k++) {
            int n = random.nextInt(base.size());
            interactions[k] = SegmentBase.webOrder(n, 1_000 + k, random);
            after[k] = base.get(n).withInteraction(interactions[k]);
        }
    }

    @Benchmark
    public void oneInteractionFiftySegments() {
        int k = next++ & (SNAPSHOTS - 1);
        segments.interactionRecorded(after[k], interactions[k]);
    }
}
