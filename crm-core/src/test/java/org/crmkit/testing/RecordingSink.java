package org.crmkit.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventSink;

/** Keeps every event it receives, in order. Thread-safe. */
public final class RecordingSink implements EventSink {
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(DomainEvent event) {
        events.add(event);
    }

    public List<DomainEvent> events() {
        return List.copyOf(events);
    }

    public <E extends DomainEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
