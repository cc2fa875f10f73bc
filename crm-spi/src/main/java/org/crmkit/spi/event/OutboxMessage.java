package org.crmkit.spi.event;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * A domain event in the {@link Outbox}, waiting to be delivered. Immutable and thread-safe.
 *
 * @param sequence its position in the outbox: positive, assigned by {@link Outbox#append}, ascending in append order
 * @param event    the event
 * @param attempts how many deliveries of it failed so far
 * @param retryAt  after a failed delivery, the instant before which it is not tried again
 */
public record OutboxMessage(long sequence, DomainEvent event, int attempts, Optional<Instant> retryAt) {
    public OutboxMessage {
        if (sequence < 1) {
            throw new ValidationException("sequence", "must be positive (" + sequence + ")");
        }
        Checks.notNull(event, "event");
        Checks.nonNegative(attempts, "attempts");
        Checks.notNull(retryAt, "retryAt");
        if (attempts == 0 && retryAt.isPresent()) {
            throw new ValidationException("retryAt", "is set only after a failed attempt");
        }
    }

    /** A message not tried yet. */
    public static OutboxMessage of(long sequence, DomainEvent event) {
        return new OutboxMessage(sequence, event, 0, Optional.empty());
    }

    /** This message after one more failed delivery, not to be tried before {@code retryAt}. */
    public OutboxMessage failed(Instant next) {
        return new OutboxMessage(sequence, event, attempts + 1, Optional.of(Checks.notNull(next, "retryAt")));
    }

    /** Whether it may be tried at {@code now}. */
    public boolean isDue(Instant now) {
        return retryAt.isEmpty() || !retryAt.get().isAfter(now);
    }
}
