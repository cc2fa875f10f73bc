package org.crmkit.internal;

import java.time.Instant;
import java.util.function.BiFunction;

import org.crmkit.spi.EventDeliveryException;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.event.EventSink;

/** Gives events their ids and hands them to the sink, turning a failing sink into an EventDeliveryException. */
public final class EventPublisher {
    private final EventSink sink;
    private final IdSource ids;

    public EventPublisher(EventSink sink, IdSource ids) {
        this.sink = sink;
        this.ids = ids;
    }

    /** Builds the event with a fresh id and publishes it. */
    public <E extends DomainEvent> E publish(Instant at, BiFunction<EventId, Instant, E> event) {
        E e = event.apply(ids.eventId(), at);
        try {
            sink.publish(e);
        } catch (RuntimeException failure) {
            throw new EventDeliveryException(e, failure);
        }
        return e;
    }
}
