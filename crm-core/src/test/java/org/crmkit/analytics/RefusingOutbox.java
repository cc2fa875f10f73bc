package org.crmkit.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.event.OutboxMessage;

/** An outbox that refuses to append events of one type (as a full disk would), and forwards everything else. */
final class RefusingOutbox implements Outbox {
    private final Outbox delegate;
    private final Class<? extends DomainEvent> refused;

    RefusingOutbox(Outbox delegate, Class<? extends DomainEvent> refused) {
        this.delegate = delegate;
        this.refused = refused;
    }

    @Override
    public long append(DomainEvent event) {
        if (refused.isInstance(event)) {
            throw new IllegalStateException("outbox refuses " + refused.getSimpleName());
        }
        return delegate.append(event);
    }

    @Override
    public List<OutboxMessage> pending(long afterSequence, int limit) {
        return delegate.pending(afterSequence, limit);
    }

    @Override
    public void delivered(Collection<Long> sequences) {
        delegate.delivered(sequences);
    }

    @Override
    public long discard(Collection<String> orderingKeys) {
        return delegate.discard(orderingKeys);
    }

    @Override
    public void failed(long sequence, Instant retryAt) {
        delegate.failed(sequence, retryAt);
    }

    @Override
    public OutboxBacklog backlog() {
        return delegate.backlog();
    }

    @Override
    public boolean lease(String owner, Instant now, Duration duration) {
        return delegate.lease(owner, now, duration);
    }

    @Override
    public void release(String owner) {
        delegate.release(owner);
    }
}
