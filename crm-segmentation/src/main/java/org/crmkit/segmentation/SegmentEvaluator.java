package org.crmkit.segmentation;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.crmkit.segmentation.internal.Compiler;
import org.crmkit.segmentation.internal.Test;
import org.crmkit.segmentation.internal.WindowTable;
import org.crmkit.spi.Checks;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.Condition;

/**
 * Evaluates a segment of a {@link SegmentCatalog} over a whole base of customer snapshots in memory, on all the
 * threads of a fork-join pool. The segment is compiled once per call into a tree of closures; relative windows are
 * measured from the injected clock's instant at the start of the call, with day boundaries in the given zone.
 *
 * <p>Immutable and thread-safe. Gives the same members as {@link IncrementalSegments} and as a store's
 * {@link org.crmkit.spi.segment.SegmentQueryCapability} for the same data and instant.
 */
public final class SegmentEvaluator {
    private final SegmentCatalog catalog;
    private final Clock clock;
    private final ZoneId zone;
    private final ForkJoinPool pool;

    private SegmentEvaluator(SegmentCatalog catalog, Clock clock, ZoneId zone, ForkJoinPool pool) {
        this.catalog = Checks.notNull(catalog, "catalog");
        this.clock = Checks.notNull(clock, "clock");
        this.zone = Checks.notNull(zone, "zone");
        this.pool = Checks.notNull(pool, "pool");
    }

    /** An evaluator on the common fork-join pool. */
    public static SegmentEvaluator of(SegmentCatalog catalog, Clock clock, ZoneId zone) {
        return new SegmentEvaluator(catalog, clock, zone, ForkJoinPool.commonPool());
    }

    /** The same evaluator running on {@code pool} (its parallelism is the number of threads used). */
    public SegmentEvaluator on(ForkJoinPool pool) {
        return new SegmentEvaluator(catalog, clock, zone, pool);
    }

    /**
     * The customers of {@code base} that are members of segment {@code segment} now.
     *
     * @param base a snapshot of the customers, one per customer, random access
     * @throws NotFoundException if the segment is not defined
     */
    public Set<CustomerId> members(String segment, List<CustomerSnapshot> base) {
        Checks.notNull(base, "base");
        Compiled compiled = compile(segment);
        Test test = compiled.test();
        long[] starts = compiled.windows().starts(clock.instant());
        return pool.submit(() -> IntStream.range(0, base.size()).parallel()
                .filter(i -> test.test(base.get(i), starts))
                .mapToObj(i -> base.get(i).customer().id())
                .collect(Collectors.toUnmodifiableSet())).join();
    }

    /**
     * Whether {@code customer} is a member of segment {@code segment} now.
     *
     * @throws NotFoundException if the segment is not defined
     */
    public boolean matches(String segment, CustomerSnapshot customer) {
        Checks.notNull(customer, "customer");
        Compiled compiled = compile(segment);
        return compiled.test().test(customer, compiled.windows().starts(clock.instant()));
    }

    private Compiled compile(String segment) {
        Map<String, Condition> conditions = catalog.conditions();
        Condition condition = conditions.get(Checks.notNull(segment, "segment"));
        if (condition == null) {
            throw new NotFoundException("segment", segment);
        }
        WindowTable table = new WindowTable(zone);
        return new Compiled(new Compiler(conditions, catalog.functions(), table).compile(condition), table);
    }

    private record Compiled(Test test, WindowTable windows) {
    }
}
