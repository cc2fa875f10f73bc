package org.crmkit.benchmarks.segment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.json.CrmJson;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.segmentation.SegmentEvaluator;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.ScoreReading;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.SegmentQueryCapability;
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
 * The segmentation benchmark's 5-predicate segment ({@link SegmentEvaluationBenchmark#SEGMENT}: city, age, an
 * order within 90 days, the web within 30 days, engagement above 50) over the same 1,000,000 customers (about 4.5
 * interactions each, {@link SegmentBase} with seed 7), three ways, for the ratios:
 *
 * <ul>
 *   <li>{@link #pushedDown}: crm-jpa's {@link SegmentQueryCapability} on PostgreSQL: the resolved segment
 *       translated to SQL and run, the members read back. Target: within 1.5× of the hand-written SQL.</li>
 *   <li>{@link #anchorHandWrittenSql}: the same segment written by hand on the same tables
 *       ({@link PostgresSegmentDatabase}), through plain JDBC.</li>
 *   <li>{@link #inMemory}: the in-memory evaluator over the customer snapshots on 2 threads, for comparison.</li>
 * </ul>
 *
 * The database state checks that all three select the same customers and fails otherwise. Loading the base (with
 * {@code COPY}) takes a few minutes the first time; later runs find it in place.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
public class PostgresSegmentBenchmark {
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
            pool = new ForkJoinPool(2);
            evaluator = SegmentEvaluator.of(catalog(), SegmentBase.CLOCK, SegmentBase.ZONE).on(pool);
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.shutdown();
        }

        Set<CustomerId> members() {
            return evaluator.members("active_berliners", base);
        }
    }

    /** The base on PostgreSQL, the adapter's segment query and the hand-written one, checked to agree. */
    @State(Scope.Benchmark)
    public static class Database {
        private PostgresSegmentDatabase database;
        private PreparedStatement handWritten;
        private EntityManagerFactory factory;
        private SegmentQueryCapability query;
        private SegmentDefinition segment;

        @Setup(Level.Trial)
        public void load() throws SQLException {
            database = PostgresSegmentDatabase.open(CUSTOMERS, SEED);
            handWritten = database.activeBerliners(Window.days(90).start(SegmentBase.NOW, SegmentBase.ZONE),
                    Window.days(30).start(SegmentBase.NOW, SegmentBase.ZONE));
            factory = JpaStorage.persistenceUnit()
                    .property(PersistenceConfiguration.JDBC_URL, PostgresSegmentDatabase.URL)
                    .property(PersistenceConfiguration.JDBC_USER, "postgres")
                    .property(PersistenceConfiguration.JDBC_PASSWORD, "")
                    .createEntityManagerFactory();
            query = JpaStorage.of(factory, CrmJson.create().eventCodec()).capability(SegmentQueryCapability.class)
                    .orElseThrow();
            segment = catalog().resolve("active_berliners");
            Set<CustomerId> expected = SegmentEvaluator.of(catalog(), SegmentBase.CLOCK, SegmentBase.ZONE)
                    .members("active_berliners", SegmentBase.snapshots(CUSTOMERS, SEED));
            Set<CustomerId> pushed = members();
            Set<CustomerId> byHand = PostgresSegmentDatabase.members(handWritten);
            if (!pushed.equals(expected) || !byHand.equals(expected)) {
                throw new IllegalStateException("pushed down " + pushed.size() + ", by hand " + byHand.size()
                        + ", in memory " + expected.size() + " customers: the comparison would be meaningless");
            }
            System.out.printf("%nPostgreSQL: all three select %d customers; plan of the hand-written query:%n%s%n",
                    expected.size(), database.plan(Window.days(90).start(SegmentBase.NOW, SegmentBase.ZONE),
                            Window.days(30).start(SegmentBase.NOW, SegmentBase.ZONE)));
        }

        @TearDown(Level.Trial)
        public void stop() throws SQLException {
            handWritten.close();
            database.close();
            factory.close();
        }

        Set<CustomerId> members() {
            return query.members(SegmentBase.TENANT, segment, SegmentBase.NOW, SegmentBase.ZONE,
                    ScoreReading.AS_STORED);
        }
    }

    static SegmentCatalog catalog() {
        SegmentCatalog catalog = SegmentBase.catalog();
        catalog.define("active_berliners", SegmentEvaluationBenchmark.SEGMENT);
        return catalog;
    }

    @Benchmark
    public Set<CustomerId> pushedDown(Database state) {
        return state.members();
    }

    @Benchmark
    public Set<CustomerId> anchorHandWrittenSql(Database state) throws SQLException {
        return PostgresSegmentDatabase.members(state.handWritten);
    }

    @Benchmark
    public Set<CustomerId> inMemory(InMemory state) {
        return state.members();
    }
}
