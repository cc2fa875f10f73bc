package org.crmkit.spi.event;

/**
 * Receives the domain events of successful writes, for the host's ERP, data warehouse or message bus.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The engine calls {@link #publish} only after the write succeeded, once per event, on the writing thread.</li>
 *   <li>Events about one customer arrive in the order of its writes. Events about different customers written
 *       concurrently may arrive in either order; each carries the instant of its write.</li>
 *   <li>Implementations must be thread-safe: writers on several threads publish concurrently.</li>
 *   <li>A sink should not throw. If it does, the write stays committed and the caller receives an
 *       {@link org.crmkit.spi.EventDeliveryException} carrying the event, to deliver again; consumers deduplicate on
 *       {@link DomainEvent#id()}.</li>
 * </ul>
 */
@FunctionalInterface
public interface EventSink {
    /** A sink that drops every event. */
    EventSink NONE = event -> { };

    void publish(DomainEvent event);
}
