package org.crmkit.spi.event;

/**
 * Receives the domain events of committed writes, for the host's ERP, data warehouse or message bus.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Events are written to the {@link Outbox} with the change that causes them, and a relay delivers them, on its
 *       own thread, after the write committed: the writer never waits for the sink and never sees it fail.</li>
 *   <li><b>At least once.</b> A sink may receive an event again (after a failure, a restart, or when another
 *       engine took over relaying); consumers deduplicate on {@link DomainEvent#id()}.</li>
 *   <li><b>Order.</b> Events of one {@linkplain DomainEvent#orderingKey() ordering key} (one customer) arrive in the
 *       order of their writes; events of different keys may arrive in any order.</li>
 *   <li><b>Failure.</b> A sink that throws has not taken the event: the relay tries it again later, with growing
 *       back-off, and holds back the later events of the same key meanwhile; other keys go on.</li>
 *   <li>One relay calls the sink at a time, from one thread.</li>
 * </ul>
 */
@FunctionalInterface
public interface EventSink {
    /** A sink that drops every event. */
    EventSink NONE = event -> { };

    void publish(DomainEvent event);
}
