package org.crmkit.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.crmkit.spi.event.DomainEvent;

/** The typed listeners subscribed to one engine's relay. Thread-safe. */
public final class Listeners {
    private final List<Listener<?>> all = new CopyOnWriteArrayList<>();

    /** One subscription: the event type it wants and what to call. */
    private record Listener<E extends DomainEvent>(Class<E> type, Consumer<? super E> consumer) {
        void offer(DomainEvent event) {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        }
    }

    /** Adds a listener; the returned action removes it. */
    public <E extends DomainEvent> Runnable add(Class<E> type, Consumer<? super E> consumer) {
        Listener<E> listener = new Listener<>(type, consumer);
        all.add(listener);
        return () -> all.remove(listener);
    }

    /** Calls every listener that wants {@code event}, in the order they subscribed. */
    public void deliver(DomainEvent event) {
        for (Listener<?> l : all) {
            l.offer(event);
        }
    }
}
