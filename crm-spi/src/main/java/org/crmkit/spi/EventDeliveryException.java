package org.crmkit.spi;

import static java.util.Objects.requireNonNull;

import org.crmkit.spi.event.DomainEvent;

/**
 * The write succeeded and is durable, but the {@link org.crmkit.spi.event.EventSink} refused its event.
 * {@link #event()} carries the event so that the caller can deliver it again; event ids make redelivery
 * idempotent for consumers that deduplicate on them.
 */
public class EventDeliveryException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient DomainEvent event;

    public EventDeliveryException(DomainEvent event, Throwable cause) {
        super("write committed but event " + requireNonNull(event, "event").id() + " was not delivered", cause);
        this.event = event;
    }

    /** The event that was not delivered. */
    public DomainEvent event() {
        return event;
    }
}
