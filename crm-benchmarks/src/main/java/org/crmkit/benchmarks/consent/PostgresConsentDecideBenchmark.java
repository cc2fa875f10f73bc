package org.crmkit.benchmarks.consent;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.crmkit.consent.ConsentService;
import org.crmkit.consent.LedgerHead;
import org.crmkit.memory.InMemoryStorage;
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
 * {@link ConsentService#decide} with the consent ledger and the do-not-contact list on PostgreSQL, through crm-jpa's
 * {@code JpaStorage}: the sweep of {@link ConsentDecideBenchmark#sweepThroughput} (the 9 channel-purpose pairs of one
 * customer after the other, over 1,000,000 customers with 9,000,000 ledger entries and 10,000 suppressions, as
 * {@link ConsentBase#populate} writes them; loaded once by {@link PostgresConsentDatabase}). Target: at least
 * 1,000,000 decisions per second.
 *
 * <p>The engine has the system clock and the default staleness bound (1 second), so while measured it reads the
 * storage once a second for what other engines appended: the ledger after its head and the list's version. The
 * storage counts those reads ({@link CatchUpCountingStorage}), and each iteration prints them. The customer
 * directory and the pressure counter are in memory, as in {@link ConsentDecideBenchmark} (the sends fed again, as a
 * host does after a restart): what is measured is the ledger and list on PostgreSQL.
 *
 * <p>The set-up sweeps every customer once, so that the measurement is of customers decided on before. That first
 * sweep starts the engine, which reads the whole ledger and list from PostgreSQL; it prints how long that took and
 * fails unless the engine reached the head of the base and allowed as many decisions as the engine that wrote it.
 * Run it with {@code ConsentDecideBenchmark.sweepThroughput} and {@code -p clock=system} for the in-memory anchor.
 * Loading the base takes some 6 minutes the first time; later runs find it in place.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
public class PostgresConsentDecideBenchmark {
    private static final int CUSTOMERS = 1_000_000;
    private static final long SEED = 7;

    private PostgresConsentDatabase database;
    private CatchUpCountingStorage storage;
    private CustomerSweep sweep;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        database = PostgresConsentDatabase.open(CUSTOMERS, SEED);
        InMemoryStorage directory = new InMemoryStorage();
        for (int n = 0; n < CUSTOMERS; n++) {
            directory.customers().create(ConsentBase.customer(n));
        }
        storage = new CatchUpCountingStorage(database.storage());
        ConsentService consents = ConsentBase.engine(storage, directory.customers()::findById, Clock.systemUTC());
        for (int n = 0; n < CUSTOMERS; n++) {
            ConsentBase.recordSend(consents, n);
        }
        sweep = new CustomerSweep(consents, CUSTOMERS);
        long start = System.nanoTime();
        LedgerHead head = consents.head(ConsentBase.TENANT);
        long started = System.nanoTime();
        long allowed = sweep.once();
        long swept = System.nanoTime();
        if (!head.equals(database.head()) || allowed != database.allowed()) {
            throw new IllegalStateException("the engine on PostgreSQL reached " + head + " and allowed " + allowed
                    + " decisions; the base was written up to " + database.head() + " and allowed "
                    + database.allowed());
        }
        System.out.printf("%nfirst sweep: %.1f s, of which %.1f s starting the engine on the %,d ledger entries"
                + " (%s) and %.1f s for %,d decisions (%,d allowed, as in memory)%n", (swept - start) / 1e9,
                (started - start) / 1e9, head.sequence(), storage.takeTally(), (swept - started) / 1e9,
                CUSTOMERS * 9L, allowed);
    }

    @TearDown(Level.Iteration)
    public void tally() {
        System.out.printf("%ncatch-up reads during the iteration: %s%n", storage.takeTally());
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        database.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(9)
    public int sweepThroughput() {
        return sweep.next();
    }
}
