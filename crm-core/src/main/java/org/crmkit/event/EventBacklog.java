package org.crmkit.event;

import java.time.Duration;
import java.util.Optional;

import org.crmkit.spi.Checks;

/**
 * How many domain events wait for delivery, and how long the oldest has waited. Immutable and thread-safe.
 *
 * @param count     the undelivered events in the outbox (of every engine sharing the storage)
 * @param oldestAge how long ago the oldest of them was written, by this engine's clock; empty when none waits
 */
public record EventBacklog(long count, Optional<Duration> oldestAge) {
    public EventBacklog {
        Checks.nonNegative(count, "count");
        Checks.notNull(oldestAge, "oldestAge");
    }
}
