package org.crmkit.benchmarks.segment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;

/**
 * The synthetic base of {@link SegmentBase} in an embedded in-memory H2 database, read by plain JDBC. H2's default
 * settings but one: {@code OPTIMIZE_REUSE_RESULTS=0}, because by default H2 hands back the previous result of a
 * prepared query whose parameters and data have not changed, so a benchmark would time a cache, not the query.
 * Tables:
 *
 * <pre>{@code
 * customers(id VARCHAR(64) PRIMARY KEY, city VARCHAR(255), age INTEGER, engagement DOUBLE PRECISION)
 * interactions(customer_id VARCHAR(64), type VARCHAR(64), channel VARCHAR(16),
 *              occurred_at TIMESTAMP(3) WITH TIME ZONE, amount DECIMAL(19, 2))
 * INDEX customers_city ON customers(city)
 * INDEX interactions_type ON interactions(customer_id, type, occurred_at)
 * INDEX interactions_channel ON interactions(customer_id, channel, occurred_at)
 * }</pre>
 *
 * The two attributes the segment reads are typed columns (the layout most favourable to SQL, rather than an
 * attribute table), types and channels are their lower-case names, every amount is in EUR. A missing attribute or
 * score is {@code NULL}, which makes a comparison unknown and so excludes the customer, as in the segment language.
 * Loading is {@linkplain #add batched}; the indexes are built and statistics gathered once, by {@link #ready()}.
 * Not thread-safe: one connection, used by one thread.
 */
final class H2SegmentDatabase implements AutoCloseable {
    /**
     * The segment {@link SegmentEvaluationBenchmark#SEGMENT} by hand in SQL; the parameters are the city, the least
     * age, the order type, the start of the 90-day window, the least order count, the channel, the start of the
     * 30-day window and the engagement bound.
     */
    static final String ACTIVE_BERLINERS = """
            SELECT c.id FROM customers c
            WHERE c.city = ? AND c.age >= ?
              AND (SELECT COUNT(*) FROM interactions i
                   WHERE i.customer_id = c.id AND i.type = ? AND i.occurred_at >= ?) >= ?
              AND EXISTS (SELECT 1 FROM interactions i
                          WHERE i.customer_id = c.id AND i.channel = ? AND i.occurred_at >= ?)
              AND c.engagement > ?""";

    private static final int BATCH = 10_000;

    private final Connection connection;
    private final PreparedStatement insertCustomer;
    private final PreparedStatement insertInteraction;
    private int pendingCustomers;
    private int pendingInteractions;

    private H2SegmentDatabase(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE customers(id VARCHAR(64) PRIMARY KEY, city VARCHAR(255), age INTEGER,"
                    + " engagement DOUBLE PRECISION)");
            s.execute("CREATE TABLE interactions(customer_id VARCHAR(64) NOT NULL, type VARCHAR(64) NOT NULL,"
                    + " channel VARCHAR(16) NOT NULL, occurred_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,"
                    + " amount DECIMAL(19, 2))");
        }
        connection.setAutoCommit(false);
        insertCustomer = connection.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?)");
        insertInteraction = connection.prepareStatement("INSERT INTO interactions VALUES (?, ?, ?, ?, ?)");
    }

    /** A new empty database named {@code name} (it must not exist yet in this JVM). */
    static H2SegmentDatabase create(String name) throws SQLException {
        return new H2SegmentDatabase(DriverManager.getConnection("jdbc:h2:mem:" + name
                + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0"));
    }

    /** Adds one customer with its interactions and scores; a failed insert throws {@link IllegalStateException}. */
    void add(SegmentBase.Generated generated) {
        try {
            insert(generated);
        } catch (SQLException e) {
            throw new IllegalStateException("inserting customer " + generated.customer().id() + ": " + e, e);
        }
    }

    private void insert(SegmentBase.Generated generated) throws SQLException {
        Customer customer = generated.customer();
        String id = customer.id().value();
        insertCustomer.setString(1, id);
        insertCustomer.setString(2, customer.attribute("city").map(v -> ((TypedValue.Text) v).value()).orElse(null));
        Integer age = customer.attribute("age").map(v -> ((TypedValue.Number) v).value().intValueExact()).orElse(null);
        insertCustomer.setObject(3, age, Types.INTEGER);
        insertCustomer.setObject(4, generated.scores().get("engagement"), Types.DOUBLE);
        insertCustomer.addBatch();
        if (++pendingCustomers == BATCH) {
            flush();
        }
        for (Interaction x : generated.interactions()) {
            insertInteraction.setString(1, id);
            insertInteraction.setString(2, x.type().name());
            insertInteraction.setString(3, name(x.channel()));
            insertInteraction.setObject(4, OffsetDateTime.ofInstant(x.occurredAt(), ZoneOffset.UTC));
            insertInteraction.setBigDecimal(5, x.amount().map(H2SegmentDatabase::euros).orElse(null));
            insertInteraction.addBatch();
            if (++pendingInteractions == BATCH) {
                flush();
            }
        }
    }

    /** Flushes the last batches, builds the indexes and gathers statistics for the optimizer. */
    void ready() throws SQLException {
        flush();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE INDEX customers_city ON customers(city)");
            s.execute("CREATE INDEX interactions_type ON interactions(customer_id, type, occurred_at)");
            s.execute("CREATE INDEX interactions_channel ON interactions(customer_id, channel, occurred_at)");
            s.execute("ANALYZE");
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Prepares {@link #ACTIVE_BERLINERS} with windows starting at {@code ordersFrom} and {@code webFrom}. */
    PreparedStatement activeBerliners(Instant ordersFrom, Instant webFrom) throws SQLException {
        PreparedStatement query = connection.prepareStatement(ACTIVE_BERLINERS);
        query.setString(1, "Berlin");
        query.setInt(2, 30);
        query.setString(3, InteractionType.ORDER_PLACED.name());
        query.setObject(4, OffsetDateTime.ofInstant(ordersFrom, ZoneOffset.UTC));
        query.setLong(5, 1);
        query.setString(6, name(Channel.WEB));
        query.setObject(7, OffsetDateTime.ofInstant(webFrom, ZoneOffset.UTC));
        query.setDouble(8, 50);
        return query;
    }

    /** The ids {@code query} selects, as customer ids. */
    static Set<CustomerId> members(PreparedStatement query) throws SQLException {
        Set<CustomerId> members = new HashSet<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                members.add(CustomerId.of(rows.getString(1)));
            }
        }
        return members;
    }

    /** H2's plan for {@link #ACTIVE_BERLINERS}. */
    String plan() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("EXPLAIN " + ACTIVE_BERLINERS)) {
            r.next();
            return r.getString(1);
        }
    }

    /** The number of rows of {@code table}. */
    long rows(String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Drops the database and closes the connection. */
    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN");
        } finally {
            connection.close();
        }
    }

    private void flush() throws SQLException {
        insertCustomer.executeBatch();
        insertInteraction.executeBatch();
        connection.commit();
        pendingCustomers = 0;
        pendingInteractions = 0;
    }

    private static String name(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal euros(Money money) {
        if (!money.currency().equals(SegmentBase.EUR)) {
            throw new IllegalArgumentException("amount: only EUR is stored, got " + money);
        }
        return money.amount();
    }
}
