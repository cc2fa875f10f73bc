package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManagerFactory;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.json.CrmJson;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.EmailAddress;
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
 * Looks up a customer by e-mail through the Jakarta Persistence adapter on PostgreSQL (127.0.0.1:5432, database
 * {@code test}, schema {@code crmkit_bench}, made again by the migrations at every trial), among 20,000 customers
 * with two contact points, an identity and five attributes each, a random one of them per call. Target: p0.50 under
 * 1 ms. The anchor, {@link #anchorPlainJdbc}, is the hand-written JDBC of the same lookup on the same tables: the
 * customer row by the contact key's hash, and its contact points, in two prepared statements.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class PostgresLookupBenchmark {
    static final String URL = PostgresSchema.url("crmkit_bench");
    private static final int CUSTOMERS = 20_000;

    private EntityManagerFactory factory;
    private CustomerStore store;
    private Connection jdbc;
    private PreparedStatement byHash;
    private PreparedStatement contacts;
    private EmailAddress[] emails;
    private String[] hashes;
    private final SplittableRandom random = new SplittableRandom(5);

    @Setup(Level.Trial)
    public void load() throws SQLException {
        factory = PostgresSchema.migrated("crmkit_bench");
        store = JpaStorage.of(factory, CrmJson.create().eventCodec()).customers();
        emails = new EmailAddress[CUSTOMERS];
        hashes = new String[CUSTOMERS];
        for (int n = 0; n < CUSTOMERS; n++) {
            Customer c = SyntheticBase.customer(n);
            store.create(c);
            emails[n] = SyntheticBase.email(n);
            hashes[n] = sha256(emails[n].key());
        }
        jdbc = DriverManager.getConnection(URL, "postgres", "");
        try (Statement s = jdbc.createStatement()) {
            s.execute("ANALYZE");
        }
        byHash = jdbc.prepareStatement("SELECT c.row_id, c.customer_id, c.version, c.given_name, c.family_name,"
                + " c.stage, c.created_ns, c.updated_ns FROM crm_customer c JOIN crm_customer_contact k"
                + " ON k.row_id = c.row_id WHERE c.tenant = ? AND c.live = TRUE AND k.key_hash = ?");
        contacts = jdbc.prepareStatement("SELECT kind, email, phone, usage, preferred, verified"
                + " FROM crm_customer_contact WHERE row_id = ? ORDER BY position");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        jdbc.close();
        factory.close();
    }

    @Benchmark
    public List<Customer> lookupByEmail() {
        return store.findByContactPoint(SyntheticBase.TENANT, emails[random.nextInt(CUSTOMERS)]);
    }

    @Benchmark
    public int anchorPlainJdbc() throws SQLException {
        byHash.setString(1, SyntheticBase.TENANT.value());
        byHash.setString(2, hashes[random.nextInt(CUSTOMERS)]);
        int read = 0;
        try (ResultSet row = byHash.executeQuery()) {
            while (row.next()) {
                contacts.setLong(1, row.getLong(1));
                read += row.getString(2).length() + row.getString(4).length();
                try (ResultSet c = contacts.executeQuery()) {
                    while (c.next()) {
                        read += c.getString(1).length();
                    }
                }
            }
        }
        return read;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
