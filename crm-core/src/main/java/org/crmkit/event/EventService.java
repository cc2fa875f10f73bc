package org.crmkit.event;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import org.crmkit.internal.Listeners;
import org.crmkit.internal.OutboxRelay;
import org.crmkit.spi.Checks;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;

/**
 * Domain events as a host receives them: {@code crm.events()}.
 *
 * <ul>
 *   <li>Every write puts its events in the storage's {@link Outbox} in the same atomic unit; a relay delivers them
 *       to the builder's {@link org.crmkit.spi.event.EventSink} and to the listeners {@linkplain #subscribe
 *       subscribed} here, after the write committed, on the relay's own thread: at least once, in the order of
 *       writes for each {@linkplain DomainEvent#orderingKey() customer}, each with an id to deduplicate on.</li>
 *   <li>A sink or listener that throws fails neither the write nor loses the event: the relay tries the event
 *       again after a back-off that doubles with every attempt (from {@code Crm.Builder.eventRetry}), holding back
 *       that customer's later events meanwhile. Undelivered events stay in the outbox across restarts.</li>
 *   <li>Among the engines sharing one storage, one relays at a time (it holds the outbox's lease; another takes
 *       over within 10 seconds when it stops). Listeners are called by the engine that relays, so configure every
 *       engine of a deployment alike.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class EventService {
    private final Listeners listeners;
    private final OutboxRelay relay;
    private final Outbox outbox;
    private final Clock clock;

    /** Used by {@code Crm}; hosts obtain the service from there. */
    public EventService(Listeners listeners, OutboxRelay relay, Outbox outbox, Clock clock) {
        this.listeners = listeners;
        this.relay = relay;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Calls {@code listener} with every event of {@code type} (a {@link DomainEvent} record type, or
     * {@code DomainEvent.class} for all) that the relay delivers from now on, after the sink took it. A listener
     * that throws has the event delivered again later (to the sink and every listener). Listeners are called one at
     * a time, on the relay's thread, in the order they subscribed.
     *
     * <pre>{@code
     * crm.events().subscribe(DomainEvent.ConsentChanged.class, e -> crm2erp.consent(e.customer(), e.state()));
     * }</pre>
     */
    public <E extends DomainEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        Runnable remove = listeners.add(Checks.notNull(type, "type"), Checks.notNull(listener, "listener"));
        return remove::run;
    }

    /** How many events wait for delivery, and how long the oldest has waited. */
    public EventBacklog backlog() {
        OutboxBacklog b = outbox.backlog();
        return new EventBacklog(b.count(), b.oldest().map(o -> {
            Duration age = Duration.between(o, clock.instant());
            return age.isNegative() ? Duration.ZERO : age;
        }));
    }

    /**
     * Delivers, on the calling thread, every event that is due now (waiting for a pass of the relay's thread in
     * progress), if this engine holds or can take the relay lease. Events retried later after a failure are not
     * due yet and stay. For tests and for hosts that run without the relay's thread.
     *
     * @return how many events were delivered
     */
    public int flush() {
        return relay.pass();
    }
}
