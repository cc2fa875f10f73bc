package org.crmkit.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crmkit.Crm;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventSink;

/**
 * Keeps every event it receives, in order. Once {@link #of(Crm) attached} to its engine, every read first delivers
 * what the engine's outbox holds, so a test reads the events of every write it made. Thread-safe.
 */
public final class RecordingSink implements EventSink {
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private volatile Crm crm;

    @Override
    public void publish(DomainEvent event) {
        events.add(event);
    }

    /** Delivers the outbox of {@code engine} before every read from now on; returns the engine. */
    public Crm of(Crm engine) {
        this.crm = engine;
        return engine;
    }

    /** Every event received, after delivering what waits in the attached engine's outbox. */
    public List<DomainEvent> events() {
        Crm c = crm;
        if (c != null) {
            c.events().flush();
        }
        return List.copyOf(events);
    }

    public <E extends DomainEvent> List<E> events(Class<E> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
