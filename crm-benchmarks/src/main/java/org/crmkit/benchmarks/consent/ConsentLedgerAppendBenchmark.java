package org.crmkit.benchmarks.consent;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.crmkit.consent.ConsentService;
import org.crmkit.consent.ConsentStatus;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Salt;
import org.crmkit.spi.customer.CustomerId;
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
 * Appends to the consent ledger in memory: {@code ledger} chains an entry (SHA-256 over its personal data and salt,
 * then over its canonical encoding) and appends it to the ledger of an {@link InMemoryStorage}, with salts drawn
 * from a {@code SecureRandom} beforehand; {@code engine} records opt-ins and opt-outs through {@link ConsentService}
 * for 100,000 customers in turn (a storage unit with the customer's lock, checks, a salt, the hashes, the store,
 * the {@code ConsentChanged} event in the outbox, the derived index after the commit). Target: at least 1,000,000
 * appends per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
public class ConsentLedgerAppendBenchmark {
    private static final int CUSTOMERS = 100_000;
    private static final ConsentScope SCOPE = ConsentScope.of(ConsentBase.CHANNELS.get(0),
            ConsentBase.PURPOSES.get(0));
    private static final ConsentEvent EVENT = new ConsentEvent.OptedIn(SCOPE, Capture.TICKED_BOX,
            ConsentBase.EVIDENCE, Optional.empty());

    private static final int SALTS = 1 << 16;

    private ConsentStore store;
    private Salt[] salts;
    private ConsentService consents;
    private CustomerId[] ids;
    private long sequence;
    private Hash256 previous;
    private int next;

    @Setup(Level.Iteration)
    public void reset() {
        InMemoryStorage storage = new InMemoryStorage();
        store = storage.consents();
        consents = ConsentBase.engine(storage);
        SecureRandom random = new SecureRandom();
        salts = new Salt[SALTS];
        for (int i = 0; i < SALTS; i++) {
            salts[i] = Salt.random(random);
        }
        ids = new CustomerId[CUSTOMERS];
        for (int n = 0; n < CUSTOMERS; n++) {
            ids[n] = ConsentBase.customerId(n);
        }
        sequence = 0;
        previous = Hash256.ZERO;
    }

    @Benchmark
    public LedgerEntry ledger() {
        LedgerEntry entry = LedgerEntry.chain(ConsentBase.TENANT, ++sequence, previous, ids[(int) (sequence
                % CUSTOMERS)], ConsentBase.NOW, EVENT, salts[(int) sequence & (SALTS - 1)]);
        store.append(entry);
        previous = entry.hash();
        return entry;
    }

    @Benchmark
    public ConsentStatus engine() {
        int n = next = (next + 1) % CUSTOMERS;
        return (n & 1) == 0
                ? consents.optIn(ConsentBase.TENANT, ids[n], SCOPE, Capture.TICKED_BOX, ConsentBase.EVIDENCE)
                : consents.optOut(ConsentBase.TENANT, ids[n], SCOPE, ConsentBase.EVIDENCE);
    }
}
