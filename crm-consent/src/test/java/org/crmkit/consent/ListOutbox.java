package org.crmkit.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.event.OutboxMessage;

/**
 * The outbox of a {@link TestStorage}: it keeps what the engine appends, for the tests to read. Nothing relays from
 * it, so the relay's operations are refused.
 */
final class ListOutbox implements Outbox {
    private final TestStorage storage;
    private final List<DomainEvent> events = new ArrayList<>();

    ListOutbox(TestStorage storage) {
        this.storage = storage;
    }

    @Override
    public long append(DomainEvent event) {
        return storage.locked(() -> {
            events.add(event);
            return (long) events.size();
        });
    }

    /** The events appended and committed so far, in order. */
    List<DomainEvent> events() {
        return storage.locked(() -> List.copyOf(events));
    }

    /** Forgets the events, as a relay that delivered them would. */
    void clear() {
        storage.locked(() -> {
            events.clear();
            return null;
        });
    }

    /** How to put the events back as they are now. */
    Runnable snapshot() {
        List<DomainEvent> copy = storage.locked(() -> List.copyOf(events));
        return () -> {
            events.clear();
            events.addAll(copy);
        };
    }

    @Override
    public List<OutboxMessage> pending(long afterSequence, int limit) {
        throw new UnsupportedOperationException("the engine tests relay nothing");
    }

    @Override
    public void delivered(Collection<Long> sequences) {
        throw new UnsupportedOperationException("the engine tests relay nothing");
    }

    @Override
    public long discard(Collection<String> orderingKeys) {
        throw new UnsupportedOperationException("the engine tests erase through the consent engine only");
    }

    @Override
    public void failed(long sequence, Instant retryAt) {
        throw new UnsupportedOperationException("the engine tests relay nothing");
    }

    @Override
    public OutboxBacklog backlog() {
        throw new UnsupportedOperationException("the engine tests relay nothing");
    }

    @Override
    public boolean lease(String owner, Instant now, Duration duration) {
        throw new UnsupportedOperationException("the engine tests relay nothing");
    }

    @Override
    public void release(String owner) {
        throw new UnsupportedOperationException("the engine tests relay nothing");
    }
}
