package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManagerFactory;
import org.crmkit.Crm;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.json.CrmJson;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.interaction.AppendResult;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingests interactions into PostgreSQL (127.0.0.1:5432, database {@code test}, schema {@code crmkit_ingest}, made
 * again by the migrations at every trial), 1,000 new ones per call (new ids and idempotency keys every time, so each
 * call stores a batch), over 1,000 customers; four in five are page views with a page property, one in five orders
 * with an amount and an item-count property. Throughput in interactions per second, on one thread.
 *
 * <ul>
 *   <li>{@link #adapterAppendAll}: {@code InteractionStore.appendAll} of the Jakarta Persistence adapter in a unit of
 *       its storage ({@code storage.atomically}): the check of the keys and ids, the JDBC batches of rows and
 *       properties, the seqs given at commit. Target: at least 0.5 times the anchor.</li>
 *   <li>{@link #facadeRecordAll}: {@code crm.interactions().recordAll} on that storage, with the engine's defaults:
 *       also the customers' locks, the check that each subject still exists, and an {@code InteractionRecorded}
 *       event per interaction in the outbox (which the engine's relay thread drains meanwhile).</li>
 *   <li>The anchor, {@link #anchorPlainJdbc}: the same rows inserted with plain JDBC batches, one transaction per
 *       call, into tables of the same columns, keys and indexes as the adapter's, but with each interaction's seq in
 *       its own row (as {@code crm_interaction} had it up to schema version 5), row ids and seqs counted in the
 *       benchmark.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class PostgresIngestBenchmark {
    static final String URL = PostgresSchema.url("crmkit_ingest");
    private static final int BATCH = 1_000;
    private static final int CUSTOMERS = 1_000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** The anchor's tables: an interaction's columns and its seq in one row, keyed and indexed like the adapter's. */
    private static final List<String> ANCHOR_TABLES = List.of("CREATE TABLE anchor_interaction ("
            + " row_id BIGINT NOT NULL PRIMARY KEY, tenant VARCHAR(64) NOT NULL,"
            + " interaction_id VARCHAR(64) COLLATE \"C\" NOT NULL, seq BIGINT NOT NULL,"
            + " subject_kind VARCHAR(1) NOT NULL, subject_id VARCHAR(128) NOT NULL, channel VARCHAR(16) NOT NULL,"
            + " direction VARCHAR(8) NOT NULL, type VARCHAR(64) NOT NULL, occurred_ns BIGINT NOT NULL,"
            + " recorded_ns BIGINT NOT NULL, amount VARCHAR(64), amount_number NUMERIC(38, 10), currency VARCHAR(3),"
            + " source VARCHAR(32) NOT NULL, external_id VARCHAR(128) NOT NULL, campaign VARCHAR(64),"
            + " UNIQUE (tenant, interaction_id), UNIQUE (tenant, source, external_id), UNIQUE (tenant, seq))",
            "CREATE INDEX anchor_interaction_subject ON anchor_interaction"
                    + " (tenant, subject_kind, subject_id, occurred_ns, interaction_id)",
            "CREATE TABLE anchor_interaction_property ("
                    + " row_id BIGINT NOT NULL REFERENCES anchor_interaction (row_id) ON DELETE CASCADE,"
                    + " name VARCHAR(64) NOT NULL, value_type VARCHAR(8) NOT NULL, text_value VARCHAR(4000) NOT NULL,"
                    + " number_value NUMERIC(38, 10), date_value DATE, currency VARCHAR(3), PRIMARY KEY (row_id, name))");
    private static final String ANCHOR_INTERACTION = "INSERT INTO anchor_interaction (row_id, tenant, interaction_id,"
            + " seq, subject_kind, subject_id, channel, direction, type, occurred_ns, recorded_ns, amount,"
            + " amount_number, currency, source, external_id, campaign)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ANCHOR_PROPERTY = "INSERT INTO anchor_interaction_property (row_id, name, value_type,"
            + " text_value, number_value, date_value, currency) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private EntityManagerFactory factory;
    private JpaStorage storage;
    private Crm crm;
    private Connection jdbc;
    /** The number of the next interaction made: every call makes new ones. */
    private long next;
    /** The anchor's next row id and seq. */
    private long anchorRow;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        factory = PostgresSchema.migrated("crmkit_ingest");
        storage = JpaStorage.of(factory, CrmJson.create().eventCodec());
        crm = Crm.builder().storage(storage).seed(1).build();
        for (int n = 0; n < CUSTOMERS; n++) {
            storage.customers().create(SyntheticBase.customer(n));
        }
        jdbc = DriverManager.getConnection(URL, "postgres", "");
        try (Statement s = jdbc.createStatement()) {
            for (String ddl : ANCHOR_TABLES) {
                s.execute(ddl);
            }
        }
        jdbc.setAutoCommit(false);
    }

    /**
     * Brings the planner's statistics of the schema's growing tables up to date before each iteration, outside the
     * measured time: what autovacuum's analyze does on a server that runs it (the one of these figures does not).
     */
    @Setup(Level.Iteration)
    public void analyze() throws SQLException {
        try (Statement s = jdbc.createStatement()) {
            s.execute("ANALYZE crm_interaction, crm_interaction_property, crm_interaction_counter, crm_customer,"
                    + " crm_outbox, anchor_interaction, anchor_interaction_property");
        }
        jdbc.commit();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        jdbc.close();
        crm.close();
        factory.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<AppendResult> adapterAppendAll() {
        List<Interaction> batch = nextBatch();
        return storage.atomically(List.of(), () -> storage.interactions().appendAll(batch));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<AppendResult> facadeRecordAll() {
        return crm.interactions().recordAll(nextBatch());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int anchorPlainJdbc() throws SQLException {
        List<Interaction> batch = nextBatch();
        long firstRow = anchorRow;
        try (PreparedStatement rows = jdbc.prepareStatement(ANCHOR_INTERACTION)) {
            for (Interaction i : batch) {
                long row = anchorRow++;
                rows.setLong(1, row);
                rows.setString(2, i.tenant().value());
                rows.setString(3, i.id().value());
                rows.setLong(4, row);
                rows.setString(5, "C");
                rows.setString(6, ((Subject.Known) i.subject()).customer().value());
                rows.setString(7, i.channel().name());
                rows.setString(8, i.direction().name());
                rows.setString(9, i.type().name());
                rows.setLong(10, nanos(i.occurredAt()));
                rows.setLong(11, nanos(i.recordedAt()));
                rows.setString(12, i.amount().map(m -> m.amount().toPlainString()).orElse(null));
                rows.setBigDecimal(13, i.amount().map(Money::amount).orElse(null));
                rows.setString(14, i.amount().map(m -> m.currency().getCurrencyCode()).orElse(null));
                rows.setString(15, i.source());
                rows.setString(16, i.externalId());
                rows.setString(17, null);
                rows.addBatch();
            }
            rows.executeBatch();
        }
        try (PreparedStatement properties = jdbc.prepareStatement(ANCHOR_PROPERTY)) {
            long row = firstRow;
            for (Interaction i : batch) {
                for (var property : i.properties().entrySet()) {
                    properties.setLong(1, row);
                    properties.setString(2, property.getKey());
                    properties.setString(3, property.getValue() instanceof TypedValue.Number ? "NUMBER" : "TEXT");
                    properties.setString(4, text(property.getValue()));
                    properties.setBigDecimal(5, property.getValue() instanceof TypedValue.Number n ? n.value() : null);
                    properties.setObject(6, null, java.sql.Types.DATE);
                    properties.setString(7, null);
                    properties.addBatch();
                }
                row++;
            }
            properties.executeBatch();
        }
        jdbc.commit();
        return batch.size();
    }

    private List<Interaction> nextBatch() {
        List<Interaction> batch = new ArrayList<>(BATCH);
        for (int k = 0; k < BATCH; k++) {
            batch.add(interaction(next++));
        }
        return batch;
    }

    /** Interaction {@code k}: an order one time in five, a page view otherwise, of customer {@code k mod 1,000}. */
    private static Interaction interaction(long k) {
        boolean order = k % 5 == 0;
        Interaction.Builder b = Interaction.builder(SyntheticBase.TENANT, InteractionId.of("i" + k),
                Subject.customer(SyntheticBase.customerId((int) (k % CUSTOMERS))), Channel.WEB,
                order ? InteractionType.ORDER_PLACED : InteractionType.PAGE_VIEW, START.plusSeconds(k))
                .source("shop", "e" + k);
        if (order) {
            b.amount(Money.of(BigDecimal.valueOf(k % 10_000, 2).toPlainString(), "EUR"))
                    .property("items", TypedValue.of(k % 7 + 1));
        } else {
            b.property("page", TypedValue.of("/product/" + k % 500));
        }
        return b.build();
    }

    private static String text(TypedValue value) {
        return value instanceof TypedValue.Number n ? n.value().toString() : ((TypedValue.Text) value).value();
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
