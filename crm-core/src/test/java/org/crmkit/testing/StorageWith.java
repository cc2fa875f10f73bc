package org.crmkit.testing;

import java.util.Collection;
import java.util.function.Supplier;

import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/** An in-memory storage with another customer store in it, for tests of what a store offers. Thread-safe. */
public final class StorageWith implements Storage {
    private final Storage base = new InMemoryStorage();
    private final CustomerStore customers;

    private StorageWith(CustomerStore customers) {
        this.customers = customers;
    }

    /** An in-memory storage whose customer store is {@code customers} (outside the storage's units). */
    public static Storage customers(CustomerStore customers) {
        return new StorageWith(customers);
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public InteractionStore interactions() {
        return base.interactions();
    }

    @Override
    public ConsentStore consents() {
        return base.consents();
    }

    @Override
    public SuppressionStore suppressions() {
        return base.suppressions();
    }

    @Override
    public ScoreStore scores() {
        return base.scores();
    }

    @Override
    public MembershipStore memberships() {
        return base.memberships();
    }

    @Override
    public Outbox outbox() {
        return base.outbox();
    }

    @Override
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        return base.atomically(locks, work);
    }

    @Override
    public void afterCommit(Runnable action) {
        base.afterCommit(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        base.afterRollback(action);
    }

    @Override
    public void close() {
        base.close();
    }
}
