package org.crmkit.spi.event;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * How much of the outbox waits for delivery. Immutable and thread-safe.
 *
 * @param count  how many events are undelivered
 * @param oldest the {@linkplain DomainEvent#at() instant} of the undelivered event appended first; empty when
 *               {@code count} is 0
 */
public record OutboxBacklog(long count, Optional<Instant> oldest) {
    /** Nothing waits. */
    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, Optional.empty());

    public OutboxBacklog {
        Checks.nonNegative(count, "count");
        Checks.notNull(oldest, "oldest");
        if ((count == 0) != oldest.isEmpty()) {
            throw new ValidationException("oldest", "is present exactly when events wait");
        }
    }
}
