package org.crmkit.spi.storage;

import java.util.Collection;
import java.util.function.Supplier;

import org.crmkit.spi.Checks;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;

/**
 * A storage that forwards every call to another: the base of a decorator, which overrides what it changes (a port it
 * wraps, say a cache in front of the customer store) and inherits the rest, units and capabilities included. The
 * capabilities of {@link #capability} are those of this storage's ports, so a wrapped port answers for itself.
 * Thread-safe if the delegate is.
 */
public abstract class ForwardingStorage implements Storage {
    private final Storage delegate;

    protected ForwardingStorage(Storage delegate) {
        this.delegate = Checks.notNull(delegate, "delegate");
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
