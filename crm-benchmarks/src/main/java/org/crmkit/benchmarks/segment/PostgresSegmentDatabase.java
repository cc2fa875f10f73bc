package org.crmkit.benchmarks.segment;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.crmkit.benchmarks.PostgresSchema;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.StageTransition;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The synthetic base of {@link SegmentBase} in the crm-jpa schema on PostgreSQL (127.0.0.1:5432, database
 * {@code test}, schema {@code crmkit_segments}, made by the migrations crm-jpa ships): the rows crm-jpa's mappers
 * would write for the same customers, interactions and scores, loaded with {@code COPY} because a million customers
 * through an ORM take too long to load before every run. A table {@code bench_base} records the size and seed
 * loaded, so a later run on the same base skips loading. Not thread-safe: one connection.
 */
final class PostgresSegmentDatabase implements AutoCloseable {
    static final String SCHEMA = "crmkit_segments";
    static final String URL = PostgresSchema.url(SCHEMA);
    private static final int CHUNK = 20_000;
    /** The segment {@link SegmentEvaluationBenchmark#SEGMENT} by hand, on the same tables: what a developer writes. */
    private static final String ACTIVE_BERLINERS = """
            SELECT c.customer_id FROM crm_customer c
            WHERE c.tenant = ? AND c.live = TRUE
              AND EXISTS (SELECT 1 FROM crm_customer_attribute a
                          WHERE a.row_id = c.row_id AND a.name = 'city' AND a.text_value = 'Berlin')
              AND EXISTS (SELECT 1 FROM crm_customer_attribute a
                          WHERE a.row_id = c.row_id AND a.name = 'age' AND a.value_type = 'NUMBER'
                            AND a.number_value >= 30)
              AND EXISTS (SELECT 1 FROM crm_interaction i
                          WHERE i.tenant = c.tenant AND i.subject_kind = 'C' AND i.subject_id = c.customer_id
                            AND i.type = 'order_placed' AND i.occurred_ns >= ?)
              AND EXISTS (SELECT 1 FROM crm_interaction i
                          WHERE i.tenant = c.tenant AND i.subject_kind = 'C' AND i.subject_id = c.customer_id
                            AND i.channel = 'WEB' AND i.occurred_ns >= ?)
              AND EXISTS (SELECT 1 FROM crm_score s
                          WHERE s.tenant = c.tenant AND s.customer_id = c.customer_id AND s.name = 'engagement'
                            AND s.score > 50)""";

    private final Connection connection;

    private PostgresSegmentDatabase(Connection connection) {
        this.connection = connection;
    }

    /** The base of {@code size} customers and {@code seed}, loaded now unless the schema already holds it. */
    static PostgresSegmentDatabase open(int size, long seed) throws SQLException {
        PostgresSegmentDatabase db = new PostgresSegmentDatabase(DriverManager.getConnection(URL, "postgres", ""));
        if (!PostgresSchema.holds(db.connection, SCHEMA, size, seed)) {
            PostgresSchema.migrateAfresh(SCHEMA);
            db.load(size, seed);
        }
        return db;
    }

    private void load(int size, long seed) throws SQLException {
        CopyManager copy = connection.unwrap(BaseConnection.class).getCopyAPI();
        Rows rows = new Rows();
        long[] interactionRow = {0};
        int[] n = {0};
        SegmentBase.generate(size, seed, generated -> {
            long row = ++n[0];
            rows.customer(row, generated.customer());
            for (Interaction i : generated.interactions()) {
                rows.interaction(++interactionRow[0], i);
            }
            generated.scores().forEach((name, value) -> rows.score(generated.customer().id(), name, value));
            if (row % CHUNK == 0) {
                rows.copy(copy);
            }
        });
        rows.copy(copy);
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO crm_interaction_counter (tenant, next_seq) VALUES ('" + SegmentBase.TENANT.value()
                    + "', " + (interactionRow[0] + 1) + ")");
            s.execute("CREATE TABLE bench_base (size INT NOT NULL, seed BIGINT NOT NULL)");
            s.execute("INSERT INTO bench_base VALUES (" + size + ", " + seed + ")");
            s.execute("VACUUM ANALYZE");
        }
    }

    /** The hand-written query, prepared with its parameters for the evaluator's now and zone. */
    PreparedStatement activeBerliners(Instant start90d, Instant start30d) throws SQLException {
        PreparedStatement q = connection.prepareStatement(ACTIVE_BERLINERS);
        q.setString(1, SegmentBase.TENANT.value());
        q.setLong(2, nanos(start90d));
        q.setLong(3, nanos(start30d));
        return q;
    }

    static Set<CustomerId> members(PreparedStatement query) throws SQLException {
        Set<CustomerId> members = new HashSet<>();
        try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
                members.add(CustomerId.of(r.getString(1)));
            }
        }
        return members;
    }

    /** The query plan of the hand-written query. */
    String plan(Instant start90d, Instant start30d) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement q = connection.prepareStatement("EXPLAIN " + ACTIVE_BERLINERS)) {
            q.setString(1, SegmentBase.TENANT.value());
            q.setLong(2, nanos(start90d));
            q.setLong(3, nanos(start30d));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    /** CSV rows of each table, copied in and cleared chunk by chunk. */
    private static final class Rows {
        private final StringBuilder customers = new StringBuilder();
        private final StringBuilder stages = new StringBuilder();
        private final StringBuilder attributes = new StringBuilder();
        private final StringBuilder interactions = new StringBuilder();
        private final StringBuilder scores = new StringBuilder();

        void customer(long row, Customer c) {
            customers.append(row).append(',').append(c.tenant().value()).append(',').append(c.id().value())
                    .append(",true,").append(c.version()).append(",PERSON,G,F,").append(c.stage().name()).append(',')
                    .append(nanos(c.createdAt())).append(',').append(nanos(c.updatedAt())).append('\n');
            int position = 0;
            for (StageTransition t : c.stageHistory()) {
                stages.append(row).append(',').append(position++).append(',').append(t.stage().name()).append(',')
                        .append(nanos(t.at())).append('\n');
            }
            c.attributes().forEach((name, value) -> {
                attributes.append(row).append(',').append(name).append(',');
                if (value instanceof TypedValue.Number number) {
                    attributes.append("NUMBER,").append(number.value()).append(',').append(number.value());
                } else if (value instanceof TypedValue.Choice choice) {
                    attributes.append("CHOICE,").append(choice.value()).append(',');
                } else {
                    attributes.append("TEXT,").append(((TypedValue.Text) value).value()).append(',');
                }
                attributes.append('\n');
            });
        }

        void interaction(long row, Interaction i) {
            interactions.append(row).append(',').append(i.tenant().value()).append(',').append(i.id().value())
                    .append(',').append(row).append(",C,").append(((Subject.Known) i.subject()).customer().value())
                    .append(',').append(i.channel().name()).append(',')
                    .append(i.direction().name()).append(',').append(i.type().name()).append(',')
                    .append(nanos(i.occurredAt())).append(',').append(nanos(i.recordedAt())).append(',');
            i.amount().ifPresentOrElse(m -> interactions.append(m.amount().toPlainString()).append(',')
                    .append(m.amount().toPlainString()).append(',').append(m.currency().getCurrencyCode()),
                    () -> interactions.append(",,"));
            interactions.append(',').append(i.source()).append(',').append(i.externalId()).append(",\n");
        }

        void score(CustomerId customer, String name, double value) {
            scores.append(SegmentBase.TENANT.value()).append(',').append(customer.value()).append(',').append(name)
                    .append(',').append(value).append(',').append(nanos(SegmentBase.NOW)).append('\n');
        }

        void copy(CopyManager copy) {
            try {
                copy.copyIn("COPY crm_customer (row_id, tenant, customer_id, live, version, party_kind, given_name,"
                        + " family_name, stage, created_ns, updated_ns) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(customers.toString()));
                copy.copyIn("COPY crm_customer_stage (row_id, position, stage, at_ns) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(stages.toString()));
                copy.copyIn("COPY crm_customer_attribute (row_id, name, value_type, text_value, number_value)"
                        + " FROM STDIN WITH (FORMAT csv)", new StringReader(attributes.toString()));
                copy.copyIn("COPY crm_interaction (row_id, tenant, interaction_id, seq, subject_kind, subject_id,"
                        + " channel, direction, type, occurred_ns, recorded_ns, amount, amount_number, currency,"
                        + " source, external_id, campaign) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(interactions.toString()));
                copy.copyIn("COPY crm_score (tenant, customer_id, name, score, as_of_ns) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(scores.toString()));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("loading the base into PostgreSQL failed", e);
            }
            for (StringBuilder b : new StringBuilder[] {customers, stages, attributes, interactions, scores}) {
                b.setLength(0);
            }
        }
    }
}
