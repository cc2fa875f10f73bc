package org.crmkit.benchmarks;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Looks up one of 1,000,000 stored customers by id, by identity and by e-mail, at random. Target: median under
 * 1 µs each (read p0.50 of the sample-time distribution).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class CustomerLookupBenchmark {
    private static final int CUSTOMERS = 1_000_000;
    /** Lookup keys in hand, as a host has them from a request: few enough to stay in cache. */
    private static final int KEYS = 1 << 10;

    private InMemoryCustomerStore store;
    private CustomerId[] ids;
    private ExternalIdentity[] identities;
    private EmailAddress[] emails;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        store = new InMemoryCustomerStore();
        for (int n = 0; n < CUSTOMERS; n++) {
            store.create(SyntheticBase.customer(n));
        }
        SplittableRandom random = new java.util.SplittableRandom(2);
        ids = new CustomerId[KEYS];
        identities = new ExternalIdentity[KEYS];
        emails = new EmailAddress[KEYS];
        for (int k = 0; k < KEYS; k++) {
            int n = random.nextInt(CUSTOMERS);
            ids[k] = SyntheticBase.customerId(n);
            identities[k] = SyntheticBase.identity(n);
            emails[k] = SyntheticBase.email(n);
        }
    }

    private int nextKey() {
        next = (next + 1) & (KEYS - 1);
        return next;
    }

    @Benchmark
    public Optional<Customer> byId() {
        return store.findById(SyntheticBase.TENANT, ids[nextKey()]);
    }

    @Benchmark
    public Optional<Customer> byIdentity() {
        return store.findByIdentity(SyntheticBase.TENANT, identities[nextKey()]);
    }

    @Benchmark
    public List<Customer> byEmail() {
        return store.findByContactPoint(SyntheticBase.TENANT, emails[nextKey()]);
    }
}
