package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.event.OutboxMessage;
import org.jspecify.annotations.Nullable;

/**
 * The reference model of an outbox: the sequences given out, the pending messages by sequence, the messages of the
 * running unit (invisible until it commits) and the lease. Events are segment-membership changes of a few customers.
 */
final class OutboxModel {
    static final int CUSTOMERS = 3;

    private final List<Long> appended = new ArrayList<>();
    private final TreeMap<Long, OutboxMessage> pending = new TreeMap<>();
    private final List<OutboxMessage> staged = new ArrayList<>();
    private boolean inUnit;
    private long events;
    private @Nullable String leaseOwner;
    private Instant leaseUntil = Instant.MIN;

    /** Event number {@code n}, about customer {@code customer} of the tenant, at {@code n} seconds after T0. */
    static DomainEvent event(TenantId tenant, int customer, long n) {
        return new DomainEvent.SegmentMembershipChanged(EventId.of(new UUID(0x7C4L, n)), tenant,
                Fixtures.T0.plusSeconds(n), "vip", CustomerModel.id(customer), n % 2 == 0);
    }

    /** The number of the next event to append. */
    long nextEvent() {
        return ++events;
    }

    long lastSequence() {
        return appended.isEmpty() ? 0 : appended.get(appended.size() - 1);
    }

    /** One of the sequences given out so far, picked by {@code pick}; empty if none was. */
    Optional<Long> sequence(int pick) {
        return appended.isEmpty() ? Optional.empty() : Optional.of(appended.get(pick % appended.size()));
    }

    void append(long sequence, DomainEvent event) {
        appended.add(sequence);
        OutboxMessage message = OutboxMessage.of(sequence, event);
        if (inUnit) {
            staged.add(message);
        } else {
            pending.put(sequence, message);
        }
    }

    void delivered(Collection<Long> sequences) {
        sequences.forEach(pending::remove);
    }

    /** Removes the pending messages of these ordering keys; how many. */
    long discard(Collection<String> keys) {
        List<Long> gone = pending.values().stream().filter(m -> keys.contains(m.event().orderingKey()))
                .map(OutboxMessage::sequence).toList();
        gone.forEach(pending::remove);
        return gone.size();
    }

    void failed(long sequence, Instant retryAt) {
        pending.computeIfPresent(sequence, (s, m) -> m.failed(retryAt));
    }

    boolean lease(String owner, Instant now, Duration duration) {
        if (leaseOwner == null || leaseOwner.equals(owner) || !leaseUntil.isAfter(now)) {
            leaseOwner = owner;
            leaseUntil = now.plus(duration);
            return true;
        }
        return false;
    }

    void release(String owner) {
        if (owner.equals(leaseOwner)) {
            leaseOwner = null;
            leaseUntil = Instant.MIN;
        }
    }

    /** A unit starts: what is appended from now on stays invisible until {@link #commit()}. */
    void begin() {
        inUnit = true;
    }

    /** The unit committed: what it appended becomes pending. */
    void commit() {
        staged.forEach(m -> pending.put(m.sequence(), m));
        staged.clear();
        inUnit = false;
    }

    OutboxModel copy() {
        OutboxModel copy = new OutboxModel();
        copy.appended.addAll(appended);
        copy.pending.putAll(pending);
        copy.staged.addAll(staged);
        copy.inUnit = inUnit;
        copy.events = events;
        copy.leaseOwner = leaseOwner;
        copy.leaseUntil = leaseUntil;
        return copy;
    }

    /** Asserts that the pending messages and the backlog of {@code outbox} are the model's. */
    void assertSameAs(Outbox outbox) {
        List<OutboxMessage> expected = List.copyOf(pending.values());
        assertThat(Reads.pendingAll(outbox, 2)).as("pending").isEqualTo(expected);
        assertThat(outbox.backlog()).as("backlog").isEqualTo(expected.isEmpty() ? OutboxBacklog.EMPTY
                : new OutboxBacklog(expected.size(), Optional.of(expected.get(0).event().at())));
    }
}
