package org.crmkit.benchmarks.segment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.segmentation.CompiledSegments;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
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
 * Time-driven re-evaluation through the facade: {@code crm.analytics().reevaluate(tenant)} after the clock advanced
 * one hour, over 1,000,000 tracked customers in the in-memory storage and 50 segments. Every customer has one web
 * page view spread uniformly over the 100 hours before the start, and ten segments {@code last(web) within Nh}
 * (N = 100, 200, …, 1000): each hour about 1 % of the customers leave one of them (10,000 due customers, each with a
 * real exit written with its event). The other 40 segments test the profile, sums without a window and references.
 * Each measured iteration is one hour (single shot); the number of customers decided is printed per iteration.
 * Runs on the common fork-join pool and the calling thread: 2 threads on a 2-core machine. The engine's relay
 * thread is off, so that it does not take a core to deliver the events meanwhile (the exits' events are written to
 * the outbox in the measured path; delivering them is the relay's own benchmark); outside the measured path the
 * benchmark delivers them as the relay would, the 30 million entries of the initial tracking after setup and each
 * hour's exits after its iteration, so that undelivered events (3.5 GiB) do not stay on the heap as they would not
 * in an engine that relays. The world holds about 5.7 GiB live (printed after setup); the heap is 18 GiB: with
 * less, G1's concurrent refinement and marking take most of a core during the review. Target: under 100 ms.
 *
 * <p>The anchor, {@link #anchorDecideInMemory}, decides the same 50 compiled segments for 10,000 prepared
 * snapshots in memory on one thread ({@link CompiledSegments#matching}), with no storage, no reading of the
 * customer and no writes: what the review would cost if it only evaluated.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xms18g", "-Xmx18g"})
public class SegmentReviewBenchmark {
    static final int CUSTOMERS = 1_000_000;
    static final int DUE = CUSTOMERS / 100;
    private static final String[] CITIES = {"Berlin", "Hamburg", "Munich", "Cologne", "Bonn"};

    /** Fifty segments: ten hour windows, forty without a clock. */
    static void define(SegmentCatalog catalog) {
        for (int i = 0; i < 10; i++) {
            catalog.define("web_" + i, "last(web) within " + (100 + 100 * i) + "h");
            catalog.define("locals_" + i, "city = \"" + CITIES[i % 5] + "\" and tier in (gold, silver)");
            catalog.define("adults_" + i, "age >= " + (20 + i) + " and count(page_view) >= 1");
            catalog.define("spenders_" + i, "sum(order_placed) > " + (50 + 20 * i) + " EUR");
            catalog.define("web_not_local_" + i, "segment(\"web_" + i + "\") and not segment(\"locals_" + i
                    + "\")");
        }
    }

    static AttributeSchema schema() {
        return AttributeSchema.of(AttributeDefinition.of("city", ValueType.STRING),
                AttributeDefinition.of("age", ValueType.NUMBER),
                AttributeDefinition.enumeration("tier", java.util.Set.of("gold", "silver", "bronze")));
    }

    /** A million tracked customers, the clock one hour further before each iteration. */
    @State(Scope.Benchmark)
    public static class Tracked {
        final HourClock clock = new HourClock();
        Crm crm;
        int decided;

        @Setup(Level.Trial)
        public void load() {
            InMemoryStorage storage = new InMemoryStorage();
            SplittableRandom random = new SplittableRandom(17);
            for (int n = 0; n < CUSTOMERS; n++) {
                Customer c = storage.customers().create(SegmentBase.customer(n, random));
                storage.interactions().append(Interaction.builder(SegmentBase.TENANT, InteractionId.of("v" + n),
                        Subject.customer(c.id()), Channel.WEB, InteractionType.PAGE_VIEW,
                        SegmentBase.NOW.minusMillis(random.nextLong(Duration.ofHours(100).toMillis()))).build());
                if (n % 3 == 0) {
                    storage.interactions().append(SegmentBase.webOrder(n, 0, random));
                }
            }
            crm = Crm.builder().storage(storage).clock(clock).seed(3).attributeSchema(schema())
                    .zone(SegmentBase.ZONE).eventRelayThread(false).build();
            define(crm.analytics().catalog(SegmentBase.TENANT));
            crm.analytics().track(SegmentBase.TENANT);
            crm.events().flush();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%n[live heap after tracking: %,d MiB]%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }

        @Setup(Level.Iteration)
        public void nextHour() {
            clock.now = clock.now.plus(Duration.ofHours(1));
        }

        @TearDown(Level.Iteration)
        public void report() {
            crm.events().flush();
            System.out.printf("%n[decided %,d customers]%n", decided);
        }

        @TearDown(Level.Trial)
        public void close() {
            crm.close();
        }
    }

    /** A clock the benchmark moves forward, one hour per iteration. */
    static final class HourClock extends Clock {
        volatile Instant now = SegmentBase.NOW;

        @Override
        public ZoneId getZone() {
            return SegmentBase.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The anchor's 10,000 snapshots and compiled segments. */
    @State(Scope.Benchmark)
    public static class Prepared {
        List<CustomerSnapshot> snapshots;
        CompiledSegments segments;

        @Setup(Level.Trial)
        public void load() {
            snapshots = new ArrayList<>(SegmentBase.snapshots(DUE, 11));
            SegmentCatalog catalog = SegmentCatalog.builder().attributes(schema()).build();
            define(catalog);
            segments = CompiledSegments.of(catalog, SegmentBase.ZONE);
        }
    }

    @Benchmark
    public int reevaluateOneHour(Tracked t) {
        t.decided = t.crm.analytics().reevaluate(SegmentBase.TENANT);
        return t.decided;
    }

    @Benchmark
    public int anchorDecideInMemory(Prepared p) {
        int members = 0;
        for (CustomerSnapshot s : p.snapshots) {
            members += p.segments.matching(s, SegmentBase.NOW).size();
        }
        return members;
    }
}
