package org.crmkit.testing;

import java.util.Collection;
import java.util.function.Supplier;

import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/** A storage that does what another does; tests override what they change. Thread-safe if the other is. */
public class ForwardingStorage implements Storage {
    private final Storage delegate;

    public ForwardingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    @Override
    public CustomerStore customers() {
        return delegate.customers();
    }

    @Override
    public InteractionStore interactions() {
        return delegate.interactions();
    }

    @Override
    public ConsentStore consents() {
        return delegate.consents();
    }

    @Override
    public SuppressionStore suppressions() {
        return delegate.suppressions();
    }

    @Override
    public ScoreStore scores() {
        return delegate.scores();
    }

    @Override
    public MembershipStore memberships() {
        return delegate.memberships();
    }

    @Override
    public Outbox outbox() {
        return delegate.outbox();
    }

    @Override
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        return delegate.atomically(locks, work);
    }

    @Override
    public void afterCommit(Runnable action) {
        delegate.afterCommit(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        delegate.afterRollback(action);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
