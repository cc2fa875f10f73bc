package org.crmkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.crmkit.spi.EventDeliveryException;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.event.EventSink;

/**
 * Gives events their ids and hands them to the sink, turning a failing sink into an EventDeliveryException; then to
 * the engine's own observers (incremental analytics). Thread-safe.
 */
public final class EventPublisher {
    private final EventSink sink;
    private final IdSource ids;
    private final List<Consumer<DomainEvent>> observers = new CopyOnWriteArrayList<>();

    public EventPublisher(EventSink sink, IdSource ids) {
        this.sink = sink;
        this.ids = ids;
    }

    /** Adds an engine-internal observer that sees every event after the sink took it, on the publishing thread. */
    public void observe(Consumer<DomainEvent> observer) {
        observers.add(observer);
    }

    /** Builds the event with a fresh id and publishes it. */
    public <E extends DomainEvent> E publish(Instant at, BiFunction<EventId, Instant, E> event) {
        E e = event.apply(ids.eventId(), at);
        try {
            sink.publish(e);
        } catch (RuntimeException failure) {
            throw new EventDeliveryException(e, failure);
        }
        for (Consumer<DomainEvent> observer : observers) {
            observer.accept(e);
        }
        return e;
    }
}
