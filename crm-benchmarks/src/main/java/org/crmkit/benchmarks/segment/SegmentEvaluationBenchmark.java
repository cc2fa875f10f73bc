package org.crmkit.benchmarks.segment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.segmentation.SegmentEvaluator;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.Window;
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
 * Evaluates a segment of 5 predicates (2 on attributes, 2 on interaction aggregates, 1 on a score) over the same
 * 1,000,000 synthetic customers (about 4.5 interactions each, {@link SegmentBase} with seed 7) two ways, for the
 * ratio:
 *
 * <ul>
 *   <li>{@link #inMemory}: {@link SegmentEvaluator} over the customer snapshots on a fork-join pool of 2 threads.
 *       Target: under 100 ms per evaluation.</li>
 *   <li>{@link #h2Sql}: the same segment by hand in SQL ({@link H2SegmentDatabase#ACTIVE_BERLINERS}) on an
 *       embedded in-memory H2 database holding the customers and their raw interactions, through one JDBC
 *       connection (H2 runs one query on one thread):
 *       <pre>{@code
 * SELECT c.id FROM customers c
 * WHERE c.city = 'Berlin' AND c.age >= 30
 *   AND (SELECT COUNT(*) FROM interactions i
 *        WHERE i.customer_id = c.id AND i.type = 'order_placed' AND i.occurred_at >= :start90d) >= 1
 *   AND EXISTS (SELECT 1 FROM interactions i
 *               WHERE i.customer_id = c.id AND i.channel = 'web' AND i.occurred_at >= :start30d)
 *   AND c.engagement > 50
 *       }</pre>
 *       {@code count(…) >= n} becomes a correlated {@code COUNT(*)} and {@code last(…) within} an {@code EXISTS},
 *       as a translation of the AST would write them. {@code :start90d} and {@code :start30d} are
 *       {@link Window#start} of 90 and 30 days for the evaluator's fixed now and zone ({@link SegmentBase#CLOCK},
 *       {@link SegmentBase#ZONE}), so both sides use the same windows.</li>
 * </ul>
 *
 * Both return the members as a set of customer ids. The SQL state's setup checks that H2 selects exactly the
 * customers the in-memory evaluator selects and fails otherwise; loading H2 takes about a minute. H2 keeps its
 * default settings but for {@code OPTIMIZE_REUSE_RESULTS=0}: by default it would hand back the cached result of the
 * unchanged prepared query (7 ms instead of some 400 ms on the development machine). Each method runs
 * in its own fork, whose heap holds only what it needs: the snapshots, or the snapshots and the database (together
 * about 3.7 GB live).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
public class SegmentEvaluationBenchmark {
    static final String SEGMENT = "city = \"Berlin\" and age >= 30 and count(order_placed within 90d) >= 1"
            + " and last(web) within 30d and score(\"engagement\") > 50";
    private static final int CUSTOMERS = 1_000_000;
    private static final long SEED = 7;

    /** The snapshots and the in-memory evaluator on 2 threads. */
    @State(Scope.Benchmark)
    public static class InMemory {
        private List<CustomerSnapshot> base;
        private ForkJoinPool pool;
        private SegmentEvaluator evaluator;

        @Setup(Level.Trial)
        public void load() {
            base = SegmentBase.snapshots(CUSTOMERS, SEED);
            SegmentCatalog catalog = SegmentBase.catalog();
            catalog.define("active_berliners", SEGMENT);
            pool = new ForkJoinPool(2);
            evaluator = SegmentEvaluator.of(catalog, SegmentBase.CLOCK, SegmentBase.ZONE).on(pool);
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.shutdown();
        }

        Set<CustomerId> members() {
            return evaluator.members("active_berliners", base);
        }
    }

    /** The same customers in H2 and the prepared query, checked against the in-memory members. */
    @State(Scope.Benchmark)
    public static class Sql {
        private H2SegmentDatabase database;
        private PreparedStatement query;

        @Setup(Level.Trial)
        public void load(InMemory memory) throws SQLException {
            database = H2SegmentDatabase.create("segments");
            SegmentBase.generate(CUSTOMERS, SEED, database::add);
            database.ready();
            query = database.activeBerliners(Window.days(90).start(SegmentBase.NOW, SegmentBase.ZONE),
                    Window.days(30).start(SegmentBase.NOW, SegmentBase.ZONE));
            Set<CustomerId> expected = memory.members();
            Set<CustomerId> selected = H2SegmentDatabase.members(query);
            if (!selected.equals(expected)) {
                throw new IllegalStateException("H2 selects " + selected.size() + " customers, the in-memory"
                        + " evaluator " + expected.size() + "; the comparison would be meaningless");
            }
            System.out.printf("%nH2: %d customers, %d interactions; both select %d customers; plan:%n%s%n",
                    database.rows("customers"), database.rows("interactions"), selected.size(), database.plan());
        }

        @TearDown(Level.Trial)
        public void stop() throws SQLException {
            query.close();
            database.close();
        }
    }

    @Benchmark
    public Set<CustomerId> inMemory(InMemory state) {
        return state.members();
    }

    @Benchmark
    public Set<CustomerId> h2Sql(Sql state) throws SQLException {
        return H2SegmentDatabase.members(state.query);
    }
}
