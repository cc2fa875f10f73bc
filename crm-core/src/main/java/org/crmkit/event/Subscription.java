package org.crmkit.event;

/**
 * A listener's subscription to domain events; {@link #close()} ends it (idempotent). Thread-safe.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    /** Ends the subscription: the listener is called no more once the relay's current event is delivered. */
    @Override
    void close();
}
