package org.crmkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.storage.Storage;

/**
 * Writes domain events to the storage's outbox, in the unit of the change that causes them, and once the unit
 * committed hands each to the engine's own observers (incremental analytics) and wakes the relay. Thread-safe.
 */
public final class EventWriter {
    private final Storage storage;
    private final IdSource ids;
    private final Runnable committed;
    private final List<Consumer<DomainEvent>> observers = new CopyOnWriteArrayList<>();

    /**
     * @param committed told after every unit that wrote an event committed (the relay's wake-up)
     */
    public EventWriter(Storage storage, IdSource ids, Runnable committed) {
        this.storage = storage;
        this.ids = ids;
        this.committed = committed;
    }

    /**
     * Adds an engine-internal observer: it sees every event this engine writes once its unit committed, on the
     * writing thread, while the unit's locks are still held (so it sees one customer's events in order).
     */
    public void observe(Consumer<DomainEvent> observer) {
        observers.add(observer);
    }

    /**
     * Builds the event with a fresh id and appends it to the outbox: in the calling thread's unit, where every
     * engine write runs, so that it commits with the change it reports (outside a unit the append is a unit of its
     * own).
     */
    public <E extends DomainEvent> E write(Instant at, BiFunction<EventId, Instant, E> event) {
        E e = event.apply(ids.eventId(), at);
        storage.outbox().append(e);
        storage.afterCommit(() -> committed(e));
        return e;
    }

    private void committed(DomainEvent e) {
        for (Consumer<DomainEvent> observer : observers) {
            observer.accept(e);
        }
        committed.run();
    }
}
