package org.crmkit.spi.event;

import java.util.UUID;

import org.crmkit.spi.Checks;

/**
 * The unique id of a domain event, for consumers that deduplicate redelivered events. Immutable and thread-safe.
 */
public record EventId(UUID value) {
    public EventId {
        Checks.notNull(value, "eventId");
    }

    public static EventId of(UUID value) {
        return new EventId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
