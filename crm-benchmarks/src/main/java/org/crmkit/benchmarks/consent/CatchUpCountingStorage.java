package org.crmkit.benchmarks.consent;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.storage.ForwardingStorage;
import org.crmkit.spi.storage.Storage;

/**
 * A storage that forwards every call to another and counts, with the time they took, the reads by which a consent
 * engine catches up with other engines' writes: {@link ConsentStore#read} of the ledger after the engine's head, and
 * {@link SuppressionStore#version} of the do-not-contact list. So a benchmark shows that decisions did read the
 * storage while measured, and what that cost. Thread-safe.
 */
final class CatchUpCountingStorage extends ForwardingStorage {
    /** The reads counted since the last {@link #takeTally()}, and the nanoseconds they took together. */
    record Tally(long ledgerReads, long versionReads, long nanos) {
        @Override
        public String toString() {
            return String.format("%,d ledger reads and %,d list version reads, %.1f ms in all", ledgerReads,
                    versionReads, nanos / 1e6);
        }
    }

    private final LongAdder ledgerReads = new LongAdder();
    private final LongAdder versionReads = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final ConsentStore consents;
    private final SuppressionStore suppressions;

    CatchUpCountingStorage(Storage delegate) {
        super(delegate);
        this.consents = new CountedLedger(delegate.consents());
        this.suppressions = new CountedList(delegate.suppressions());
    }

    @Override
    public ConsentStore consents() {
        return consents;
    }

    @Override
    public SuppressionStore suppressions() {
        return suppressions;
    }

    /** The reads counted since the last call (or since the storage was made), and starts counting again. */
    Tally takeTally() {
        return new Tally(ledgerReads.sumThenReset(), versionReads.sumThenReset(), nanos.sumThenReset());
    }

    /** The result of {@code read}, counted in {@code reads} and timed. */
    private <T> T counted(LongAdder reads, Supplier<T> read) {
        long start = System.nanoTime();
        try {
            return read.get();
        } finally {
            reads.increment();
            nanos.add(System.nanoTime() - start);
        }
    }

    /** The ledger, its {@link #read} counted. */
    private final class CountedLedger implements ConsentStore {
        private final ConsentStore store;

        CountedLedger(ConsentStore store) {
            this.store = store;
        }

        @Override
        public void append(LedgerEntry entry) {
            store.append(entry);
        }

        @Override
        public Optional<LedgerEntry> last(TenantId tenant) {
            return store.last(tenant);
        }

        @Override
        public List<LedgerEntry> findByCustomer(TenantId tenant, CustomerId customer) {
            return store.findByCustomer(tenant, customer);
        }

        @Override
        public List<LedgerEntry> read(TenantId tenant, long afterSequence, int limit) {
            return counted(ledgerReads, () -> store.read(tenant, afterSequence, limit));
        }
    }

    /** The do-not-contact list, its {@link #version} counted. */
    private final class CountedList implements SuppressionStore {
        private final SuppressionStore store;

        CountedList(SuppressionStore store) {
            this.store = store;
        }

        @Override
        public SuppressionEntry suppress(SuppressionEntry entry) {
            return store.suppress(entry);
        }

        @Override
        public boolean lift(TenantId tenant, Hash256 contactHash) {
            return store.lift(tenant, contactHash);
        }

        @Override
        public long version(TenantId tenant) {
            return counted(versionReads, () -> store.version(tenant));
        }

        @Override
        public Optional<SuppressionEntry> find(TenantId tenant, Hash256 contactHash) {
            return store.find(tenant, contactHash);
        }

        @Override
        public Page<SuppressionEntry> scan(TenantId tenant, Optional<String> after, int limit) {
            return store.scan(tenant, after, limit);
        }
    }
}
