package org.crmkit.internal;

import java.util.Collection;
import java.util.function.Supplier;

import org.crmkit.cache.CachingCustomerStore;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/**
 * A storage whose customer store is a {@link CachingCustomerStore} in front of the storage's own: what
 * {@code Crm.Builder.customerCache} builds. Every other port, the units and the capabilities are the storage's. A
 * unit that fails empties the cache, which may hold what the unit wrote before it was undone. Thread-safe.
 */
public final class CustomerCacheStorage implements Storage {
    private final Storage storage;
    private final CachingCustomerStore customers;

    public CustomerCacheStorage(Storage storage, CachingCustomerStore customers) {
        this.storage = storage;
        this.customers = customers;
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public InteractionStore interactions() {
        return storage.interactions();
    }

    @Override
    public ConsentStore consents() {
        return storage.consents();
    }

    @Override
    public SuppressionStore suppressions() {
        return storage.suppressions();
    }

    @Override
    public ScoreStore scores() {
        return storage.scores();
    }

    @Override
    public MembershipStore memberships() {
        return storage.memberships();
    }

    @Override
    public Outbox outbox() {
        return storage.outbox();
    }

    @Override
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        try {
            return storage.atomically(locks, work);
        } catch (RuntimeException | Error failure) {
            customers.invalidateAll();
            throw failure;
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        storage.afterCommit(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        storage.afterRollback(action);
    }

    @Override
    public void close() {
        storage.close();
    }
}
