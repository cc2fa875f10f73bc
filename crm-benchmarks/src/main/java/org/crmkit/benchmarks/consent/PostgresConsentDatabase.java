package org.crmkit.benchmarks.consent;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.crmkit.benchmarks.PostgresSchema;
import org.crmkit.consent.ConsentService;
import org.crmkit.consent.LedgerHead;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.json.CrmJson;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.Page;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionStore;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The consent ledger and do-not-contact list of {@link ConsentBase#populate} in crm-jpa's schema on PostgreSQL
 * (127.0.0.1:5432, database {@code test}, schema {@code crmkit_consent_bench}, made by the migrations crm-jpa ships),
 * with a {@link JpaStorage} over them. The engine writes them into an {@link InMemoryStorage}, and they are copied:
 *
 * <ul>
 *   <li>the suppressions through the adapter's {@link SuppressionStore#suppress}, in units of 100;</li>
 *   <li>the first 2,000 ledger entries through the adapter's {@link ConsentStore#append}, in units of 50 (an append
 *       takes milliseconds, so 9,000,000 would take hours); the others with {@code COPY}, as the rows of
 *       {@link LedgerRows}, but only once its rows of those first entries proved equal, column by column, to the
 *       rows the adapter wrote, and refusing any entry of a {@linkplain LedgerRows#shape shape} not among them. The
 *       head row of the ledger then names the last entry;</li>
 *   <li>then every entry and suppression is read back through the adapter and compared with the engine's.</li>
 * </ul>
 *
 * A table {@code bench_base} records the size and seed loaded, the ledger's head and how many decisions of a sweep
 * over the customers ({@link CustomerSweep}) the engine allowed, so that a later run on the same base skips loading
 * and can check that an engine reading the base from PostgreSQL reaches the same head and decisions. Loading prints
 * what each step took. Not thread-safe: one connection.
 */
final class PostgresConsentDatabase implements AutoCloseable {
    static final String SCHEMA = "crmkit_consent_bench";
    static final String URL = PostgresSchema.url(SCHEMA);
    private static final int THROUGH_ADAPTER = 2_000;
    private static final int APPEND_UNIT = 50;
    private static final int SUPPRESS_UNIT = 100;
    private static final int COPY_CHUNK = 100_000;
    private static final int PAGE = ConsentStore.MAX_PAGE_SIZE;

    private final Connection connection;
    private final EntityManagerFactory factory;
    private final JpaStorage storage;
    private long step = System.nanoTime();

    private PostgresConsentDatabase(Connection connection, EntityManagerFactory factory) {
        this.connection = connection;
        this.factory = factory;
        this.storage = JpaStorage.of(factory, CrmJson.create().eventCodec());
    }

    /** The base of {@code size} customers and {@code seed}, loaded now unless the schema already holds it. */
    static PostgresConsentDatabase open(int size, long seed) throws SQLException {
        Connection connection = DriverManager.getConnection(URL, "postgres", "");
        boolean held = PostgresSchema.holds(connection, SCHEMA, size, seed);
        if (!held) {
            PostgresSchema.migrateAfresh(SCHEMA);
        }
        EntityManagerFactory factory = JpaStorage.persistenceUnit()
                .property(PersistenceConfiguration.JDBC_URL, URL)
                .property(PersistenceConfiguration.JDBC_USER, "postgres")
                .property(PersistenceConfiguration.JDBC_PASSWORD, "")
                .property("hibernate.connection.pool_size", "4")
                .createEntityManagerFactory();
        PostgresConsentDatabase db = new PostgresConsentDatabase(connection, factory);
        if (!held) {
            db.load(size, seed);
        }
        return db;
    }

    /** The storage over the base. */
    JpaStorage storage() {
        return storage;
    }

    /** The head of the ledger loaded. */
    LedgerHead head() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT head_seq, head_hash FROM bench_base")) {
            r.next();
            return new LedgerHead(r.getLong(1), Hash256.parse(r.getString(2)));
        }
    }

    /** How many decisions of a sweep over every customer the engine that wrote the base allowed. */
    long allowed() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT allowed FROM bench_base")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        connection.close();
    }

    private void load(int size, long seed) throws SQLException {
        InMemoryStorage memory = new InMemoryStorage();
        ConsentService engine = ConsentBase.engine(memory);
        ConsentBase.populate(memory, engine, size, new SplittableRandom(seed));
        long allowed = new CustomerSweep(engine, size).once();
        LedgerHead head = engine.head(ConsentBase.TENANT);
        done("populated %,d customers in memory (%,d ledger entries) and swept them once", size, head.sequence());
        copyLedger(memory.consents(), head);
        copyList(memory.suppressions());
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM ANALYZE crm_consent_entry, crm_consent_head, crm_suppression, crm_suppression_version");
        }
        done("vacuumed and analysed the tables");
        compareLedger(memory.consents());
        compareList(memory.suppressions());
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE bench_base (size INT NOT NULL, seed BIGINT NOT NULL, head_seq BIGINT NOT NULL,"
                    + " head_hash VARCHAR(64) NOT NULL, allowed BIGINT NOT NULL)");
        }
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO bench_base VALUES (?, ?, ?, ?, ?)")) {
            p.setInt(1, size);
            p.setLong(2, seed);
            p.setLong(3, head.sequence());
            p.setString(4, head.hash().hex());
            p.setLong(5, allowed);
            p.executeUpdate();
        }
    }

    /** The first entries through the adapter, its rows compared with {@link LedgerRows}', the others copied. */
    private void copyLedger(ConsentStore from, LedgerHead head) throws SQLException {
        ConsentStore to = storage.consents();
        List<LedgerEntry> first = from.read(ConsentBase.TENANT, 0, THROUGH_ADAPTER);
        for (int i = 0; i < first.size(); i += APPEND_UNIT) {
            List<LedgerEntry> unit = first.subList(i, Math.min(i + APPEND_UNIT, first.size()));
            storage.atomically(List.of(), () -> {
                unit.forEach(to::append);
                return null;
            });
        }
        done("appended the first %,d entries through the adapter", first.size());
        Set<String> shapes = new HashSet<>();
        LedgerRows rows = new LedgerRows();
        for (LedgerEntry e : first) {
            shapes.add(LedgerRows.shape(e));
            rows.add(e);
        }
        compareRows(rows.take());
        done("checked that the rows of those entries equal the adapter's, for the shapes %s", shapes);
        CopyManager copy = connection.unwrap(BaseConnection.class).getCopyAPI();
        long after = first.get(first.size() - 1).sequence();
        List<LedgerEntry> page;
        while (!(page = from.read(ConsentBase.TENANT, after, PAGE)).isEmpty()) {
            for (LedgerEntry e : page) {
                if (!shapes.contains(LedgerRows.shape(e))) {
                    throw new IllegalStateException("entry " + e.sequence() + " is of a shape the adapter wrote no"
                            + " row of: " + LedgerRows.shape(e));
                }
                rows.add(e);
            }
            if (rows.size() >= COPY_CHUNK) {
                copy(copy, "crm_consent_entry", rows.take());
            }
            after = page.get(page.size() - 1).sequence();
        }
        copy(copy, "crm_consent_entry", rows.take());
        try (PreparedStatement p = connection.prepareStatement(
                "UPDATE crm_consent_head SET last_seq = ? WHERE tenant = ?")) {
            p.setLong(1, head.sequence());
            p.setString(2, ConsentBase.TENANT.value());
            p.executeUpdate();
        }
        done("copied the other %,d entries", head.sequence() - first.size());
    }

    /** Fails unless {@code rows} are exactly the rows of {@code crm_consent_entry}, null for null. */
    private void compareRows(String rows) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE bench_check (LIKE crm_consent_entry)");
            copy(connection.unwrap(BaseConnection.class).getCopyAPI(), "bench_check", rows);
            try (ResultSet r = s.executeQuery("SELECT"
                    + " (SELECT count(*) FROM (SELECT * FROM crm_consent_entry EXCEPT ALL SELECT * FROM bench_check) a),"
                    + " (SELECT count(*) FROM (SELECT * FROM bench_check EXCEPT ALL SELECT * FROM crm_consent_entry) b)")) {
                r.next();
                if (r.getLong(1) != 0 || r.getLong(2) != 0) {
                    throw new IllegalStateException(r.getLong(2) + " rows written for COPY differ from the adapter's");
                }
            }
            s.execute("DROP TABLE bench_check");
        }
    }

    private static void copy(CopyManager copy, String table, String rows) throws SQLException {
        try {
            copy.copyIn(String.format(LedgerRows.COPY, table), new StringReader(rows));
        } catch (IOException e) {
            throw new IllegalStateException("copying ledger rows into PostgreSQL failed", e);
        }
    }

    private void copyList(SuppressionStore from) {
        SuppressionStore to = storage.suppressions();
        Optional<String> cursor = Optional.empty();
        int copied = 0;
        do {
            Page<SuppressionEntry> page = from.scan(ConsentBase.TENANT, cursor, SUPPRESS_UNIT);
            storage.atomically(List.of(), () -> {
                page.items().forEach(to::suppress);
                return null;
            });
            copied += page.items().size();
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        done("listed %,d suppressions through the adapter", copied);
    }

    /** Fails unless the adapter reads back every entry of {@code from}, equal. */
    private void compareLedger(ConsentStore from) {
        long after = 0;
        List<LedgerEntry> page;
        do {
            page = from.read(ConsentBase.TENANT, after, PAGE);
            if (!storage.consents().read(ConsentBase.TENANT, after, PAGE).equals(page)) {
                throw new IllegalStateException("the adapter reads other entries after " + after);
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).sequence();
        } while (!page.isEmpty());
        done("read back all %,d entries through the adapter, equal", after);
    }

    /** Fails unless the adapter's list equals {@code from}, version included. */
    private void compareList(SuppressionStore from) {
        Optional<String> cursor = Optional.empty();
        Optional<String> theirs = Optional.empty();
        do {
            Page<SuppressionEntry> page = from.scan(ConsentBase.TENANT, cursor, PAGE);
            Page<SuppressionEntry> read = storage.suppressions().scan(ConsentBase.TENANT, theirs, PAGE);
            if (!read.items().equals(page.items())) {
                throw new IllegalStateException("the adapter reads other suppressions");
            }
            cursor = page.nextCursor();
            theirs = read.nextCursor();
        } while (cursor.isPresent());
        if (storage.suppressions().version(ConsentBase.TENANT) != from.version(ConsentBase.TENANT)) {
            throw new IllegalStateException("the adapter's list has another version");
        }
        done("read back the suppressions and the list's version through the adapter, equal");
    }

    private void done(String what, Object... args) {
        long now = System.nanoTime();
        System.out.printf("%s: %.1f s%n", String.format(what, args), (now - step) / 1e9);
        step = now;
    }
}
