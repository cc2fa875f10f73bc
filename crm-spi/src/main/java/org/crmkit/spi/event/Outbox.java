package org.crmkit.spi.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.crmkit.spi.Capable;

/**
 * Keeps the domain events that wait for delivery: written in the same {@linkplain
 * org.crmkit.spi.storage.Storage#atomically unit} as the change that caused them, read and removed by the engine's
 * relay once a sink took them. Prove an implementation with {@code org.crmkit.spi.tck.OutboxContract}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Order.</b> {@link #append} gives each event a sequence number, ascending in the order of the appends.
 *       Engines append the events of one customer while holding the customer's lock, so those events' sequences
 *       follow the order of the customer's writes. A database may make a sequence visible after a higher one
 *       (transactions commit out of order); readers therefore never skip a message they did not see.</li>
 *   <li><b>Visibility.</b> A message appended inside a unit is neither {@link #pending} nor counted by
 *       {@link #backlog} until the unit has committed, and never if the unit is undone (its sequence then stays
 *       unused): a relay must never deliver an event of a change that did not happen. The in-memory storage, which
 *       otherwise shows a unit's writes as they happen, holds outbox messages back until the commit, before the
 *       unit's {@linkplain org.crmkit.spi.storage.Storage#afterCommit after-commit actions} run. Outside a unit a
 *       message is pending once {@link #append} returned.</li>
 *   <li><b>Durability.</b> A message stays until {@link #delivered}, across restarts; a failed attempt is recorded
 *       with {@link #failed}, so that back-off survives a restart.</li>
 *   <li><b>Lease.</b> One relay at a time delivers, among all engines sharing the storage: the one holding the
 *       {@link #lease}.</li>
 *   <li><b>Tenancy.</b> The outbox holds the events of every tenant; each event names its own.</li>
 *   <li><b>Atomicity and concurrency.</b> Implementations are thread-safe; each call is all or nothing.</li>
 * </ul>
 */
public interface Outbox extends Capable {
    /** Largest page a store must serve in {@link #pending}. */
    int MAX_PAGE_SIZE = 10_000;

    /**
     * Appends {@code event} for delivery, once the calling thread's unit commits (at once outside a unit).
     *
     * @return its sequence, positive and higher than every sequence appended before
     * @throws org.crmkit.spi.ValidationException if {@code event} is null
     */
    long append(DomainEvent event);

    /**
     * Up to {@code limit} undelivered messages whose sequence is above {@code afterSequence}, in ascending sequence
     * order, due or not.
     *
     * @param afterSequence 0 to read from the first undelivered message
     * @param limit         1 to {@value #MAX_PAGE_SIZE}
     * @throws org.crmkit.spi.ValidationException if {@code afterSequence} is negative or the limit is out of range
     */
    List<OutboxMessage> pending(long afterSequence, int limit);

    /**
     * Removes the messages of these sequences: they were delivered. Idempotent: sequences not pending (delivered
     * already, never appended, or of a unit not committed) are ignored.
     */
    void delivered(Collection<Long> sequences);

    /**
     * Removes the undelivered messages whose event has one of these {@linkplain DomainEvent#orderingKey() ordering
     * keys}: what waits about a person being erased, whose data must not leave after the erasure. Messages of units
     * not yet committed are not seen.
     *
     * @return how many messages were removed
     */
    long discard(Collection<String> orderingKeys);

    /**
     * Records a failed delivery of the message: one more attempt, not to be tried again before {@code retryAt}.
     * Ignored if the message is not pending.
     */
    void failed(long sequence, Instant retryAt);

    /** How many messages are pending (due or not), and the instant of the event of the lowest sequence. */
    OutboxBacklog backlog();

    /**
     * Takes or renews the relay lease for {@code owner} until {@code now + duration}, if the lease is free, expired
     * at {@code now} (its end is not after {@code now}), or held by {@code owner} already.
     *
     * @param owner    the relay asking: a token of at most 128 characters, unique per engine
     * @param now      the present, by the asking engine's clock
     * @param duration how long the lease lasts without renewal; positive
     * @return whether {@code owner} holds the lease now
     */
    boolean lease(String owner, Instant now, Duration duration);

    /** Gives the lease up if {@code owner} holds it, so that another relay can take over at once. */
    void release(String owner);
}
